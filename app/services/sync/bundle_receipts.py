"""Receipts: the small signed bundle an office sends back to say what it now has,
so the sender's next incremental bundle starts there, and the versions it
confirmed become the versions last exchanged (for telling conflicts apart).

A receipt is always produced: beside the imported bundle when that folder can
be written (usually), else in the office's outbox folder beside the database;
an import of bundles that were already imported writes their receipt again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from app.models import ImportedBundle, PeerKey, SentBundle
from app.models.base import utcnow
from app.models.db import Database
from app.services.core import office
from app.services.sync import keys, sent_versions
from app.services.sync.bundle_export import write_parts, zip_bundle
from app.services.sync.bundle_format import manifest_head
from app.services.sync.keys import PrivateKeys


def outbox(db: Database) -> Path:
    """<database name>-发件箱 beside the database: where receipts go when the
    bundle's own folder cannot be written (a read-only USB stick, a mail client's
    attachment cache)."""
    return db.path.with_name(f"{db.path.stem}-发件箱")


@dataclass
class WrittenReceipts:
    files: list[Path]
    note: str = ""  # where they went instead, and why, when not beside the bundle


def _receipt(db: Database, sender: str, private: PrivateKeys) -> tuple[str, bytes]:
    import pyrage
    from pyrage import x25519

    me = office.current(db)
    assert me is not None
    with db.reader() as conn:
        upto = conn.execute(
            select(func.max(ImportedBundle.upto_seq)).where(
                ImportedBundle.sender == sender, ImportedBundle.kind == "data"
            )
        ).scalar()
    # Every data bundle carries all changes since the last receipt it knew of, so
    # the highest point any imported bundle reached is what we have.
    upto = int(upto or 0)
    peer = keys.peer(db, sender)
    created = utcnow().isoformat(timespec="seconds")
    seed = f"receipt|{me.code}|{sender}|{upto}|{created}"
    manifest = {
        **manifest_head("receipt", seed, me, sender, created),
        "sequence": 0,
        "acknowledged_seq": upto,
        "members": {},
        "counts": {},
    }
    encrypted = pyrage.encrypt(
        zip_bundle(manifest, {}, private), [x25519.Recipient.from_str(peer.age_recipient)]
    )
    return f"{me.code}-回执-{datetime.now():%Y%m%d%H%M}-{sender}.hexie", encrypted


def write(db: Database, senders: list[str], private: PrivateKeys, folder: Path) -> WrittenReceipts:
    """A receipt for each sender into `folder`, or into the outbox if `folder`
    cannot be written."""
    made = [_receipt(db, sender, private) for sender in senders]
    if not made:
        return WrittenReceipts([])
    try:
        return WrittenReceipts(
            [p for name, data in made for p in write_parts(folder, name, data, 1000)]
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
    box = outbox(db)
    files = [p for name, data in made for p in write_parts(box, name, data, 1000)]
    return WrittenReceipts(
        files,
        f"同步包所在的文件夹 {folder} 无法写入（{reason}），回执已保存到本单位的发件箱：{box}",
    )


def apply_receipt(session: Any, manifest: dict[str, Any]) -> None:
    """The peer confirms what it has: the next incremental starts there, and the versions
    it confirmed become the versions last exchanged with it (in bulk: one statement
    for all the records of the bundles it confirms, however many)."""
    sender = manifest["sender"]
    # Never further than we have sent: a receipt claiming more would make our next
    # bundles leave out changes the peer has never seen.
    sent_upto = session.execute(
        select(func.max(SentBundle.upto_seq)).where(SentBundle.peer == sender)
    ).scalar()
    acknowledged = min(int(manifest.get("acknowledged_seq", 0)), int(sent_upto or 0))
    peer = session.get(PeerKey, sender)
    if peer is not None:
        peer.acked_seq = max(peer.acked_seq, acknowledged)
    sent = (
        session.execute(
            select(SentBundle.sequence)
            .where(
                SentBundle.peer == sender,
                SentBundle.confirmed == 0,
                SentBundle.upto_seq <= acknowledged,
            )
            .order_by(SentBundle.sequence)
        )
        .scalars()
        .all()
    )
    if not sent:
        return
    # The highest version of each record these bundles carried, in one statement
    # (sent_versions): a receipt for a bundle of 2.2 million records reads none of
    # them into memory.
    sent_versions.confirm(session.connection(), sender, list(sent))
    session.execute(
        update(SentBundle)
        .where(SentBundle.peer == sender, SentBundle.sequence.in_(sent))
        .values(confirmed=1)
    )
    # Confirmed versions are the bases now: the rows that carried them go, in this
    # same transaction (a receipt that fails to apply keeps them all).
    sent_versions.forget_confirmed(session.connection(), sender)
