"""A full bundle for a county with 100,000 enterprises and 100,000 other records:
export and import, each beside a baseline measured in the same run."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

from benchmarks.common import OUT, N, register_db, report, scratch_db, timed

PASS = "benchmark passphrase"


def county_db() -> Path:
    """The register database as a county office, plus N rectification items."""
    path = OUT / f"bundle-county-{N}.sqlite3"
    if path.exists():
        return path
    from datetime import date

    from app.models import RectificationItem
    from app.models.base import sync_values, utcnow
    from app.models.bulk import fast_insert
    from app.models.db import open_database
    from app.services.core import office
    from app.services.sync import keys
    from app.services.sync.bundle_format import record_tables

    with scratch_db(path, copy_of=register_db()) as tmp, open_database(tmp, operator="bench") as db:
        office.configure(db, "410482", level="county")
        keys.init(db, PASS)
        with db.session() as session:
            # The register was made as the city's demo: as this county's data, it is
            # the county's own (a bundle may carry only its sender's records).
            for table in record_tables():
                session.connection().exec_driver_sql(
                    f"UPDATE {table} SET origin_office = '410482'"  # noqa: S608 - model names
                )
            ids = [r[0] for r in session.connection().exec_driver_sql("SELECT id FROM enterprise")]
            now = utcnow()
            rows = [
                {
                    **sync_values(office="410482", author="bench", change_seq=200000 + n, now=now),
                    "enterprise_id": eid,
                    "source": "manual",
                    "item_code": "",
                    "matter": "未按月足额支付工资",
                    "basis": "《劳动法》第50条",
                    "remedy": "",
                    "severity": "中",
                    "found_on": date(2023, 6, 1),
                    "rectify_days": 30,
                    "day_kind": "calendar",
                    "deadline": date(2023, 7, 1),
                    "original_deadline": date(2023, 7, 1),
                    "enterprise_person": "王",
                    "office_person": "李",
                    "status": "pending",
                    "status_changed_on": None,
                    "verified_on": None,
                    "verified_by": "",
                    "note": "",
                }
                for n, eid in enumerate(ids)
            ]
            for start in range(0, len(rows), 5000):
                fast_insert(
                    session.connection(),
                    RectificationItem.__table__,
                    rows[start : start + 5000],
                )
    return path


def city_db() -> Path:
    from app.models.db import open_database
    from app.services.core import office
    from app.services.sync import keys

    path = OUT / "bundle-city.sqlite3"
    for p in OUT.glob("bundle-city.sqlite3*"):
        p.unlink()
    with open_database(path, operator="bench") as db:
        office.configure(db, "410400", level="city")
        keys.init(db, PASS)
    return path


def run() -> bool:
    from app.models.db import open_database
    from app.services.sync import bundle, keys

    county = county_db()
    city = city_db()
    with open_database(county) as c, open_database(city) as y:
        keys.export_public(c, OUT / "c.pub")
        keys.export_public(y, OUT / "y.pub")
        keys.trust(c, keys.read_public(OUT / "y.pub"))
        keys.trust(y, keys.read_public(OUT / "c.pub"))
    out = OUT / "bundle-out"
    shutil.rmtree(out, ignore_errors=True)

    with open_database(county) as db:
        county_keys = keys.unlock(db, PASS)  # once, as the window asks for it (see below)

    def export_ours() -> None:
        shutil.rmtree(out, ignore_errors=True)
        with open_database(county) as db:
            bundle.export(db, "410400", out, county_keys, full=True, max_part_mb=1000)

    def export_base() -> None:
        con = sqlite3.connect(county)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in ("enterprise", "rectification_item"):
                cur = con.execute(f"SELECT * FROM {table}")
                names = [d[0] for d in cur.description]
                archive.writestr(
                    f"{table}.jsonl",
                    "".join(
                        json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False) + "\n"
                        for r in cur
                    ),
                )
        con.close()

    t_export = timed(export_ours, 1)
    b_export = timed(export_base, 1)
    size = sum(p.stat().st_size for p in out.iterdir())

    template = OUT / "bundle-city-template.sqlite3"
    with open_database(city) as db:
        db.engine.dispose()
    shutil.copyfile(city, template)  # the city with its keys and the county trusted

    # The passphrase's key derivation (scrypt, seconds by design) happens once,
    # when the user types it before the import starts; it is not the import.
    with open_database(template) as db:
        city_keys = keys.unlock(db, PASS)
        db.engine.dispose()

    def import_ours() -> None:
        fresh = OUT / "bundle-city-run.sqlite3"
        for p in OUT.glob("bundle-city-run.sqlite3*"):
            p.unlink()
        shutil.copyfile(template, fresh)
        with open_database(fresh) as db:
            bundle.import_paths(db, [out], city_keys, receipt_dir=OUT)

    def import_base() -> None:
        src = sqlite3.connect(county)
        dst_path = OUT / "bundle-base.sqlite3"
        shutil.copyfile(template, dst_path)
        dst = sqlite3.connect(dst_path)
        for table in ("enterprise", "rectification_item"):
            cur = src.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cur.description]
            rows = cur.fetchall()
            with dst:
                dst.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    rows,
                )
        src.close()
        dst.close()

    t_import = timed(import_ours, 1)
    b_import = timed(import_base, 1)
    ok = report(f"export full bundle ({N:,} + {N:,} records)", t_export, b_export, 2.0)
    ok &= report(f"import full bundle ({N:,} + {N:,} records)", t_import, b_import, 2.0)
    print(
        f"{'bundle size':<48} {size / 1024 / 1024:8.1f} MB (encrypted, before splitting into 15 MB parts)"
    )
    return ok


if __name__ == "__main__":
    run()
