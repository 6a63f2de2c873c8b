"""Ten counties and the city, seeded random rounds of work on every side, the
counties' bundles applied at the city in several random orders: the city ends
with the same records and the same open conflicts whatever the order, and what
each office owns is the same everywhere it travelled.

Short by default (two rounds, three orders). A longer run:
`pytest tests/services/sync/test_sync_convergence.py --sync-long` (or HEXIE_SYNC_LONG=1),
and HEXIE_SYNC_SEED=n for another seed.
"""

from __future__ import annotations

import os
import random
from datetime import date
from pathlib import Path
from typing import Any

from app.models.db import open_database
from app.services.checks import checklists
from app.services.ledger import ledger
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle
from tests.builders import code
from tests.sync_support import CITY, COUNTIES, canonical, copy_database, first_difference


def _plan(request: Any) -> tuple[int, int, int]:
    long = request.config.getoption("--sync-long") or os.environ.get("HEXIE_SYNC_LONG")
    seed = int(os.environ.get("HEXIE_SYNC_SEED", "2023"))
    return (6, 6, seed) if long else (2, 3, seed)


class Office:
    def __init__(self, code_: str, db: Any, private: Any) -> None:
        self.code, self.db, self.keys = code_, db, private
        self.firms: list[str] = []  # live enterprises this office owns
        self.serial = 0

    def new_firm(self, rng: random.Random, county: str) -> str:
        self.serial += 1
        serial = self.serial + (5000 if self.code == CITY else 0)
        firm = enterprises.create(
            self.db,
            {
                "name": f"{county}企业{serial}号",
                "credit_code": code(serial, county),
                "county_code": county,
                "employee_count": str(rng.randint(5, 500)),
            },
        )
        self.firms.append(firm)
        return firm


def _live(db: Any, firm: str) -> bool:
    return enterprises.get(db, firm) is not None


def _owned_rows(db: Any, owner: str, skip: set[str], county: str = "") -> dict[str, list[Any]]:
    """Every record `owner` owns in db (without local bookkeeping), minus `skip`;
    typed values, so a server's rows compare with a file's. `county`: only the
    records a county receives from the city — those naming that county or none
    (README, 同步包: 市级单位发给某县的)."""
    from sqlalchemy import select

    from app.services.sync.bundle_format import record_tables

    out = {}
    with db.reader() as conn:
        for name, table in record_tables().items():
            columns = [table.c.id] + [c for c in table.c if c.name not in ("id", "change_seq")]
            where = [table.c.origin_office == owner]
            if county and "county_code" in table.c:
                where.append(table.c.county_code.in_([county, owner, ""]))
            rows = conn.execute(select(*columns).where(*where).order_by(table.c.id)).all()
            out[name] = [tuple(r) for r in rows if r[0] not in skip]
    return out


def _open_ids(db: Any) -> set[str]:
    return {c["record_id"] for c in bundle.conflicts(db)}


