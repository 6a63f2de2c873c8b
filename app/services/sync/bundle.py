"""Sync bundles: county → city by e-mail, encrypted and signed, merged without
losing or duplicating a record (docs/architecture.md, "Sync bundles").

A bundle is a zip (manifest.json + its Ed25519 signature, records as JSON Lines
per record type, a readable summary.xlsx) encrypted to the recipient with age,
so `age -d -i key.txt X.hexie > X.zip` opens it with standard tools. Large
bundles are split into numbered parts, each with its SHA-256. Import checks the
archive, manifest and signature first, then streams every record line through
the checks and the ownership rule into one transaction: all of it, or — at the
first problem, listed with every other one — nothing.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.models import ImportedBundle, RecordSyncBase, SyncConflict
from app.models.base import utcnow
from app.models.db import Database, next_change_seq
from app.services.core import backups, office
from app.services.core.progress import Progress, Work, to_its_end
from app.services.register import enterprise_search
from app.services.sync import bundle_receipts as receipts

# The public face of sync bundles: export and reading live in their own modules.
from app.services.sync.bundle_export import (  # noqa: F401
    ExportResult,
    export,
    export_work,
    write_eml,
    write_parts,
    zip_bundle,
)
from app.services.sync.bundle_format import BundleError, from_json, record_tables, sha  # noqa: F401
from app.services.sync.bundle_merge import COUNT_KEYS, merge, merge_work  # noqa: F401
from app.services.sync.bundle_read import OpenBundle, RawBundle, collect, open_bundle  # noqa: F401
from app.services.sync.keys import KeyError_, PrivateKeys

# -- planning and applying -------------------------------------------------------------------


@dataclass
class BundlePlan:
    bundle: OpenBundle
    already: bool = False
    gap: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def plan(db: Database, bundles: list[OpenBundle]) -> list[BundlePlan]:
    """Each bundle in the order it applies (per sender, by sequence), marked when it
    was imported before — or is a second copy of one earlier in this same call —
    and with the gaps in each sender's sequence."""
    with db.reader() as conn:
        seen = {r[0] for r in conn.execute(select(ImportedBundle.bundle_id))}
        last = dict(
            conn.execute(
                select(ImportedBundle.sender, func.max(ImportedBundle.sequence))
                .where(ImportedBundle.kind == "data")
                .group_by(ImportedBundle.sender)
            ).all()
        )
    out = []
    for b in sorted(bundles, key=lambda x: (x.sender, x.manifest["sequence"])):
        m = b.manifest
        p = BundlePlan(b, already=m["bundle_id"] in seen)
        seen.add(m["bundle_id"])  # the same bundle twice in one call is imported once
        if m["kind"] == "data" and not p.already:
            expected = last.get(b.sender, 0) + 1
            if m["sequence"] > expected and not m.get("full"):
                missing = "、".join(str(n) for n in range(expected, m["sequence"]))
                p.gap = f"来自 {m.get('sender_name') or b.sender} 的第 {missing} 号同步包尚未收到"
            last[b.sender] = max(last.get(b.sender, 0), m["sequence"])
        out.append(p)
    return out


def _summary(plans: list[BundlePlan]) -> dict[str, Any]:
    return {
        "bundles": [
            {
                "name": p.bundle.name,
                "sender": p.bundle.sender,
                "kind": p.bundle.manifest["kind"],
                "already_imported": p.already,
                "counts": p.counts,
            }
            for p in plans
        ],
        "gaps": [p.gap for p in plans if p.gap],
    }


