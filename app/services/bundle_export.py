"""Writing a sync bundle: the records changed since the peer's last receipt,
the signed manifest, the readable summary, age encryption, parts for e-mail."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.models import PeerKey, RecordSyncBase, SentBundle
from app.models.base import utcnow
from app.models.db import Database
from app.models.migrate import head_revision
from app.services import keys, office
from app.services.bundle_format import (
    FORMAT,
    PART_MAGIC,
    BundleError,
    json_default,
    record_tables,
    sha,
)
from app.services.keys import PrivateKeys

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
        for name, table in record_tables().items():
            rows = []
            for row in conn.execute(
                select(table).where(table.c.change_seq > since_seq).order_by(table.c.change_seq)
            ):
                # Dates stay Python values here; the JSON encoder writes them
                # (converting every value up front cost a third of the export).
                record = dict(row._mapping)
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
    encode = json.JSONEncoder(ensure_ascii=False, default=json_default).encode
    for name, rows in records.items():
        members[f"records/{name}.jsonl"] = "".join(encode(r) + "\n" for r in rows).encode()
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
            name: {"sha256": sha(data), "size": len(data)} for name, data in members.items()
        },
        "counts": counts,
    }
    zipped = zip_bundle(manifest, members, private)
    encrypted = pyrage.encrypt(zipped, [x25519.Recipient.from_str(peer.age_recipient)])
    stamp = datetime.now().strftime("%Y%m%d%H%M")
    name = f"{me.code}-{stamp}-{sequence}.hexie"
    files = write_parts(Path(out_dir), name, encrypted, max_part_mb)
    with db.session() as session:
        row = session.get(PeerKey, to)
        assert row is not None
        row.sent_sequence = sequence
        row.last_sent_hash = sha(encrypted)
        versions = {name: {r["id"]: r["version"] for r in rows} for name, rows in records.items()}
        session.add(
            SentBundle(
                peer=to, sequence=sequence, upto_seq=upto, versions_json=json.dumps(versions)
            )
        )
    return ExportResult(files, bundle_id, sequence, counts, len(encrypted))


def zip_bundle(manifest: dict[str, Any], members: dict[str, bytes], private: PrivateKeys) -> bytes:
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    signature = private.signing.sign(manifest_bytes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", base64.b64encode(signature))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_parts(out_dir: Path, name: str, data: bytes, max_part_mb: float) -> list[Path]:
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
                "sha256": sha(chunk),
                "total_sha256": sha(data),
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
