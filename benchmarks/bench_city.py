"""The city merging ten counties: each with 10,000 enterprises and their health
checks (32 results each), ledger items and events, and collective-negotiation
offers (~29,500 records a county, ~295,000 in all). Every figure is a whole
process — `python -m app.cli export-bundle` / `import-bundle` as the office runs
them — beside the raw path (benchmarks.raw_sync: SQLite → JSON Lines → zip, and
unzip → JSON parse → executemany) run the same way, with each process's own
peak memory. Then one county holding ~295,000 records in a single bundle.

HEXIE_BENCH_COUNTY_N changes the enterprises per county (default 10,000).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.common import OUT, report, scratch_db

os.environ.setdefault("HEXIE_DATA_DIR", tempfile.mkdtemp(prefix="hexie-bench-"))

PASS = "benchmark passphrase"
COUNTY_N = int(os.environ.get("HEXIE_BENCH_COUNTY_N", "10000"))
# The ten counties of Pingdingshan that send to the city (GB/T 2260).
COUNTIES = tuple("410402 410403 410404 410411 410421 410422 410423 410425 410481 410482".split())
CITY = "410400"
MEMORY_LIMIT_MB = 300
HERE = OUT / "city"


def _filled(table: Any, **values: Any) -> dict[str, Any]:
    """A complete row: the values given, column defaults, and a plain value for
    every other required column."""
    from sqlalchemy import Boolean, Date, DateTime, Float, Integer

    row: dict[str, Any] = {}
    for column in table.c:
        if column.name in values:
            row[column.name] = values[column.name]
        elif column.default is not None and not callable(column.default.arg):
            row[column.name] = column.default.arg
        elif column.nullable:
            row[column.name] = None
        elif isinstance(column.type, DateTime):
            row[column.name] = datetime(2023, 7, 1, 9, 0)
        elif isinstance(column.type, Date):
            row[column.name] = date(2023, 7, 1)
        elif isinstance(column.type, Boolean):
            row[column.name] = False
        elif isinstance(column.type, Integer | Float):
            row[column.name] = 0
        else:
            row[column.name] = "示例"
    return row


def build_county(code: str, n: int, path: Path) -> Path:
    """A county office's database: n enterprises, n/20 checks of 32 results, n/5
    ledger items with n/20 events, n/20 offers."""
    if path.exists():
        return path
    from app.models import (
        CheckResult,
        Enterprise,
        HealthCheck,
        NegotiationOffer,
        RectificationEvent,
        RectificationItem,
    )
    from app.models.base import sync_values
    from app.models.bulk import fast_insert
    from app.models.db import next_change_seq, open_database
    from app.services.checks import checklists
    from app.services.core import office
    from app.services.demo.demo import make_credit_code
    from app.services.sync import keys

    with scratch_db(path) as tmp:
        with open_database(tmp, operator="bench") as db:
            office.configure(db, code, level="county")
            keys.init(db, PASS)
            spec = checklists.active(db)
            now = datetime(2023, 7, 1, 9, 0)
            with db.session() as session:
                conn = session.connection()
                seq = next_change_seq(session, 40 * n)

                def rows(table: Any, count: int, make: Any) -> list[dict[str, Any]]:
                    nonlocal seq
                    out = []
                    for k in range(count):
                        sync = sync_values(office=code, author="协调员", change_seq=seq, now=now)
                        seq += 1
                        out.append(_filled(table, **sync, **make(k)))
                    for start in range(0, len(out), 5000):
                        fast_insert(conn, table, out[start : start + 5000])
                    return out

                firms = rows(
                    Enterprise.__table__,
                    n,
                    lambda k: {
                        "name": f"平顶山{code}示范企业{k}有限公司",
                        "credit_code": make_credit_code(code, 10_000_000 + k),
                        "county_code": code,
                        "address": f"{code}某路{k}号",
                        "industry": "制造业",
                        "employee_count": 20 + k % 300,
                    },
                )
                checks = rows(
                    HealthCheck.__table__,
                    n // 20,
                    lambda k: {
                        "enterprise_id": firms[k * 20]["id"],
                        "checklist_id": spec.id,
                        "checklist_edition": spec.edition,
                        "check_date": date(2023, 7, 1 + k % 28),
                        "status": "final",
                    },
                )
                items = spec.items
                rows(
                    CheckResult.__table__,
                    len(checks) * len(items),
                    lambda k: {
                        "check_id": checks[k // len(items)]["id"],
                        "item_code": items[k % len(items)].code,
                        "group_name": items[k % len(items)].group,
                        "question": items[k % len(items)].question,
                        "result": "compliant" if k % 7 else "noncompliant",
                    },
                )
                ledger = rows(
                    RectificationItem.__table__,
                    n // 5,
                    lambda k: {
                        "enterprise_id": firms[k * 5]["id"],
                        "matter": "未按月足额支付工资",
                        "basis": "《劳动法》第50条",
                        "found_on": date(2023, 7, 1),
                        "deadline": date(2023, 8, 1),
                        "original_deadline": date(2023, 8, 1),
                        "status": "pending",
                    },
                )
                rows(
                    RectificationEvent.__table__,
                    n // 20,
                    lambda k: {
                        "item_id": ledger[k * 4]["id"],
                        "on_date": date(2023, 7, 15),
                        "from_status": "pending",
                        "to_status": "in_progress",
                    },
                )
                rows(
                    NegotiationOffer.__table__,
                    n // 20,
                    lambda k: {
                        "enterprise_id": firms[k * 20 + 3]["id"],
                        "offeror": "工会",
                        "received_on": date(2023, 7, 20),
                    },
                )
    return path


def build_city(counties: list[Path]) -> Path:
    """The city's database with its keys, trusting every county (a template copied per run)."""
    import hashlib

    from app.models.db import open_database
    from app.services.core import office
    from app.services.sync import keys

    which = hashlib.sha256("|".join(c.name for c in counties).encode()).hexdigest()[:8]
    path = HERE / f"city-template-{which}.sqlite3"
    if path.exists():
        return path
    with scratch_db(path) as tmp:
        with open_database(tmp, operator="bench") as city:
            office.configure(city, CITY, level="city")
            keys.init(city, PASS)
            keys.export_public(city, HERE / "city.pub")
            for county in counties:
                with open_database(county) as db:
                    keys.export_public(db, HERE / "county.pub")
                    # a rebuilt city template has new keys: the counties replace the old one
                    keys.trust(db, keys.read_public(HERE / "city.pub"), replace=True)
                keys.trust(city, keys.read_public(HERE / "county.pub"))
    return path


