"""Files kept with a record (evidence, photos, handouts): copied beside the
database under their SHA-256, so a moved or altered original is noticed.

Ledger evidence (app.services.attachments) and the files of guidance activities
and typical cases share this; the record itself keeps the returned description.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.db import Database

# Scans and photos are a few MB; a 2 GB file is a mistake (a video, a disk
# image) that would also break the e-mailed sync bundle.
MAX_BYTES = 100 * 1024 * 1024
ALLOWED_SUFFIXES = {
    ".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".heic",
    ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".txt", ".zip",
}  # fmt: skip
CHUNK = 1024 * 1024


class RecordFileError(ValueError):
    """A file cannot be stored or opened; the message says what to do."""


@dataclass(frozen=True)
class StoredFile:
    file_name: str
    stored_name: str  # relative to folder(db), with forward slashes
    sha256: str
    size: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "file_name": self.file_name,
            "stored_name": self.stored_name,
            "sha256": self.sha256,
            "size": self.size,
        }


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


def check_source(source: Path) -> int:
    """The file's size if it may be stored; else RecordFileError saying why."""
    if not source.is_file():
        raise RecordFileError(f"找不到文件：{source}。请确认文件仍在原处（U 盘是否已拔出）。")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise RecordFileError(
            f"“{source.name}”有 {size / 1024 / 1024:.0f} MB，超过 {MAX_BYTES // 1024 // 1024} MB 的上限。"
            "请扫描为 PDF 或压缩图片后再添加。"
        )
    if source.suffix.lower() not in ALLOWED_SUFFIXES:
        raise RecordFileError(
            f"不支持“{source.suffix or '无扩展名'}”类型的文件。请添加扫描件、照片、PDF、Word 或 Excel 文件。"
        )
    return size


def store(db: Database, owner_id: str, source: str | Path) -> StoredFile:
    """Copy `source` under <folder>/<owner_id>/ and return its description.
    The copy is written to a .part file and renamed only when its hash matches."""
    source = Path(source)
    size = check_source(source)
    try:
        digest = sha256_of(source)
    except OSError as exc:
        raise RecordFileError(f"无法读取“{source.name}”：{exc.strerror or exc}。") from exc
    relative = Path(owner_id) / f"{digest[:12]}-{_safe_name(source.name)}"
    target = folder(db) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    shutil.copyfile(source, tmp)
    if sha256_of(tmp) != digest:
        tmp.unlink(missing_ok=True)
        raise RecordFileError(f"复制“{source.name}”时内容发生变化，请重试。")
    os.replace(tmp, target)
    return StoredFile(source.name, relative.as_posix(), digest, size)


def state_of(db: Database, stored_name: str, sha256: str, *, verify: bool = True) -> str:
    """ok / missing / altered."""
    path = folder(db) / stored_name
    if not path.exists():
        return "missing"
    if verify and sha256_of(path) != sha256:
        return "altered"
    return "ok"
