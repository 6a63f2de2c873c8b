"""No lost updates: two coordinators saving one record (app/services/core/edit_lock.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.models import AuditEntry, Enterprise
from app.services.campaign import campaign_report, campaigns, guidance
from app.services.checks import health_checks
from app.services.core import audit, edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.layoffs import layoffs
from app.services.ledger import ledger
from app.services.negotiation import offers
from app.services.register import enterprises
from app.services.risk import risk_events
from tests import records


def _stored(db: Any, eid: str) -> Enterprise:
    with db.session() as session:
        row = session.get(Enterprise, eid)
        assert row is not None
        return row


def test_second_save_from_an_older_version_is_refused_with_both_versions(
    db: Any, other: Any
) -> None:
    eid = records.enterprise(db)
    mine = enterprises.get(db, eid)
    assert mine is not None and mine["version"] == 1
    theirs = enterprises.get(other, eid)
    assert theirs is not None
    assert enterprises.update(
        other, eid, {"contact_phone": "0375-2345671"}, loaded=theirs["version"]
    )

    with pytest.raises(EditConflict) as caught:
        enterprises.update(db, eid, {"contact_phone": "0375-2345672"}, loaded=mine["version"])

    conflict = caught.value
    assert (conflict.mine, conflict.theirs.version) == (1, 2)
    assert conflict.theirs.by == "李四" and conflict.theirs.at is not None
    assert "李四" in str(conflict) and "第 2 版" in str(conflict)
    # Nothing of the refused save was written: their value stands, one update in the log.
    assert _stored(db, eid).contact_phone == "0375-2345671"
    updates = [h for h in audit.history(db, "enterprise", eid) if h.action == "update"]
    assert [(h.operator, h.changes["contact_phone"][1]) for h in updates] == [
        ("李四", "0375-2345671")
    ]
    # Saved against their version (the merge), it goes through.
    assert enterprises.update(db, eid, {"contact_phone": "0375-2345672"}, loaded=2)
    assert _stored(db, eid).version == 3


def test_a_save_committed_between_the_read_and_the_write_is_a_conflict(db: Any, other: Any) -> None:
    """The check on the row just read passes; the colleague commits before the UPDATE:
    the UPDATE's `AND version = :loaded` matches no row, and the unit of work is undone."""
    eid = records.enterprise(db)
    with pytest.raises(EditConflict) as caught:
        with edit_lock.guarded(db) as session:
            row = session.get(Enterprise, eid)
            assert row is not None
            edit_lock.check_loaded(session, row, "enterprise", 1)
            enterprises.update(other, eid, {"contact_phone": "0375-2345671"}, loaded=1)
            row.contact_phone = "0375-2345672"
            audit.record(
                session, "enterprise", eid, "update", {"contact_phone": ["", "x"]}, row.name
            )
    assert (caught.value.mine, caught.value.theirs.version) == (1, 2)
    assert _stored(db, eid).contact_phone == "0375-2345671"
    with db.session() as session:
        entries = session.execute(
            select(AuditEntry.operator).where(AuditEntry.record_id == eid)
        ).scalars()
        assert list(entries) == ["测试员", "李四"]  # create, their update; not mine


def test_a_list_delete_of_a_record_changed_since_the_list_was_read_is_refused(
    db: Any, other: Any
) -> None:
    eid = records.enterprise(db)
    seen = edit_lock.current_seq(db)
    enterprises.update(other, eid, {"contact_phone": "0375-2345671"})
    with pytest.raises(EditConflict) as caught:
        enterprises.delete(db, [eid], seen_seq=seen)
    assert caught.value.theirs.by == "李四"
    assert not _stored(db, eid).deleted
    assert enterprises.delete(db, [eid], seen_seq=edit_lock.current_seq(db)) == 1


def test_saving_a_record_the_colleague_deleted_says_so(db: Any, other: Any) -> None:
    eid = records.enterprise(db)
    offer_id = records.offer(db, eid)
    offers.delete(other, offer_id, loaded=1)
    with pytest.raises(EditConflict) as caught:
        offers.save_values(db, {"situation": "normal"}, offer_id, loaded=1)
    assert caught.value.theirs.deleted
    assert "删除" in str(caught.value)


def test_the_counter_moves_with_every_save(db: Any, other: Any) -> None:
    before = edit_lock.current_seq(db)
    eid = records.enterprise(other)
    assert edit_lock.current_seq(db) > before
    assert edit_lock.version_of(db, "enterprise", eid) == 1
    assert edit_lock.version_of(db, "enterprise", None) is None


GUIDANCE = {"title": "政策宣讲会", "held_on": "2023-05-06", "kind": "lecture_onsite"}


