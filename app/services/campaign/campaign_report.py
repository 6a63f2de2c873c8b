"""The campaign's written summary (工作总结): what the coordinator writes per
section, kept in the database with the report, and the report's content —
基本情况, 主要做法和成效 under 查风险 / 强协商 / 保支付 / 促和谐, 存在问题 and
下一步工作打算, each section the coordinator's text or, until one is kept, the
draft written from the data (app.services.campaign.report_drafts), then the typical cases
chosen. The statistics tables go to the annex (附件).

The layout (GB/T 9704-2012) is app.services.documents.report_docx's job; this module only
says what is in the report, so tests can check the numbers without Word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import false, select

from app.models import CampaignReport
from app.models.db import Database
from app.services.campaign import report_drafts, report_text
from app.services.campaign.report_file import ReportResult, check_names
from app.services.campaign.report_text import ReportInput
from app.services.core import edit_lock, office, reference
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.core.record_store import save_audited
from app.services.documents import report_docx, report_fonts
from app.services.documents.report_content import ReportContent

if TYPE_CHECKING:
    from app.services.campaign.campaign_stats import CampaignStats

NUMERALS = "一二三四五六七八九十"


def defaults(db: Database, campaign_id: str, today: date | None = None) -> ReportInput:
    from app.services.campaign import campaigns

    data = campaigns.get(db, campaign_id)
    return report_text.defaults_of(data, office.current(db), office.letterhead(db), today)


def _own(session: Any, campaign_id: str, code: str) -> CampaignReport | None:
    """This office's report for the campaign (the city also holds the counties')."""
    return session.execute(
        select(CampaignReport).where(
            CampaignReport.campaign_id == campaign_id,
            CampaignReport.office_code == code,
            CampaignReport.deleted == false(),
        )
    ).scalar_one_or_none()


def get(db: Database, campaign_id: str, today: date | None = None) -> ReportInput:
    """This office's report for the campaign, or the defaults (as of `today`) when
    none is saved."""
    here = office.current(db)
    code = here.code if here else ""
    with db.session() as session:
        row = _own(session, campaign_id, code)
        if row is None:
            return defaults(db, campaign_id, today)
        return report_text.saved_input(
            (
                row.title,
                row.doc_number,
                row.addressee,
                row.issued_on,
                row.signer,
                row.narratives_json,
            )
        )


def version(db: Database, campaign_id: str) -> int:
    """The version of this office's stored report (0: none stored yet)."""
    here = office.current(db)
    with db.session() as session:
        row = _own(session, campaign_id, here.code if here else "")
        return 0 if row is None else int(row.version)


def editable_texts(db: Database, campaign_id: str, data: ReportInput) -> dict[str, str]:
    """What each section's editor shows: the kept text, else the draft from the data."""
    here = office.current(db)
    return report_drafts.section_texts(db, campaign_id, data.narratives, here.name if here else "")


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
                CampaignReport.deleted == false(),
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
                    report_drafts.upgrade_keys(json.loads(r.narratives_json or "{}")),
                ),
            )
            for r, _c in rows
        ]


def save(db: Database, campaign_id: str, data: ReportInput, *, loaded: int | None = None) -> str:
    """Save this office's report; `loaded`: the version the dialog was loaded from
    (0: it showed the defaults, no report was stored yet)."""
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
    with edit_lock.guarded(db) as session:
        row = _own(session, campaign_id, code)
        if row is None and loaded:
            raise edit_lock.EditConflict(
                "campaign_report", "", loaded, edit_lock.Saved(0, "", None, deleted=True)
            )
        if row is not None and loaded == 0:
            # Another coordinator wrote the first report while this one edited the defaults.
            edit_lock.check_loaded(session, row, "campaign_report", 0)
        return save_audited(
            session,
            CampaignReport,
            "campaign_report",
            row.id if row is not None else None,
            values,
            summary="title",
            gone=("title", "该工作总结已被删除，无法保存。"),
            loaded=loaded or None,
            campaign_id=campaign_id,
            office_code=code,
        ).id


# -- content ------------------------------------------------------------------------------------
def build(
    db: Database,
    campaign_id: str,
    *,
    today: date | None = None,
    data: ReportInput | None = None,
    stats: CampaignStats | None = None,
) -> ReportContent:
    """`stats`: the campaign's figures when the caller has collected them already."""
    from app.services.campaign import campaign_stats

    data = data or get(db, campaign_id, today)
    here = office.current(db)
    name = here.name if here else ""
    # One collection of the figures for the drafts, the cases and the annex (a full
    # count of every table by county: a third of the report's time at 100,000 enterprises).
    stats = stats or campaign_stats.collect(db, campaign_id, today=today)
    texts = report_drafts.section_texts(
        db, campaign_id, data.narratives, name, today=today, stats=stats
    )
    return report_text.content_of(stats, texts, data, name, office.letterhead(db).mark)


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
    from app.services.campaign import campaign_stats, report_annex

    out = Path(out)
    check_names(out, annex)
    stats = campaign_stats.collect(db, campaign_id, today=today)
    content = build(db, campaign_id, today=today, stats=stats)
    if annex is None:
        content.attachment_note = ""
    fonts = report_fonts.choose(installed_fonts)
    report_docx.render(content, out, fonts)
    annex_path = None
    if annex is not None:
        annex_path = report_annex.write(stats, annex)
    return ReportResult(out, annex_path, report_fonts.describe(fonts))


def write_work(
    db: Database, campaign_id: str, out: str | Path, *, annex: str | Path | None = None
) -> Work[ReportResult]:
    """`write` as long work for the window: progress, and Cancel before the
    files are written leaves nothing behind (the database is only read)."""
    yield Progress(0, 2, N_("正在统计…"))
    yield Progress(1, 2, N_("正在生成工作总结…"))
    result = write(db, campaign_id, out, annex=annex)
    yield Progress(2, 2, N_("已完成"))
    return result
