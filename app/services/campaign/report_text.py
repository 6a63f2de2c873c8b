"""The summary report's words (no SQLAlchemy): its sections, the figures each one
names, and a draft of each written from the data, which the coordinator edits and
keeps. report_drafts reads the figures on a Database; report_file on a SQLite file
alone (issue 17). Each extra figure is one of report_queries' statements, counted
with the filters the lists use.

一、基本情况
二、主要做法和成效 — （一）查风险 （二）强协商 （三）保支付 （四）促和谐
三、存在问题
四、下一步工作打算
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.services.campaign.guidance_spec import CASE_KINDS
from app.services.campaign.report_figures import CampaignStats, Reader
from app.services.documents.documents import Heading, Paragraph, chinese_date
from app.services.documents.report_content import ReportContent
from app.services.negotiation.offer_stages import STAGES

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


def extra_figures(reader: Reader, stats: CampaignStats) -> ExtraFigures:
    period = stats.period
    within = {"start": period.start, "end": period.end, "counties": stats.counties}
    dated = {"start": period.start, "end": period.end, "today": stats.today}
    out = ExtraFigures()
    row = reader.rows("wages", **within)[0]
    out.wages_owed_yuan, out.wages_owed_people, out.checks_with_arrears = map(int, row)
    out.wage_items_found = int(reader.rows("wage_items", **within, today=stats.today)[0][0])
    closed = reader.rows("wage_items_closed", **within, today=stats.today)
    out.wage_items_closed = int(closed[0][0])
    top = reader.rows("top_findings", **within, today=stats.today)
    out.top_findings = [(str(m), int(n)) for m, n in top]
    out.wage_claims_found = int(reader.rows("wage_claims_found", **within)[0][0])
    out.wage_claims_closed = int(reader.rows("wage_claims_closed", **within)[0][0])
    out.offers_refused = int(reader.rows("offers_refused", **dated)[0][0])
    out.replies_overdue = int(reader.rows("replies_overdue", **dated)[0][0])
    return out


def section_texts_of(
    stats: CampaignStats, extra: ExtraFigures, saved: dict[str, str], office_name: str
) -> dict[str, str]:
    """Each section's text: what the coordinator kept, else the data-filled draft."""
    draft = drafts(stats, extra, office_name)
    kept = upgrade_keys(saved)
    return {key: kept.get(key) or draft[key] for key, *_ in SECTIONS}


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


# -- the report's input and content -----------------------------------------------------------
@dataclass
class ReportInput:
    title: str = ""
    doc_number: str = ""
    addressee: str = ""
    issued_on: date | None = None
    signer: str = ""
    narratives: dict[str, str] = field(default_factory=dict)


def defaults_of(data: Any, here: Any, letterhead: Any, today: date | None = None) -> ReportInput:
    """The report's heading before one is saved: `data` the campaign (CampaignInput),
    `here` the office (or None), `letterhead` its Letterhead."""
    # A county reports to the campaign's issuer; the city's own report goes up
    # to the province, whose name the coordinator types.
    addressee = f"{data.issuer}：" if data.issuer and (here is None or here.level != "city") else ""
    # Dated the day it is due, or today once that day has passed: a report dated
    # before the day its figures are counted to (截至…) contradicts itself.
    today = today or date.today()
    issued = max(data.report_due, today) if data.report_due else today
    return ReportInput(
        title=f"关于{data.name}工作情况的报告",
        doc_number=letterhead.number(issued.year),
        addressee=addressee,
        issued_on=issued,
    )


def saved_input(row: Any) -> ReportInput:
    """A stored report: (title, doc_number, addressee, issued_on, signer, narratives_json)."""
    title, number, addressee, issued_on, signer, narratives = row
    return ReportInput(
        title,
        number,
        addressee,
        issued_on,
        signer,
        upgrade_keys(json.loads(narratives or "{}")),
    )


def content_of(
    stats: CampaignStats, texts: dict[str, str], data: ReportInput, name: str, mark: str
) -> ReportContent:
    """The report as headings and paragraphs: each section's text, and the typical
    cases chosen after 促和谐."""
    blocks: list[Any] = []
    for key, heading, level, _ask in SECTIONS:
        if key == "risk":
            blocks.append(Heading(RESULTS_HEADING, 1))
        blocks.append(Heading(heading, level))
        blocks.extend(Paragraph(p.strip()) for p in texts[key].splitlines() if p.strip())
        if key == "harmony" and stats.cases:
            for n, case in enumerate(stats.cases, 1):
                kind = CASE_KINDS.get(case["kind"], "")
                who = "、".join(
                    x for x in (case.get("enterprise") or "", case.get("person") or "") if x
                )
                blocks.append(Heading(f"{n}.{case['title']}", 3))
                blocks.append(
                    Paragraph(f"（{kind}{'：' + who if who else ''}）{case['body']}".strip())
                )
    return ReportContent(
        authority=name,
        title=data.title or f"关于{stats.campaign.name}工作情况的报告",
        doc_number=data.doc_number,
        addressee=data.addressee,
        issued_on=data.issued_on,
        signer=data.signer,
        blocks=blocks,
        attachment_note="专项行动统计表",
        mark=mark,
    )