def apply_work(db: Database, plans: list[BundlePlan]) -> Work[dict[str, str]]:
    """Apply every new bundle in one transaction, or nothing (Cancel closes this at a
    yield and the transaction rolls back); returns the evidence files to store
    afterwards (SHA-256 → original name)."""
    files: dict[str, str] = {}
    with db.session() as session:
        for p in plans:
            if p.already:
                continue
            m = p.bundle.manifest
            if m["kind"] == "receipt":
                receipts.apply_receipt(session, m)
            else:
                merged = yield from merge_work(db, session, p.bundle, write=True)
                p.counts = merged.counts
                files.update(merged.files)
                _keep_on_server(db, p.bundle, merged.files)
            session.add(
                ImportedBundle(
                    bundle_id=m["bundle_id"],
                    sender=m["sender"],
                    sequence=m["sequence"],
                    kind=m["kind"],
                    file_name=p.bundle.name[:255],
                    upto_seq=m.get("upto_seq", 0),
                    counts_json=json.dumps(p.counts, ensure_ascii=False),
                )
            )
            session.flush()
        # Once for every bundle of the import (app/models/name_order.py).
        yield from enterprise_search.refresh_name_order(session.connection())
    return files


def _keep_on_server(db: Database, bundle: OpenBundle, wanted: dict[str, str]) -> None:
    """On an office server the evidence goes into the database with the records
    that name it, in the import's one transaction (app/services/core/shared_files.py)."""
    from app.services.core import shared_files
    from app.services.sync.bundle_read import member_bytes

    if not shared_files.shared(db):
        return
    for digest in wanted:
        member = bundle.attachment_members.get(digest)
        if member is not None:  # checked against its hash by merge_work
            shared_files.put(db, digest, member_bytes(bundle, member))


def _store_files(db: Database, plans: list[BundlePlan], wanted: dict[str, str]) -> list[str]:
    """Evidence files into the attachments folder under names this office derives
    from their hash (record_files.received_name): nothing in a bundle chooses a
    path. Written after the records are committed; a file that cannot be written
    is reported and can come again with the next bundle."""
    from app.owner_only import create_private_file, private_folder
    from app.services.core import record_files
    from app.services.sync.bundle_read import member_bytes

    problems: list[str] = []
    if db.is_server:
        return problems  # kept in the import's transaction (_keep_on_server)
    base = record_files.folder(db)
    for p in plans:
        for digest, member in p.bundle.attachment_members.items():
            if digest not in wanted:
                continue
            target = base / record_files.received_name(digest, wanted[digest])
            if target.exists():
                continue
            try:
                data = member_bytes(p.bundle, member)
                private_folder(base)  # attachments are personal data: owner-only
                private_folder(target.parent)
                part = target.with_name(target.name + ".part")
                part.unlink(missing_ok=True)  # a killed import's; the file comes again now
                create_private_file(part)
                part.write_bytes(data)
                os.replace(part, target)
            except (OSError, BundleError) as exc:
                problems.append(f"附件 {wanted[digest]} 未能保存：{exc}")
    return problems


def import_work(
    db: Database,
    paths: list[str | Path],
    private: PrivateKeys,
    *,
    dry_run: bool = False,
    receipt_dir: str | Path | None = None,
) -> Work[dict[str, Any]]:
    """The whole import, as long work: read, check, plan, merge (unless dry run),
    store evidence files, and write a receipt for every sender whose data bundle
    was given — imported now or before, so a lost receipt can be made again.
    A real import backs the database up first (a dry run writes nothing)."""
    me = office.current(db)
    skipped: list[str] = []
    raws = collect(paths, me.code if me else "", skipped)
    if not raws:  # a wrong folder chosen: say so, rather than import nothing in silence
        raise BundleError(
            "没有找到要导入的同步包："
            + "、".join(str(p) for p in paths)
            + (
                f" 中只有本单位发出的或发给其他单位的文件（{'、'.join(skipped)}）。"
                if skipped
                else " 中没有 .hexie 文件。"
            )
            + "请选择对方发来的同步包或回执。"
        )
    if not dry_run:  # reading the files above writes nothing
        yield from backups.before_import_work(db)
    opened: list[OpenBundle] = []
    try:
        for n, raw in enumerate(raws):
            yield Progress(n, len(raws), f"正在解密并核对 {raw.name}…")
            opened.append(open_bundle(db, raw, private))
        summary = yield from _import_opened(db, paths, private, opened, dry_run, receipt_dir)
    finally:  # done, refused or cancelled: the decrypted copies go (bundle_stream)
        for b in opened:
            b.close()
    summary["skipped"] = skipped
    if skipped:  # shown with the gaps, in the preview and by the command
        summary["gaps"].append(
            f"文件夹中有 {len(skipped)} 个文件是本单位发出的或发给其他单位的，未读取："
            + "、".join(skipped)
        )
    return summary