def test_ten_counties_converge_at_the_city_in_any_order(sync_office, tmp_path, request):
    rounds, orders, seed = _plan(request)
    rng = random.Random(seed)
    # The city keeps its file; the counties are on this test's engine: on a server
    # run, PostgreSQL counties send to a SQLite city and receive from it.
    city = Office(CITY, *sync_office(CITY, engine="sqlite"))
    counties = {c: Office(c, *sync_office(c)) for c in COUNTIES}
    from tests.sync_support import trust_each_other

    (tmp_path / "pub").mkdir()
    for county in counties.values():
        trust_each_other(tmp_path / "pub", city.db, county.db)
    for rnd in range(rounds):
        work = tmp_path / f"round{rnd}"
        # -- the counties work --------------------------------------------------------------
        both_sides: tuple[Office, str] | None = None
        for county in counties.values():
            if rnd == 0:
                checklists.ensure_default(county.db)  # every county's own edition 1
            for _ in range(rng.randint(1, 3)):
                county.new_firm(rng, county.code)
            for firm in rng.sample(county.firms, k=min(2, len(county.firms))):
                enterprises.update(county.db, firm, {"contact_person": f"县{rng.randint(1, 99)}"})
            if rng.random() < 0.5:
                ledger.add_manual(
                    county.db,
                    ledger.ManualItem(
                        rng.choice(county.firms),
                        "未按月足额支付工资",
                        date(2023, 7, 1),
                        date(2023, 8, 1),
                    ),
                )
            if rnd > 0 and len(county.firms) > 2 and rng.random() < 0.3:
                gone = county.firms.pop(rng.randrange(len(county.firms)))
                enterprises.delete(county.db, [gone])
            if rnd > 0 and city.firms and rng.random() < 0.4:
                issued = rng.choice(city.firms)  # a city record edited here: a proposal
                if _live(county.db, issued):
                    enterprises.update(county.db, issued, {"notes": f"{county.code}的意见"})
        # -- the city works, and edits one record a county also edits -----------------------------
        for _ in range(rng.randint(1, 2)):
            city.new_firm(rng, rng.choice(COUNTIES))  # the city registers firms in counties
        if rnd > 0:
            county = rng.choice([c for c in counties.values() if c.firms])
            firm = rng.choice(county.firms)
            enterprises.update(city.db, firm, {"contact_person": "市里改的"})
            enterprises.update(county.db, firm, {"contact_person": "县里也改了"})
            both_sides = (county, firm)
        # -- the counties' bundles reach the city in several orders --------------------------------
        files = []
        for county in counties.values():
            result = bundle.export(county.db, CITY, work / f"from-{county.code}", county.keys)
            files += result.files
        start = copy_database(city.db, work / "city-before.sqlite3")
        dumps = []
        for n in range(orders):
            order = list(files)
            rng.shuffle(order)
            trial = copy_database_file(start, work / f"city-order{n}.sqlite3")
            with open_database(trial) as copy:
                if n == 0:  # all ten in one call
                    bundle.import_paths(copy, order, city.keys, receipt_dir=work / "r-trial")
                else:
                    for path in order:
                        bundle.import_paths(copy, [path], city.keys, receipt_dir=work / "r-trial")
                dumps.append(canonical(copy))
        for n, dump in enumerate(dumps[1:], start=1):
            assert dump == dumps[0], f"round {rnd}, order {n}: {first_difference(dumps[0], dump)}"
        summary = bundle.import_paths(city.db, files, city.keys, receipt_dir=work / "receipts")
        assert canonical(city.db) == dumps[0]
        assert sum(1 for b in summary["bundles"] if not b["already_imported"]) == len(COUNTIES)
        open_now = bundle.conflicts(city.db)
        assert len({(c["table_name"], c["record_id"], c["peer"]) for c in open_now}) == len(
            open_now
        )  # one open conflict per record and office
        if both_sides is not None:
            assert both_sides[1] in _open_ids(city.db)
        # every county's own records arrived as they are (where no conflict holds them)
        for county in counties.values():
            skip = (
                _open_ids(city.db) | _open_ids(county.db) | set(_city_edits(city.db, county.code))
            )
            assert _owned_rows(city.db, county.code, skip) == _owned_rows(
                county.db, county.code, skip
            )
        # -- back to the counties: receipts, then the city's own records and proposals ------------
        for county in counties.values():
            receipt = [
                p for p in (work / "receipts").iterdir() if p.name.endswith(f"-{county.code}.hexie")
            ]
            bundle.import_paths(county.db, receipt, county.keys)
            result = bundle.export(city.db, county.code, work / f"to-{county.code}", city.keys)
            bundle.import_paths(
                county.db, result.files, county.keys, receipt_dir=work / f"back-{county.code}"
            )
            skip = _open_ids(city.db) | _open_ids(county.db)
            # The city's records of this county (and none of another county's) arrived.
            assert _owned_rows(county.db, CITY, skip) == _owned_rows(
                city.db, CITY, skip, county.code
            )
            assert not any(
                r for rows in _owned_rows(county.db, "", set()).values() for r in rows
            )  # nothing ownerless
        for county in counties.values():
            bundle.import_paths(city.db, list((work / f"back-{county.code}").iterdir()), city.keys)
        # -- people decide the conflicts: the city takes the owner's version, an owner keeps its own
        for conflict in bundle.conflicts(city.db):
            bundle.resolve(city.db, conflict["id"], "theirs")
        for county in counties.values():
            for conflict in bundle.conflicts(county.db):
                bundle.resolve(county.db, conflict["id"], "ours")
    # the register at the city: the city's firms and every county's live firms
    expected = len(city.firms) + sum(len(c.firms) for c in counties.values())
    assert enterprises.count(city.db, EnterpriseFilter()) == expected


def _city_edits(db: Any, owner: str) -> list[str]:
    """Records of `owner` the city changed itself (proposals on their way back)."""
    from sqlalchemy import text

    with db.reader() as conn:
        return [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT e.id FROM enterprise e JOIN record_sync_base b ON b.record_id = e.id"
                    " AND b.table_name = 'enterprise' AND b.peer = :owner"
                    " WHERE e.origin_office = :owner AND e.version != b.base_version"
                ),
                {"owner": owner},
            )
        ]


def copy_database_file(source: Path, target: Path) -> Path:
    import shutil

    shutil.copyfile(source, target)
    return target
