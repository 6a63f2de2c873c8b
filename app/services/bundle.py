"""Sync bundles: county → city by e-mail, encrypted and signed, merged without
losing or duplicating a record (DESIGN.md §6).

A bundle is a zip (manifest.json + its Ed25519 signature, records as JSON Lines
per record type, a readable summary.xlsx) encrypted to the recipient with age,
so `age -d -i key.txt X.hexie > X.zip` opens it with standard tools. Large
bundles are split into numbered parts, each with its SHA-256. Import checks
everything first and applies all of it in one transaction, or nothing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from app import __version__
from app.models import Base, ImportedBundle, PeerKey, RecordSyncBase, SentBundle, SyncConflict
from app.models.base import sync_record_types, utcnow
from app.models.db import Database, fast_insert, next_change_seq
from app.models.migrate import REVISIONS, head_revision
from app.services import keys, office
from app.services.keys import KeyError_, PrivateKeys

FORMAT = 1
PART_MAGIC = b"HEXIE-PART/1\n"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a member that expands beyond this is refused
MAX_RATIO = 200  # compression ratio beyond which a member is treated as a zip bomb


class BundleError(ValueError):
    """A bundle refused, with the reason and what to do."""


def _tables() -> dict[str, Table]:
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    found = {cls.__tablename__: cls.__table__ for cls in sync_record_types()}  # type: ignore[attr-defined]
    return dict(sorted(found.items(), key=lambda kv: order[kv[0]]))


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _parsers(table: Table) -> dict[str, Any]:
    """Per column: how JSON text becomes the stored value (dates and times), worked out once."""
    out: dict[str, Any] = {}
    for column in table.c:
        try:
            kind = column.type.python_type
        except NotImplementedError:  # a type without a Python equivalent: stored as given
            kind = str
        if kind is datetime:
            out[column.name] = datetime.fromisoformat
        elif kind is date:
            out[column.name] = date.fromisoformat
    return out


def _defaults(table: Table) -> dict[str, Any]:
    """Column defaults, for bundles from an older version that lack newer columns."""
    out = {}
    for column in table.c:
        if column.name != "change_seq" and column.default is not None:
            arg = column.default.arg  # type: ignore[attr-defined]
            out[column.name] = arg if not callable(arg) else None
            if callable(arg):
                out[column.name] = arg(None)
    return out


def _from_json(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    parse = _parsers(table).get(name)
    return parse(value) if parse else value


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- export ------------------------------------------------------------------------------


@dataclass
class ExportResult:
    files: list[Path]
    bundle_id: str
    sequence: int
    counts: dict[str, int]
    size: int


def _records(
    db: Database, to: str, since_seq: int, *, neighbour: bool = False
) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Records changed since `since_seq`, leaving out what came from `to` unchanged (no echo)."""
    out: dict[str, list[dict[str, Any]]] = {}
    upto = 0
    with db.reader() as conn:
        bases = defaultdict(dict)
        for t, rid, v in conn.execute(
            select(
                RecordSyncBase.table_name, RecordSyncBase.record_id, RecordSyncBase.base_version
            ).where(RecordSyncBase.peer == to)
        ):
            bases[t][rid] = v
        for name, table in _tables().items():
            rows = []
            for row in conn.execute(
                select(table).where(table.c.change_seq > since_seq).order_by(table.c.change_seq)
            ):
                record = {k: _jsonable(v) for k, v in row._mapping.items()}
                upto = max(upto, record["change_seq"])
                if bases[name].get(record["id"]) == record["version"]:
                    continue
                del record["change_seq"]  # local bookkeeping, meaningless to the peer
                rows.append(record)
            if rows:
                out[name] = rows
    if neighbour:
        out = _spreading_only(out)
    return out, upto


