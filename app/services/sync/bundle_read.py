"""Reading sync bundles: files, folders and parts joined in any order
(bundle_collect), then decrypted into an owner-only temporary file (bundle_stream)
and checked — member names and sizes, the manifest's fields, sender,
signature (and keys since replaced), recipient, format, schema — before
anything is believed. Records are not read here: they are streamed, line by
line, by the merge (bundle_merge), which checks each line and the member's
hash as it goes, so a bundle of a million records is never held in memory.

Anything wrong is a BundleError with a message in plain words; no malformed
input ends in a traceback (README.md, 同步包).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import PeerKey, RevokedPeerKey
from app.models.db import Database
from app.models.migrate import REVISIONS
from app.services.core import office
from app.services.core.messages import N_
from app.services.sync.bundle_checks import MEMBER_NAME, Problems, check_manifest, created_at
from app.services.sync.bundle_collect import RawBundle, collect  # noqa: F401 - the public face
from app.services.sync.bundle_format import (
    FORMAT,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    MAX_RECORDS_MEMBER_BYTES,
    BundleError,
    record_tables,
    sha,
)
from app.services.sync.bundle_stream import (
    Pieces,
    WriteFailed,
    decrypt_into,
    discard,
    work_file,
)
from app.services.sync.keys import PrivateKeys

# What zipfile and zlib raise on a damaged archive (a CRC error, a cut stream, an
# unsupported method); all of them mean "this bundle is damaged".
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    KeyError,
)
SMALL_MEMBER = 16 * 1024 * 1024  # the manifest and its signature are a few KB
MAX_LINE_BYTES = 16 * 1024 * 1024  # one record; the longest real ones are a few KB


@dataclass
class OpenBundle:
    """A decrypted bundle whose manifest, sender and signature have been checked.
    The archive stays compressed in its owner-only temporary file (bundle_stream);
    records are read from it as they are merged. `close()` removes the file: the
    import closes every bundle it opened, whether it succeeds, fails or is cancelled."""

    name: str
    manifest: dict[str, Any]
    archive: zipfile.ZipFile
    record_members: dict[str, str] = field(default_factory=dict)  # table → member
    attachment_members: dict[str, str] = field(default_factory=dict)  # SHA-256 → member
    problems: Problems | None = None
    path: Path | None = None  # the decrypted zip
    folder: Path | None = None  # where the bundle (its first part) lies: its receipt goes there

    @property
    def sender(self) -> str:
        return str(self.manifest["sender"])

    def close(self) -> None:
        self.archive.close()
        if self.path is not None:
            discard(self.path)


def _read_small(archive: zipfile.ZipFile, name: str, bundle: str) -> bytes:
    try:
        info = archive.getinfo(name)
        if info.file_size > SMALL_MEMBER:
            raise BundleError(f"{bundle} 的“{name}”过大，不是有效的同步包。")
        return archive.read(name)
    except KeyError as exc:
        raise BundleError(f"{bundle} 缺少清单或签名。") from exc
    except BundleError:
        raise
    except ZIP_ERRORS as exc:
        raise BundleError(f"{bundle} 的“{name}”已损坏（{exc}），请让对方重新发送。") from exc


def _decrypt(raw: RawBundle, private: PrivateKeys, target: Path) -> None:
    """The bundle decrypted into `target`, a block at a time."""
    import pyrage

    try:
        decrypt_into(Pieces(raw.pieces), target, private.age_identity)
    except WriteFailed as exc:
        raise BundleError(
            N_(
                "无法写入临时文件 {path}：{reason}。请检查磁盘空间后再导入。",
                path=str(target),
                reason=exc.error.strerror or str(exc.error),
            )
        ) from exc
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise BundleError(
                f"{raw.name} 不是发给本单位的同步包（无法用本单位的密钥解开）。"
            ) from exc
        raise BundleError(f"{raw.name} 已损坏或被改动，无法解密。请让对方重新发送。") from exc
    except Exception as exc:  # noqa: BLE001 - any failure of the decoder is a damaged file
        raise BundleError(f"{raw.name} 已损坏或被改动，无法解密。请让对方重新发送。") from exc


def _open_archive(name: str, zipped: Path) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    try:
        archive = zipfile.ZipFile(zipped)  # read from the file: members in blocks
        infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise BundleError(f"{name} 内容不是有效的同步包。") from exc
    seen: set[str] = set()
    for info in infos:
        member = info.filename
        if member.startswith(("/", "\\")) or ".." in Path(member).parts or ":" in member:
            raise BundleError(f"{name} 含有越出文件夹的成员“{member}”，已拒绝。")
        if member in seen:
            raise BundleError(f"{name} 含有两个同名成员“{member}”，已拒绝。")
        seen.add(member)
        limit = MAX_RECORDS_MEMBER_BYTES if member.startswith("records/") else MAX_MEMBER_BYTES
        if info.file_size > limit or (
            info.compress_size
            and info.file_size / info.compress_size > MAX_RATIO
            and info.file_size > 10 * 1024 * 1024
        ):
            raise BundleError(
                f"{name} 的成员“{member}”解压后过大（{info.file_size / 1024 / 1024:.0f} MB），已拒绝。"
            )
    return archive, infos


def _verify(db: Database, name: str, manifest: dict[str, Any], body: bytes, sig: bytes) -> None:
    """The manifest is signed by the sender's trusted key. A key replaced since
    (keys.trust(replace=True)) still opens what it signed before its revocation
    date, and nothing it signed after."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    def signed_by(key_b64: str) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(base64.b64decode(key_b64)).verify(sig, body)
            return True
        except (InvalidSignature, ValueError, binascii.Error):
            return False

    sender = manifest["sender"]
    with db.reader() as conn:
        peer = conn.execute(
            select(PeerKey.signing_public, PeerKey.name).where(PeerKey.office_code == sender)
        ).first()
        revoked = conn.execute(
            select(RevokedPeerKey).where(RevokedPeerKey.office_code == sender)
        ).all()
    if peer is None:
        raise BundleError(
            f"发送单位 {sender} 尚未被信任：请先导入对方的公钥并核对指纹，再导入同步包。"
        )
    if signed_by(peer.signing_public):
        return
    for old in revoked:
        if signed_by(old.signing_public):
            made = created_at(manifest)
            if made is not None and made < old.revoked_at:
                return  # signed before the key was replaced: still the office's bundle
            raise BundleError(
                f"{name} 是用 {peer.name or sender}（{sender}）已作废的旧密钥（指纹 {old.fingerprint}）"
                f"签名的；该密钥已于 {old.revoked_at:%Y-%m-%d %H:%M}（UTC）更换作废，"
                f"而这个包生成于 {made:%Y-%m-%d %H:%M}（UTC）。已拒绝。"
                if made is not None
                else f"{name} 是用 {sender} 已作废的旧密钥（指纹 {old.fingerprint}）签名的，"
                f"该密钥已于 {old.revoked_at:%Y-%m-%d %H:%M}（UTC）作废，包上没有生成时间。已拒绝。"
            )
    raise BundleError(f"{name} 的签名与 {sender} 的公钥不符，可能被伪造或改动，已拒绝。")


