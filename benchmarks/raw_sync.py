"""The raw path a sync bundle is measured against: the same records with nothing
but the standard library — SQLite rows to JSON Lines in a zip, and back: unzip,
JSON parse, executemany. No encryption, signature, checks, ownership or conflicts.

    python -m benchmarks.raw_sync export COUNTY.sqlite3 OUT.zip
    python -m benchmarks.raw_sync merge CITY.sqlite3 A.zip B.zip ...
"""

from __future__ import annotations

import json
import sqlite3
import sys
import zipfile
from collections.abc import Sequence
from typing import IO

TABLES = (
    "checklist",
    "enterprise",
    "checklist_item",
    "health_check",
    "negotiation_offer",
    "check_result",
    "rectification_item",
    "rectification_event",
)


def export(db: str, out: str) -> None:
    export_to(db, out)


def export_to(db: str, out: str | IO[bytes], tables: Sequence[str] = TABLES) -> None:
    con = sqlite3.connect(db)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            cursor = con.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
            names = [d[0] for d in cursor.description]
            with archive.open(f"{table}.jsonl", "w", force_zip64=True) as member:
                for row in cursor:
                    member.write(
                        (
                            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
                            + "\n"
                        ).encode()
                    )
    con.close()


def merge(db: str, zips: list[str]) -> None:
    merge_from(db, zips)


def merge_from(db: str, zips: Sequence[str | IO[bytes]], tables: Sequence[str] = TABLES) -> None:
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=ON")
    with con:
        for path in zips:
            with zipfile.ZipFile(path) as archive:
                for table in tables:
                    batch: list[tuple[object, ...]] = []
                    sql = ""
                    if f"{table}.jsonl" not in archive.namelist():
                        continue
                    with archive.open(f"{table}.jsonl") as member:
                        for line in member:
                            row = json.loads(line)
                            if not sql:
                                names = list(row)
                                sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"  # noqa: S608
                            batch.append(tuple(row.values()))
                            if len(batch) >= 5000:
                                con.executemany(sql, batch)
                                batch = []
                    if batch:
                        con.executemany(sql, batch)
    con.close()


if __name__ == "__main__":
    command, target, *rest = sys.argv[1:]
    if command == "export":
        export(target, rest[0])
    else:
        merge(target, rest)
