"""0009_campaign → 0010_ownership on databases that hold data: a county whose
checklist edition is referenced by its checks, a city holding two counties' edition
1, records written before the office was named, and duplicate open conflicts."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.models import migrate
from app.models.db import open_database
from app.services.checks import checklists
from app.services.sync import keys

NOW = "2023-07-01 08:00:00.000000"


def _database_at_0009(path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0009_campaign")
    engine.dispose()


def _insert(con: sqlite3.Connection, table: str, **values: Any) -> None:
    """A row with every NOT NULL column the 0009 schema has filled (by its type)."""
    for _cid, name, kind, notnull, _default, pk in con.execute(f"PRAGMA table_info({table})"):
        if notnull and name not in values and not (pk and kind.upper() == "INTEGER"):
            kind = kind.upper()
            values[name] = (
                NOW
                if kind.startswith(("DATETIME", "DATE"))
                else 0
                if kind.startswith(("INTEGER", "BOOLEAN", "FLOAT"))
                else ""
            )
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))  # noqa: S608


def _sync(record_id: str, office: str, **values: Any) -> dict[str, Any]:
    return {"id": record_id, "version": 1, "origin_office": office, "deleted": 0, **values}


def test_a_county_database_with_checks_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "county.sqlite3"
    _database_at_0009(path)
    con = sqlite3.connect(path)
    with con:
        for key, value in (
            ("office.code", "410421"),
            ("office.name", "宝丰县"),
            ("office.level", "county"),
        ):
            _insert(con, "setting", key=key, value=value)
        # The default edition was made before the office was named: no origin office.
        _insert(
            con, "checklist", **_sync("c1" * 16, "", code="HN-TIJIAN", edition=1, name="河南默认")
        )
        _insert(
            con,
            "checklist_item",
            **_sync(
                "i1" * 16,
                "",
                checklist_id="c1" * 16,
                code="1.1",
                question="是否签订劳动合同",
                group_name="劳动合同",
            ),
        )
        _insert(
            con,
            "enterprise",
            **_sync(
                "e1" * 16,
                "410421",
                name="宝丰县甲公司",
                credit_code="91410421MA0000001X",
                county_code="410421",
            ),
        )
        _insert(
            con,
            "health_check",
            **_sync(
                "h1" * 16,
                "410421",
                enterprise_id="e1" * 16,
                checklist_id="c1" * 16,
                checklist_edition=1,
                check_date="2023-07-01",
            ),
        )
        _insert(
            con,
            "check_result",
            **_sync(
                "r1" * 16, "410421", check_id="h1" * 16, item_code="1.1", result="noncompliant"
            ),
        )
        _insert(
            con,
            "record_sync_base",
            table_name="enterprise",
            record_id="e1" * 16,
            peer="410400",
            base_version=3,
        )
        # three open conflicts for one record (the old import added one per bundle)
        for n in range(3):
            _insert(
                con,
                "sync_conflict",
                table_name="enterprise",
                record_id="e1" * 16,
                peer="410400",
                incoming_json=f'{{"n": {n}}}',
                local_json="{}",
                status="open",
            )
    con.close()

    db = open_database(path)
    try:
        with db.reader() as conn:
            assert (
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
                == migrate.head_revision()
            )
            owners = {
                t: conn.execute(sa.text(f"SELECT DISTINCT origin_office FROM {t}")).scalars().all()  # noqa: S608
                for t in (
                    "checklist",
                    "checklist_item",
                    "enterprise",
                    "health_check",
                    "check_result",
                )
            }
            open_conflicts = (
                conn.execute(
                    sa.text("SELECT incoming_json FROM sync_conflict WHERE status = 'open'")
                )
                .scalars()
                .all()
            )
            superseded = conn.execute(
                sa.text("SELECT count(*) FROM sync_conflict WHERE resolution = 'superseded'")
            ).scalar()
        assert all(v == ["410421"] for v in owners.values()), owners
        with db.reader() as conn:
            assert conn.execute(sa.text("SELECT * FROM record_sync_base")).all() == [
                ("enterprise", "e1" * 16, "410400", 3)
            ]
            table_sql = conn.execute(
                sa.text("SELECT sql FROM sqlite_master WHERE name = 'record_sync_base'")
            ).scalar()
        assert "WITHOUT ROWID" in table_sql
        assert open_conflicts == ['{"n": 2}'] and superseded == 2  # the newest stays open
        spec = checklists.active(db)  # the county keeps its edition: no second default
        assert (spec.id, spec.edition, spec.owner) == ("c1" * 16, 1, "410421")
        [used] = checklists.editions_used(db)
        assert (used.office_code, used.edition, used.checks) == ("410421", 1, 1)
        assert keys.revoked_keys(db) == []
    finally:
        db.close()


def test_a_city_database_takes_every_countys_edition_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    _database_at_0009(path)
    con = sqlite3.connect(path)
    with con:
        _insert(con, "setting", key="office.code", value="410400")
        _insert(
            con,
            "checklist",
            **_sync("a1" * 16, "410421", code="HN-TIJIAN", edition=1, name="河南默认"),
        )
    con.close()
    db = open_database(path)
    db.close()
    con = sqlite3.connect(path)
    with con:  # before 0010 this was a UNIQUE failure on (code, edition)
        _insert(
            con,
            "checklist",
            **_sync("b1" * 16, "410422", code="HN-TIJIAN", edition=1, name="河南默认"),
        )
        _insert(
            con,
            "checklist",
            **_sync("c1" * 16, "410400", code="HN-TIJIAN", edition=1, name="河南默认"),
        )
    try:
        with con:
            _insert(
                con,
                "checklist",
                **_sync("d1" * 16, "410422", code="HN-TIJIAN", edition=1, name="重复"),
            )
        raise AssertionError("one office cannot have two live edition 1s")
    except sqlite3.IntegrityError:
        pass
    con.close()
