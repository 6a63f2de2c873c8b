from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.services.core import spill
from app.services.core.progress import drain
from app.services.core.spreadsheet import SpreadsheetError
from app.services.register import enterprises
from app.services.risk import risk_grading, risk_import, risk_match, risk_rules
from app.services.risk.risk_facts import FactTable
from tests.builders import code, social_xlsx

TODAY = date(2023, 7, 1)


@pytest.fixture
def firms(db):
    ids = {}
    for n, name in enumerate(("汝州市甲公司", "汝州市乙公司", "汝州市丙公司"), start=1):
        ids[name] = enterprises.create(
            db, {"name": name, "credit_code": code(n), "county_code": "410482"}
        )
    return ids


def run_import(db, path, source):
    plan = drain(risk_import.plan_import(db, path, source))
    return plan, drain(risk_import.apply_import(db, plan, today=TODAY))


def grade(db):
    return drain(risk_grading.grade(db, today=TODAY))


def test_social_arrears_red_line_and_reasons(db, firms, tmp_path):
    path = social_xlsx(
        tmp_path / "社保.xlsx",
        [
            ["汝州市甲公司", code(1), "2023-05", "120", "4", "80,000"],
            ["汝州市乙公司", "", "2023年5月", "30", "1", "3000"],  # no code: matched by name
            ["外县某公司", "91410422MA0000000X", "2023-05", "10", "0", "0"],
        ],
    )
    plan, batch = run_import(db, path, "social")
    assert (
        plan.matched_by_code == 1
        and plan.matched_by_name == 1
        and plan.unmatched[0][1] == "外县某公司"
    )
    result = risk_grading.latest_summary(db)  # the import graded every enterprise
    assert result["high"] == 1 and result["medium"] == 0 and result["rose"] == 1
    a = risk_grading.enterprise_grade(db, firms["汝州市甲公司"])
    assert a["level"] == "high" and a["red_line"] and a["score"] == 60
    assert "社保欠缴3个月及以上（社保欠费月数 4，2023-05 数据）：+40，红线" in a["reasons"]
    b = risk_grading.enterprise_grade(db, firms["汝州市乙公司"])
    assert b["level"] == "low" and b["score"] == 20  # 20 < 30
    assert risk_grading.enterprise_grade(db, firms["汝州市丙公司"])["level"] == "low"


@pytest.mark.parametrize(("months", "score"), [(0, 0), (1, 20), (2, 20), (3, 60)])
def test_si_arrears_rule_edges(db, firms, tmp_path, months, score):
    run_import(
        db,
        social_xlsx(
            tmp_path / "s.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", str(months), "1"]]
        ),
        "social",
    )
    grade(db)
    assert risk_grading.enterprise_grade(db, firms["汝州市甲公司"])["score"] == score


def test_red_line_overrides_a_low_score(db, firms):
    rules = risk_rules.parse(risk_rules.default_text())
    rule = next(r for r in rules.rules if r.id == "collective_claim")
    assert rule.points < rules.high and rules.level_for(rule.points, True) == "high"
    assert rules.level_for(rule.points, False) == "medium"


def test_wide_month_columns_and_yoy_tax_drop(db, firms, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "纳税人名称",
            "纳税人识别号",
            "2022年3月",
            "2022年4月",
            "2022年5月",
            "2023年3月",
            "2023年4月",
            "2023年5月",
        ]
    )
    ws.append(["汝州市甲公司", code(1), 100, 100, 100, 60, 60, 60])  # -40%
    ws.append(["汝州市乙公司", code(2), 100, 100, 100, 90, 80, 80])  # -16.7%
    wb.save(tmp_path / "tax.xlsx")
    plan, _ = run_import(db, tmp_path / "tax.xlsx", "tax")
    assert sorted(set(plan.month_columns.values())) == [
        "2022-03",
        "2022-04",
        "2022-05",
        "2023-03",
        "2023-04",
        "2023-05",
    ]
    grade(db)
    a = risk_grading.enterprise_grade(db, firms["汝州市甲公司"])
    assert a["score"] == 15 and "变化 -40.0%" in a["reasons"][0]
    assert risk_grading.enterprise_grade(db, firms["汝州市乙公司"])["score"] == 0