class Edits:
    """One record of every type a coordinator edits, and an edit of each that writes
    a new value every call: edit(kind, database, loaded)."""

    def __init__(self, db: Any) -> None:
        self.serial = 0
        self.eid = records.enterprise(db)
        self.campaign = campaigns.save(db, campaigns.load_template(year=2023))
        campaign_report.save(db, self.campaign, campaign_report.get(db, self.campaign))
        self.ids = {
            "enterprise": self.eid,
            "offer": records.offer(db, self.eid),
            "filing": records.filing(db, self.eid),
            "event": risk_events.save_values(
                db,
                {"enterprise_id": self.eid, "kind": "wage_claim", "found_on": "2023-05-06"},
            ),
            "draft": health_checks.create(db, records.filled(db, self.eid)),
            "final": health_checks.create(
                db, records.filled(db, self.eid, on=date(2023, 6, 21)), final=True
            ),
            "item": records.manual(db, self.eid),
            "campaign": self.campaign,
            "activity": guidance.save_activity(db, GUIDANCE, campaign_id=self.campaign),
            "report": self.campaign,
        }

    def version(self, db: Any, kind: str) -> int:
        if kind == "report":
            return campaign_report.version(db, self.campaign)
        table = {
            "offer": "negotiation_offer",
            "filing": "layoff_filing",
            "event": "major_risk_event",
            "draft": "health_check",
            "final": "health_check",
            "item": "rectification_item",
            "activity": "guidance_activity",
        }.get(kind, kind)
        found = edit_lock.version_of(db, table, self.ids[kind])
        assert found is not None
        return found

    def edit(self, kind: str, d: Any, loaded: int) -> None:
        self.serial += 1
        n, rid = self.serial, self.ids[kind]
        if kind == "enterprise":
            enterprises.update(d, rid, {"contact_phone": f"0375-{2345600 + n}"}, loaded=loaded)
        elif kind == "offer":
            offers.save_values(d, {"note": f"第{n}次"}, rid, loaded=loaded)
        elif kind == "filing":
            layoffs.save_values(d, {"note": f"第{n}次"}, rid, loaded=loaded)
        elif kind == "event":
            risk_events.save_values(d, {"people": str(10 + n)}, rid, loaded=loaded)
        elif kind in ("draft", "final"):
            data = health_checks.get(d, rid).input
            data.conclusion = f"企业存在劳动用工法律风险，须限期整改（第{n}稿）。"
            if kind == "draft":
                health_checks.update(d, rid, data, loaded=loaded)
            else:
                health_checks.amend(d, rid, data, "企业补交了材料", loaded=loaded)
        elif kind == "item":
            new = date(2024, 1, n % 28 + 1) if n < 28 else date(2024, 2, n % 28 + 1)
            ledger.extend_deadline(d, rid, new, "企业申请延期", loaded=loaded)
        elif kind == "campaign":
            data = campaigns.get(d, rid)
            data.doc_number = f"平人社〔2023〕{n}号"
            campaigns.save(d, data, rid, loaded=loaded)
        elif kind == "activity":
            guidance.save_activity(
                d,
                {**GUIDANCE, "place": f"会议室{n}"},
                campaign_id=self.campaign,
                activity_id=rid,
                loaded=loaded,
            )
        else:
            data = campaign_report.get(d, rid)
            data.signer = f"签发人{n}"
            campaign_report.save(d, rid, data, loaded=loaded)


KINDS = [
    "enterprise",
    "offer",
    "filing",
    "event",
    "draft",
    "final",
    "item",
    "campaign",
    "activity",
    "report",
]


@pytest.mark.parametrize("kind", KINDS)
def test_every_edited_record_type_refuses_a_save_from_an_older_version(
    db: Any, other: Any, kind: str
) -> None:
    edits = Edits(db)
    mine = edits.version(db, kind)
    edits.edit(kind, other, edits.version(other, kind))
    theirs = edits.version(db, kind)
    assert theirs > mine
    with db.session() as session:
        log_before = session.query(AuditEntry).count()

    with pytest.raises(EditConflict) as caught:
        edits.edit(kind, db, mine)

    assert (caught.value.mine, caught.value.theirs.version) == (mine, theirs)
    assert caught.value.theirs.by == "李四"
    assert edits.version(db, kind) == theirs  # nothing written
    with db.session() as session:
        assert session.query(AuditEntry).count() == log_before
    edits.edit(kind, db, theirs)  # against their version: saved
    assert edits.version(db, kind) > theirs


def test_a_check_whose_only_change_is_one_item_result_still_conflicts(db: Any, other: Any) -> None:
    check_id = health_checks.create(db, records.filled(db, records.enterprise(db)))
    loaded = edit_lock.version_of(db, "health_check", check_id)
    assert loaded is not None
    data = health_checks.get(other, check_id).input
    next(r for r in data.results if r.item_code == "B01").result = "na"
    health_checks.update(other, check_id, data, loaded=loaded)
    assert edit_lock.version_of(db, "health_check", check_id) == loaded + 1  # raised once

    mine = health_checks.get(db, check_id).input
    mine.advice = "建议建立工资集体协商制度。"
    with pytest.raises(EditConflict):
        health_checks.update(db, check_id, mine, loaded=loaded)
