"""The legal clocks and checks of collective negotiation, as pure functions over data.

Deadlines and thresholds come from resources/rules/negotiation.json: the Henan
set (河南省企业工资集体协商条例) is the default, the national set (集体合同规定,
劳动和社会保障部令第22号) is selectable. Periods are counted as docs/law.md, "Counting periods", says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from app.paths import resource_path
from app.services.core.messages import N_, Label
from app.services.core.workdays import WorkCalendar


@cache
def rules_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("rules", "negotiation.json").read_text("utf-8"))
    return data


def rule_set(name: str | None = None) -> dict[str, Any]:
    data = rules_file()
    key = name or data["default"]
    if key not in data["sets"]:
        raise ValueError(f"未知的规则：{key}（可用：{'、'.join(data['sets'])}）")
    result: dict[str, Any] = data["sets"][key]
    return result


def rule_names() -> dict[str, str]:
    return {key: value["label"] for key, value in rules_file()["sets"].items()}


def topics_for(situation: str) -> list[str]:
    """The topics the notice names for the situation, then 集体合同规定 第8条's general topics."""
    data = rules_file()
    specific = data["situations"].get(situation, {}).get("topics", [])
    return [*specific, *[t for t in data["general_topics"] if t not in specific]]


def topic_label(code: str, english: bool = False) -> str:
    return str(rules_file()["topics_en" if english else "topics"].get(code, code))


def situation_label(code: str, english: bool = False) -> str:
    info = rules_file()["situations"].get(code, {})
    return str(info.get("label_en" if english else "label", code))


@dataclass(frozen=True)
class OfferClock:
    rules: str
    received_on: date
    reply_due: date
    reply_basis: str
    signed_on: date | None = None
    filing_due: date | None = None
    filing_basis: str = ""
    filed_on: date | None = None
    review_ends: date | None = None
    review_basis: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "rules": self.rules,
            "received": self.received_on.isoformat(),
            "reply_due": self.reply_due.isoformat(),
            "reply_basis": self.reply_basis,
            "signed": self.signed_on.isoformat() if self.signed_on else None,
            "filing_due": self.filing_due.isoformat() if self.filing_due else None,
            "filing_basis": self.filing_basis,
            "filed": self.filed_on.isoformat() if self.filed_on else None,
            "review_ends": self.review_ends.isoformat() if self.review_ends else None,
            "review_basis": self.review_basis,
        }


def offer_clock(
    received_on: date,
    calendar: WorkCalendar,
    *,
    rules: str | None = None,
    signed_on: date | None = None,
    filed_on: date | None = None,
) -> OfferClock:
    """Reply due date; with a signing date, the filing due date; and the end of the
    review period (counted from filing, or from the filing due date if not yet filed)."""
    key = rules or rules_file()["default"]
    r = rule_set(key)
    reply_due = calendar.due_date(received_on, r["reply"]["days"], r["reply"]["kind"])
    filing_due = review_ends = None
    if signed_on:
        filing_due = calendar.due_date(signed_on, r["filing"]["days"], r["filing"]["kind"])
        review_ends = calendar.due_date(
            filed_on or filing_due, r["review"]["days"], r["review"]["kind"]
        )
    return OfferClock(
        key,
        received_on,
        reply_due,
        r["reply"]["basis"],
        signed_on,
        filing_due,
        r["filing"]["basis"] if signed_on else "",
        filed_on,
        review_ends,
        r["review"]["basis"] if signed_on else "",
    )


# The two sides of a negotiation, named in the findings.
EMPLOYER = Label("用人单位", "Employer")
WORKERS = Label("职工", "Workers'")


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str
    basis: str = ""


def _fraction(pair: list[int]) -> tuple[int, int]:
    return pair[0], pair[1]


