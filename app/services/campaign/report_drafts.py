"""The summary report's sections and drafts on a Database: report_text writes them
from the figures (campaign_stats.collect and `extra_figures`, each counted once with
the lists' filters: report_queries). Each figure with one definition: checks by check
date in the period; ledger items by the date found; offers by the offer's date,
contracts by the day they were signed, filings by the day they were filed;
layoff reports by the day received; wages owed as recorded by the checks of the
period; risk events by the day found. README (工作总结) states the same.
"""

from __future__ import annotations

from datetime import date

from app.models.db import Database
from app.services.campaign import campaign_stats, report_text
from app.services.campaign.campaign_stats import CampaignStats
from app.services.campaign.report_text import (  # noqa: F401 (callers name them here)
    OLD_KEYS,
    RESULTS_HEADING,
    SECTIONS,
    SECTIONS_EN,
    WAGE_ITEM_PREFIXES,
    ExtraFigures,
    drafts,
    upgrade_keys,
)


def extra_figures(db: Database, stats: CampaignStats) -> ExtraFigures:
    from app.services.campaign.report_queries import AlchemyReader

    return report_text.extra_figures(AlchemyReader(db), stats)


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
    return report_text.section_texts_of(stats, extra_figures(db, stats), saved, office_name)