def _spreading_only(records: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Between two county offices only major risks that may spread across counties
    travel (通知 三（三）: 信息互通), with their interventions and enterprises."""
    events = [r for r in records.get("major_risk_event", []) if r.get("may_spread")]
    ids = {r["id"] for r in events}
    firms = {r["enterprise_id"] for r in events}
    out = {
        "major_risk_event": events,
        "risk_intervention": [
            r for r in records.get("risk_intervention", []) if r["event_id"] in ids
        ],
        "enterprise": [r for r in records.get("enterprise", []) if r["id"] in firms],
    }
    return {k: v for k, v in out.items() if v}


def _summary_xlsx(counts: dict[str, int], sender: str, recipient: str, created: str) -> bytes:
    from openpyxl import Workbook

    from app.services.stats import RECORD_TYPE_NAMES

    wb = Workbook()
    ws = wb.active
    ws.title = "同步包说明"
    ws.append(["和谐台账同步包"])
    ws.append(["发送单位", sender])
    ws.append(["接收单位", recipient])
    ws.append(["生成时间（UTC）", created])
    ws.append([])
    ws.append(["记录类型", "条数"])
    for name, n in counts.items():
        ws.append([RECORD_TYPE_NAMES.get(name, name), n])
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export(
    db: Database,
    to: str,
    out_dir: str | Path,
    private: PrivateKeys,
    *,
    full: bool = False,
    max_part_mb: float = 15.0,
    with_attachments: bool = False,
) -> ExportResult:
    """Write the bundle for office `to` into `out_dir`; returns the file(s) written.
    With `with_attachments`, the evidence files of the attachment records travel too."""
    import pyrage
    from pyrage import x25519

    peer = keys.peer(db, to)
    me = office.current(db)
    if me is None:
        raise BundleError("请先设置本单位。")
    since = 0 if full else peer.acked_seq
    # A county sends a neighbouring county only the risks that may spread; the city gets everything.
    neighbour = me.level == "county" and not to.endswith("00")
    records, upto = _records(db, to, since, neighbour=neighbour)
    created = utcnow().isoformat(timespec="seconds")
    sequence = peer.sent_sequence + 1
    bundle_id = hashlib.sha256(f"{me.code}|{to}|{sequence}|{created}|{upto}".encode()).hexdigest()[
        :32
    ]
    members: dict[str, bytes] = {}
    for name, rows in records.items():
        members[f"records/{name}.jsonl"] = "".join(
            json.dumps(r, ensure_ascii=False) + "\n" for r in rows
        ).encode()
    if with_attachments:
        from app.services import attachments

        base = attachments.folder(db)
        for row in records.get("attachment", []):
            path = base / row["stored_name"]
            if path.exists() and not row.get("deleted"):
                members[f"attachments/{row['sha256']}"] = path.read_bytes()
    counts = {name: len(rows) for name, rows in records.items()}
    members["summary.xlsx"] = _summary_xlsx(
        counts, f"{me.name}（{me.code}）", f"{peer.name}（{to}）", created
    )
    manifest = {
        "format": FORMAT,
        "kind": "data",
        "schema": head_revision(),
        "app_version": __version__,
        "bundle_id": bundle_id,
        "sender": me.code,
        "sender_name": me.name,
        "recipient": to,
        "created": created,
        "sequence": sequence,
        "previous_hash": peer.last_sent_hash,
        "full": full,
        "since_seq": since,
        "upto_seq": upto,
        "members": {
            name: {"sha256": _sha(data), "size": len(data)} for name, data in members.items()
        },
        "counts": counts,
    }
    zipped = _zip(manifest, members, private)
    encrypted = pyrage.encrypt(zipped, [x25519.Recipient.from_str(peer.age_recipient)])
    stamp = datetime.now().strftime("%Y%m%d%H%M")
    name = f"{me.code}-{stamp}-{sequence}.hexie"
    files = _write_parts(Path(out_dir), name, encrypted, max_part_mb)
    with db.session() as session:
        row = session.get(PeerKey, to)
        assert row is not None
        row.sent_sequence = sequence
        row.last_sent_hash = _sha(encrypted)
        versions = {name: {r["id"]: r["version"] for r in rows} for name, rows in records.items()}
        session.add(
            SentBundle(
                peer=to, sequence=sequence, upto_seq=upto, versions_json=json.dumps(versions)
            )
        )
    return ExportResult(files, bundle_id, sequence, counts, len(encrypted))


def _zip(manifest: dict[str, Any], members: dict[str, bytes], private: PrivateKeys) -> bytes:
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    signature = private.signing.sign(manifest_bytes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", base64.b64encode(signature))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write_parts(out_dir: Path, name: str, data: bytes, max_part_mb: float) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    limit = int(max_part_mb * 1024 * 1024)
    if len(data) <= limit:
        path = out_dir / name
        path.write_bytes(data)
        return [path]
    chunks = [data[i : i + limit] for i in range(0, len(data), limit)]
    paths = []
    for n, chunk in enumerate(chunks, start=1):
        header = json.dumps(
            {
                "bundle": name,
                "part": n,
                "parts": len(chunks),
                "sha256": _sha(chunk),
                "total_sha256": _sha(data),
            }
        )
        path = out_dir / f"{name}.part{n}of{len(chunks)}"
        path.write_bytes(PART_MAGIC + header.encode() + b"\n" + chunk)
        paths.append(path)
    return paths


def write_eml(
    files: list[Path], to_address: str, sender_name: str, recipient_name: str, out: Path
) -> Path:
    """An unsent e-mail draft with the bundle attached, for Outlook, Foxmail or Thunderbird."""
    from email.message import EmailMessage
    from email.utils import formatdate

    message = EmailMessage()
    message["To"] = to_address
    message["Subject"] = (
        f"和谐台账同步包：{sender_name} → {recipient_name}（{files[0].name.split('.hexie')[0]}）"
    )
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"  # Outlook opens it as a draft ready to send
    message.set_content(
        f"{recipient_name}：\n\n附件是{sender_name}的和谐台账同步包，共 {len(files)} 个文件。"
        "请在和谐台账中用“文件 → 导入同步包”导入，全部附件放在同一文件夹即可。\n"
    )
    for path in files:
        message.add_attachment(
            path.read_bytes(), maintype="application", subtype="octet-stream", filename=path.name
        )
    out.write_bytes(bytes(message))
    return out


# -- reading -------------------------------------------------------------------------------


@dataclass
class RawBundle:
    name: str
    data: bytes


def collect(paths: list[str | Path]) -> list[RawBundle]:
    """Bundle files and folders → whole bundles, parts joined in any order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.iterdir() if ".hexie" in x.name and x.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise BundleError(f"找不到文件：{p}")
    whole: list[RawBundle] = []
    parts: dict[str, dict[int, tuple[dict[str, Any], bytes]]] = defaultdict(dict)
    for f in files:
        data = f.read_bytes()
        if data.startswith(PART_MAGIC):
            head, _, chunk = data[len(PART_MAGIC) :].partition(b"\n")
            try:
                info = json.loads(head)
            except ValueError as exc:
                raise BundleError(f"{f.name} 不是完整的分卷文件。") from exc
            if _sha(chunk) != info["sha256"]:
                raise BundleError(
                    f"分卷 {f.name} 已损坏（可能下载不完整）：请让对方重新发送这一卷。"
                )
            parts[info["bundle"]][info["part"]] = (info, chunk)
        else:
            whole.append(RawBundle(f.name, data))
    for name, got in parts.items():
        total = next(iter(got.values()))[0]["parts"]
        missing = [str(n) for n in range(1, total + 1) if n not in got]
        if missing:
            raise BundleError(
                f"同步包 {name} 共 {total} 卷，缺少第 {'、'.join(missing)} 卷：请把所有分卷放在一起再导入。"
            )
        data = b"".join(got[n][1] for n in range(1, total + 1))
        if _sha(data) != got[1][0]["total_sha256"]:
            raise BundleError(f"同步包 {name} 的分卷拼合后校验不符，请让对方重新发送。")
        whole.append(RawBundle(name, data))
    return whole


@dataclass
class OpenBundle:
    name: str
    manifest: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes] = field(default_factory=dict)  # evidence files by SHA-256


