"""Evidence files: copied into a managed folder beside the database, identified
by SHA-256, checked for being missing or altered."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.models import Attachment, RectificationItem
from app.models.db import Database
from app.services import audit

# Scans and photos of a rectification are a few MB; a 2 GB file is a mistake
# (a video, a disk image) that would also break the e-mailed sync bundle.
MAX_BYTES = 100 * 1024 * 1024
ALLOWED_SUFFIXES = {
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".tif",
    ".tiff",
    ".bmp",
    ".gif",
    ".heic",
    ".doc",
    ".docx",
    ".wps",
    ".xls",
    ".xlsx",
    ".et",
    ".ofd",
    ".txt",
    ".zip",
}
CHUNK = 1024 * 1024


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


def folder(db: Database) -> Path:
    """<database name>-附件 beside the database file."""
    return db.path.with_name(f"{db.path.stem}-附件")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _safe_name(name: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .") or "附件"
    return name[-120:]


def add(db: Database, item_id: str, source: str | Path, note: str = "") -> str:
    """Copy `source` into the managed folder and record it; returns the attachment id."""
    source = Path(source)
    if not source.is_file():
        raise AttachmentError(f"找不到文件：{source}。请确认文件仍在原处（U 盘是否已拔出）。")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise AttachmentError(
            f"“{source.name}”有 {size / 1024 / 1024:.0f} MB，超过 {MAX_BYTES // 1024 // 1024} MB 的上限。"
            "请扫描为 PDF 或压缩图片后再添加。"
        )
    if source.suffix.lower() not in ALLOWED_SUFFIXES:
        raise AttachmentError(
            f"不支持“{source.suffix or '无扩展名'}”类型的文件。请添加扫描件、照片、PDF、Word 或 Excel 文件。"
        )
    try:
        digest = sha256_of(source)
    except OSError as exc:
        raise AttachmentError(f"无法读取“{source.name}”：{exc.strerror or exc}。") from exc
    with db.session() as session:
        item = session.get(RectificationItem, item_id)
        if item is None or item.deleted:
            raise AttachmentError("该整改事项不存在或已删除。")
        relative = Path(item_id) / f"{digest[:12]}-{_safe_name(source.name)}"
        target = folder(db) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(source, tmp)
        if sha256_of(tmp) != digest:
            tmp.unlink(missing_ok=True)
            raise AttachmentError(f"复制“{source.name}”时内容发生变化，请重试。")
        os.replace(tmp, target)
        row = Attachment(
            item_id=item_id,
            file_name=source.name,
            stored_name=relative.as_posix(),
            sha256=digest,
            size=size,
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            "rectification_item",
            item_id,
            "update",
            {"attachment": [None, source.name]},
            "添加佐证材料",
        )
        return row.id


def list_for(db: Database, item_id: str, *, verify: bool = True) -> list[AttachmentRow]:
    base = folder(db)
    with db.session() as session:
        rows = (
            session.execute(
                select(Attachment)
                .where(Attachment.item_id == item_id, Attachment.deleted.is_(False))
                .order_by(Attachment.created_at)
            )
            .scalars()
            .all()
        )
        out = []
        for r in rows:
            path = base / r.stored_name
            if not path.exists():
                state = "missing"
            elif verify and sha256_of(path) != r.sha256:
                state = "altered"
            else:
                state = "ok"
            out.append(AttachmentRow(r.id, r.file_name, path, r.sha256, r.size, r.note, state))
        return out


def remove(db: Database, attachment_id: str) -> None:
    """Tombstone the record; the file stays in the folder (other records may share it)."""
    with db.session() as session:
        row = session.get(Attachment, attachment_id)
        if row is None or row.deleted:
            return
        row.deleted = True
        audit.record(
            session,
            "rectification_item",
            row.item_id,
            "update",
            {"attachment": [row.file_name, None]},
            "移除佐证材料",
        )


STATE_LABELS = {"ok": "完好", "missing": "文件缺失", "altered": "文件已被改动"}
