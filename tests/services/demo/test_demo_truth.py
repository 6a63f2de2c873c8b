"""The demo data obeys every entry rule (it is what a new user learns from)."""

from __future__ import annotations

from datetime import date

from app.services import record_audit
from app.services.core.progress import drain
from app.services.demo import demo


def test_the_whole_demo_passes_every_validator(db):
    today = date(2023, 9, 15)
    drain(demo.generate(db, enterprises=400, seed=7, today=today))
    found = record_audit.problems(db, today=today)
    assert [(p.table, p.field, str(p.message)) for p in found] == []


def test_the_audit_finds_what_a_broken_record_breaks(db):
    from sqlalchemy import update

    from app.models import Enterprise, NegotiationOffer

    today = date(2023, 9, 15)
    drain(demo.generate(db, enterprises=60, seed=3, today=today))
    with db.session() as session:
        eid = (
            session.execute(update(Enterprise).values(contact_phone="abc").returning(Enterprise.id))
            .scalars()
            .first()
        )
        session.execute(
            update(NegotiationOffer)
            .where(NegotiationOffer.replied_on.is_not(None))
            .values(reply="")
        )
    found = {(p.table, p.field) for p in record_audit.problems(db, today=today)}
    assert ("enterprise", "contact_phone") in found and ("negotiation_offer", "reply") in found
    assert eid


def test_demo_rows_make_no_import_backup(db, tmp_path):
    """The demo's made-up rows replace nothing a person entered: no safety copy
    (and none taken inside the demo's own open transaction)."""
    from app.services.core import backups

    folder = tmp_path / "演示备份"
    db.backup_folder = folder
    drain(demo.generate(db, enterprises=20, seed=5, today=date(2023, 9, 15)))
    assert backups.list_backups(folder, db.path.stem) == []
