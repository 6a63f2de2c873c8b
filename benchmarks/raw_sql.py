"""The raw baselines' SQL, shared by the in-process benchmarks (bench_register,
bench_import) and the whole-process children (benchmarks/children.py): sqlite3
alone doing what the program does, so both measure against the same work.
Imports nothing of the app (a child's baseline is the library alone)."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

COLUMNS = (
    "id, name, credit_code, county_code, address, industry, legal_representative,"
    " contact_person, contact_phone, employee_count, has_union, registration_date,"
    " is_platform, notes"
)
INSERT_ENTERPRISE = (
    "INSERT INTO enterprise (id, created_at, updated_at, version, origin_office, author,"
    " deleted, change_seq, name, credit_code, county_code, address, industry,"
    " legal_representative, contact_person, contact_phone, employee_count, has_union,"
    " registration_date, is_platform, notes, name_pinyin, name_initials) VALUES (?,"
    " '2026-01-01', '2026-01-01', 1, '410400', 'bench', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, '', '', '')"
)


def _like(q: str) -> tuple[str, tuple[str, str, str]]:
    like = f"%{q}%"
    where = "deleted = 0 AND (name LIKE ? OR credit_code LIKE ? OR name_initials LIKE ?)"
    return where, (like, q.upper() + "%", like)


def like_page(con: sqlite3.Connection, q: str) -> None:
    """The register's first page the plain way: LIKE, in pinyin order."""
    where, args = _like(q)
    con.execute(
        f"SELECT {COLUMNS} FROM enterprise WHERE {where} ORDER BY name_pinyin, id LIMIT 200",
        args,
    ).fetchall()


def like_count(con: sqlite3.Connection, q: str) -> None:
    """The search's count the plain way: a table scan by LIKE."""
    where, args = _like(q)
    con.execute(f"SELECT count(*) FROM enterprise WHERE {where}", args).fetchone()


def like_search(con: sqlite3.Connection, q: str) -> None:
    """The register's search the plain way: a table-scan count and the first page by LIKE."""
    like_count(con, q)
    like_page(con, q)


def insert_enterprises(
    db_path: str | Path,
    rows: Sequence[Sequence[object]],
    new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
) -> None:
    """The import sheet's rows (after its two title rows) written by executemany into
    a file that has the program's schema; `new_id` makes each primary key."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    with con:
        con.executemany(
            INSERT_ENTERPRISE,
            (
                (
                    new_id(),
                    i,
                    *r[:8],
                    int(float(r[8])),
                    r[9] == "是",
                    str(r[10])[:10],
                    r[11] == "是",
                )
                for i, r in enumerate(rows)
            ),
        )
    con.close()
