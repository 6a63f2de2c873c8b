"""0012_print on a database of the previous revision, with data in it: checklist
items and check results get their finding phrase, ledger rows copied from a check
are renamed to it, rows typed or edited by hand keep their text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text

from app.models import migrate
from app.models.db import open_database
from app.services.checks import health_checks
from app.services.core import office
from app.services.ledger import ledger
from tests.records import enterprise, filled, manual


def test_upgrade_from_0011_names_failures_by_their_finding(tmp_path: Path):
    path = tmp_path / "county.sqlite3"
    db = open_database(path, operator="测试员")
    office.configure(db, "410482", level="county")
    eid = enterprise(db)
    cid = health_checks.create(db, filled(db, eid, noncompliant=("A01", "A02")), final=True)
    manual(db, eid, matter="是否建立职工名册？")  # typed by hand: kept as typed
    db.close()

    # Back to the previous revision's schema, as a database written before this
    # change was, with the texts of that time.
    engine = create_engine(f"sqlite:///{path}")
    migrate.downgrade(engine, "0011_truth")
    engine.dispose()
    con = sqlite3.connect(path)
    # Old ledger rows carried the question; one was since edited by the office.
    con.execute(
        "UPDATE rectification_item SET matter = (SELECT question FROM check_result r"
        " WHERE r.id = rectification_item.check_result_id) WHERE source = 'check'"
    )
    con.execute(
        "UPDATE rectification_item SET matter = '职工名册缺身份证号' WHERE item_code = 'A02'"
    )
    con.commit()
    con.close()

    db = open_database(path, operator="测试员")
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            findings = dict(conn.execute(text("SELECT code, finding FROM checklist_item")).all())
            assert findings["A02"] == "未建立职工名册或职工名册内容不全"
            assert all(findings.values())
            results = dict(
                conn.execute(
                    text("SELECT item_code, finding FROM check_result WHERE check_id = :c"),
                    {"c": cid},
                ).all()
            )
            assert results["A01"] == "未在用工之日起一个月内与劳动者订立书面劳动合同"
            versions = conn.execute(text("SELECT max(version) FROM rectification_item")).scalar()
        rows = sorted(r.matter for r in ledger.page(db, ledger.LedgerFilter()))
        assert rows == sorted(
            [
                "未在用工之日起一个月内与劳动者订立书面劳动合同",  # renamed
                "职工名册缺身份证号",  # edited by the office: kept
                "是否建立职工名册？",  # typed by hand: kept
            ]
        )
        assert versions == 1  # renamed in place: nothing to send again
    finally:
        db.close()
