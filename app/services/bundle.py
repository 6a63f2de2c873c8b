"""Sync bundles: county → city by e-mail, encrypted and signed, merged without
losing or duplicating a record (DESIGN.md §6).

A bundle is a zip (manifest.json + its Ed25519 signature, records as JSON Lines
per record type, a readable summary.xlsx) encrypted to the recipient with age,
so `age -d -i key.txt X.hexie > X.zip` opens it with standard tools. Large
bundles are split into numbered parts, each with its SHA-256. Import checks
everything first and applies all of it in one transaction, or nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.models import ImportedBundle, PeerKey, RecordSyncBase, SentBundle, SyncConflict
from app.models.base import utcnow
from app.models.db import Database, fast_insert, next_change_seq
from app.models.migrate import head_revision
from app.services import keys, office

# The public face of sync bundles: export and reading live in their own modules.
from app.services.bundle_export import (  # noqa: F401
    ExportResult,
    export,
    write_eml,
    write_parts,
    zip_bundle,
)
from app.services.bundle_format import (
    FORMAT,
    BundleError,
    defaults,
    from_json,
    jsonable,
    parsers,
    record_tables,
    sha,
    sqlite_storage,
)
from app.services.bundle_read import OpenBundle, RawBundle, collect, open_bundle  # noqa: F401
from app.services.keys import KeyError_, PrivateKeys

# -- planning and applying -------------------------------------------------------------------

COUNT_KEYS = ("added", "updated", "deleted", "unchanged", "conflicts")


@dataclass
class BundlePlan:
    bundle: OpenBundle
    already: bool = False
    gap: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def plan(db: Database, bundles: list[OpenBundle], *, classify: bool = True) -> list[BundlePlan]:
    """What each bundle would do; `classify=False` leaves the counts to apply() (one pass, not two)."""
    out = []
    with db.reader() as conn:
        seen = {r[0] for r in conn.execute(select(ImportedBundle.bundle_id))}
        last = dict(
            conn.execute(
                select(ImportedBundle.sender, ImportedBundle.sequence).where(
                    ImportedBundle.kind == "data"
                )
            ).all()
        )
    for b in sorted(bundles, key=lambda x: (x.manifest["sender"], x.manifest["sequence"])):
        m = b.manifest
        p = BundlePlan(b, already=m["bundle_id"] in seen)
        if m["kind"] == "data" and not p.already:
            expected = last.get(m["sender"], 0) + 1
            if m["sequence"] > expected and not m.get("full"):
                p.gap = f"来自 {m.get('sender_name', m['sender'])} 的第 {'、'.join(str(n) for n in range(expected, m['sequence']))} 号同步包尚未收到"
            last[m["sender"]] = max(last.get(m["sender"], 0), m["sequence"])
            p.counts = _classify(db, b) if classify else {}
        out.append(p)
    return out


def _classify(db: Database, b: OpenBundle) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    sender = b.manifest["sender"]
    with db.reader() as conn:
        for name, rows in b.records.items():
            table = record_tables()[name]
            c = dict.fromkeys(COUNT_KEYS, 0)
            ids = [r["id"] for r in rows]
            local = {}
            for start in range(0, len(ids), 500):
                for r in conn.execute(
                    select(table).where(table.c.id.in_(ids[start : start + 500]))
                ):
                    local[r.id] = dict(r._mapping)
            bases = dict(
                conn.execute(
                    select(RecordSyncBase.record_id, RecordSyncBase.base_version).where(
                        RecordSyncBase.table_name == name, RecordSyncBase.peer == sender
                    )
                ).all()
            )
            for row in rows:
                c[_decide(row, local.get(row["id"]), bases.get(row["id"]))] += 1
            counts[name] = c
    return counts


def _same(row: dict[str, Any], local: dict[str, Any]) -> bool:
    return all(jsonable(local.get(k)) == v for k, v in row.items() if k not in ("change_seq",))


def _decide(row: dict[str, Any], local: dict[str, Any] | None, base: int | None) -> str:
    """added / updated / deleted / unchanged / conflicts for one incoming record.

    `base` is the version both sides had at the last exchange with this sender. A
    record changed on both sides since then is a conflict: both versions are kept
    and a person chooses (never last-writer-wins silently).
    """
    if local is None:
        return "deleted" if row.get("deleted") else "added"
    if _same(row, local):
        return "unchanged"
    if base is None:
        # Never exchanged with this sender: a newer version from them is taken,
        # anything else means both sides wrote it.
        if row["version"] > local["version"]:
            return "deleted" if row.get("deleted") and not local.get("deleted") else "updated"
        return "conflicts"
    local_changed = local["version"] > base
    incoming_changed = row["version"] > base
    if local_changed and incoming_changed:
        return "conflicts"
    if incoming_changed:
        return "deleted" if row.get("deleted") and not local.get("deleted") else "updated"
    return "unchanged"  # only ours changed: it goes back with our next bundle


def apply(db: Database, plans: list[BundlePlan]) -> dict[str, Any]:
    """Apply every new bundle in one transaction, or nothing."""
    results: dict[str, Any] = {"bundles": [], "already": [], "gaps": []}
    with db.session() as session:
        for p in plans:
            m = p.bundle.manifest
            if p.already:
                results["already"].append(p.bundle.name)
                continue
            if p.gap:
                results["gaps"].append(p.gap)
            if m["kind"] == "receipt":
                _apply_receipt(session, m)
            else:
                _apply_records(session, p)
                _store_files(db, p.bundle)
            session.add(
                ImportedBundle(
                    bundle_id=m["bundle_id"],
                    sender=m["sender"],
                    sequence=m["sequence"],
                    kind=m["kind"],
                    file_name=p.bundle.name,
                    upto_seq=m.get("upto_seq", 0),
                    counts_json=json.dumps(p.counts, ensure_ascii=False),
                )
            )
            results["bundles"].append(
                {
                    "name": p.bundle.name,
                    "sender": m["sender"],
                    "kind": m["kind"],
                    "counts": p.counts,
                }
            )
    return results


def _store_files(db: Database, b: OpenBundle) -> None:
    """Evidence files into the attachments folder, where the attachment records say."""
    from app.services import attachments

    if not b.files:
        return
    base = attachments.folder(db)
    for row in b.records.get("attachment", []):
        data = b.files.get(row["sha256"])
        target = base / row["stored_name"]
        if data is None or target.exists() or ".." in Path(row["stored_name"]).parts:
            continue
        if sha(data) != row["sha256"]:
            raise BundleError(f"{b.name} 中的附件 {row['file_name']} 校验不符，整包未导入。")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _apply_receipt(session: Any, manifest: dict[str, Any]) -> None:
    """The peer confirms what it has: the next incremental starts there, and the versions
    it confirmed become the versions last exchanged with it."""
    sender = manifest["sender"]
    acknowledged = int(manifest.get("acknowledged_seq", 0))
    peer = session.get(PeerKey, sender)
    if peer is not None:
        peer.acked_seq = max(peer.acked_seq, acknowledged)
    sent = session.execute(
        select(SentBundle)
        .where(
            SentBundle.peer == sender,
            SentBundle.confirmed == 0,
            SentBundle.upto_seq <= acknowledged,
        )
        .order_by(SentBundle.sequence)
    ).scalars()
    for bundle_row in sent:
        for table_name, versions in json.loads(bundle_row.versions_json).items():
            for record_id, version in versions.items():
                base = session.get(RecordSyncBase, (table_name, record_id, sender))
                if base is None:
                    session.add(
                        RecordSyncBase(
                            table_name=table_name,
                            record_id=record_id,
                            peer=sender,
                            base_version=version,
                        )
                    )
                    session.flush()
                elif base.base_version < version:
                    base.base_version = version
        bundle_row.confirmed = 1


def _apply_records(session: Any, p: BundlePlan) -> None:
    sender = p.bundle.manifest["sender"]
    connection = session.connection()
    total = sum(len(rows) for rows in p.bundle.records.values())
    seq = next_change_seq(session, max(total, 1))
    # Parents before children, whatever order the bundle lists them in (foreign keys).
    for name in [n for n in record_tables() if n in p.bundle.records]:
        rows = p.bundle.records[name]
        table = record_tables()[name]
        bases = {
            r.record_id: r
            for r in session.execute(
                select(RecordSyncBase).where(
                    RecordSyncBase.table_name == name, RecordSyncBase.peer == sender
                )
            ).scalars()
        }
        ids = [r["id"] for r in rows]
        local: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            for r in connection.execute(
                select(table).where(table.c.id.in_(ids[start : start + 500]))
            ):
                local[r.id] = dict(r._mapping)
        inserts: list[dict[str, Any]] = []
        new_bases: list[dict[str, Any]] = []
        column_parsers = parsers(table)
        # New records go to SQLite as they arrive (see sqlite_storage); updates
        # still go through SQLAlchemy with Python values.
        storage = sqlite_storage(table) if connection.dialect.name == "sqlite" else {}
        p.counts[name] = tally = dict.fromkeys(COUNT_KEYS, 0)  # what was actually done
        missing = {k: v for k, v in defaults(table).items() if k != "id"}
        for row in rows:
            mine = local.get(row["id"])
            base = bases.get(row["id"])
            verdict = _decide(row, mine, base.base_version if base else None)
            tally[verdict] += 1
            if verdict == "conflicts":
                session.add(
                    SyncConflict(
                        table_name=name,
                        record_id=row["id"],
                        peer=sender,
                        incoming_json=json.dumps(row, ensure_ascii=False),
                        local_json=json.dumps(
                            {k: jsonable(v) for k, v in (mine or {}).items()}, ensure_ascii=False
                        ),
                    )
                )
                continue
            values = {**missing, **row}
            converters = storage if mine is None and storage else column_parsers
            for name_, convert in converters.items():
                value = values.get(name_)
                if value is not None and (converters is storage or isinstance(value, str)):
                    values[name_] = convert(value)
            if mine is None:
                values["change_seq"] = seq
                inserts.append(values)
                seq += 1
            elif verdict in ("updated", "deleted"):
                connection.execute(
                    table.update().where(table.c.id == row["id"]).values(**values, change_seq=seq)
                )
                seq += 1
            version = int(row["version"])  # what the sender has; ours, if newer, goes back
            if base is None:
                new_bases.append(
                    {
                        "table_name": name,
                        "record_id": row["id"],
                        "peer": sender,
                        "base_version": version,
                    }
                )
            else:
                base.base_version = version
        for start in range(0, len(inserts), 2000):
            chunk = inserts[start : start + 2000]
            keys_ = {k for r in chunk for k in r}
            if any(len(r) != len(keys_) for r in chunk):  # rows from older bundles may lack columns
                chunk = [{k: r.get(k) for k in keys_} for r in chunk]
            fast_insert(connection, table, chunk, stored_as_is=storage)
        for start in range(0, len(new_bases), 5000):
            fast_insert(connection, RecordSyncBase.__table__, new_bases[start : start + 5000])


def make_receipt(
    db: Database,
    results: dict[str, Any],
    plans: list[BundlePlan],
    private: PrivateKeys,
    out_dir: str | Path,
) -> list[Path]:
    """A small signed bundle back to each sender: what we now have, so their next
    incremental bundle starts from there."""
    import pyrage
    from pyrage import x25519

    me = office.current(db)
    assert me is not None
    files = []
    highest: dict[str, int] = {}
    for p in plans:
        m = p.bundle.manifest
        if m["kind"] == "data":
            highest[m["sender"]] = max(highest.get(m["sender"], 0), int(m.get("upto_seq", 0)))
    for sender, upto in highest.items():
        peer = keys.peer(db, sender)
        created = utcnow().isoformat(timespec="seconds")
        receipt_id = hashlib.sha256(
            f"receipt|{me.code}|{sender}|{upto}|{created}".encode()
        ).hexdigest()[:32]
        manifest = {
            "format": FORMAT,
            "kind": "receipt",
            "schema": head_revision(),
            "app_version": __version__,
            "bundle_id": receipt_id,
            "sender": me.code,
            "sender_name": me.name,
            "recipient": sender,
            "created": created,
            "sequence": 0,
            "acknowledged_seq": upto,
            "members": {},
            "counts": {},
        }
        encrypted = pyrage.encrypt(
            zip_bundle(manifest, {}, private), [x25519.Recipient.from_str(peer.age_recipient)]
        )
        files += write_parts(
            Path(out_dir),
            f"{me.code}-回执-{datetime.now():%Y%m%d%H%M}-{sender}.hexie",
            encrypted,
            1000,
        )
    return files


def import_paths(
    db: Database,
    paths: list[str | Path],
    private: PrivateKeys,
    *,
    dry_run: bool = False,
    receipt_dir: str | Path | None = None,
) -> dict[str, Any]:
    """The whole import: read, check, plan, apply (unless dry run), and write receipts."""
    opened = [open_bundle(db, raw, private) for raw in collect(paths)]
    plans = plan(db, opened, classify=dry_run)
    summary = {
        "bundles": [
            {
                "name": p.bundle.name,
                "sender": p.bundle.manifest["sender"],
                "kind": p.bundle.manifest["kind"],
                "already_imported": p.already,
                "counts": p.counts,
            }
            for p in plans
        ],
        "gaps": [p.gap for p in plans if p.gap],
    }
    if dry_run:
        return summary
    results = apply(db, plans)
    summary["receipts"] = (
        [
            str(f)
            for f in make_receipt(
                db,
                results,
                [p for p in plans if not p.already],
                private,
                receipt_dir or Path(paths[0]).parent,
            )
        ]
        if any(not p.already and p.bundle.manifest["kind"] == "data" for p in plans)
        else []
    )
    return summary


def conflicts(db: Database) -> list[dict[str, Any]]:
    with db.reader() as conn:
        rows = conn.execute(
            select(SyncConflict)
            .where(SyncConflict.status == "open")
            .order_by(SyncConflict.detected_at)
        )
        return [dict(r._mapping) for r in rows]


def resolve(
    db: Database, conflict_id: int, choice: str, merged: dict[str, Any] | None = None
) -> None:
    """Keep ours, take theirs, or a field-by-field merge; written as a new local version
    that goes back with the next bundle."""
    with db.session() as session:
        c = session.get(SyncConflict, conflict_id)
        if c is None or c.status != "open":
            raise BundleError("该冲突已处理。")
        table = record_tables()[c.table_name]
        incoming, local = json.loads(c.incoming_json), json.loads(c.local_json)
        chosen = {"ours": local, "theirs": incoming}.get(choice) or {**local, **(merged or {})}
        if choice not in ("ours", "theirs", "merge"):
            raise BundleError("请选择保留本方、采用对方或逐项合并。")
        keep = {
            k: from_json(table, k, v)
            for k, v in chosen.items()
            if k not in ("id", "change_seq", "version", "updated_at")
        }
        version = max(int(incoming["version"]), int(local.get("version", 0))) + 1
        seq = next_change_seq(session)
        session.connection().execute(
            table.update()
            .where(table.c.id == c.record_id)
            .values(**keep, version=version, updated_at=utcnow(), change_seq=seq)
        )
        base = session.get(RecordSyncBase, (c.table_name, c.record_id, c.peer))
        if base is None:
            session.add(
                RecordSyncBase(
                    table_name=c.table_name,
                    record_id=c.record_id,
                    peer=c.peer,
                    base_version=int(incoming["version"]),
                )
            )
        else:
            base.base_version = int(incoming["version"])
        c.status, c.resolution = "resolved", choice


def received(db: Database) -> list[dict[str, Any]]:
    """City view: per sender, the last bundle received, its time, and gaps in the sequence."""
    with db.reader() as conn:
        rows = conn.execute(
            select(ImportedBundle)
            .where(ImportedBundle.kind == "data")
            .order_by(ImportedBundle.sender, ImportedBundle.sequence)
        ).all()
    by_sender: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        by_sender[r.sender].append(r)
    out = []
    for sender, items in by_sender.items():
        seqs = {i.sequence for i in items}
        missing = [n for n in range(1, max(seqs) + 1) if n not in seqs]
        out.append(
            {
                "sender": sender,
                "last_sequence": max(seqs),
                "last_imported": items[-1].imported_at,
                "missing": missing,
            }
        )
    return out


__all__ = ["BundleError", "KeyError_"]
