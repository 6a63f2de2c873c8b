"""A bundle's files: the zip with its signed manifest, the readable summary
sheet, the parts an e-mail can carry, and the .eml draft that carries them."""

from __future__ import annotations

import base64
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from app.services.sync.bundle_format import PART_MAGIC, sha
from app.services.sync.keys import PrivateKeys


def summary_xlsx(counts: dict[str, int], sender: str, recipient: str, created: str) -> bytes:
    from openpyxl import Workbook

    from app.services.core.stats import RECORD_TYPE_NAMES

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


def place_parts(
    out_dir: Path, name: str, encrypted: Path, total_sha: str, max_part_mb: float
) -> list[Path]:
    """The encrypted bundle in the file `encrypted` (beside its target, in
    `out_dir`; SHA-256 `total_sha`) moved into place as `name`, or copied into
    parts a block at a time.
    Each file is written under a name without ".hexie" (an import of the folder
    never takes it for a bundle), flushed to the disk and renamed, so the folder
    never holds a half-written bundle or part."""
    from app.services.sync.bundle_stream import blocks, file_sha

    limit = int(max_part_mb * 1024 * 1024)
    size = encrypted.stat().st_size
    if size <= limit:
        path = out_dir / name
        os.replace(encrypted, path)
        return [path]
    count = -(-size // limit)
    temporary = [encrypted.with_name(f"{encrypted.name}{n}") for n in range(1, count + 1)]
    try:
        for n, tmp in enumerate(temporary, start=1):
            start, length = (n - 1) * limit, min(limit, size - (n - 1) * limit)
            header = json.dumps(
                {
                    "bundle": name,
                    "part": n,
                    "parts": count,
                    "sha256": file_sha(encrypted, start, length),
                    "total_sha256": total_sha,
                }
            )
            with open(tmp, "wb") as out:
                out.write(PART_MAGIC + header.encode() + b"\n")
                for block in blocks(encrypted, start, length):
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
        paths = [out_dir / f"{name}.part{n}of{count}" for n in range(1, count + 1)]
        for tmp, path in zip(temporary, paths, strict=True):  # all written: now named
            os.replace(tmp, path)
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)
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
