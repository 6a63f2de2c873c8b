"""The summary report as a 工作总结: its sections, the figures each one names,
and a draft of each written from the data, which the coordinator edits and keeps.

一、基本情况
二、主要做法和成效 — （一）查风险 （二）强协商 （三）保支付 （四）促和谐
三、存在问题
四、下一步工作打算

Every figure comes from CampaignStats (campaign_stats.collect, the dashboard's own
counts) or from `extra_figures` below, each with one definition: checks by check
date in the period; ledger items by the date found; offers by the offer's date,
contracts by the day they were signed, filings by the day they were filed;
layoff reports by the day received; wages owed as recorded by the checks of the
period; risk events by the day found. README (工作总结) states the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func, or_, select

from app.models import Enterprise, HealthCheck, MajorRiskEvent, RectificationItem
from app.models.db import Database
from app.services.campaign import campaign_stats
from app.services.campaign.campaign_stats import CampaignStats
from app.services.checks import check_list
from app.services.core.record_lists import its_enterprise
from app.services.documents.documents import chinese_date
from app.services.ledger import ledger
from app.services.negotiation import offer_list
from app.services.negotiation.offer_spec import STAGES
from app.services.risk import risk_events

# (key, heading, level, what the coordinator is asked to write)
SECTIONS: tuple[tuple[str, str, int, str], ...] = (
    ("basic", "一、基本情况", 1, "专项行动的部署、时间和总体成效"),
    ("risk", "（一）查风险，强化风险摸排", 2, "法治体检、风险研判、整改台账的做法和成效"),
    ("negotiation", "（二）强协商，突出协商要约", 2, "“要约行动”和集体合同签订的做法和成效"),
    ("payment", "（三）保支付，保障工资支付", 2, "工资支付检查、欠薪隐患处置的做法和成效"),
    ("harmony", "（四）促和谐，开展指导服务", 2, "指导服务、依法裁员、典型引领的做法和成效"),
    ("problems", "三、存在问题", 1, "工作中的困难和问题"),
    ("plans", "四、下一步工作打算", 1, "下一步措施"),
)
RESULTS_HEADING = "二、主要做法和成效"
SECTIONS_EN = {
    "basic": "Overview",
    "risk": "Finding risks",
    "negotiation": "Negotiation",
    "payment": "Wage payment",
    "harmony": "Harmony and guidance",
    "problems": "Problems",
    "plans": "Next steps",
}
# Narratives saved before the report had this shape: old key → new key.
OLD_KEYS = {
    "intro": "basic",
    "organisation": "basic",
    "screening": "risk",
    "offers": "negotiation",
    "guidance": "harmony",
    "examples": "harmony",
    "next_steps": "plans",
}
WAGE_ITEM_PREFIXES = ("B", "M")  # checklist groups 工资支付 and 农民工工资支付


def upgrade_keys(narratives: dict[str, str]) -> dict[str, str]:
    """Narratives by the current section keys; texts of old keys are appended."""
    out: dict[str, str] = {}
    for key, text in narratives.items():
        new = OLD_KEYS.get(key, key)
        if text.strip():
            out[new] = f"{out[new]}\n{text}" if new in out else text
    return out


@dataclass
class ExtraFigures:
    """Figures the dashboard does not show, each counted once here."""

    wages_owed_yuan: int = 0  # arrears the checks of the period recorded
    wages_owed_people: int = 0
    checks_with_arrears: int = 0
    wage_items_found: int = 0  # ledger items on wage payment found in the period
    wage_items_closed: int = 0
    wage_claims_found: int = 0  # 集体讨薪 risk events found in the period
    wage_claims_closed: int = 0
    top_findings: list[tuple[str, int]] = field(default_factory=list)
    offers_refused: int = 0
    replies_overdue: int = 0


def extra_figures(db: Database, stats: CampaignStats) -> ExtraFigures:
    period = stats.period
    counties = stats.counties
    out = ExtraFigures()
    check_conds = check_list._conditions(campaign_stats.check_filter(period))
    led_conds = ledger._conditions(campaign_stats.ledger_filter(period, "found", today=stats.today))
    r = RectificationItem
    wage_item = or_(*(r.item_code.like(f"{p}%") for p in WAGE_ITEM_PREFIXES))
    with db.reader() as conn:
        row = conn.execute(
            select(
                func.coalesce(func.sum(HealthCheck.wages_owed_yuan), 0),
                func.coalesce(func.sum(HealthCheck.wages_owed_people), 0),
                func.count(HealthCheck.wages_owed_yuan),
            )
            .select_from(HealthCheck)
            .join(Enterprise, its_enterprise(HealthCheck))
            .where(and_(*check_conds), Enterprise.county_code.in_(counties))
            .where(HealthCheck.wages_owed_yuan > 0)
        ).one()
        out.wages_owed_yuan, out.wages_owed_people, out.checks_with_arrears = map(int, row)
        base = (
            select(func.count())
            .select_from(r)
            .join(Enterprise, its_enterprise(r))
            .where(and_(*led_conds), Enterprise.county_code.in_(counties), wage_item)
        )
        out.wage_items_found = int(conn.execute(base).scalar_one())
        out.wage_items_closed = int(conn.execute(base.where(r.status == "closed")).scalar_one())
        out.top_findings = [
            (str(m), int(n))
            for m, n in conn.execute(
                select(r.matter, func.count())
                .select_from(r)
                .join(Enterprise, its_enterprise(r))
                .where(and_(*led_conds), Enterprise.county_code.in_(counties))
                .group_by(r.matter)
                .order_by(func.count().desc(), r.matter)
                .limit(3)
            )
        ]
    for status, attr in (("", "wage_claims_found"), ("closed", "wage_claims_closed")):
        conds = risk_events._conditions(campaign_stats.event_filter(status=status, period=period))
        with db.reader() as conn:
            n = conn.execute(
                select(func.count())
                .select_from(MajorRiskEvent)
                .join(Enterprise, its_enterprise(MajorRiskEvent))
                .where(and_(*conds), MajorRiskEvent.kind == "wage_claim")
                .where(Enterprise.county_code.in_(counties))
            ).scalar_one()
        setattr(out, attr, int(n))
    out.offers_refused = offer_list.count(
        db, campaign_stats.offer_filter(period, "refused", today=stats.today)
    )
    out.replies_overdue = offer_list.count(
        db,
        offer_list.OfferFilter(
            overdue=True, date_from=period.start, date_to=period.end, today=stats.today
        ),
    )
    return out


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def drafts(stats: CampaignStats, extra: ExtraFigures, office_name: str) -> dict[str, str]:
    """A draft of every section, written from the figures (one paragraph a line)."""
    t = stats.total
    c = stats.campaign
    checks, planned = sum(stats.checked.values()), sum(stats.targets.values())
    in_plan = stats.checked_in_plan
    # The plan's completion counts its own counties; enterprises checked elsewhere
    # are said apart (a county's campaign received by the city names one county).
    outside = f"；未列入计划的县（市、区）另体检{checks - in_plan}家" if checks > in_plan else ""
    found, closed, overdue = (t(stats.ledger, k) for k in ("found", "closed", "overdue"))
    open_items = t(stats.ledger, "open")
    high, medium = t(stats.risk, "high"), t(stats.risk, "medium")
    made, signed, filed = (t(stats.offers, k) for k in ("offers", "signed", "filed"))
    filings, people, reemployed = (t(stats.layoffs, k) for k in ("filings", "people", "reemployed"))
    g = stats.guidance_by_kind
    activities, reached, new_reached, people_reached = (
        t(g, k) for k in ("activities", "enterprises", "new_enterprises", "people")
    )
    ev_found, ev_closed, ev_open = (t(stats.events, k) for k in ("found", "closed", "open"))
    period = f"{chinese_date(c.starts_on)}至{chinese_date(c.ends_on)}"
    source = f"{c.issuer or '上级'}{'《' + c.name + '》' if c.name else ''}"
    source += f"（{c.doc_number}）" if c.doc_number else ""
    stages = "、".join(f"{STAGES[s]}{n}份" for s, n in stats.offers_by_stage.items() if n)
    top = "、".join(f"{m}（{n}项）" for m, n in extra.top_findings)
    out = {
        "basic": (
            f"按照{source}部署，{period}，{office_name or '我办'}组织开展专项行动。"
            f"期间共对{checks}家企业开展劳动用工法治“体检”"
            f"（计划{planned}家，完成{_pct(in_plan, planned)}{outside}），"
            f"发现劳动用工问题{found}项、已整改销号{closed}项；发出集体协商要约{made}份，"
            f"签订集体合同（专项集体合同）{signed}份；开展指导服务{activities}次，覆盖企业{reached}家；"
            f"受理企业裁减人员方案报告{filings}件。"
        ),
        "risk": (
            f"组织劳动关系协调员、仲裁调解员、工会劳动法律监督员和集体协商指导员上门开展法治“体检”，"
            f"共体检企业{checks}家。结合部门共享的缴税、缴费等数据综合研判，评定高风险企业{high}家、"
            f"中风险企业{medium}家。建立整改台账，发现问题{found}项，已整改销号{closed}项，"
            f"销号率{_pct(closed, found)}" + (f"；发现较多的问题是{top}" if top else "") + "。"
        ),
        "negotiation": (
            f"引导企业与工会开展集体协商“要约行动”，期间发出要约{made}份"
            + (f"（截至{chinese_date(stats.today)}：{stages}）" if stages else "")
            + f"；按签订日期统计，期间签订集体合同（专项集体合同）{signed}份，"
            f"报送人力资源社会保障部门审查{filed}份。"
        ),
        "payment": (
            f"把工资支付作为体检重点，体检中发现拖欠工资的企业{extra.checks_with_arrears}家，"
            f"涉及职工{extra.wages_owed_people}人、金额{extra.wages_owed_yuan}元；"
            f"发现工资支付方面的问题{extra.wage_items_found}项，已整改销号{extra.wage_items_closed}项。"
            f"发现集体讨薪隐患{extra.wage_claims_found}起，已化解{extra.wage_claims_closed}起。"
        ),
        "harmony": (
            f"开展送法进企业、线上线下讲座、发放用工指南、指导建立规章制度等指导服务{activities}次，"
            f"覆盖企业{reached}家（其中新办企业{new_reached}家）、职工{people_reached}人次。"
            f"受理企业裁减人员方案报告{filings}件，涉及职工{people}人，已帮助{reemployed}人实现再就业"
            f"（再就业率{_pct(reemployed, people)}）。发现可能引发大规模裁员、集体停工、集体讨薪的"
            f"重大风险隐患{ev_found}起，已化解{ev_closed}起，仍在处置{ev_open}起。"
            + (f"总结推广典型案例{len(stats.cases)}个。" if stats.cases else "")
        ),
    }
    problems = []
    if overdue:
        problems.append(f"部分企业整改不及时，逾期未整改{overdue}项")
    if planned and in_plan < planned:
        problems.append(f"体检完成计划的{_pct(in_plan, planned)}，尚有{planned - in_plan}家未体检")
    if extra.offers_refused or extra.replies_overdue:
        problems.append(
            f"有的企业对集体协商认识不足，拒绝协商{extra.offers_refused}份、逾期未答复"
            f"{extra.replies_overdue}份"
        )
    if ev_open:
        problems.append(f"仍有{ev_open}起重大风险隐患在处置中")
    numerals = "一二三四五六"
    out["problems"] = (
        "；".join(f"{numerals[n]}是{p}" for n, p in enumerate(problems)) + "。"
        if problems
        else "专项行动中未发现突出问题。"
    )
    out["plans"] = (
        f"一是持续跟踪{open_items}项未销号的整改事项，逐项督促、核验销号；"
        f"二是对{high}家高风险企业加强动态监测和上门指导；"
        f"三是推动已发出要约的企业按期答复、依法签订和报送集体合同；"
        f"四是总结推广典型经验，建立常态化工作机制。"
    )
    return out


def section_texts(
    db: Database,
    campaign_id: str,
    saved: dict[str, str],
    office_name: str,
    today: date | None = None,
    stats: campaign_stats.CampaignStats | None = None,
) -> dict[str, str]:
    """Each section's text: what the coordinator kept, else the data-filled draft.
    `stats`: the campaign's figures when the caller has collected them already."""
    stats = stats or campaign_stats.collect(db, campaign_id, today=today)
    draft = drafts(stats, extra_figures(db, stats), office_name)
    kept = upgrade_keys(saved)
    return {key: kept.get(key) or draft[key] for key, *_ in SECTIONS}
