"""Writing a sync bundle: the records changed since the peer's last receipt,
the signed manifest, the readable summary, age encryption, parts for e-mail."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, bindparam, func, or_, select

from app.models import PeerKey, RecordSyncBase, SentBundle
from app.models.base import utcnow
from app.models.db import Database
from app.services.core import office
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work, to_its_end
from app.services.core.stats import RECORD_TYPE_NAMES
from app.services.sync import keys, sent_versions
from app.services.sync.bundle_files import (  # noqa: F401 - the public face of export
    place_parts,
    summary_xlsx,
    write_eml,
    write_parts,
    zip_bundle,
)
from app.services.sync.bundle_format import (
    BundleError,
    json_default,
    manifest_head,
    record_tables,
    sha,
)
from app.services.sync.bundle_stream import discard, encrypt_file, file_sha, work_file
from app.services.sync.keys import PrivateKeys

# -- export ------------------------------------------------------------------------------


@dataclass
class ExportResult:
    files: list[Path]
    bundle_id: str
    sequence: int
    counts: dict[str, int]
    size: int


def _relevant(table: Table, depth: int = 0, scoped: bool = False) -> ColumnElement[bool]:
    """Rows owned by this office or the recipient (:me, :to) whose parents (foreign
    keys, all the way up) are too: a record about a third office's enterprise means
    nothing to the recipient, who does not hold that enterprise (and must not be
    sent it).

    `scoped` (the city writing to a county): a row that names a county (enterprise,
    guidance activity, typical case) goes only to that county, or to every county when
    it is the city's own (its code or none); what hangs from an enterprise follows the
    enterprise through the same chain. The city's campaigns, checklist editions and
    shared-data batches name no county and go to every county; the city's own summary
    report goes to none (docs/architecture.md, "What a bundle carries")."""
    condition: ColumnElement[bool] = table.c.origin_office.in_([bindparam("me"), bindparam("to")])
    if scoped and "county_code" in table.c:
        condition = and_(condition, table.c.county_code.in_([bindparam("to"), bindparam("me"), ""]))
    if scoped and table.name == "campaign_report":
        condition = and_(condition, table.c.office_code == bindparam("to"))
    if depth > 6:  # no chain of record types is this deep; a cycle would be a bug
        return condition
    for fk in table.foreign_keys:
        parent = fk.column.table
        column = table.c[fk.parent.name]
        inner = select(parent.c.id).where(_relevant(parent, depth + 1, scoped))  # type: ignore[arg-type]
        condition = and_(condition, or_(column.is_(None), column.in_(inner)))
    return condition


@functools.cache
def _changed_statement(table: Table, full: bool = False, scoped: bool = False) -> Select[Any]:
    """Built once per table (and kind), with :me, :to and :since bound at each export
    (so SQLAlchemy compiles it once, not once per export). A full bundle carries
    every record of this office's even where the recipient confirmed that version:
    it is what an office that lost its data (a restored backup, a new PC) is sent
    (README, 同步包: 也可全量); without it a full bundle after a receipt was empty.
    The recipient's own records still go only where we changed them. `scoped`: the
    city to a county, that county's records and the city's shared ones (_relevant)."""
    base = RecordSyncBase.__table__
    joined = table.outerjoin(
        base,
        and_(
            base.c.table_name == table.name,
            base.c.record_id == table.c.id,
            base.c.peer == bindparam("to"),
        ),
    )
    return (
        select(table)
        .select_from(joined)
        .where(
            table.c.change_seq > bindparam("since"),
            _relevant(table, scoped=scoped),
            or_(
                base.c.base_version.is_(None),
                base.c.base_version != table.c.version,
                *([table.c.origin_office == bindparam("me")] if full else []),
            ),
            or_(table.c.origin_office == bindparam("me"), base.c.base_version.is_not(None)),
        )
        .order_by(table.c.change_seq)
    )


def _changed(
    conn: Any,
    table: Table,
    to: str,
    since_seq: int,
    me: str,
    full: bool = False,
    scoped: bool = False,
    **options: Any,
) -> Any:
    """What to send `to` of one table: changed since `since_seq`; this office's own
    records, and the recipient's records only where we changed them (a proposal
    the owner decides on); never the version the recipient already has (no echo);
    never a third office's record (README.md, 同步包: a bundle touches only its sender's
    records)."""
    return conn.execution_options(**options).execute(
        _changed_statement(table, full, scoped), {"me": me, "to": to, "since": since_seq}
    )


def _neighbour_rows(conn: Any, to: str, since_seq: int, me: str) -> dict[str, list[dict[str, Any]]]:
    """Between two county offices only major risks that may spread across counties
    travel (通知 三（三）: 信息互通), with their interventions and their enterprises
    (the enterprise even when it has not changed: the neighbour has never had it)."""
    tables = record_tables()
    events = [
        dict(r._mapping)
        for r in _changed(conn, tables["major_risk_event"], to, since_seq, me)
        if r.may_spread
    ]
    ids = {e["id"] for e in events}
    firms = {e["enterprise_id"] for e in events}
    interventions = [
        dict(r._mapping)
        for r in _changed(conn, tables["risk_intervention"], to, since_seq, me)
        if r.event_id in ids
    ]
    firm_rows = [
        dict(r._mapping) for r in _changed(conn, tables["enterprise"], to, -1, me) if r.id in firms
    ]
    out = {"enterprise": firm_rows, "major_risk_event": events, "risk_intervention": interventions}
    return {k: v for k, v in out.items() if v}


class _Member:
    """One JSON Lines member written into the zip as records arrive, hashed on the way."""

    FLUSH = 1 << 20

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.stream = archive.open(name, "w", force_zip64=True)
        self.digest = hashlib.sha256()
        self.size = 0
        self.count = 0
        self.pending: list[str] = []
        self.pending_len = 0

    def add(self, line: str) -> None:
        self.pending.append(line)
        self.pending_len += len(line)
        self.count += 1
        if self.pending_len >= self.FLUSH:
            self._flush()

    def _flush(self) -> None:
        data = "".join(self.pending).encode()
        self.pending, self.pending_len = [], 0
        self.digest.update(data)
        self.size += len(data)
        self.stream.write(data)

    def close(self) -> dict[str, Any]:
        self._flush()
        self.stream.close()
        return {"sha256": self.digest.hexdigest(), "size": self.size}


def _add_file(archive: zipfile.ZipFile, name: str, path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as source, archive.open(name, "w", force_zip64=True) as target:
        while block := source.read(1 << 20):
            digest.update(block)
            size += len(block)
            target.write(block)
    return {"sha256": digest.hexdigest(), "size": size}


def _add_bytes(archive: zipfile.ZipFile, name: str, data: bytes) -> dict[str, Any]:
    archive.writestr(name, data)
    return {"sha256": sha(data), "size": len(data)}


@dataclass
class _Zipped:
    """What writing the zip found out: for the manifest, the receipt and the result."""

    manifest: dict[str, Any]
    counts: dict[str, int]
    upto: int


def export_work(
    db: Database,
    to: str,
    out_dir: str | Path,
    private: PrivateKeys,
    *,
    full: bool = False,
    max_part_mb: float = 15.0,
    with_attachments: bool = False,
) -> Work[ExportResult]:
    """Write the bundle for office `to` into `out_dir`; returns the file(s) written.
    With `with_attachments`, the evidence files of the records sent travel too.

    Records stream from the database into the zip one at a time (a county's
    300,000 records never sit in memory as a list), the zip into an owner-only
    temporary file, and age encrypts it file to file beside its target
    (bundle_stream): a bundle of a million enterprises is never whole in memory."""
    peer = keys.peer(db, to)
    me = office.current(db)
    if me is None:
        raise BundleError("请先设置本单位。")
    sequence = peer.sent_sequence + 1
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # The recipient is in the name: a city's bundles to several counties, made in the
    # same minute into one folder, are all kept (each office numbers its own).
    name = f"{me.code}至{to}-{datetime.now():%Y%m%d%H%M}-{sequence}.hexie"
    plain = work_file(db)
    sent = work_file(db, ".versions.part")  # the versions sent, stored once it is written
    encrypted = out / f"~{name.removesuffix('.hexie')}.age.part"  # no ".hexie": never imported
    try:
        with sent_versions.VersionLog(sent) as versions:
            zipped = yield from _zip_work(
                db, peer, me, plain, versions, private, full=full, with_attachments=with_attachments
            )
        steps = len(record_tables()) + 1
        yield Progress(steps - 1, steps, N_("正在加密…"))
        encrypt_file(plain, encrypted, peer.age_recipient)
        discard(plain)
        digest, size = file_sha(encrypted), encrypted.stat().st_size
        written = place_parts(out, name, encrypted, digest, max_part_mb)
        with db.session() as session:
            row = session.get(PeerKey, to)
            assert row is not None
            row.sent_sequence = sequence
            row.last_sent_hash = digest
            session.add(SentBundle(peer=to, sequence=sequence, upto_seq=zipped.upto))
            session.flush()
            sent_versions.store(session.connection(), to, sequence, sent)
    finally:  # written, refused or cancelled: no temporary file stays
        discard(plain)
        discard(sent)
        encrypted.unlink(missing_ok=True)
    manifest = zipped.manifest
    return ExportResult(written, manifest["bundle_id"], sequence, zipped.counts, size)


def _zip_work(
    db: Database,
    peer: Any,
    me: Any,
    plain: Path,
    versions: sent_versions.VersionLog,
    private: PrivateKeys,
    *,
    full: bool,
    with_attachments: bool,
) -> Work[_Zipped]:
    """The records for `peer` changed since its last receipt (all of them when
    `full`), evidence files, the summary sheet and the signed manifest, zipped into `plain`;
    the version of each record sent noted in `versions`."""
    from app.services.core import record_files

    to = peer.office_code
    since = 0 if full else peer.acked_seq
    # A county sends a neighbouring county only the risks that may spread; the city gets everything.
    neighbour = me.level == "county" and not to.endswith("00")
    # The city sends a county that county's records and the city's shared ones (_relevant).
    scoped = me.level == "city" and not to.endswith("00")
    created = utcnow().isoformat(timespec="seconds")
    sequence = peer.sent_sequence + 1
    members: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    files: dict[str, Path] = {}  # SHA-256 → the file on this PC
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
    with db.reader() as conn, zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as archive:
        tables = record_tables()
        # What the receipt will confirm: every change up to here (rows left out
        # are not for this recipient, now or later).
        upto = max(
            (conn.execute(select(func.max(t.c.change_seq))).scalar() or 0 for t in tables.values()),
            default=0,
        )
        few = _neighbour_rows(conn, to, since, me.code) if neighbour else None
        for step, (name, table) in enumerate(tables.items()):
            yield Progress(step, len(tables) + 1, f"正在导出：{RECORD_TYPE_NAMES.get(name, name)}")
            writer = None
            rows: Any = (
                few.get(name, ())
                if few is not None
                else _changed(conn, table, to, since, me.code, full, scoped, yield_per=2000)
            )
            for row in rows:
                # Dates stay Python values here; the JSON encoder writes them
                # (converting every value up front cost a third of the export).
                record = row if isinstance(row, dict) else dict(row._mapping)
                del record["change_seq"]  # local bookkeeping, meaningless to the peer
                if writer is None:
                    writer = _Member(archive, f"records/{name}.jsonl")
                    versions.table(name)
                versions.add(record["id"], record["version"])
                writer.add(encode(record) + "\n")
                if with_attachments and not record["deleted"]:
                    for description in _file_descriptions(name, record):
                        path = record_files.local_path(db, description, record["origin_office"])
                        if path.is_file():
                            files.setdefault(description["sha256"], path)
            if writer is not None:
                members[f"records/{name}.jsonl"] = writer.close()
                counts[name] = writer.count
        for digest, path in files.items():
            members[f"attachments/{digest}"] = _add_file(archive, f"attachments/{digest}", path)
        members["summary.xlsx"] = _add_bytes(
            archive,
            "summary.xlsx",
            summary_xlsx(counts, f"{me.name}（{me.code}）", f"{peer.name}（{to}）", created),
        )
        manifest = {
            **manifest_head("data", f"{me.code}|{to}|{sequence}|{created}|{upto}", me, to, created),
            "sequence": sequence,
            "previous_hash": peer.last_sent_hash,
            "full": full,
            "since_seq": since,
            "upto_seq": upto,
            "members": members,
            "counts": counts,
        }
        _sign_into(archive, manifest, private)
    return _Zipped(manifest, counts, upto)


export = to_its_end(export_work)


def _file_descriptions(table: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence files a record names: an attachment row, or a files_json list."""
    if table == "attachment":
        return [record]
    if "files_json" in record:
        return [f for f in json.loads(record["files_json"] or "[]") if isinstance(f, dict)]
    return []


def _sign_into(archive: zipfile.ZipFile, manifest: dict[str, Any], private: PrivateKeys) -> None:
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    archive.writestr("manifest.json", manifest_bytes)
    archive.writestr("manifest.sig", base64.b64encode(private.signing.sign(manifest_bytes)))