def representation_findings(
    employer: int,
    workers: int,
    employer_chiefs: int,
    worker_chiefs: int,
    employer_experts: int,
    worker_experts: int,
    *,
    rules: str | None = None,
) -> list[Finding]:
    """集体合同规定 第19条 (equal numbers, at least 3 a side, one chief each) and 第23条 (outside experts ≤ 1/3)."""
    r = rule_set(rules)["representatives"]
    basis = r["basis"]
    out: list[Finding] = []
    out.append(
        Finding(
            employer == workers,
            N_(
                "双方代表人数相等（用人单位 {employer} 人、职工 {workers} 人）",
                employer=employer,
                workers=workers,
            )
            if employer == workers
            else N_(
                "双方代表人数不相等（用人单位 {employer} 人、职工 {workers} 人）",
                employer=employer,
                workers=workers,
            ),
            basis,
        )
    )
    least = r["min_per_side"]
    for side, n in ((EMPLOYER, employer), (WORKERS, workers)):
        if n < least:
            out.append(
                Finding(
                    False,
                    N_("{side}方代表 {n} 人，少于 {least} 人", side=side, n=n, least=least),
                    basis,
                )
            )
    if employer >= least and workers >= least:
        out.append(Finding(True, N_("每方代表不少于 {least} 人", least=least), basis))
    for side, chiefs in ((EMPLOYER, employer_chiefs), (WORKERS, worker_chiefs)):
        out.append(
            Finding(
                chiefs == r["chief_per_side"],
                N_(
                    "{side}方首席代表 {chiefs} 名（应为 {n} 名）",
                    side=side,
                    chiefs=chiefs,
                    n=r["chief_per_side"],
                ),
                basis,
            )
        )
    num, den = _fraction(r["expert_share_max"])
    for side, experts, total in (
        (EMPLOYER, employer_experts, employer),
        (WORKERS, worker_experts, workers),
    ):
        if experts:
            ok = experts * den <= total * num
            out.append(
                Finding(
                    ok,
                    N_(
                        "{side}方外聘代表 {experts} 人，占 {experts}/{total}（不得超过 {num}/{den}）",
                        side=side,
                        experts=experts,
                        total=total,
                        num=num,
                        den=den,
                    ),
                    basis,
                )
            )
    return out


def congress_findings(
    members: int, attended: int, approved: int, *, rules: str | None = None
) -> list[Finding]:
    """集体合同规定 第36条: at least 2/3 attend; more than half of ALL members agree."""
    r = rule_set(rules)["congress"]
    out: list[Finding] = []
    if members <= 0:
        return [Finding(False, N_("请填写职工代表（或全体职工）人数"))]
    if attended > members or approved > attended:
        return [
            Finding(
                False,
                N_(
                    "人数不合：应到 {members}、实到 {attended}、同意 {approved}",
                    members=members,
                    attended=attended,
                    approved=approved,
                ),
            )
        ]
    num, den = _fraction(r["attendance_min"])
    out.append(
        Finding(
            attended * den >= members * num,
            N_(
                "出席 {attended}/{members} 人（须达到 {num}/{den}）",
                attended=attended,
                members=members,
                num=num,
                den=den,
            ),
            r["basis"],
        )
    )
    num, den = _fraction(r["approval_more_than"])
    out.append(
        Finding(
            approved * den > members * num,
            N_(
                "同意 {approved} 人，占全体 {members} 人（须超过 {num}/{den}）",
                approved=approved,
                members=members,
                num=num,
                den=den,
            ),
            r["basis"],
        )
    )
    return out


def term_finding(effective_from: date, expires_on: date, *, rules: str | None = None) -> Finding:
    r = rule_set(rules)
    low, high = r["term_years"]
    days = (expires_on - effective_from).days
    ok = low * 365 - 1 <= days <= high * 366
    years = f"{days / 365:.1f}"
    return Finding(
        ok,
        N_("期限 {years} 年（一般为 {low}–{high} 年）", years=years, low=low, high=high),
        r["term_basis"],
    )


def renewal_from(expires_on: date, *, rules: str | None = None) -> date:
    """The first day of the renewal window before expiry."""
    months = rule_set(rules)["renewal_months"]
    month_index = expires_on.year * 12 + expires_on.month - 1 - months
    year, month0 = divmod(month_index, 12)
    day = min(expires_on.day, 28)
    return date(year, month0 + 1, day)


def days_late(due: date | None, done: date | None, today: date) -> int:
    if due is None or done is not None:
        return 0
    return max((today - due).days, 0)
