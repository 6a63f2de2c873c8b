"""The statistics tables of the summary report and its annex, built from
CampaignStats: by county (checks against plan, the ledger, risk levels, offers,
layoffs) and by month, each with a totals row."""

from __future__ import annotations

from collections.abc import Sequence

from app.services.campaign import report_figures
from app.services.campaign.guidance_spec import ACTIVITY_KINDS
from app.services.campaign.report_figures import CampaignStats
from app.services.core import reference
from app.services.documents.documents import Table


def pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def county_name(code: str) -> str:
    return reference.division_name(code) or code


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> Table:
    """A report table: the names in the first column flush left, the figures centred."""
    return Table(headers, rows, widths, ["left"] + ["center"] * (len(headers) - 1))


def _by_county(
    stats: CampaignStats,
    counts: dict[str, dict[str, int]],
    keys: Sequence[str],
    headers: list[str],
    widths: list[int],
) -> Table:
    """One row a county of `counts[county][key]` for each key, then the totals row."""
    rows = [[county_name(c), *(str(counts[c][k]) for k in keys)] for c in stats.counties]
    rows.append(["合计", *(str(stats.total(counts, k)) for k in keys)])
    return _table(["县（市、区）", *headers], rows, widths)


def county_table(stats: CampaignStats) -> Table:
    rows = []
    for c in stats.counties:
        led = stats.ledger[c]
        rows.append(
            [
                county_name(c),
                str(stats.targets.get(c, 0)),
                str(stats.checked[c]),
                pct(stats.checked[c], stats.targets.get(c, 0)),
                str(led["found"]),
                str(led["closed"]),
                str(led["overdue"]),
            ]
        )
    t = stats.total
    found, closed = t(stats.ledger, "found"), t(stats.ledger, "closed")
    rows.append(
        [
            "合计",
            str(sum(stats.targets.values())),
            str(sum(stats.checked.values())),
            pct(stats.checked_in_plan, sum(stats.targets.values())),
            str(found),
            str(closed),
            str(t(stats.ledger, "overdue")),
        ]
    )
    return _table(
        ["县（市、区）", "计划体检", "已体检", "完成率", "发现问题", "已销号", "逾期未改"],
        rows,
        [3, 2, 2, 2, 2, 2, 2],
    )


def risk_table(stats: CampaignStats) -> Table:
    return _by_county(
        stats,
        stats.risk,
        report_figures.RISK_LEVELS,
        ["高风险", "中风险", "低风险或未评级"],
        [3, 2, 2, 3],
    )


def month_table(stats: CampaignStats) -> Table:
    rows = []
    for (month, found, closed), checks in zip(
        stats.closure_by_month,
        [sum(stats.checks_by_month.get(m, {}).values()) for m, _, _ in stats.closure_by_month],
        strict=True,
    ):
        y, m = month.split("-")
        rows.append([f"{int(y)}年{int(m)}月", str(checks), str(found), str(closed)])
    return _table(["月份", "体检企业", "发现问题", "销号"], rows, [3, 2, 2, 2])


def offers_table(stats: CampaignStats) -> Table:
    keys = ("offers", "signed", "filed")
    return _by_county(
        stats, stats.offers, keys, ["发出要约", "签订集体合同", "报送审查"], [3, 2, 2, 2]
    )


def layoffs_table(stats: CampaignStats) -> Table:
    keys = ("filings", "people", "reemployed")
    return _by_county(
        stats, stats.layoffs, keys, ["裁员报告", "裁减人数", "已再就业"], [3, 2, 2, 2]
    )


def guidance_table(stats: CampaignStats) -> Table:
    rows = []
    for kind, label in ACTIVITY_KINDS.items():
        g = stats.guidance_by_kind[kind]
        if g["activities"]:
            rows.append(
                [
                    label,
                    str(g["activities"]),
                    str(g["enterprises"]),
                    str(g["new_enterprises"]),
                    str(g["people"]),
                ]
            )
    rows.append(
        [
            "合计",
            *(
                str(stats.total(stats.guidance_by_kind, k))
                for k in ("activities", "enterprises", "new_enterprises", "people")
            ),
        ]
    )
    return _table(
        ["服务方式", "活动次数", "覆盖企业", "其中新办企业", "覆盖人数"], rows, [3, 2, 2, 2, 2]
    )