def _import_opened(
    db: Database,
    paths: list[str | Path],
    private: PrivateKeys,
    opened: list[OpenBundle],
    dry_run: bool,
    receipt_dir: str | Path | None,
) -> Work[dict[str, Any]]:
    plans = plan(db, opened)
    if dry_run:
        with db.session() as session:  # reads only: nothing is written
            for p in plans:
                if not p.already and p.bundle.manifest["kind"] == "data":
                    merged = yield from merge_work(db, session, p.bundle, write=False)
                    p.counts = merged.counts
        return _summary(plans)
    wanted = yield from apply_work(db, plans)
    summary = _summary(plans)
    summary["file_problems"] = _store_files(db, plans, wanted)
    files: list[Path] = []
    notes: list[str] = []
    for folder, senders in _receipt_folders(plans, receipt_dir, paths).items():
        written = receipts.write(db, senders, private, folder)
        files += written.files
        notes += [written.note] if written.note else []
    summary["receipts"] = [str(f) for f in files]
    summary["receipt_note"] = "\n".join(notes)
    return summary


def _receipt_folders(
    plans: list[BundlePlan], receipt_dir: str | Path | None, paths: list[str | Path]
) -> dict[Path, list[str]]:
    """Folder → the senders whose receipts go there: beside each sender's own bundle
    (its newest in this import), so the city importing several counties' bundles at
    once puts each county's receipt beside that county's bundle (README, 同步包);
    `receipt_dir`, when given, takes them all."""
    newest: dict[str, BundlePlan] = {}
    for p in plans:
        if p.bundle.manifest["kind"] == "data":
            newest[p.bundle.sender] = p  # plans run per sender by sequence
    out: dict[Path, list[str]] = defaultdict(list)
    for sender in sorted(newest):
        here = newest[sender].bundle.folder or Path(paths[0]).parent
        out[Path(receipt_dir) if receipt_dir else here].append(sender)
    return out


import_paths = to_its_end(import_work)


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
    """Keep ours, take theirs, or a field-by-field merge. Taking the owner's own
    version is taking it as it is (the same version: nothing goes back); anything
    else is written as a new local version that goes back with the next bundle —
    to the owner, as a proposal it decides on. A resolution never changes who owns
    the record."""
    with db.session() as session:
        c = session.get(SyncConflict, conflict_id)
        if c is None or c.status != "open":
            raise BundleError("该冲突已处理。")
        if choice not in ("ours", "theirs", "merge"):
            raise BundleError("请选择保留本方、采用对方或逐项合并。")
        table = record_tables()[c.table_name]
        incoming, local = json.loads(c.incoming_json), json.loads(c.local_json)
        seq = next_change_seq(session)
        if choice == "theirs" and incoming.get("origin_office") == c.peer:
            values = {
                k: from_json(table, k, v)
                for k, v in incoming.items()
                if k in table.c and k not in ("id", "change_seq")
            }
        else:
            chosen = {"ours": local, "theirs": incoming}.get(choice) or {**local, **(merged or {})}
            values = {
                k: from_json(table, k, v)
                for k, v in chosen.items()
                if k in table.c
                and k not in ("id", "change_seq", "version", "updated_at", "origin_office")
            }
            version = max(int(incoming["version"]), int(local.get("version", 0))) + 1
            values.update(version=version, updated_at=utcnow())
        session.connection().execute(
            table.update().where(table.c.id == c.record_id).values(**values, change_seq=seq)
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
            base.base_version = max(base.base_version, int(incoming["version"]))
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
