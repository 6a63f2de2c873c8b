"""Files kept with a record (evidence, photos, handouts): copied beside the
database under their SHA-256, so a moved or altered original is noticed.

Ledger evidence (app.services.ledger.attachments) and the files of guidance activities
and typical cases share this; the record itself keeps the returned description.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models.db import Database
from app.owner_only import create_private_file
from app.services.core import pending_files, shared_files
from app.services.core.messages import N_

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


# Names Windows keeps for devices, whatever the extension ("CON.txt" is the console).
WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)
_FORBIDDEN_CHARS = re.compile(r'[\\:*?"<>|\x00-\x1f\x7f]')
RECEIVED_FOLDER = pending_files.RECEIVED_FOLDER


def name_problem(name: object, *, path: bool) -> str:
    """Why a file name (or, with `path`, a relative path with forward slashes) that
    came from another office cannot be used on this PC; "" when it can. Nothing in
    a bundle may choose where a file goes: absolute paths, drive letters,
    backslashes, "..", NUL and other control characters, and Windows device names
    are all refused."""
    if not isinstance(name, str) or not name:
        return "文件名为空"
    if len(name) > 400:
        return "文件名过长"
    if "\x00" in name:
        return "文件名含有空字符（NUL）"
    if "\\" in name:
        return "文件名含有反斜杠"
    if name.startswith("/"):
        return "是绝对路径"
    if re.match(r"^[A-Za-z]:", name):
        return "含有盘符"
    parts = name.split("/")
    if not path and len(parts) > 1:
        return "文件名含有斜杠"
    for part in parts:
        if part in ("", ".", ".."):
            return "含有“..”或空的路径部分" if part == ".." else "含有空的路径部分"
        if _FORBIDDEN_CHARS.search(part):
            return "含有 Windows 不允许的字符"
        if part != part.rstrip(" ."):
            return "以空格或点结尾"
        if part.split(".")[0].upper().rstrip(" ") in WINDOWS_RESERVED:
            return f"使用了 Windows 的保留名“{part}”"
    return ""


def received_name(sha256: str, file_name: str) -> str:
    """Where a file received from another office is kept, relative to folder(db):
    a name this office derives from the content hash (and the original's
    extension, so the PC opens it with the right program)."""
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        return f"{RECEIVED_FOLDER}/无效的文件摘要"  # checked on import; never a path from outside
    suffix = Path(file_name).suffix.lower() if not name_problem(file_name, path=False) else ""
    return f"{RECEIVED_FOLDER}/{sha256}{suffix if suffix in ALLOWED_SUFFIXES else ''}"


def local_path(db: Database, description: dict[str, Any], owner: str) -> Path:
    """The file of a record's file description on this PC: this office's own files
    where it stored them; another office's files under the name derived from
    their hash (never the sender's stored name). On an office server, this PC's
    copy of the content the server holds (shared_files.open_copy)."""
    if shared_files.shared(db):
        sha = str(description.get("sha256", ""))
        name = safe_name(str(description.get("file_name", "")))
        copy = folder(db) / shared_files.COPIES / sha[:16] / name
        return shared_files.open_copy(db, sha, copy, earlier=_folder_path(db, description, owner))
    return _folder_path(db, description, owner)


def _folder_path(db: Database, description: dict[str, Any], owner: str) -> Path:
    stored = str(description.get("stored_name", ""))
    sha = str(description.get("sha256", ""))
    if owner and owner != db.office_code or name_problem(stored, path=True):
        return folder(db) / received_name(sha, str(description.get("file_name", "")))
    path = folder(db) / stored
    if not path.exists():
        # Added in the unit of work still running: its copy waits in 待提交.
        return pending_files.staged_path(db, stored) or path
    return path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def safe_name(name: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .") or "附件"
    return name[-120:]


def check_source(source: Path) -> int:
    """The file's size if it may be stored; else RecordFileError saying why."""
    if not source.is_file():
        raise RecordFileError(
            N_("找不到文件：{path}。请确认文件仍在原处（U 盘是否已拔出）。", path=str(source))
        )
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise RecordFileError(
            N_(
                "“{name}”有 {size} MB，超过 {limit} MB 的上限。请扫描为 PDF 或压缩图片后再添加。",
                name=source.name,
                size=f"{size / 1024 / 1024:.0f}",
                limit=MAX_BYTES // 1024 // 1024,
            )
        )
    if source.suffix.lower() not in ALLOWED_SUFFIXES:
        raise RecordFileError(
            N_(
                "不支持“{name}”这种类型的文件。请添加扫描件、照片、PDF、Word 或 Excel 文件。",
                name=source.name,
            )
        )
    return size


def store(db: Database, owner_id: str, source: str | Path) -> StoredFile:
    """Copy `source` under <folder>/<owner_id>/ and return its description. The
    copy is checked against the hash and put in place when the open unit of work
    commits (removed if it is rolled back). On an office server the content goes
    into the database in the open unit of work instead (shared_files)."""
    source = Path(source)
    size = check_source(source)
    if shared_files.shared(db):
        return _store_on_server(db, owner_id, source, size)
    try:
        digest = sha256_of(source)
    except OSError as exc:
        raise RecordFileError(
            N_("无法读取“{name}”：{reason}。", name=source.name, reason=exc.strerror or exc)
        ) from exc
    relative = f"{owner_id}/{digest[:12]}-{safe_name(source.name)}"
    # Into <folder>/待提交 now, into place when the record is committed: a Cancel or
    # a kill before the commit leaves no file nothing refers to (pending_files).
    tmp = pending_files.stage(db, relative)
    create_private_file(tmp)
    try:
        shutil.copyfile(source, tmp)
        if sha256_of(tmp) != digest:
            raise RecordFileError(N_("复制“{name}”时内容发生变化，请重试。", name=source.name))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    pending_files.place_on_commit(db, tmp, relative)
    return StoredFile(source.name, relative, digest, size)


def _store_on_server(db: Database, owner_id: str, source: Path, size: int) -> StoredFile:
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise RecordFileError(
            N_("无法读取“{name}”：{reason}。", name=source.name, reason=exc.strerror or exc)
        ) from exc
    if len(data) != size:
        raise RecordFileError(N_("读取“{name}”时内容发生变化，请重试。", name=source.name))
    digest = hashlib.sha256(data).hexdigest()
    shared_files.put(db, digest, data)
    relative = f"{owner_id}/{digest[:12]}-{safe_name(source.name)}"
    return StoredFile(source.name, relative, digest, size)


def state_of(
    db: Database, description: dict[str, Any], owner: str = "", *, verify: bool = True
) -> str:
    """ok / missing / altered, for a record's file description."""
    if shared_files.shared(db):
        return shared_files.state(
            db,
            str(description.get("sha256", "")),
            verify=verify,
            earlier=_folder_path(db, description, owner),
        )
    path = local_path(db, description, owner)
    sha256 = str(description.get("sha256", ""))
    if not path.exists():
        return "missing"
    if verify and sha256_of(path) != sha256:
        return "altered"
    return "ok"
