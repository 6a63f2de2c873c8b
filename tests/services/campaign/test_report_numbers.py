"""Every number the summary report prints — text, annex — counted again straight from
the records with plain SQL for the same period (issue 15: the report said 1 signed
collective contract beside 11 + 2 + 8 in the same paragraph)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from app.services.campaign import campaign_report, campaigns
from app.services.core.progress import drain
from app.services.demo import demo

TODAY = date(2023, 12, 1)


@pytest.fixture(scope="module")
def demo_year(tmp_path_factory):
    from app.models.db import open_database
    from app.services.core import office

    path = tmp_path_factory.mktemp("demo") / "county.sqlite3"
    db = open_database(path, operator="测试员")
    office.configure(db, "410482", level="county")
    drain(demo.generate(db, enterprises=300, seed=5))
    campaign_id = campaigns.current(db).id
    out = tmp_path_factory.mktemp("report")
    result = campaign_report.write(
        db, campaign_id, out / "总结.docx", annex=out / "统计表.xlsx", today=TODAY
    )
    period = campaigns.get(db, campaign_id)
    db.close()
    text = "".join(p.text for p in Document(str(result.docx)).paragraphs)
    return path, (period.starts_on.isoformat(), period.ends_on.isoformat()), text, result.annex


def _count(path, sql, period):
    con = sqlite3.connect(path)
    try:
        return (
            con.execute(
                sql, {"a": period[0], "b": period[1], "today": TODAY.isoformat()}
            ).fetchone()[0]
            or 0
        )
    finally:
        con.close()


def _rows(path, sql, period):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, {"a": period[0], "b": period[1]}).fetchall()
    finally:
        con.close()


def _number(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    assert found, pattern
    return int(found.group(1))


def test_report_text_and_annex_against_the_records(demo_year):
    path, period, text, annex = demo_year
    live = "deleted = 0"
    # Enterprises with a final check (定稿) in the period: a draft is not a check done.
    in_period = f"{live} AND check_date BETWEEN :a AND :b"
    checks = _count(
        path,
        f"SELECT count(DISTINCT enterprise_id) FROM health_check WHERE {in_period} AND status = 'final'",
        period,
    )
    drafts_only = _count(
        path,
        f"SELECT count(DISTINCT enterprise_id) FROM health_check WHERE {in_period} AND status = 'draft'"
        f" AND enterprise_id NOT IN (SELECT enterprise_id FROM health_check WHERE {in_period} AND status = 'final')",
        period,
    )
    checks_per_month = {
        f"{int(m[:4])}年{int(m[5:])}月": n
        for m, n in _rows(
            path,
            f"SELECT substr(check_date, 1, 7), count(DISTINCT enterprise_id) FROM health_check"
            f" WHERE {in_period} AND status = 'final' GROUP BY 1",
            period,
        )
    }
    found = _count(
        path,
        f"SELECT count(*) FROM rectification_item WHERE {live} AND found_on BETWEEN :a AND :b",
        period,
    )
    closed = _count(
        path,
        f"SELECT count(*) FROM rectification_item WHERE {live} AND found_on BETWEEN :a AND :b AND status = 'closed'",
        period,
    )
    offers_made = _count(
        path,
        f"SELECT count(*) FROM negotiation_offer WHERE {live} AND coalesce(received_on, sent_on) BETWEEN :a AND :b",
        period,
    )
    signed = _count(
        path,
        f"SELECT count(*) FROM negotiation_offer WHERE {live} AND signed_on BETWEEN :a AND :b",
        period,
    )
    filed = _count(
        path,
        f"SELECT count(*) FROM negotiation_offer WHERE {live} AND filed_on BETWEEN :a AND :b",
        period,
    )
    filings = _count(
        path,
        f"SELECT count(*) FROM layoff_filing WHERE {live} AND coalesce(reported_on, layoff_on) BETWEEN :a AND :b",
        period,
    )
    laid_off = _count(
        path,
        f"SELECT sum(laid_off) FROM layoff_filing WHERE {live} AND coalesce(reported_on, layoff_on) BETWEEN :a AND :b",
        period,
    )
    assert drafts_only > 0  # the demo leaves drafts in the period: they must not count
    assert signed > 1  # the demo year signs contracts: a sum read back as a Boolean printed 1
    assert _number(text, r"共对(\d+)家企业开展") == checks
    assert _number(text, r"发现劳动用工问题(\d+)项") == found
    assert _number(text, r"已整改销号(\d+)项；发出") == closed
    assert _number(text, r"期间发出要约(\d+)份") == offers_made
    assert _number(text, r"期间签订集体合同（专项集体合同）(\d+)份") == signed
    assert _number(text, r"签订集体合同（专项集体合同）(\d+)份；开展") == signed
    assert _number(text, r"审查(\d+)份") == filed
    assert _number(text, r"受理企业裁减人员方案报告(\d+)件，涉及") == filings
    assert _number(text, r"涉及职工(\d+)人，已帮助") == laid_off

    wb = load_workbook(annex)
    county = {r[0].value: [c.value for c in r] for r in wb["体检和整改"].iter_rows(min_row=5)}
    assert (
        county["合计"][2] == checks and county["合计"][4] == found and county["合计"][5] == closed
    )
    months = {r[0].value: r[1].value for r in wb["按月进度"].iter_rows(min_row=5)}
    assert {m: n for m, n in months.items() if n and m != "合计"} == checks_per_month
    assert sum(checks_per_month.values()) >= checks  # an enterprise checked in two months
    offers_sheet = {r[0].value: [c.value for c in r] for r in wb["要约行动"].iter_rows(min_row=5)}
    assert offers_sheet["合计"][1:] == [offers_made, signed, filed]
    layoffs_sheet = {r[0].value: [c.value for c in r] for r in wb["裁员备案"].iter_rows(min_row=5)}
    assert layoffs_sheet["合计"][1:3] == [filings, laid_off]