def test_rising_levels_between_snapshots_and_rollback(db, firms, tmp_path):
    run_import(
        db,
        social_xlsx(tmp_path / "a.xlsx", [["汝州市甲公司", code(1), "2023-04", "50", "1", "1"]]),
        "social",
    )
    first = grade(db)
    assert risk_grading.enterprise_grade(db, firms["汝州市甲公司"])["level"] == "low"
    _plan, batch = run_import(
        db,
        social_xlsx(tmp_path / "b.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", "3", "1"]]),
        "social",
    )
    second = risk_grading.latest_summary(db)  # graded by the import itself
    assert second["rose"] == 1 and risk_grading.enterprise_grade(db, firms["汝州市甲公司"])["rose"]
    assert risk_grading.current_levels(db, [firms["汝州市甲公司"]])[firms["汝州市甲公司"]] == (
        "high",
        True,
    )
    assert drain(risk_import.rollback(db, batch, today=TODAY)) == 3  # headcount, months, amount
    again = risk_grading.enterprise_grade(db, firms["汝州市甲公司"])
    assert again["level"] == "low" and again["score"] == 20 and first["low"] == 3


def test_bad_files(db, firms, tmp_path):
    path = social_xlsx(tmp_path / "s.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", "1", "1"]])
    with pytest.raises(SpreadsheetError) as err:
        drain(risk_import.plan_import(db, path, "tax"))
    assert "社保" in str(err.value)
    bad = social_xlsx(
        tmp_path / "b.xlsx",
        [
            ["汝州市甲公司", code(1), "2023-13", "50", "1", "1"],
            ["汝州市乙公司", code(2), "2023-05", "-5", "1", "1"],
            ["汝州市丙公司", code(3), "2023-05", "10", "1", "1"],
            ["汝州市丙公司", code(3), "2023-05", "12", "1", "1"],
        ],
    )
    plan = drain(risk_import.plan_import(db, bad, "social"))
    reasons = " ".join(r for _n, r in plan.problems)
    assert "不是有效的月份" in reasons and "负数" in reasons and "重复" in reasons
    assert {f.enterprise_id for f in plan.facts} == {firms["汝州市丙公司"]}


def test_month_column_that_is_not_a_month(db, firms, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["单位名称", "统一社会信用代码", "2023年5月", "2023年13月"])
    wb.active.append(["汝州市甲公司", code(1), 50, 49])
    wb.save(tmp_path / "w.xlsx")
    plan = drain(risk_import.plan_import(db, tmp_path / "w.xlsx", "social"))
    assert any("2023年13月" in r for _n, r in plan.problems)
    assert [f.period for f in plan.facts] == ["2023-05"]


def test_rules_file_problems():
    with pytest.raises(risk_rules.RulesError) as err:
        risk_rules.parse(
            '{"levels": {"high": 60, "medium": 30}, "rules": [{"id": "a", "name": "x", "metric": "tax_paid", "aggregate": "sum", "op": ">", "value": 0, "points": 1, "colour": "red"}]}'
        )
    assert "未知字段" in str(err.value) and "colour" in str(err.value)
    loop = (
        '{"levels": {"high": 60, "medium": 30}, "rules": ['
        '{"id": "a", "name": "A", "metric": "", "aggregate": "", "op": "", "value": 0, "points": 1, "requires": ["b"]},'
        '{"id": "b", "name": "B", "metric": "", "aggregate": "", "op": "", "value": 0, "points": 1, "requires": ["a"]}]}'
    )
    with pytest.raises(risk_rules.RulesError) as err:
        risk_rules.parse(loop)
    assert "循环依赖" in str(err.value) and "a → b → a" in str(err.value)


def test_internal_signals_count(db, firms):
    from app.services.risk import risk_events

    risk_events.save(
        db,
        risk_events.EventInput(firms["汝州市乙公司"], "wage_claim", 20, 10000, date(2023, 6, 1)),
        today=TODAY,
    )
    grade(db)
    b = risk_grading.enterprise_grade(db, firms["汝州市乙公司"])
    assert b["level"] == "high" and b["red_line"] and any("集体讨薪" in r for r in b["reasons"])


