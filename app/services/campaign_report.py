"""The campaign's written summary (工作总结): what the coordinator writes per
section, kept in the database with the report, and the report's content — the
notice's four measures and its organisation part, each with statistics filled
in from the data, the narrative, and the typical cases chosen.

The layout (GB/T 9704-2012) is app.services.report_docx's job; this module only
says what is in the report, so tests can check the numbers without Word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import CampaignReport
from app.models.db import Database
from app.services import campaign_stats, guidance, offers, office, reference, report_tables
from app.services.documents import Heading, Paragraph, Table, chinese_date
from app.services.progress import Progress, Work
from app.services.record_store import save_audited

# (key, heading, what the coordinator is asked to write)
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("intro", "总体情况", "专项行动总体开展情况和成效（写在正文开头）"),
    ("screening", "强化风险摸排", "法治体检、风险研判、整改台账的做法和成效"),
    ("offers", "突出协商要约", "“要约行动”、平台企业协商协调机制的做法和成效"),
    ("guidance", "开展指导服务", "送法进企业、讲座、指南发放、规章制度指导、依法裁员和再就业服务"),
    ("examples", "注重示范引领", "典型做法、示范企业、金牌协调员的宣传情况"),
    ("organisation", "组织实施情况", "组织领导、责任分工、区域协同、宣传引导"),
    ("next_steps", "存在问题和下一步打算", "工作中的困难、问题和下一步措施"),
)
SECTIONS_EN = {
    "intro": "Overview",
    "screening": "Risk screening",
    "offers": "Collective negotiation offers",
    "guidance": "Guidance services",
    "examples": "Setting examples",
    "organisation": "Organisation",
    "next_steps": "Problems and next steps",
}
NUMERALS = "一二三四五六七八九十"


@dataclass
class ReportInput:
    title: str = ""
    doc_number: str = ""
    addressee: str = ""
    issued_on: date | None = None
    signer: str = ""
    narratives: dict[str, str] = field(default_factory=dict)


def defaults(db: Database, campaign_id: str, today: date | None = None) -> ReportInput:
    from app.services import campaigns

    data = campaigns.get(db, campaign_id)
    here = office.current(db)
    # A county reports to the campaign's issuer; the city's own report goes up
    # to the province, whose name the coordinator types.
    addressee = f"{data.issuer}：" if data.issuer and (here is None or here.level != "city") else ""
    return ReportInput(
        title=f"关于{data.name}工作情况的报告",
        addressee=addressee,
        issued_on=data.report_due or today or date.today(),
    )


def _own(session: Any, campaign_id: str, code: str) -> CampaignReport | None:
    """This office's report for the campaign (the city also holds the counties')."""
    return session.execute(
        select(CampaignReport).where(
            CampaignReport.campaign_id == campaign_id,
            CampaignReport.office_code == code,
            CampaignReport.deleted.is_(False),
        )
    ).scalar_one_or_none()


def get(db: Database, campaign_id: str) -> ReportInput:
    """This office's report for the campaign, or the defaults when none is saved."""
    here = office.current(db)
    code = here.code if here else ""
    with db.session() as session:
        row = _own(session, campaign_id, code)
        if row is None:
            return defaults(db, campaign_id)
        return ReportInput(
            row.title,
            row.doc_number,
            row.addressee,
            row.issued_on,
            row.signer,
            json.loads(row.narratives_json or "{}"),
        )


@dataclass(frozen=True)
class ReceivedReport:
    office_code: str
    office_name: str
    data: ReportInput


def received(db: Database, campaign_id: str) -> list[ReceivedReport]:
    """The other offices' reports for this campaign, as sync bundles brought them:
    at the city, each county's narrative, to quote in the city's own summary.
    A county's report belongs to its own campaign record, so it counts here when
    that campaign's period overlaps this one's."""
    from app.models import Campaign

    here = office.current(db)
    own = here.code if here else ""
    with db.session() as session:
        mine = session.get(Campaign, campaign_id)
        if mine is None:
            return []
        rows = session.execute(
            select(CampaignReport, Campaign)
            .join(Campaign, Campaign.id == CampaignReport.campaign_id)
            .where(
                CampaignReport.deleted.is_(False),
                CampaignReport.office_code != own,
                Campaign.starts_on <= mine.ends_on,
                Campaign.ends_on >= mine.starts_on,
            )
            .order_by(CampaignReport.office_code)
        ).all()
        return [
            ReceivedReport(
                r.office_code,
                reference.division_name(r.office_code) or r.office_code,
                ReportInput(
                    r.title,
                    r.doc_number,
                    r.addressee,
                    r.issued_on,
                    r.signer,
                    json.loads(r.narratives_json or "{}"),
                ),
            )
            for r, _c in rows
        ]