def open_bundle(db: Database, raw: RawBundle, private: PrivateKeys) -> OpenBundle:
    """Decrypt into a temporary file, check the archive, the manifest, the sender's
    signature and the schema; the caller closes what it gets (OpenBundle.close),
    and a bundle refused here leaves no file behind."""
    path = work_file(db)
    archive: zipfile.ZipFile | None = None
    try:
        _decrypt(raw, private, path)
        archive, infos = _open_archive(raw.name, path)
        opened = _checked(db, raw.name, archive, infos, path)
        opened.folder = raw.pieces[0][0].parent if raw.pieces else None
        return opened
    except BaseException:  # refused, or cancelled: nothing of it stays on disk
        if archive is not None:
            archive.close()
        discard(path)
        raise


def _checked(
    db: Database, name: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: Path
) -> OpenBundle:
    body = _read_small(archive, "manifest.json", name)
    try:
        signature = base64.b64decode(_read_small(archive, "manifest.sig", name), validate=True)
        manifest_value = json.loads(body)
    except (ValueError, binascii.Error) as exc:
        raise BundleError(f"{name} 的清单或签名不是有效的格式，已拒绝。") from exc
    manifest = check_manifest(name, manifest_value)
    me = office.current(db)
    if me is not None and manifest["sender"] == me.code:
        raise BundleError(f"{name} 是本单位自己发出的同步包，不能导入本单位。")
    _verify(db, name, manifest, body, signature)
    if me is None or manifest["recipient"] != me.code:
        raise BundleError(
            f"{name} 是发给 {manifest['recipient']} 的，不是本单位（{me.code if me else ''}）。"
        )
    if manifest["format"] != FORMAT:
        raise BundleError(f"{name} 的格式版本 {manifest['format']} 无法识别，请升级和谐台账。")
    if manifest.get("schema") not in REVISIONS:
        raise BundleError(
            f"{name} 由更新版本的和谐台账生成（结构 {str(manifest.get('schema'))[:40]}），"
            "请先升级本程序再导入。"
        )
    sizes = {i.filename: i.file_size for i in infos}
    names = set(sizes) - {"manifest.json", "manifest.sig"}
    declared = set(manifest["members"])
    if names != declared:
        raise BundleError(
            f"{name} 的成员与清单不符（多出：{'、'.join(sorted(names - declared)) or '无'}；"
            f"缺少：{'、'.join(sorted(declared - names)) or '无'}）。"
        )
    problems = Problems(name)
    opened = OpenBundle(name, manifest, archive, problems=problems, path=path)
    tables = record_tables()
    for member, info in manifest["members"].items():
        if "size" in info and info["size"] != sizes[member]:
            raise BundleError(f"{name} 的成员“{member}”大小与清单不符，已被改动。")
        if not MEMBER_NAME.fullmatch(member):
            problems.add(f"无法识别的成员“{member[:60]}”")
        elif member.startswith("records/"):
            table = member[len("records/") : -len(".jsonl")]
            if table in tables:
                opened.record_members[table] = member
            else:
                problems.add(f"未知的记录类型“{table}”")
        elif member.startswith("attachments/"):
            opened.attachment_members[member[len("attachments/") :]] = member
    return opened