def test_wages_owed_at_a_check_count_from_final_checks_only(db, firms):
    """体检发现拖欠10人以上工资 reads the newest final check: a draft is not written up,
    so it neither raises a grade nor hides what a final check found."""
    from app.services.checks import health_checks
    from tests.records import filled

    a, b = firms["汝州市甲公司"], firms["汝州市乙公司"]
    owed = {"wages_owed_people": 12, "wages_owed_yuan": 60000}
    health_checks.create(db, filled(db, a, date(2023, 6, 1), (), **owed), final=True)
    health_checks.create(db, health_checks.template(db, a, date(2023, 6, 20)))  # a newer draft
    health_checks.create(db, filled(db, b, date(2023, 6, 10), (), **owed))  # a draft only
    grade(db)
    graded_a = risk_grading.enterprise_grade(db, a)
    assert graded_a["level"] == "high" and any("拖欠10人以上" in r for r in graded_a["reasons"])
    assert risk_grading.enterprise_grade(db, b)["score"] == 0


def test_visit_list_excludes_checked(db, firms, tmp_path):
    from app.services.checks import health_checks

    run_import(
        db,
        social_xlsx(
            tmp_path / "s.xlsx",
            [
                ["汝州市甲公司", code(1), "2023-05", "50", "4", "1"],
                ["汝州市乙公司", code(2), "2023-05", "50", "5", "1"],
            ],
        ),
        "social",
    )
    grade(db)
    assert {r["name"] for r in risk_grading.visit_list(db, since=date(2023, 1, 1))} == {
        "汝州市甲公司",
        "汝州市乙公司",
    }
    health_checks.create(db, health_checks.template(db, firms["汝州市乙公司"], date(2023, 6, 20)))
    rows = risk_grading.visit_list(db, since=date(2023, 1, 1))
    assert [r["name"] for r in rows] == ["汝州市甲公司"] and rows[0]["reasons"]


def test_other_sources(db, firms, tmp_path):
    for name, header, row in (
        (
            "court",
            ["被告", "统一社会信用代码", "案由"],
            ["汝州市甲公司", code(1), "追索劳动报酬纠纷"],
        ),
        (
            "abnormal",
            ["企业名称", "统一社会信用代码", "列入日期", "移出日期"],
            ["汝州市乙公司", code(2), "2023-02-01", ""],
        ),
        (
            "complaint",
            ["被投诉单位", "统一社会信用代码", "投诉日期", "涉及人数"],
            ["汝州市丙公司", code(3), "2023-06-05", 12],
        ),
        (
            "utility",
            ["户名", "统一社会信用代码", "欠费金额", "欠费类型"],
            ["汝州市甲公司", code(1), 5000, "电费"],
        ),
    ):
        path = tmp_path / f"{name}.csv"
        path.write_text(
            ",".join(header) + "\n" + ",".join(str(c) for c in row) + "\n", encoding="gbk"
        )
        run_import(db, path, name)
    grade(db)
    assert (
        risk_grading.enterprise_grade(db, firms["汝州市甲公司"])["score"] == 25
    )  # lawsuit 15 + utilities 10
    assert risk_grading.enterprise_grade(db, firms["汝州市乙公司"])["score"] == 15
    c = risk_grading.enterprise_grade(db, firms["汝州市丙公司"])
    assert c["level"] == "high" and c["score"] == 45