def save(db: Database, campaign_id: str, data: ReportInput) -> str:
    here = office.current(db)
    code = here.code if here else ""
    values = {
        "title": data.title.strip(),
        "doc_number": data.doc_number.strip(),
        "addressee": data.addressee.strip(),
        "issued_on": data.issued_on,
        "signer": data.signer.strip(),
        "narratives_json": json.dumps(
            {k: v.strip() for k, v in data.narratives.items() if v.strip()}, ensure_ascii=False
        ),
    }
    with db.session() as session:
        row = _own(session, campaign_id, code)
        return save_audited(
            session,
            CampaignReport,
            "campaign_report",
            row.id if row is not None else None,
            values,
            summary="title",
            gone=("title", "该工作总结已被删除，无法保存。"),
            campaign_id=campaign_id,
            office_code=code,
        ).id


# -- content ------------------------------------------------------------------------------------
@dataclass
class ReportContent:
    authority: str  # 发文机关 (the office)
    title: str
    doc_number: str
    addressee: str
    issued_on: date | None
    signer: str
    blocks: list[Any]
    attachment_note: str = ""


def build(
    db: Database, campaign_id: str, *, today: date | None = None, data: ReportInput | None = None
) -> ReportContent:
    stats = campaign_stats.collect(db, campaign_id, today=today)
    data = data or get(db, campaign_id)
    here = office.current(db)
    narr = data.narratives
    c = stats.campaign
    t = stats.total
    checks = sum(stats.checks.values())
    planned = sum(stats.targets.values())
    found, closed, overdue = (
        t(stats.ledger, "found"),
        t(stats.ledger, "closed"),
        t(stats.ledger, "overdue"),
    )
    high, medium = t(stats.risk, "high"), t(stats.risk, "medium")
    n_offers, signed, filed = (
        t(stats.offers, "offers"),
        t(stats.offers, "signed"),
        t(stats.offers, "filed"),
    )
    filings, people, reemployed = (
        t(stats.layoffs, "filings"),
        t(stats.layoffs, "people"),
        t(stats.layoffs, "reemployed"),
    )
    g = stats.guidance_by_kind
    activities = t(g, "activities")
    reached, new_reached, people_reached = (
        t(g, "enterprises"),
        t(g, "new_enterprises"),
        t(g, "people"),
    )
    ev_found, ev_closed, ev_open = (
        t(stats.events, "found"),
        t(stats.events, "closed"),
        t(stats.events, "open"),
    )

    blocks: list[Any] = []
    table_no = 0

    def table(caption: str, body: Table) -> None:
        nonlocal table_no
        table_no += 1
        blocks.append(Paragraph(f"表{table_no}　{caption}", indent=False, align="center"))
        blocks.append(body)

    blocks.append(
        Paragraph(
            f"按照{c.issuer or '上级'}{'《' + c.name + '》' if c.name else ''}"
            f"{'（' + c.doc_number + '）' if c.doc_number else ''}部署，"
            f"{chinese_date(c.starts_on)}至{chinese_date(c.ends_on)}，"
            f"{here.name if here else '我办'}组织开展专项行动。现将工作情况报告如下。"
        )
    )
    if narr.get("intro"):
        blocks += [Paragraph(p) for p in narr["intro"].splitlines() if p.strip()]

    section_no = 0

    def heading(key: str) -> None:
        nonlocal section_no
        title = dict((k, h) for k, h, _ in SECTIONS)[key]
        blocks.append(Heading(f"{NUMERALS[section_no]}、{title}", 1))
        section_no += 1

    def narrative(key: str) -> None:
        blocks.extend(Paragraph(p) for p in narr.get(key, "").splitlines() if p.strip())

    heading("screening")
    blocks.append(Heading("（一）法治体检和风险研判", 2))
    blocks.append(
        Paragraph(
            f"专项行动期间，共对{checks}家企业开展劳动用工法治“体检”，完成计划{planned}家的"
            f"{report_tables.pct(checks, planned)}。结合部门共享的缴税、缴费等数据综合研判，"
            f"目前评定高风险企业{high}家、中风险企业{medium}家。"
        )
    )
    table("法治体检和整改台账（按县区）", report_tables.county_table(stats))
    table("企业风险等级（按县区）", report_tables.risk_table(stats))
    blocks.append(Heading("（二）整改台账", 2))
    blocks.append(
        Paragraph(
            f"建立整改台账，共发现劳动用工问题{found}项，已整改销号{closed}项，销号率{report_tables.pct(closed, found)}；"
            f"逾期未整改{overdue}项，正在督促整改。"
        )
    )
    table("体检和整改进度（按月）", report_tables.month_table(stats))
    narrative("screening")

    heading("offers")
    stage_text = "、".join(
        f"{offers.STAGES[s]}{n}份" for s, n in stats.offers_by_stage.items() if n
    )
    blocks.append(
        Paragraph(
            f"引导支持企业与工会开展集体协商“要约行动”，共发出要约{n_offers}份，"
            f"签订集体合同（专项集体合同）{signed}份，报送人力资源社会保障部门审查{filed}份"
            f"{'。其中' + stage_text + '。' if stage_text else '。'}"
        )
    )
    table("集体协商要约（按县区）", report_tables.offers_table(stats))
    narrative("offers")

    heading("guidance")
    blocks.append(Heading("（一）送法进企业和指导服务", 2))
    blocks.append(
        Paragraph(
            f"开展送法进企业、线上线下讲座、发放用工指南、指导建立规章制度等指导服务{activities}次，"
            f"覆盖企业{reached}家（其中新办企业{new_reached}家）、职工{people_reached}人次。"
        )
    )
    table("指导服务（按服务方式）", report_tables.guidance_table(stats))
    blocks.append(Heading("（二）依法规范裁员和重大风险隐患处置", 2))
    blocks.append(
        Paragraph(
            f"受理企业裁减人员方案报告{filings}件，涉及职工{people}人，已帮助{reemployed}人实现再就业"
            f"（再就业率{report_tables.pct(reemployed, people)}）。发现可能引发大规模裁员、集体停工、集体讨薪的重大风险隐患"
            f"{ev_found}起，已化解{ev_closed}起，目前仍在处置{ev_open}起。"
        )
    )
    table("裁员备案和再就业（按县区）", report_tables.layoffs_table(stats))
    narrative("guidance")

    heading("examples")
    if stats.cases:
        blocks.append(Paragraph(f"总结推广典型做法和经验，选取典型案例{len(stats.cases)}个："))
        for n, case in enumerate(stats.cases, 1):
            kind = guidance.CASE_KINDS.get(case["kind"], "")
            who = "、".join(
                x for x in (case.get("enterprise") or "", case.get("person") or "") if x
            )
            blocks.append(Heading(f"{n}.{case['title']}", 3))
            blocks.append(Paragraph(f"（{kind}{'：' + who if who else ''}）{case['body']}".strip()))
    narrative("examples")

    heading("organisation")
    if c.phases:
        blocks.append(
            Paragraph(
                "按照工作安排，"
                + "；".join(
                    f"{p.name}阶段为{chinese_date(p.start)}至{chinese_date(p.end)}"
                    for p in c.phases
                )
                + "。"
            )
        )
    narrative("organisation")

    if narr.get("next_steps"):
        heading("next_steps")
        narrative("next_steps")

    return ReportContent(
        authority=here.name if here else "",
        title=data.title or f"关于{c.name}工作情况的报告",
        doc_number=data.doc_number,
        addressee=data.addressee,
        issued_on=data.issued_on,
        signer=data.signer,
        blocks=blocks,
        attachment_note="专项行动统计表",
    )


