"""Finding the bundles among the files and folders given: whole files, and parts
joined in any order, each part checked against its hash and the joined whole
against the total's (README.md, 同步包). Only the parts' headers are read here;
the rest is read a block at a time, so nothing of a bundle is held in memory
(bundle_stream)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.sync.bundle_format import PART_MAGIC, BundleError
from app.services.sync.bundle_stream import blocks


@dataclass
class RawBundle:
    """An encrypted bundle as it lies on disk: a whole file, or the chunks of its
    parts after their headers (file, offset, length), joined in order. Never
    read whole into memory (bundle_stream)."""

    name: str
    pieces: list[tuple[Path, int, int]]


# The names this program gives what it writes (bundle_export, bundle_receipts):
# `<sender>至<recipient>-<time>-<seq>.hexie[.partNofM]` and
# `<writer>-回执-<time>-<addressee>.hexie[.partNofM]`.
_BUNDLE_NAME = re.compile(r"(\d{6})至(\d{6})-")
_RECEIPT_NAME = re.compile(r"(\d{6})-回执-\d+-(\d{6})\.hexie")


def not_for(name: str, own: str) -> bool:
    """Whether a file's name says it is not for office `own`: a bundle or receipt it
    wrote itself, or one addressed to another office. Receipts are written beside
    the bundles they answer and a city's bundles to several counties may share a
    folder (README, 同步包), so a folder holds such files; they are encrypted to
    another office and would refuse the whole import. A renamed file is read."""
    found = _BUNDLE_NAME.match(name) or _RECEIPT_NAME.match(name)
    if not own or found is None:
        return False
    writer, addressee = found.groups()
    return writer == own or addressee != own


def _files_in(
    paths: list[str | Path], own: str = "", skipped: list[str] | None = None
) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        try:
            if p.is_dir():
                for x in sorted(p.iterdir()):
                    if ".hexie" not in x.name or not x.is_file():
                        continue
                    if not_for(x.name, own):
                        if skipped is not None:
                            skipped.append(x.name)
                        continue
                    files.append(x)
            elif p.exists():
                files.append(p)
            else:
                raise BundleError(f"找不到文件：{p}")
        except OSError as exc:
            raise BundleError(f"无法打开 {p}：{exc.strerror or exc}。请检查文件夹的权限。") from exc
    return files


def _part_header(name: str, head: bytes) -> dict[str, Any]:
    try:
        info = json.loads(head)
    except ValueError as exc:
        raise BundleError(f"{name} 不是完整的分卷文件。") from exc
    ok = (
        isinstance(info, dict)
        and isinstance(info.get("bundle"), str)
        and all(type(info.get(k)) is int for k in ("part", "parts"))
        and 1 <= info["part"] <= info["parts"] <= 10_000
        and all(isinstance(info.get(k), str) for k in ("sha256", "total_sha256"))
    )
    if not ok:
        raise BundleError(f"{name} 的分卷信息不完整或已损坏，请让对方重新发送这一卷。")
    return info


def _head(f: Path) -> tuple[dict[str, Any] | None, int, int]:
    """(part header or None for a whole bundle, where its bytes begin, the file's size)."""
    try:
        with open(f, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            if source.read(len(PART_MAGIC)) != PART_MAGIC:
                return None, 0, size
            head = source.readline(64 * 1024)
            if not head.endswith(b"\n"):
                raise BundleError(f"{f.name} 不是完整的分卷文件。")
            return _part_header(f.name, head), source.tell(), size
    except OSError as exc:
        raise BundleError(f"无法读取 {f}：{exc.strerror or exc}。") from exc


def _sha_of(pieces: list[tuple[Path, int, int]], name: str) -> str:
    digest = hashlib.sha256()
    try:
        for path, start, length in pieces:
            for block in blocks(path, start, length):
                digest.update(block)
    except OSError as exc:
        raise BundleError(f"无法读取 {name}：{exc.strerror or exc}。") from exc
    return digest.hexdigest()


def collect(
    paths: list[str | Path], own: str = "", skipped: list[str] | None = None
) -> list[RawBundle]:
    """Bundle files and folders → whole bundles, parts joined in any order. Parts
    are checked against their hashes here, reading a block at a time. In a folder,
    the files whose names say they are not for office `own` are left out (not_for)
    and their names added to `skipped`; a file named on its own is always read."""
    whole: list[RawBundle] = []
    parts: dict[str, dict[int, tuple[dict[str, Any], tuple[Path, int, int]]]] = defaultdict(dict)
    for f in _files_in(paths, own, skipped):
        info, start, size = _head(f)
        if info is None:
            whole.append(RawBundle(f.name, [(f, 0, size)]))
            continue
        piece = (f, start, size - start)
        if _sha_of([piece], f.name) != info["sha256"]:
            raise BundleError(f"分卷 {f.name} 已损坏（可能下载不完整）：请让对方重新发送这一卷。")
        got = parts[info["bundle"]]
        first = next(iter(got.values()), None)
        if first and (first[0]["parts"], first[0]["total_sha256"]) != (
            info["parts"],
            info["total_sha256"],
        ):
            raise BundleError(
                f"{f.name} 与同名同步包的其他分卷不是同一次导出的：请只放入同一次导出的全部分卷。"
            )
        got[info["part"]] = (info, piece)  # the same part twice (a copy) is harmless
    for name, got in parts.items():
        total = next(iter(got.values()))[0]["parts"]
        missing = [str(n) for n in range(1, total + 1) if n not in got]
        if missing:
            raise BundleError(
                f"同步包 {name} 共 {total} 卷，缺少第 {'、'.join(missing)} 卷：请把所有分卷放在一起再导入。"
            )
        pieces = [got[n][1] for n in range(1, total + 1)]
        if _sha_of(pieces, name) != got[1][0]["total_sha256"]:
            raise BundleError(f"同步包 {name} 的分卷拼合后校验不符，请让对方重新发送。")
        whole.append(RawBundle(name, pieces))
    return whole