def _fresh(template: Path, name: str) -> Path:
    target = HERE / name
    for old in HERE.glob(name + "*"):
        old.unlink()
    shutil.copyfile(template, target)
    return target


def process(module: str, *args: str) -> tuple[float, float]:
    """(wall seconds, peak MB) of `python -m module args` as one whole process."""
    result = HERE / "measure.json"
    env = {**os.environ, "HEXIE_PASSPHRASE": PASS}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.measure", str(result), module, *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return seconds, float(json.loads(result.read_text("utf-8"))["peak_mb"])


def _records(path: Path) -> int:
    import sqlite3

    from benchmarks.raw_sync import TABLES

    con = sqlite3.connect(path)
    try:
        return sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)  # noqa: S608
    finally:
        con.close()


def _memory(label: str, peak: float) -> bool:
    ok = peak < MEMORY_LIMIT_MB
    print(f"{label:<48} {peak:8.1f} MB  (target < {MEMORY_LIMIT_MB} MB) {'OK' if ok else 'OVER'}")
    return ok


def _unlock_seconds(db: Path) -> float:
    """The passphrase's key derivation (scrypt, seconds on purpose) inside every
    export-bundle/import-bundle process, measured alone."""
    code = (
        "import os;from app.models.db import open_database;from app.services import keys;"
        f"db=open_database({str(db)!r});keys.unlock(db,{PASS!r});db.close()"
    )
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent
    )
    whole = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from app.models.db import open_database;from app.services import keys",
        ],
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return whole - (time.perf_counter() - start)


