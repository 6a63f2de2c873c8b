"""The summary report's statements compiled ahead (report_sql) are what report_queries'
descriptions compile to, read the same rows through sqlite3 as through SQLAlchemy,
and `hexie report` on a SQLite file writes the same report through them (issue 17;
docs/architecture.md, "Storage")."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.models import migrate
from app.services.campaign import (
    campaign_report,
    campaigns,
    guidance,
    report_compile,
    report_file,
    report_queries,
    report_sql,
)
from app.services.campaign.report_text import ReportInput

TODAYS = (date(2023, 12, 1), date(2023, 8, 15))


def test_the_compiled_text_is_what_the_descriptions_compile_to() -> None:
    """Fails when a list's filter, a statement or the schema changed and
    `python tools/report_sql.py` was not run again."""
    assert report_sql.QUERIES == report_compile.all_compiled()
    assert report_sql.REVISION == migrate.head_revision()


def test_a_date_fixed_in_a_statement_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every date of a run is a parameter: one written into the text would hold the
    report to the day the tool ran."""
    from sqlalchemy import select

    from app.models import HealthCheck

    fixed = lambda: select(HealthCheck.id).where(HealthCheck.check_date >= date(2023, 7, 1))  # noqa: E731
    monkeypatch.setitem(report_queries.DESCRIPTIONS, "fixed", fixed)
    with pytest.raises(ValueError, match="make it a parameter"):
        report_compile.compiled("fixed")
    stand_in = lambda: select(HealthCheck.id).where(HealthCheck.check_date >= report_queries.START)  # noqa: E731
    monkeypatch.setitem(report_queries.DESCRIPTIONS, "stand_in", stand_in)
    sql, fixed_values, _lists, _kinds = report_compile.compiled("stand_in")
    assert ":start" in sql and not fixed_values


def _year(db: Any, counted: Any) -> tuple[str, list[str]]:
    """The counted county year with a guidance activity, a case in the report and one not."""
    campaign_id, a, b, c = counted
    guidance.save_activity(
        db,
        {
            "held_on": "2023-08-02",
            "kind": "law_into_enterprise",
            "title": "送法进企业",
            "county_code": "410482",
            "people_reached": "30",
        },
        campaign_id=campaign_id,
        enterprise_ids=[a, c],
    )
    for title, chosen in (("三色预警", True), ("未选入", False)):
        guidance.save_case(
            db,
            {"kind": "practice", "title": title, "body": "正文。", "in_report": chosen},
            campaign_id=campaign_id,
            enterprise_id=a,
        )
    return campaign_id, [a, b, c]


@pytest.mark.sqlite_file
def test_each_statement_reads_the_same_rows_through_sqlite3(db: Any, counted: Any) -> None:
    campaign_id, ids = _year(db, counted)
    data = campaigns.get(db, campaign_id)
    reader = report_file.open_from(str(db.path))
    assert reader is not None
    alchemy = report_queries.AlchemyReader(db)
    try:
        for today in TODAYS:
            params = {
                "start": data.starts_on,
                "end": data.ends_on,
                "today": today,
                "campaign_id": campaign_id,
                "office_code": "410482",
                "counties": ["410482", "410481"],
                "ids": ids,
            }
            for name in report_queries.DESCRIPTIONS:
                keys = ("office.code", "office.name", "none") if name == "setting" else ("",)
                for key in keys:
                    expected = alchemy.rows(name, **params, key=key)
                    assert reader.rows(name, **params, key=key) == expected, name
            assert reader.rows("registration_dates", ids=[]) == []
            assert report_file.current_campaign(reader, today) == campaigns.current(db, today).id
    finally:
        reader.conn.close()


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


@pytest.mark.sqlite_file
def test_the_report_through_sqlite3_is_byte_for_byte_the_report_through_sqlalchemy(
    db: Any, counted: Any, tmp_path: Path
) -> None:
    campaign_id, _ids = _year(db, counted)
    for saved in (False, True):
        if saved:
            texts = {"basic": "协调员自己写的基本情况。", "plans": "下一步。"}
            campaign_report.save(db, campaign_id, ReportInput("关于总结的报告", narratives=texts))
        for today in TODAYS:
            ours = tmp_path / f"sql-{saved}-{today}"
            theirs = tmp_path / f"orm-{saved}-{today}"
            reader = report_file.open_from(str(db.path))
            assert reader is not None
            try:
                got = report_file.write(
                    reader,
                    campaign_id,
                    ours.with_suffix(".docx"),
                    annex=ours.with_suffix(".xlsx"),
                    today=today,
                )
            finally:
                reader.conn.close()
            want = campaign_report.write(
                db,
                campaign_id,
                theirs.with_suffix(".docx"),
                annex=theirs.with_suffix(".xlsx"),
                today=today,
            )
            assert _parts(got.docx) == _parts(want.docx)
            assert _parts(got.annex) == _parts(want.annex)
            assert got.font_notes == want.font_notes


@pytest.mark.sqlite_file
def test_anything_but_a_current_sqlite_file_takes_the_ordinary_open(
    db: Any, tmp_path: Path
) -> None:
    """report_file leaves the messages and the upgrade to the storage layer."""
    current = tmp_path / "current.sqlite3"
    shutil.copyfile(db.path, current)
    reader = report_file.open_from(str(current))
    assert reader is not None
    reader.conn.close()
    assert report_file.open_from("postgresql://office/hexie") is None
    assert report_file.open_from(str(tmp_path / "missing.sqlite3")) is None
    (tmp_path / "notes.sqlite3").write_text("not a database", "utf-8")
    assert report_file.open_from(str(tmp_path / "notes.sqlite3")) is None
    marker = current.with_name(current.name + ".migrating")
    marker.write_text("", "utf-8")
    assert report_file.open_from(str(current)) is None
    marker.unlink()
    with sqlite3.connect(current) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0017_shared_files'")
    conn.close()
    assert report_file.open_from(str(current)) is None