def open_bundle(db: Database, raw: RawBundle, private: PrivateKeys) -> OpenBundle:
    """Decrypt, check the sender's signature, every member's hash and the schema."""
    import pyrage
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        zipped = pyrage.decrypt(raw.data, [private.age_identity])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise BundleError(
                f"{raw.name} 不是发给本单位的同步包（无法用本单位的密钥解开）。"
            ) from exc
        raise BundleError(f"{raw.name} 已损坏或被改动，无法解密。请让对方重新发送。") from exc
    try:
        archive = zipfile.ZipFile(io.BytesIO(zipped))
        infos = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise BundleError(f"{raw.name} 内容不是有效的同步包。") from exc
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
            raise BundleError(f"{raw.name} 含有越出文件夹的成员“{name}”，已拒绝。")
        if info.file_size > MAX_MEMBER_BYTES or (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 10 * 1024 * 1024
        ):
            raise BundleError(
                f"{raw.name} 的成员“{name}”解压后过大（{info.file_size / 1024 / 1024:.0f} MB），已拒绝。"
            )
    try:
        manifest_bytes = archive.read("manifest.json")
        signature = base64.b64decode(archive.read("manifest.sig"))
        manifest = json.loads(manifest_bytes)
    except (KeyError, ValueError) as exc:
        raise BundleError(f"{raw.name} 缺少清单或签名。") from exc
    sender = manifest.get("sender", "")
    with db.session() as session:
        peer = session.get(PeerKey, sender)
        peer_key = peer.signing_public if peer else None
    if peer_key is None:
        raise BundleError(
            f"发送单位 {sender} 尚未被信任：请先导入对方的公钥并核对指纹，再导入同步包。"
        )
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(peer_key)).verify(
            signature, manifest_bytes
        )
    except InvalidSignature as exc:
        raise BundleError(
            f"{raw.name} 的签名与 {sender} 的公钥不符，可能被伪造或改动，已拒绝。"
        ) from exc
    me = office.current(db)
    if me is None or manifest.get("recipient") != me.code:
        raise BundleError(
            f"{raw.name} 是发给 {manifest.get('recipient')} 的，不是本单位（{me.code if me else ''}）。"
        )
    if manifest.get("format") != FORMAT:
        raise BundleError(
            f"{raw.name} 的格式版本 {manifest.get('format')} 无法识别，请升级和谐台账。"
        )
    if manifest.get("schema") not in REVISIONS:
        raise BundleError(
            f"{raw.name} 由更新版本的和谐台账生成（结构 {manifest.get('schema')}），请先升级本程序再导入。"
        )
    names = {i.filename for i in infos} - {"manifest.json", "manifest.sig"}
    declared = set(manifest.get("members", {}))
    if names != declared:
        raise BundleError(
            f"{raw.name} 的成员与清单不符（多出：{'、'.join(sorted(names - declared)) or '无'}；缺少：{'、'.join(sorted(declared - names)) or '无'}）。"
        )
    records: dict[str, list[dict[str, Any]]] = {}
    files: dict[str, bytes] = {}
    tables = _tables()
    problems: list[str] = []
    for name, info in manifest["members"].items():
        data = archive.read(name)
        if _sha(data) != info["sha256"]:
            raise BundleError(f"{raw.name} 的成员“{name}”校验不符，已被改动。")
        if name.startswith("attachments/"):
            files[name[len("attachments/") :]] = data
            continue
        if not name.startswith("records/"):
            continue
        table_name = name[len("records/") : -len(".jsonl")]
        table = tables.get(table_name)
        if table is None:
            problems.append(f"未知的记录类型“{table_name}”")
            continue
        rows = []
        for n, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            try:
                row = json.loads(line)
            except ValueError:
                problems.append(f"{table_name} 第 {n} 行不是有效的 JSON")
                continue
            unknown = set(row) - set(table.c.keys())
            if unknown:
                problems.append(f"{table_name} 第 {n} 行有未知字段：{'、'.join(sorted(unknown))}")
                continue
            rows.append(row)
        records[table_name] = rows
    if problems:
        shown = problems[:20] + ([f"……共 {len(problems)} 处"] if len(problems) > 20 else [])
        raise BundleError(f"{raw.name} 有以下问题，整包未导入：\n" + "\n".join(shown))
    return OpenBundle(raw.name, manifest, records, files)


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
            table = _tables()[name]
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
    return all(_jsonable(local.get(k)) == v for k, v in row.items() if k not in ("change_seq",))


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
        if _sha(data) != row["sha256"]:
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
    for name in [n for n in _tables() if n in p.bundle.records]:
        rows = p.bundle.records[name]
        table = _tables()[name]
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
        parsers = _parsers(table)
        p.counts[name] = tally = dict.fromkeys(COUNT_KEYS, 0)  # what was actually done
        defaults = {k: v for k, v in _defaults(table).items() if k != "id"}
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
                            {k: _jsonable(v) for k, v in (mine or {}).items()}, ensure_ascii=False
                        ),
                    )
                )
                continue
            values = {**defaults, **row}
            for name_, parse in parsers.items():
                if values.get(name_) is not None and isinstance(values[name_], str):
                    values[name_] = parse(values[name_])
            if mine is None:
                inserts.append({**values, "change_seq": seq})
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
            keys_ = sorted({k for r in chunk for k in r})
            fast_insert(connection, table, [{k: r.get(k) for k in keys_} for r in chunk])
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
            _zip(manifest, {}, private), [x25519.Recipient.from_str(peer.age_recipient)]
        )
        files += _write_parts(
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
        table = _tables()[c.table_name]
        incoming, local = json.loads(c.incoming_json), json.loads(c.local_json)
        chosen = {"ours": local, "theirs": incoming}.get(choice) or {**local, **(merged or {})}
        if choice not in ("ours", "theirs", "merge"):
            raise BundleError("请选择保留本方、采用对方或逐项合并。")
        keep = {
            k: _from_json(table, k, v)
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
