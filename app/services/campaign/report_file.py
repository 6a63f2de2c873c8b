"""`hexie report` on a SQLite file without SQLAlchemy or the models (issue 17).

Importing SQLAlchemy alone costs more CPU than the raw report's whole run (sqlite3
running the same statements, python-docx writing the same text), so the command
reads a current file through sqlite3 with the statements compiled ahead from
report_queries' descriptions (report_sql, written by tools/report_sql.py and held to
the descriptions by a test), and writes the report with the same code as
campaign_report: report_figures, report_text, report_docx, report_annex. Anything
unusual — a server, a missing or foreign file, another schema revision, an
interrupted upgrade, a folder SQLite cannot write its WAL index in — is left to
the ordinary open (`open_from` returns None), which says what is wrong or upgrades.
docs/architecture.md, "Storage".
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.services.campaign import campaign_data, report_figures, report_text
from app.services.campaign.report_figures import Settings
from app.services.core import office
from app.services.documents import report_docx, report_fonts

SQLITE_HEADER = b"SQLite format 3\x00"


class SqliteReader:
    """report_figures.Reader on a sqlite3 connection: report_sql's text, the run's
    values bound as SQLAlchemy binds them, the rows converted as it converts them."""

    def __init__(self, conn: sqlite3.Connection, queries: dict[str, Any]) -> None:
        self.conn = conn
        self.queries = queries

    def rows(self, name: str, **params: Any) -> list[tuple[Any, ...]]:
        sql, fixed, lists, kinds = self.queries[name]
        values = dict(fixed)
        for key, value in params.items():
            if key in lists:
                names = [f"{key}_{n}" for n in range(1, len(value) + 1)]
                # An empty list matches nothing, as SQLAlchemy's empty IN.
                sql = sql.replace(
                    f"__[POSTCOMPILE_{key}]", ", ".join(f":{n}" for n in names) or "NULL"
                )
                values.update(zip(names, (_bound(v) for v in value), strict=True))
            else:
                values[key] = _bound(value)
        found = self.conn.execute(sql, values).fetchall()
        if not any(kinds):
            return found
        return [tuple(_read(k, v) for k, v in zip(kinds, row, strict=True)) for row in found]


def _bound(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite dialect binds it (dates as YYYY-MM-DD)."""
    if isinstance(value, datetime):
        raise TypeError("the report's statements take dates, not times")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _read(kind: str | None, value: Any) -> Any:
    if value is None or kind is None:
        return value
    if kind == "date":
        return date.fromisoformat(value)
    if kind == "bool":
        return bool(value)
    return datetime.fromisoformat(value)


def open_from(text: str) -> SqliteReader | None:
    """A reader on the file `--db` names, or None when the ordinary open must decide."""
    if "://" in text:
        return None
    path = Path(text).expanduser()
    from app.services.campaign import report_sql

    try:
        if not path.is_file() or path.with_name(path.name + ".migrating").exists():
            return None
        if not os.access(path.parent, os.W_OK) or not os.access(path, os.R_OK):
            return None
        with open(path, "rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return None
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        row = None
    if row is None or row[0] != report_sql.REVISION:
        conn.close()
        return None
    return SqliteReader(conn, report_sql.QUERIES)


def current_campaign(reader: report_figures.Reader, today: date | None) -> str:
    """campaigns.current's choice through the reader: the id, or "" when there is none."""
    settings = Settings(reader)
    own = settings.get_setting("office.code")
    names = office.known_office_codes()
    found = [
        campaign_data.info_of(r, own, names) for r in reader.rows("campaigns", office_code=own)
    ]
    chosen = settings.get_setting(campaign_data.CURRENT_KEY) if found else ""
    current = campaign_data.current_of(found, chosen, today)
    return current.id if current else ""


@dataclass(frozen=True)
class ReportResult:
    docx: Path
    annex: Path | None
    font_notes: list[str]


def check_names(out: Path, annex: str | Path | None) -> None:
    if out.suffix.lower() != ".docx":
        raise ValueError(f"报告文件应以 .docx 结尾：{out.name}")
    if annex is not None and Path(annex).suffix.lower() != ".xlsx":
        raise ValueError(f"统计表附件应以 .xlsx 结尾：{Path(annex).name}")


def write(
    reader: report_figures.Reader,
    campaign_id: str,
    out: str | Path,
    *,
    annex: str | Path | None = None,
    today: date | None = None,
) -> ReportResult:
    """campaign_report.write through a Reader: the same figures, text and files."""
    out = Path(out)
    check_names(out, annex)
    settings = Settings(reader)
    stats = report_figures.collect(reader, campaign_id, today=today)
    here = office.current(settings)
    saved = reader.rows(
        "own_report", campaign_id=campaign_id, office_code=here.code if here else ""
    )
    head = office.letterhead(settings)
    data = (
        report_text.saved_input(saved[0])
        if saved
        else report_text.defaults_of(stats.campaign, here, head, today)
    )
    name = here.name if here else ""
    extra = report_text.extra_figures(reader, stats)
    texts = report_text.section_texts_of(stats, extra, data.narratives, name)
    content = report_text.content_of(stats, texts, data, name, head.mark)
    if annex is None:
        content.attachment_note = ""
    fonts = report_fonts.choose(None)
    report_docx.render(content, out, fonts)
    annex_path = None
    if annex is not None:
        from app.services.campaign import report_annex

        annex_path = report_annex.write(stats, annex)
    return ReportResult(out, annex_path, report_fonts.describe(fonts))
