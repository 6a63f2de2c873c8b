"""What a grade keeps of each rule that fired, and the reason read back in either
language.

A grade stores its reasons as JSON (RiskGrade.reasons_json): the Chinese text, as
printed on the visit list and sent to the city in a bundle, and beside it the parts
it was made of (the rule's name, the figure's metric, value and period). The window
rebuilds the reason as a service message from those parts, so the English window
shows it in English (README, 风险研判). A grade stored before the parts were kept,
or one from an office on an older version, has only its text, shown as stored.

The rules are the office's own data (设置 → 风险评分规则): a rule the office named
itself keeps its name in both languages; the default rules' names have English."""

from __future__ import annotations

from typing import Any

from app.services.core.messages import N_, Label, Message
from app.services.risk import risk_rules
from app.services.risk.risk_figures import Figure
from app.services.risk.risk_rules import METRICS, Rule

METRICS_EN = {
    "tax_paid": "tax paid",
    "tax_arrears": "tax owed",
    "insured_headcount": "insured headcount",
    "si_arrears_months": "months of social insurance owed",
    "si_arrears_amount": "social insurance owed (yuan)",
    "utility_arrears": "utility bills owed",
    "wage_lawsuits": "lawsuits over pay",
    "enforcement": "enforcement orders",
    "abnormal_list": "on the abnormal-operations list",
    "wage_complaints": "wage complaints",
    "complaint_people": "workers in complaints",
    "complaint_amount": "amount in complaints",
    "check_owed_people": "workers owed wages at the check",
    "open_wage_claims": "collective wage claims being handled",
    "open_risk_events": "major risks being handled",
    "overdue_rectifications": "overdue rectification items",
    "open_layoffs": "layoff filings open",
}
# The names of the rules in resources/rules/risk.json, by their Chinese name: a rule
# renamed by the office is shown as it was named.
RULE_NAMES_EN = {
    "社保欠缴3个月及以上": "Social insurance owed for 3 months or more",
    "社保欠缴": "Social insurance owed",
    "参保人数较3个月前下降20%以上": "Insured headcount down 20% or more on 3 months before",
    "近3个月纳税额同比下降30%以上": "Tax paid in the last 3 months down 30% or more on a year before",
    "欠缴税款": "Tax owed",
    "拖欠水电燃气费": "Utility bills owed",
    "涉劳动报酬诉讼": "Lawsuits over pay",
    "被强制执行": "Enforcement orders",
    "列入经营异常名录": "On the abnormal-operations list",
    "欠薪投诉": "Wage complaints",
    "欠薪投诉涉及10人以上": "Wage complaints from 10 or more workers",
    "体检发现拖欠10人以上工资": "Check found 10 or more workers owed wages",
    "集体讨薪（重大风险隐患处置中）": "Collective wage claim (major risk being handled)",
    "有处置中的重大风险隐患": "A major risk being handled",
    "整改事项逾期": "Rectification items overdue",
    "有办理中的裁员备案": "A layoff filing open",
    "社保欠缴且有欠薪投诉": "Social insurance owed and wage complaints",
}


def reason(rule: Rule, figure: Figure | None) -> dict[str, Any]:
    """What a grade keeps of a rule that fired: its text and the parts of it."""
    parts: dict[str, Any] = {"name": rule.name, "points": rule.points}
    if figure is not None:
        parts["metric"] = rule.metric
        parts["period"] = figure.period or ""
        if rule.aggregate in ("change_pct_3m", "yoy_change_pct"):
            parts["change"] = f"{figure.value:+.1f}"
        else:
            parts["value"] = risk_rules.describe(figure.value)
    message = _message(parts, rule.red_line)
    return {"rule": rule.id, "text": str(message), "points": rule.points,
            "red_line": rule.red_line, "parts": parts}  # fmt: skip


def reason_text(rule: Rule, figure: Figure | None) -> str:
    return str(reason(rule, figure)["text"])


def shown(stored: dict[str, Any]) -> str:
    """A stored reason as a message the window shows in its language (a str, its
    Chinese text, everywhere else); the stored text when it has no parts."""
    parts = stored.get("parts")
    if not isinstance(parts, dict):
        return str(stored["text"])
    message = _message(parts, bool(stored.get("red_line")))
    # Parts that no longer make the stored text (a later change of wording) yield to it.
    return message if str(message) == stored["text"] else str(stored["text"])


def _message(parts: dict[str, Any], red_line: bool) -> Message:
    name = Label(parts["name"], RULE_NAMES_EN.get(parts["name"], parts["name"]))
    metric_code = parts.get("metric", "")
    metric = Label(METRICS.get(metric_code, metric_code), METRICS_EN.get(metric_code, metric_code))
    period, points = parts.get("period", ""), parts["points"]
    if "change" in parts:
        message = N_(
            "{rule}（{metric}变化 {change}%，{period} 数据）：+{points}",
            rule=name, metric=metric, change=parts["change"], period=period, points=points,
        )  # fmt: skip
    elif "value" in parts and period:
        message = N_(
            "{rule}（{metric} {value}，{period} 数据）：+{points}",
            rule=name, metric=metric, value=parts["value"], period=period, points=points,
        )  # fmt: skip
    elif "value" in parts:
        message = N_(
            "{rule}（{metric} {value}）：+{points}",
            rule=name, metric=metric, value=parts["value"], points=points,
        )  # fmt: skip
    else:
        message = N_("{rule}：+{points}", rule=name, points=points)
    return N_("{reason}，红线", reason=message) if red_line else message