def _csv(tmp_path, name, header, rows):
    path = tmp_path / name
    lines = [",".join(header)] + [",".join(str(c) for c in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="gbk")
    return path


def test_a_trend_starts_from_its_own_latest_month(db, firms, tmp_path):
    """Social insurance to May, a complaint in June: the headcount's change is May on
    February (no change), not June (no data yet) on March, which read as a 100% drop."""
    rows = [["汝州市甲公司", code(1), f"2023-{m:02d}", "50", "0", "0"] for m in range(2, 6)]
    run_import(db, social_xlsx(tmp_path / "s.xlsx", rows), "social")
    header = ["被投诉单位", "统一社会信用代码", "投诉日期", "涉及人数"]
    complaint = _csv(tmp_path, "c.csv", header, [["汝州市乙公司", code(2), "2023-06-05", 3]])
    run_import(db, complaint, "complaint")
    a = risk_grading.enterprise_grade(db, firms["汝州市甲公司"])
    assert a["reference_period"] == "2023-06" and a["score"] == 0, a["reasons"]


def test_abnormal_list_and_court_cases_carry_their_dates(db, firms, tmp_path):
    """经营异常名录: listed from the month of 列入日期, off the list from the month of
    移出日期 (a later file's removal clears an earlier listing); court cases from the
    month of 立案日期, so old ones fall out of the data window like any dated figure."""
    a, b = firms["汝州市甲公司"], firms["汝州市乙公司"]
    head = ["企业名称", "统一社会信用代码", "列入日期", "移出日期", "列入原因"]
    listed = [["汝州市甲公司", code(1), "2023-02-01", "", "未报年报"]]
    run_import(db, _csv(tmp_path, "a1.csv", head, listed), "abnormal")
    assert risk_grading.enterprise_grade(db, a)["score"] == 15
    removed = [["汝州市甲公司", code(1), "2023-02-01", "2023-05-10", "未报年报"]]
    plan, _ = run_import(db, _csv(tmp_path, "a2.csv", head, removed), "abnormal")
    assert [(f.metric, f.period, f.value) for f in plan.facts] == [
        ("abnormal_list", "2023-05", 0.0)
    ]
    assert risk_grading.enterprise_grade(db, a)["score"] == 0  # removed since
    undated = [["汝州市丙公司", code(3), "", "", "未报年报"]]
    plan = drain(risk_import.plan_import(db, _csv(tmp_path, "a3.csv", head, undated), "abnormal"))
    assert not plan.facts and "没有列入日期" in plan.problems[0][1]
    court = ["被告", "统一社会信用代码", "案由", "立案日期"]
    cases = [
        ["汝州市乙公司", code(2), "追索劳动报酬纠纷", "2021-03-02"],  # out of the window
        ["汝州市丙公司", code(3), "追索劳动报酬纠纷", "2023-04-20"],
    ]
    plan, _ = run_import(db, _csv(tmp_path, "court.csv", court, cases), "court")
    assert sorted(f.period for f in plan.facts) == ["2021-03", "2023-04"]
    assert risk_grading.enterprise_grade(db, b)["score"] == 0
    c = risk_grading.enterprise_grade(db, firms["汝州市丙公司"])
    assert c["score"] == 15 and any("涉劳动报酬诉讼" in r for r in c["reasons"])


def test_matching_reads_the_register_only_for_names(db, firms, tmp_path, monkeypatch):
    """Rows are matched by credit code through the live credit-code index a block at a
    time; the register is read (once, a block at a time) only when some row must be
    matched by name, and only the file's names are kept: a million enterprises held
    whole were ~600 MB for any file (issue 17)."""
    for n in range(4, 40):
        enterprises.create(
            db, {"name": f"汝州市第{n}公司", "credit_code": code(n), "county_code": "410482"}
        )
    for n in (50, 51):  # two such: the name matches nothing
        enterprises.create(
            db, {"name": "汝州市同名公司", "credit_code": code(n), "county_code": "410482"}
        )
    monkeypatch.setattr(risk_match, "INDEX_BLOCK", 4)  # blocks end between the matches
    monkeypatch.setattr(risk_match, "CHECK_BLOCK", 2)
    passes = []
    read_names = risk_match.register_names
    monkeypatch.setattr(risk_match, "register_names", lambda *a: passes.append(1) or read_names(*a))
    rows = [
        ["汝州市甲公司", code(1), "2023-05", "120", "4", "80,000"],
        ["汝州市第39公司", code(39), "2023-05", "30", "0", "0"],
    ]
    plan = drain(risk_import.plan_import(db, social_xlsx(tmp_path / "a.xlsx", rows), "social"))
    assert (plan.matched_by_code, plan.matched_by_name, passes) == (2, 0, [])
    rows += [
        ["汝州市乙公司", "", "2023-05", "30", "1", "3000"],
        ["汝州市同名公司", "", "2023-05", "30", "1", "3000"],
        ["汝州市第7公司", code(99), "2023-05", "30", "1", "3000"],  # a code not here: by name
        ["外县某公司", "91410400MA0000000X", "2023-05", "30", "1", "3000"],
    ]
    plan = drain(risk_import.plan_import(db, social_xlsx(tmp_path / "b.xlsx", rows), "social"))
    assert (plan.matched_by_code, plan.matched_by_name, passes) == (2, 2, [1])
    assert [u[:2] for u in plan.unmatched] == [(7, "汝州市同名公司"), (9, "外县某公司")]
    assert {f.enterprise_id for f in plan.facts if f.row == 6} == {firms["汝州市乙公司"]}


def _plan_rows(plan):
    return (
        [(f.enterprise_id, f.metric, f.period, f.value, f.matched_by, f.row) for f in plan.facts],
        list(plan.problems),
        list(plan.unmatched),
        (plan.rows_total, plan.matched_by_code, plan.matched_by_name),
    )


def test_a_spilled_plan_is_the_plan_held_in_memory(db, firms, tmp_path, monkeypatch):
    """Facts, the facts already seen and the rows to match by name go to a temporary
    file beyond a few thousand: the plan and what it writes are the same (repeated
    rows, two values for one month, rows matched by name, unmatched rows)."""
    rows = []
    for n in range(1, 31):
        who = ("汝州市甲公司", code(1)) if n % 3 else ("汝州市乙公司", "")
        rows.append([*who, f"2023-{n % 6 + 1:02d}", str(100 + n % 4), str(n % 5), "1,000"])
        if n % 7 == 0:
            rows.append(["某外地公司", "", "2023-01", "3", "0", "0"])
    path = social_xlsx(tmp_path / "社保.xlsx", rows)
    before = _plan_rows(drain(risk_import.plan_import(db, path, "social")))
    assert before[1] and before[2] and before[3][2]  # problems, unmatched, matched by name
    monkeypatch.setattr(spill, "SPILL_AFTER", 3)
    monkeypatch.setattr(spill, "BLOCK", 2)
    monkeypatch.setattr(risk_match, "CHECK_BLOCK", 4)
    plan = drain(risk_import.plan_import(db, path, "social"))
    assert _plan_rows(plan) == before
    assert plan.unmatched.spilled and isinstance(plan.facts, FactTable)
    drain(risk_import.apply_import(db, plan, today=TODAY))
    with db.reader() as conn:
        written = conn.execute(
            text("SELECT enterprise_id, metric, period, value FROM risk_fact ORDER BY 1, 2, 3")
        ).all()
    assert [tuple(r) for r in written] == sorted(f[:4] for f in before[0])


def test_settling_repeats_reads_the_fact_table_by_index(db, firms, tmp_path):
    """A city-wide file repeats the same enterprises month after month: the repeats
    and the rows they empty are found through indexes built for them (a scan of the
    fact table for each emptied row took minutes at a million rows)."""
    rows = [["汝州市甲公司", code(1), "2023-05", "120", "4", "80,000"]] * 3
    plan = drain(risk_import.plan_import(db, social_xlsx(tmp_path / "s.xlsx", rows), "social"))
    assert plan.matched_by_code == 1 and len(plan.facts) == 3
    facts = plan.facts
    plans = {
        query: " ".join(str(r[-1]) for r in facts.conn.execute(f"EXPLAIN QUERY PLAN {query}", args))
        for query, args in (
            ("SELECT k FROM f GROUP BY k HAVING count(*) > 1", ()),
            ("SELECT origin, sum(1 - dropped) FROM f WHERE origin IN (?) GROUP BY origin", (5,)),
        )
    }
    assert all("USING" in p and "INDEX" in p for p in plans.values()), plans
    repeats = [r for r, text in plan.problems if "与第 4 行的数据相同" in str(text)]
    assert repeats == [5, 6]
