"""No lost updates for the rows hung on a record (issue 20): a negotiation session, a
risk intervention, a layoff filing's people and their services, a rectification
item's attachments. Each write carries the parent's version the dialog loaded and is
refused with EditConflict (who saved, when; nothing written) when a colleague saved
the parent since — on both engines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.models import (
    Attachment,
    AuditEntry,
    LayoffPerson,
    NegotiationSession,
    RiskIntervention,
)
from app.services.checks import health_checks
from app.services.core import edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.layoffs import layoffs
from app.services.ledger import attachments, ledger
from app.services.negotiation import offers
from app.services.risk import risk_events
from tests import records


def _people_file(folder: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号码", "合同类型", "本单位工作年限", "月工资"])
    sheet.append(["张丽", "11010519491231002X", "固定期限", "3.5", "4000"])
    path = folder / "名单.xlsx"
    book.save(path)
    return path


class Parent:
    """One parent record, a colleague's save of it, and the child write under test."""

    def __init__(self, db: Any, kind: str, folder: Path) -> None:
        self.kind, self.folder = kind, folder
        eid = records.enterprise(db)
        if kind == "session":
            self.table, self.child = "negotiation_offer", NegotiationSession
            self.id = records.offer(db, eid)
        elif kind == "intervention":
            self.table, self.child = "major_risk_event", RiskIntervention
            self.id = risk_events.save_values(
                db, {"enterprise_id": eid, "kind": "wage_claim", "found_on": "2023-05-06"}
            )
        elif kind in ("people", "services"):
            self.table, self.child = "layoff_filing", LayoffPerson
            self.id = records.filing(db, eid)
            if kind == "services":
                layoffs.import_people(db, self.id, _people_file(folder))
        else:
            self.table, self.child = "rectification_item", Attachment
            self.id = records.manual(db, eid)
            self.evidence = folder / "整改报告.pdf"
            self.evidence.write_bytes(b"%PDF-1.4 rectification report")
            if kind == "remove attachment":
                attachments.add(db, self.id, self.evidence)

    def version(self, db: Any) -> int:
        found = edit_lock.version_of(db, self.table, self.id)
        assert found is not None
        return found

    def colleague_saves(self, other: Any) -> None:
        loaded = self.version(other)
        if self.table == "negotiation_offer":
            offers.save_values(other, {"note": "李四补充了情况"}, self.id, loaded=loaded)
        elif self.table == "major_risk_event":
            risk_events.save_values(other, {"people": "40"}, self.id, loaded=loaded)
        elif self.table == "layoff_filing":
            layoffs.save_values(other, {"note": "李四补充了情况"}, self.id, loaded=loaded)
        else:
            ledger.extend_deadline(other, self.id, date(2023, 10, 30), "企业申请", loaded=loaded)

    def write(self, db: Any, loaded: int) -> None:
        if self.kind == "session":
            held = offers.SessionInput(date(2023, 10, 9), 3, 3)
            offers.add_session(db, self.id, held, today=date(2023, 12, 1), loaded=loaded)
        elif self.kind == "intervention":
            risk_events.add_intervention(
                db, self.id, date(2023, 5, 8), "县劳动监察大队", "约谈企业负责人", loaded=loaded
            )
        elif self.kind == "people":
            layoffs.import_people(db, self.id, _people_file(self.folder), loaded=loaded)
        elif self.kind == "services":
            person_id = layoffs.people(db, self.id)[0][0]
            layoffs.set_services(db, person_id, ["training"], loaded=loaded)
        elif self.kind == "add attachment":
            attachments.add(db, self.id, self.evidence, loaded=loaded)
        else:
            attachment_id = attachments.list_for(db, self.id)[0].id
            attachments.remove(db, attachment_id, loaded=loaded)

    def children(self, db: Any) -> list[tuple[Any, ...]]:
        """The child rows as stored (whatever a write of them changes)."""
        with db.session() as session:
            rows = session.execute(select(self.child)).scalars()
            return sorted((r.id, r.version, r.deleted) for r in rows)


CHILD_WRITES = [
    "session",
    "intervention",
    "people",
    "services",
    "add attachment",
    "remove attachment",
]


@pytest.mark.parametrize("kind", CHILD_WRITES)
def test_a_child_row_written_from_an_older_version_of_its_parent_is_refused(
    db: Any, other: Any, tmp_path: Path, kind: str
) -> None:
    parent = Parent(db, kind, tmp_path)
    mine = parent.version(db)
    before = parent.children(db)
    parent.colleague_saves(other)
    theirs = parent.version(db)
    assert theirs > mine
    with db.session() as session:
        log_before = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()

    with pytest.raises(EditConflict) as caught:
        parent.write(db, mine)

    conflict = caught.value
    assert (conflict.mine, conflict.theirs.version) == (mine, theirs)
    assert conflict.theirs.by == "李四" and conflict.theirs.at is not None
    assert "李四" in str(conflict)
    assert parent.children(db) == before  # nothing written
    with db.session() as session:
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == (
            log_before
        )
    parent.write(db, theirs)  # against their version: written
    assert parent.children(db) != before


def test_a_session_saved_while_a_colleague_commits_the_offer_is_a_conflict(
    db: Any, other: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The colleague's save commits between the read of the offer and the write (the
    session moves the offer's stage): a conflict that names them, not StaleDataError."""
    offer_id = records.offer(db, records.enterprise(db))
    loaded = edit_lock.version_of(db, "negotiation_offer", offer_id)
    real: Callable[..., Any] = offers.NegotiationSession

    def meanwhile(**values: Any) -> Any:
        offers.save_values(other, {"note": "李四补充了情况"}, offer_id, loaded=loaded)
        return real(**values)

    monkeypatch.setattr(offers, "NegotiationSession", meanwhile)
    held = offers.SessionInput(date(2023, 10, 9), 3, 3)
    with pytest.raises(EditConflict) as caught:
        offers.add_session(db, offer_id, held, today=date(2023, 12, 1))
    assert caught.value.theirs.by == "李四"
    monkeypatch.undo()
    assert offers.sessions(db, offer_id) == []
    assert offers.get(db, offer_id)[1]["stage"] == "received"


def test_a_new_health_check_is_at_version_one(db: Any) -> None:
    eid = records.enterprise(db)
    draft = health_checks.create(db, records.filled(db, eid))
    final = health_checks.create(db, records.filled(db, eid, on=date(2023, 6, 21)), final=True)
    assert edit_lock.version_of(db, "health_check", draft) == 1
    assert edit_lock.version_of(db, "health_check", final) == 1
