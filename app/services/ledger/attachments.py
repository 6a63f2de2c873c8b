"""Evidence files: copied into a managed folder beside the database (on an office
server, into the database: app/services/core/shared_files.py), identified by
SHA-256, checked for being missing or altered."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import false, select

# Attachment: imported where used (declared then: app/models/__init__.py).
from app.models import RectificationItem
from app.models.db import Database
from app.services.core import audit, edit_lock, record_files
from app.services.core.messages import N_


class AttachmentError(ValueError):
    """An attachment cannot be stored or opened; the message says what to do."""


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    file_name: str
    path: Path
    sha256: str
    size: int
    note: str
    state: str  # ok / missing / altered


ITEM = "rectification_item"  # the audit log's record type of the item an attachment proves
folder = record_files.folder
sha256_of = record_files.sha256_of
MAX_BYTES = record_files.MAX_BYTES


def add(
    db: Database, item_id: str, source: str | Path, note: str = "", *, loaded: int | None = None
) -> str:
    """Copy `source` into the managed folder and record it; returns the attachment id.
    `loaded`: the item's version the dialog shows (EditConflict, nothing written, when
    a colleague saved the item since)."""
    from app.models import Attachment

    with edit_lock.guarded(db) as session:
        item = session.get(RectificationItem, item_id)
        if item is not None:
            edit_lock.check_loaded(session, item, ITEM, loaded)
        if item is None or item.deleted:
            raise AttachmentError(N_("该整改事项不存在或已删除。"))
        try:
            stored = record_files.store(db, item_id, source)
        except record_files.RecordFileError as exc:
            raise AttachmentError(exc.args[0]) from exc  # the message, still translatable
        size, digest, relative = stored.size, stored.sha256, stored.stored_name
        source = Path(source)
        row = Attachment(
            item_id=item_id,
            file_name=source.name,
            stored_name=relative,
            sha256=digest,
            size=size,
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ITEM,
            item_id,
            "update",
            {"attachment": [None, source.name]},
            "添加佐证材料",
        )
        return row.id


def list_for(db: Database, item_id: str, *, verify: bool = True) -> list[AttachmentRow]:
    from app.models import Attachment

    with db.session() as session:
        rows = (
            session.execute(
                select(Attachment)
                .where(Attachment.item_id == item_id, Attachment.deleted == false())
                .order_by(Attachment.created_at)
            )
            .scalars()
            .all()
        )
        out = []
        for r in rows:
            # Another office's evidence is kept under its hash, never where the
            # sender said (record_files.local_path).
            # On an office server the evidence is the database's row (checked there)
            # and the path this PC's copy of it (app/services/core/shared_files.py).
            described = {"stored_name": r.stored_name, "sha256": r.sha256, "file_name": r.file_name}
            state = record_files.state_of(db, described, r.origin_office, verify=verify)
            path = record_files.local_path(db, described, r.origin_office)
            out.append(AttachmentRow(r.id, r.file_name, path, r.sha256, r.size, r.note, state))
        return out


def remove(db: Database, attachment_id: str, *, loaded: int | None = None) -> None:
    """Tombstone the record; the file stays in the folder (other records may share it).
    `loaded`: the item's version the dialog shows, as for add."""
    from app.models import Attachment

    with edit_lock.guarded(db) as session:
        row = session.get(Attachment, attachment_id)
        if row is None or row.deleted:
            return
        item = session.get(RectificationItem, row.item_id)
        if item is not None:
            edit_lock.check_loaded(session, item, ITEM, loaded)
        # A colleague's removal committed meanwhile: a conflict, not a StaleDataError.
        edit_lock.check_loaded(session, row, "attachment", int(row.version))
        row.deleted = True
        audit.record(
            session,
            ITEM,
            row.item_id,
            "update",
            {"attachment": [row.file_name, None]},
            "移除佐证材料",
        )


STATE_LABELS = {"ok": "完好", "missing": "文件缺失", "altered": "文件已被改动"}
