"""A grade's reasons read back: rebuilt from their parts as a message (English in the
English window), and the stored Chinese text whenever the parts do not make it (a
grade stored before the parts were kept, or sent by an office on an older version)."""

from __future__ import annotations

from app.services.risk.risk_figures import Figure
from app.services.risk.risk_reasons import reason, shown
from app.services.risk.risk_rules import Rule


def _rule(**more):
    base = dict(id="si", name="社保欠缴", metric="si_arrears_months", aggregate="latest",
                op=">=", value=1, points=20)  # fmt: skip
    return Rule(**{**base, **more})


def test_the_stored_text_is_the_chinese_reason_and_the_parts_make_it_again():
    stored = reason(_rule(red_line=True), Figure(4.0, "2023-05"))
    assert stored["text"] == "社保欠缴（社保欠费月数 4，2023-05 数据）：+20，红线"
    message = shown(stored)
    assert str(message) == stored["text"]
    assert message.english() == (
        "Social insurance owed (months of social insurance owed: 4, data for 2023-05): +20, red line"
    )
    change = reason(_rule(aggregate="yoy_change_pct", name="自定规则"), Figure(-31.25, "2023-05"))
    assert change["text"] == "自定规则（社保欠费月数变化 -31.2%，2023-05 数据）：+20"
    assert shown(change).english().startswith("自定规则 (months of social insurance owed changed")


def test_a_reason_without_parts_or_with_other_parts_is_shown_as_stored():
    assert shown({"rule": "si", "text": "社保欠缴：+20", "points": 20}) == "社保欠缴：+20"
    old = reason(_rule(), None)
    old["text"] = "社保欠缴（旧的写法）：+20"
    assert shown(old) == "社保欠缴（旧的写法）：+20" and not hasattr(shown(old), "template")
