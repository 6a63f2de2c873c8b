"""Health-check rules that need the checklist: which items apply to the
enterprise and the workforce the check records, what a final check must hold,
and a conclusion that follows from the results.

Applicability follows the record: the dispatch items apply exactly when the
check records dispatched workers (劳务派遣暂行规定), the migrant-worker items
when it records migrant workers (保障农民工工资支付条例), and the
construction-site items when the enterprise is in construction (条例 第四章) —
so a restaurant never gets construction-site findings or advice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.services.checks import checklists
from app.services.checks.checklists import ChecklistSpec
from app.services.core.messages import N_, Message
from app.services.core.validation import Problems, add

RESULT_CODES = ("compliant", "noncompliant", "na", "unchecked")


@dataclass(frozen=True)
class ResultFact:
    """What the rules need of one result."""

    item_code: str
    group: str
    severity: str
    result: str
    remedy: str = ""


def facts_of(spec: ChecklistSpec, results: Iterable[Any]) -> list[ResultFact]:
    """The facts of results as entered (each with item_code and result), the item's
    group, severity and remedy read from the checklist edition; a code the edition
    does not hold is left out."""
    items = {i.code: i for i in spec.items}
    return [
        ResultFact(
            r.item_code,
            items[r.item_code].group,
            items[r.item_code].severity,
            r.result,
            items[r.item_code].remedy,
        )
        for r in results
        if r.item_code in items
    ]


def context_for(industry: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "industry": industry,
        "dispatched_workers": values.get("dispatched_workers"),
        "migrant_workers": values.get("migrant_workers"),
        "employee_count": values.get("staff_count"),
    }


def _condition_label(spec: ChecklistSpec, condition: str) -> str:
    return str(spec.conditions.get(condition, {}).get("label", condition))


def result_problems(
    spec: ChecklistSpec,
    results: Sequence[tuple[str, str]],
    context: Mapping[str, Any],
    *,
    applicability: bool = True,
) -> Problems:
    """Unknown items, unknown results, items given twice, and (unless asked not to)
    applicability. A draft is not held to applicability: the workforce figures it
    depends on may still be missing (a scanned form's handwritten numbers are typed
    after the ticks are read); finalising is."""
    errors: Problems = {}
    items = {i.code: i for i in spec.items}
    codes = [code for code, _ in results]
    unknown = [c for c in codes if c not in items]
    if unknown:
        add(
            errors,
            "results",
            N_(
                "体检清单第 {edition} 版没有以下编号的检查项：{codes}。请按该版本清单填写结果。",
                edition=spec.edition,
                codes=unknown,
            ),
        )
    bad = [c for c, r in results if r not in RESULT_CODES]
    if bad:
        add(
            errors,
            "results",
            N_("检查结果只能是 合规、不合规、不适用 或 未查（{codes}）。", codes=bad),
        )
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        add(errors, "results", N_("同一检查项填写了两次：{codes}。", codes=duplicates))
    wrongly_applied: list[str] = []
    wrongly_excluded: list[str] = []
    for code, result in results:
        item = items.get(code)
        if not applicability or item is None or not item.condition:
            continue
        applies = checklists.condition_met(item.condition, spec.conditions, dict(context))
        if not applies and result in ("compliant", "noncompliant"):
            wrongly_applied.append(code)
        elif applies and result == "na":
            wrongly_excluded.append(code)
    for wrong, message in (
        (
            wrongly_applied,
            N_(
                "{codes} 只适用于{who}；按本次记录的用工情况和企业行业不适用，应标为“不适用”（或更正用工人数、企业行业）。"
            ),
        ),
        (
            wrongly_excluded,
            N_("本次体检记录的情况属于{who}，{codes} 适用，不能标为“不适用”：请填写检查结果。"),
        ),
    ):
        if wrong:
            conditions = sorted({items[c].condition for c in wrong})
            who = [_condition_label(spec, c) for c in conditions]
            add(errors, "results", message.filled(codes=wrong, who=who))
    return errors


def final_problems(results: Iterable[tuple[str, str]], conclusion: str) -> Problems:
    """What a check must hold before it is final: every applicable item checked,
    a conclusion written."""
    errors: Problems = {}
    unchecked = [code for code, result in results if result == "unchecked"]
    if len(unchecked) > 8:
        add(
            errors,
            "results",
            N_(
                "还有 {n} 项未查（{codes}…）。请填写结果，或标为“不适用”后再定稿。",
                n=len(unchecked),
                codes=unchecked[:8],
            ),
        )
    elif unchecked:
        add(
            errors,
            "results",
            N_("还有未查的检查项：{codes}。请填写结果，或标为“不适用”后再定稿。", codes=unchecked),
        )
    if not conclusion.strip():
        add(errors, "conclusion", N_("请填写体检结论（可使用按检查结果拟好的结论，再作修改）。"))
    return errors


# -- the conclusion ---------------------------------------------------------------------------
_NO_RISK = re.compile(
    r"未发现[^，。；]{0,8}?(风险|问题|违法|隐患)|无(明显)?(风险|问题|隐患)|(全部|均)合规|"
    r"不存在[^，。；]{0,6}?(风险|问题|隐患)|总体规范|用工规范"
)
_RISK = re.compile(
    r"(?<!未)(?<!不)存在[^，。；]{0,10}?(风险|问题|隐患|薄弱)|不合规|限期整改|需[^，。；]{0,4}整改|欠薪|拖欠"
)


def proposed_conclusion(results: Sequence[ResultFact], values: Mapping[str, Any]) -> str:
    """A conclusion drafted from the results, for the coordinator to edit."""
    checked = [r for r in results if r.result in ("compliant", "noncompliant")]
    bad = [r for r in results if r.result == "noncompliant"]
    unchecked = [r for r in results if r.result == "unchecked"]
    owed_people = values.get("wages_owed_people") or 0
    owed_yuan = values.get("wages_owed_yuan") or 0
    parts: list[str] = []
    if bad:
        high = sum(1 for r in bad if r.severity == "高")
        groups = list(dict.fromkeys(r.group for r in bad))
        parts.append(
            f"本次体检检查 {len(checked)} 项，发现 {len(bad)} 项不合规"
            + (f"（其中风险程度高的 {high} 项）" if high else "")
            + f"，涉及{'、'.join(groups)}，存在劳动用工法律风险，须按整改建议书限期整改。"
        )
    elif checked:
        parts.append(f"本次体检检查 {len(checked)} 项，均合规，未发现劳动用工法律风险。")
    if owed_people or owed_yuan:
        parts.append(
            f"企业拖欠 {owed_people} 名职工工资 {owed_yuan} 元，存在欠薪风险，须立即足额支付。"
        )
    if unchecked:
        parts.append(f"尚有 {len(unchecked)} 项未查。")
    return "".join(parts)


def proposed_advice(results: Sequence[ResultFact]) -> str:
    """The remedies of the items found wanting, numbered — nothing about items that
    did not apply."""
    remedies = list(
        dict.fromkeys(r.remedy for r in results if r.result == "noncompliant" and r.remedy)
    )
    return "\n".join(f"{n}. {text}" for n, text in enumerate(remedies, 1))


def conclusion_warnings(
    conclusion: str, results: Sequence[ResultFact], values: Mapping[str, Any]
) -> list[Message]:
    """Where the conclusion as written contradicts the results (shown, not blocking)."""
    bad = [r.item_code for r in results if r.result == "noncompliant"]
    owed = (values.get("wages_owed_people") or 0) > 0 or (values.get("wages_owed_yuan") or 0) > 0
    out: list[Message] = []
    calm = _NO_RISK.search(conclusion)
    if calm and bad:
        out.append(
            N_(
                "结论写“{phrase}”，但本次有 {n} 项不合规（{codes}）：请核对结论。",
                phrase=calm.group(0),
                n=len(bad),
                codes=bad[:8],
            )
        )
    elif calm and owed:
        out.append(N_("结论写“{phrase}”，但本次记录了拖欠工资：请核对结论。", phrase=calm.group(0)))
    alarm = _RISK.search(conclusion)
    if alarm and not bad and not owed:
        out.append(
            N_(
                "结论写“{phrase}”，但本次没有不合规项，也没有记录欠薪：请核对结论或检查结果。",
                phrase=alarm.group(0),
            )
        )
    return out