def ten_counties() -> bool:
    HERE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    counties = [
        build_county(c, COUNTY_N, HERE / f"county-{c}-{COUNTY_N}.sqlite3") for c in COUNTIES
    ]
    template = build_city(counties)
    total = sum(_records(c) for c in counties)
    print(f"(ten county databases, {total:,} records, ready in {time.perf_counter() - start:.1f}s)")
    unlock = _unlock_seconds(counties[0])
    print(f"{'passphrase → keys (scrypt), in every process':<48} {unlock:8.3f}s")

    ours_export, base_export, peaks = [], [], []
    for code, county in zip(COUNTIES, counties, strict=True):
        out = HERE / "bundles" / code
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak = process(
            "app.cli", "export-bundle", "--db", str(county), "--to", CITY, "-o", str(out), "--full",
            "--max-part-mb", "1000",
        )  # fmt: skip
        ours_export.append(seconds)
        peaks.append(peak)
        raw = HERE / "raw" / f"{code}.zip"
        raw.parent.mkdir(exist_ok=True)
        seconds, _ = process("benchmarks.raw_sync", "export", str(county), str(raw))
        base_export.append(seconds)
    # One county's bundle is small: the whole process is mostly start-up (SQLAlchemy
    # and the models, ~1 s) and the key unlock (~1 s), which the raw path has not.
    slowest, raw = max(ours_export), max(base_export)
    print(
        f"{'county export-bundle (' + f'{total // 10:,} records)':<48} ours {slowest:8.3f}s  baseline"
        f" {raw:8.3f}s  ratio {slowest / raw:5.2f}×  (no target: start-up and key unlock)"
    )
    ok = _memory("… peak memory of the largest export", max(peaks))

    city = _fresh(template, "city-run.sqlite3")
    ours, peak = process(
        "app.cli",
        "import-bundle",
        "--db",
        str(city),
        *(str(HERE / "bundles" / c) for c in COUNTIES),
    )
    base_city = _fresh(template, "city-raw.sqlite3")
    base, base_peak = process(
        "benchmarks.raw_sync",
        "merge",
        str(base_city),
        *(str(HERE / "raw" / f"{c}.zip") for c in COUNTIES),
    )
    assert _records(city) == total, "the city must hold every county's records"
    ok &= report(f"city import-bundle, ten counties ({total:,} records)", ours, base, 2.0)
    report("… leaving out the key unlock", ours - unlock, base, 2.0)
    ok &= _memory(f"… peak memory (raw path: {base_peak:.0f} MB)", peak)
    return ok


def one_big_bundle() -> bool:
    """One county with ten times the records: ~295,000 in a single bundle."""
    big = build_county("410482", COUNTY_N * 10, HERE / f"county-big-{COUNTY_N * 10}.sqlite3")
    template = build_city([big])
    records = _records(big)
    unlock = _unlock_seconds(big)
    out = HERE / "bundles" / "big"
    shutil.rmtree(out, ignore_errors=True)
    ours, peak = process(
        "app.cli", "export-bundle", "--db", str(big), "--to", CITY, "-o", str(out), "--full",
        "--max-part-mb", "1000",
    )  # fmt: skip
    base, _ = process("benchmarks.raw_sync", "export", str(big), str(HERE / "raw" / "big.zip"))
    ok = report(f"export-bundle, one bundle of {records:,} records", ours, base, 2.0)
    report("… leaving out the key unlock", ours - unlock, base, 2.0)
    ok &= _memory("… peak memory", peak)
    size = sum(p.stat().st_size for p in out.iterdir())
    print(f"{'… bundle size':<48} {size / 1024 / 1024:8.1f} MB (encrypted)")
    city = _fresh(template, "city-big.sqlite3")
    ours, peak = process("app.cli", "import-bundle", "--db", str(city), str(out))
    base_city = _fresh(template, "city-big-raw.sqlite3")
    base, _ = process("benchmarks.raw_sync", "merge", str(base_city), str(HERE / "raw" / "big.zip"))
    ok &= report(f"import-bundle, one bundle of {records:,} records", ours, base, 2.0)
    report("… leaving out the key unlock", ours - unlock, base, 2.0)
    ok &= _memory("… peak memory", peak)
    return ok


def run() -> bool:
    ok = ten_counties()
    ok &= one_big_bundle()
    return ok


if __name__ == "__main__":
    sys.exit(0 if run() else 1)