def member_lines(bundle: OpenBundle, member: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of a JSON Lines member, read in blocks; its SHA-256 is
    checked at the end (a mismatch raises, and the merge's transaction rolls back)."""
    expected = bundle.manifest["members"][member]["sha256"]
    digest = hashlib.sha256()
    number = 0
    carry = b""
    try:
        with bundle.archive.open(member) as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
                block = carry + block
                cut = block.rfind(b"\n") + 1
                carry = block[cut:]
                if len(carry) > MAX_LINE_BYTES:
                    raise BundleError(
                        f"{bundle.name} 的“{member}”第 {number + 1} 行过长，不是有效的记录。整包未导入。"
                    )
                for line in block[:cut].decode("utf-8").split("\n")[:-1]:
                    number += 1
                    yield number, line
        if carry:
            yield number + 1, carry.decode("utf-8")
    except BundleError:
        raise
    except UnicodeDecodeError as exc:
        raise BundleError(f"{bundle.name} 的“{member}”不是 UTF-8 文本，整包未导入。") from exc
    except ZIP_ERRORS as exc:
        raise BundleError(
            f"{bundle.name} 的“{member}”已损坏（{exc}），请让对方重新发送。整包未导入。"
        ) from exc
    if digest.hexdigest() != expected:
        raise BundleError(f"{bundle.name} 的成员“{member}”校验不符，已被改动。整包未导入。")


def member_bytes(bundle: OpenBundle, member: str, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """A whole small member (an evidence file), its hash checked."""
    try:
        data = bundle.archive.read(member)
    except ZIP_ERRORS as exc:
        raise BundleError(f"{bundle.name} 的“{member}”已损坏（{exc}）。整包未导入。") from exc
    if len(data) > limit or sha(data) != bundle.manifest["members"][member]["sha256"]:
        raise BundleError(f"{bundle.name} 的成员“{member}”校验不符，已被改动。整包未导入。")
    return data