@dataclass(frozen=True)
class ReportResult:
    docx: Path
    annex: Path | None
    font_notes: list[str]


def write(
    db: Database,
    campaign_id: str,
    out: str | Path,
    *,
    annex: str | Path | None = None,
    today: date | None = None,
    installed_fonts: frozenset[str] | None = None,
) -> ReportResult:
    """The report as .docx (and the annex as .xlsx); the notes say which fonts were substituted."""
    from app.services import report_annex, report_docx, report_fonts

    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise ValueError(f"报告文件应以 .docx 结尾：{out.name}")
    if annex is not None and Path(annex).suffix.lower() != ".xlsx":
        raise ValueError(f"统计表附件应以 .xlsx 结尾：{Path(annex).name}")
    content = build(db, campaign_id, today=today)
    if annex is None:
        content.attachment_note = ""
    fonts = report_fonts.choose(installed_fonts)
    report_docx.render(content, out, fonts)
    annex_path = None
    if annex is not None:
        stats = campaign_stats.collect(db, campaign_id, today=today)
        annex_path = report_annex.write(stats, annex)
    return ReportResult(out, annex_path, report_fonts.describe(fonts))


def write_work(
    db: Database, campaign_id: str, out: str | Path, *, annex: str | Path | None = None
) -> Work[ReportResult]:
    """`write` as long work for the window: progress, and Cancel before the
    files are written leaves nothing behind (the database is only read)."""
    yield Progress(0, 2, "正在统计…")
    yield Progress(1, 2, "正在生成工作总结…")
    result = write(db, campaign_id, out, annex=annex)
    yield Progress(2, 2, "已完成")
    return result
