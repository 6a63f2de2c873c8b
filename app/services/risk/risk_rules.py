"""The office's risk-scoring rules: transparent, shipped as data, editable.

There is no national formula for grading wage-arrears risk (docs/law.md, "Risk grading"); the
shipped rules are a starting point the office adapts. A rule reads one metric,
aggregates it over the data window, compares it with a value and adds points;
a red-line rule forces the highest level. A rule may require other rules to
have fired; loops between rules are refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.models.db import Database
from app.paths import resource_path

AGGREGATES = {
    "latest": "最近一期的值",
    "sum": "统计期内合计",
    "change_pct_3m": "较3个月前变化（%）",
    "yoy_change_pct": "近3个月合计较上年同期变化（%）",
}
OPS = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
}
RULE_FIELDS = {
    "id",
    "name",
    "metric",
    "aggregate",
    "op",
    "value",
    "points",
    "red_line",
    "requires",
    "enabled",
}
METRICS = {
    "tax_paid": "实缴税额",
    "tax_arrears": "欠税金额",
    "insured_headcount": "参保人数",
    "si_arrears_months": "社保欠费月数",
    "si_arrears_amount": "社保欠费金额",
    "utility_arrears": "水电燃气欠费",
    "wage_lawsuits": "涉劳动报酬诉讼",
    "enforcement": "被强制执行",
    "abnormal_list": "经营异常名录",
    "wage_complaints": "欠薪投诉",
    "complaint_people": "投诉涉及人数",
    "complaint_amount": "投诉涉及金额",
    "check_owed_people": "体检发现被拖欠工资人数",
    "open_wage_claims": "处置中的集体讨薪",
    "open_risk_events": "处置中的重大风险隐患",
    "overdue_rectifications": "逾期整改事项",
    "open_layoffs": "办理中的裁员备案",
}
LEVELS = ("low", "medium", "high")
LEVEL_LABELS = {"high": "高", "medium": "中", "low": "低"}
LEVEL_LABELS_EN = {"high": "High", "medium": "Medium", "low": "Low"}


class RulesError(ValueError):
    """A risk-grading rules file has problems; the rules were not adopted."""


@dataclass
class Rule:
    id: str
    name: str
    metric: str
    aggregate: str
    op: str
    value: float
    points: int
    red_line: bool = False
    requires: list[str] = field(default_factory=list)
    enabled: bool = True


@dataclass
class RuleSet:
    rules: list[Rule]
    high: int
    medium: int
    window_months: int
    note: str = ""

    def level_for(self, score: int, red_line: bool) -> str:
        if red_line or score >= self.high:
            return "high"
        return "medium" if score >= self.medium else "low"

    def as_json(self) -> str:
        return json.dumps(
            {
                "note": self.note,
                "levels": {"high": self.high, "medium": self.medium},
                "window_months": self.window_months,
                "rules": [r.__dict__ for r in self.rules],
            },
            ensure_ascii=False,
            indent=2,
        )


def parse(text: str) -> RuleSet:
    """A rules file, checked: unknown fields, metrics, aggregates and operators, and loops, all listed."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RulesError(
            f"规则文件不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近有错误。"
        ) from exc
    problems: list[str] = []
    rules: list[Rule] = []
    for n, raw in enumerate(data.get("rules", []), start=1):
        unknown = set(raw) - RULE_FIELDS
        where = f"第 {n} 条规则（{raw.get('id', '?')}）"
        if unknown:
            problems.append(f"{where}有未知字段：{'、'.join(sorted(unknown))}")
            continue
        rule = Rule(**{k: raw[k] for k in raw})
        if not rule.requires:
            if rule.metric not in METRICS:
                problems.append(f"{where}读取的数据“{rule.metric}”未定义")
            if rule.aggregate not in AGGREGATES:
                problems.append(
                    f"{where}的计算方式“{rule.aggregate}”未定义（可用：{'、'.join(AGGREGATES)}）"
                )
            if rule.op not in OPS:
                problems.append(f"{where}的比较符“{rule.op}”未定义")
        if not isinstance(rule.points, int) or rule.points < 0:
            problems.append(f"{where}的分值应为非负整数")
        rules.append(rule)
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"规则编号重复：{'、'.join(duplicates)}")
    for r in rules:
        missing = [x for x in r.requires if x not in ids]
        if missing:
            problems.append(f"规则 {r.id} 依赖的规则不存在：{'、'.join(missing)}")
    cycle = _find_cycle({r.id: r.requires for r in rules})
    if cycle:
        problems.append("规则之间循环依赖：" + " → ".join(cycle))
    levels = data.get("levels", {})
    high, medium = levels.get("high"), levels.get("medium")
    if not isinstance(high, int) or not isinstance(medium, int) or not 0 < medium < high:
        problems.append("等级分数线应满足 0 < 中 < 高（如 中 30、高 60）")
    if problems:
        raise RulesError("评分规则有以下问题，未采用：\n" + "\n".join(problems))
    return RuleSet(rules, high, medium, int(data.get("window_months", 12)), data.get("note", ""))


def _find_cycle(graph: dict[str, list[str]]) -> list[str]:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt in graph and state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return []

    for node in graph:
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return []


def order(rules: list[Rule]) -> list[Rule]:
    """Rules in an order where each comes after the rules it requires."""
    done: set[str] = set()
    out: list[Rule] = []
    pending = list(rules)
    while pending:
        ready = [r for r in pending if all(x in done for x in r.requires)]
        for r in ready:
            out.append(r)
            done.add(r.id)
        pending = [r for r in pending if r.id not in done]
        if not ready:  # pragma: no cover - parse() refuses loops
            break
    return out


def default_text() -> str:
    return resource_path("rules", "risk.json").read_text("utf-8")


def load(db: Database) -> RuleSet:
    """The office's rules if it saved its own, else the shipped ones."""
    return parse(db.get_setting("risk.rules_json") or default_text())


def save(db: Database, text: str) -> RuleSet:
    rules = parse(text)
    db.set_settings({"risk.rules_json": text})
    return rules


def describe(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
