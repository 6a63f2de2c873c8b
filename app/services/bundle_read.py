"""Reading sync bundles: files, folders and parts joined in any order, then
decrypted and checked — sender, signature, recipient, format, schema, hashes,
member paths and sizes, every JSON line — before anything is written."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models import PeerKey
from app.models.db import Database
from app.models.migrate import REVISIONS
from app.services import office, validation
from app.services.bundle_format import (
    FORMAT,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    PART_MAGIC,
    BundleError,
    record_tables,
    sha,
)
from app.services.keys import PrivateKeys

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
            if sha(chunk) != info["sha256"]:
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
        if sha(data) != got[1][0]["total_sha256"]:
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
    tables = record_tables()
    problems: list[str] = []
    broken_rules: list[str] = []  # listed after the problems of form
    for name, info in manifest["members"].items():
        data = archive.read(name)
        if sha(data) != info["sha256"]:
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
            # The entry rules every door shares (app/services/validation), per record.
            broken_rules.extend(
                f"{table_name} 第 {n} 行（{row.get('id', '')}）：{reason}"
                for reason in validation.row_problems(table_name, row)
            )
            rows.append(row)
        records[table_name] = rows
    problems += broken_rules
    if problems:
        shown = problems[:20] + ([f"……共 {len(problems)} 处"] if len(problems) > 20 else [])
        raise BundleError(f"{raw.name} 有以下问题，整包未导入：\n" + "\n".join(shown))
    return OpenBundle(raw.name, manifest, records, files)
