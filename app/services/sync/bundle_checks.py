"""Checking what a bundle says before anything of it is believed: the manifest's
fields and types, and every record line — a JSON object, known fields of the
right type, dates that are dates, file names that choose no path (README.md, 同步包:
a malformed bundle is a rejection, never a traceback).

Checks run on every line of every bundle, so they are cheap: a record's field
names and value types form a signature, and a signature already found good is
not examined again; only ids, numbers' ranges, dates and file names are looked
at per record.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, String, Table, Text

from app.services import record_rules as validation
from app.services.core.record_files import name_problem
from app.services.sync.bundle_format import BundleError

RECORD_ID = re.compile(r"[0-9A-Za-z_-]{1,32}")
BUNDLE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
OFFICE_CODE = re.compile(r"[0-9]{6}")
SHA256 = re.compile(r"[0-9a-f]{64}")
MEMBER_NAME = re.compile(r"(records/[a-z_]{1,40}\.jsonl|attachments/[0-9a-f]{64}|summary\.xlsx)")
SQLITE_INT = 2**63 - 1
# Sync fields a record cannot travel without: who owns it, which version it is.
REQUIRED_SYNC = ("id", "version", "origin_office", "deleted")


def _is_int(value: Any) -> bool:
    return type(value) is int


def _expect(manifest: dict[str, Any], key: str, kind: str, name: str, *, required: bool) -> None:
    if key not in manifest:
        if required:
            raise BundleError(f"{name} 的清单缺少“{key}”，不是有效的同步包，已拒绝。")
        return
    value = manifest[key]
    ok = {
        "int": _is_int(value) and 0 <= value <= SQLITE_INT,
        "str": isinstance(value, str),
        "bool": isinstance(value, bool),
        "dict": isinstance(value, dict),
    }[kind]
    if not ok:
        raise BundleError(f"{name} 的清单中“{key}”的值不对（{str(value)[:40]}），已拒绝。")


def check_manifest(name: str, manifest: Any) -> dict[str, Any]:
    """The manifest's fields, each of the right type; BundleError saying which is not."""
    if not isinstance(manifest, dict):
        raise BundleError(f"{name} 的清单不是有效的格式（应为 JSON 对象），已拒绝。")
    for key, kind in (
        ("format", "int"),
        ("kind", "str"),
        ("bundle_id", "str"),
        ("sender", "str"),
        ("recipient", "str"),
        ("sequence", "int"),
        ("members", "dict"),
    ):
        _expect(manifest, key, kind, name, required=True)
    for key, kind in (
        ("schema", "str"),
        ("app_version", "str"),
        ("sender_name", "str"),
        ("created", "str"),
        ("previous_hash", "str"),
        ("full", "bool"),
        ("since_seq", "int"),
        ("upto_seq", "int"),
        ("acknowledged_seq", "int"),
        ("counts", "dict"),
    ):
        _expect(manifest, key, kind, name, required=False)
    if manifest["kind"] not in ("data", "receipt"):
        raise BundleError(f"{name} 的类型“{manifest['kind'][:20]}”无法识别，已拒绝。")
    if not BUNDLE_ID.fullmatch(manifest["bundle_id"]):
        raise BundleError(f"{name} 的编号不是有效的格式，已拒绝。")
    for key in ("sender", "recipient"):
        if not OFFICE_CODE.fullmatch(manifest[key]):
            raise BundleError(
                f"{name} 的{'发送' if key == 'sender' else '接收'}单位代码“{manifest[key][:20]}”"
                "不是 6 位区划代码，已拒绝。"
            )
    if manifest.get("created"):
        try:
            datetime.fromisoformat(manifest["created"])
        except ValueError as exc:
            raise BundleError(f"{name} 的生成时间无法识别，已拒绝。") from exc
    for member, info in manifest["members"].items():
        if not isinstance(info, dict) or not isinstance(info.get("sha256"), str):
            raise BundleError(f"{name} 的清单中成员“{str(member)[:60]}”缺少校验值，已拒绝。")
        if "size" in info and not (_is_int(info["size"]) and info["size"] >= 0):
            raise BundleError(f"{name} 的清单中成员“{str(member)[:60]}”的大小不对，已拒绝。")
    return manifest


def created_at(manifest: dict[str, Any]) -> datetime | None:
    """When the sender says it made the bundle (UTC), if it says."""
    text = manifest.get("created") or ""
    if not text:
        return None
    value = datetime.fromisoformat(text)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


# -- record lines ------------------------------------------------------------------------------


def _kind(column: Any) -> str:
    t = column.type
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Float | Numeric):
        return "float"
    if isinstance(t, String | Text):
        return "str"
    return "any"


_TYPES: dict[str, tuple[type, ...]] = {
    "datetime": (str,),
    "date": (str,),
    "bool": (bool,),
    "int": (int,),
    "float": (int, float),
    "str": (str,),
}


@dataclass(frozen=True)
class _Plan:
    ints: list[str]
    floats: list[str]
    dates: list[str]
    datetimes: list[str]
    json: list[tuple[str, str]]


class RowChecker:
    """Checks record lines of one table; problems come back as short phrases."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = {c.name: c for c in table.c}
        self.kinds = {c.name: _kind(c) for c in table.c}
        self.required = {
            c.name for c in table.c if not c.nullable and c.default is None and c.name != "id"
        } | set(REQUIRED_SYNC)
        self.required.discard("change_seq")
        self.json_columns = {
            c.name: c.default.arg if c.default is not None else ""  # type: ignore[attr-defined]
            for c in table.c
            if c.name.endswith("_json")
        }
        # signature (field names, value types) found good → the fields whose values
        # still need a look (numbers' ranges, dates, JSON text), None values left out
        self.good: dict[tuple[tuple[str, ...], tuple[type, ...]], _Plan] = {}
        self.files = table.name == "attachment"
        self.rules = validation.rules_for(table.name)
        self.today = date.today()

    def _plan(self, row: dict[str, Any]) -> _Plan:
        present = [k for k, v in row.items() if v is not None]
        return _Plan(
            ints=[k for k in present if self.kinds[k] == "int" and k != "version"],
            floats=[k for k in present if self.kinds[k] == "float"],
            dates=[k for k in present if self.kinds[k] == "date"],
            datetimes=[k for k in present if self.kinds[k] == "datetime"],
            json=[(k, self.json_columns[k]) for k in present if k in self.json_columns],
        )

    def _signature_problems(self, row: dict[str, Any]) -> list[str]:
        problems = []
        unknown = [k for k in row if k not in self.columns]
        if unknown:
            problems.append(f"有未知字段：{'、'.join(sorted(str(k) for k in unknown)[:5])}")
        missing = sorted(self.required - set(row))
        if missing:
            problems.append(f"缺少字段：{'、'.join(missing[:5])}")
        for key, value in row.items():
            kind = self.kinds.get(key)
            if kind is None or kind == "any":
                continue
            if value is None:
                if not self.columns[key].nullable:
                    problems.append(f"字段 {key} 不能为空")
                continue
            if type(value) not in _TYPES[kind] or (kind == "int" and type(value) is bool):
                problems.append(f"字段 {key} 的类型不对（应为{_KIND_NAMES[kind]}）")
        return problems

    def check(self, row: Any) -> list[str]:
        if type(row) is not dict:
            return ["不是一条记录（应为 JSON 对象）"]
        signature = (tuple(row), tuple(map(type, row.values())))
        plan = self.good.get(signature)
        if plan is None:
            problems = self._signature_problems(row)
            if problems:
                return problems
            plan = self.good[signature] = self._plan(row)
        problems = []
        record_id, owner = row["id"], row["origin_office"]
        # The usual shapes first (a UUID's 32 letters and digits, six digits), cheaply.
        if not (
            len(record_id) == 32 and record_id.isascii() and record_id.isalnum()
        ) and not RECORD_ID.fullmatch(record_id):
            problems.append("编号（id）不是有效的格式")
        if not 1 <= row["version"] <= SQLITE_INT:
            problems.append("版本号应为正整数")
        if not (len(owner) == 6 and owner.isascii() and owner.isdigit()):
            problems.append("所属单位代码不是 6 位区划代码")
        for name in plan.ints:
            if not -SQLITE_INT <= row[name] <= SQLITE_INT:
                problems.append(f"字段 {name} 的数值超出范围")
        for name in plan.floats:
            if not math.isfinite(row[name]):
                problems.append(f"字段 {name} 不是有限的数")
        for name in plan.dates:
            value = row[name]
            try:
                date.fromisoformat(value)
                if len(value) != 10:
                    raise ValueError(value)
            except ValueError:
                problems.append(f"字段 {name} 不是有效的日期（{value[:30]}）")
        for name in plan.datetimes:
            value = row[name]
            try:
                if datetime.fromisoformat(value).tzinfo is not None:
                    raise ValueError(value)
            except ValueError:
                problems.append(f"字段 {name} 不是有效的时间（{value[:30]}）")
        for name, default in plan.json:
            if row[name]:
                problems += _json_problems(name, row[name], default)
        if self.files:
            problems += _file_problems(row)
        if not problems and self.rules is not None and not row.get("deleted"):
            # The entry rules every door shares (app/services/validation), per record.
            # Named so the sending office can find the record to correct.
            label = (
                f"“{row['name']}”（编号 {row['id']}）" if row.get("name") else f"编号 {row['id']}"
            )
            problems += [f"{label}{m}" for m in self.rules(row, today=self.today).values()]
        return problems


_KIND_NAMES = {
    "datetime": "时间文本",
    "date": "日期文本",
    "bool": "true/false",
    "int": "整数",
    "float": "数字",
    "str": "文本",
}


def _json_problems(name: str, text: str, default: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        return [f"字段 {name} 不是有效的 JSON"]
    expected = {"[]": list, "{}": dict}.get(default)
    if expected is not None and not isinstance(value, expected):
        return [f"字段 {name} 应为{'列表' if expected is list else '对象'}"]
    if name == "files_json":
        problems = []
        for entry in value:
            if not isinstance(entry, dict):
                problems.append("文件列表中有一项不是对象")
                continue
            problems += _file_problems(entry)
        return problems
    return []


def _file_problems(entry: dict[str, Any]) -> list[str]:
    """A file description from another office: names that choose no path, a real hash."""
    problems = []
    why = name_problem(entry.get("file_name"), path=False)
    if why:
        problems.append(f"文件名“{str(entry.get('file_name'))[:60]}”{why}")
    why = name_problem(entry.get("stored_name"), path=True)
    if why:
        problems.append(f"存放位置“{str(entry.get('stored_name'))[:60]}”{why}")
    if not isinstance(entry.get("sha256"), str) or not SHA256.fullmatch(entry["sha256"]):
        problems.append("文件的 SHA-256 不是有效的格式")
    return problems


def has_surrogate_escape(line: str) -> bool:
    """A \\ud800-style escape decodes to a lone surrogate, which SQLite cannot store.
    Our own encoder writes Chinese as it is, so escapes are rare and the cheap test
    runs first."""
    return "\\u" in line and re.search(r"\\u[dD][89a-fA-F]", line) is not None


def lone_surrogates(row: dict[str, Any]) -> bool:
    for value in row.values():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


class Problems:
    """Problems found in one bundle, grouped by table and phrase with their line
    numbers, so ten thousand lines missing one field are one line of the message
    and one bad line among them is still shown (README.md, 同步包)."""

    LIMIT = 20

    def __init__(self, name: str) -> None:
        self.name = name
        self.general: list[str] = []
        self.by_phrase: dict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, text: str) -> None:
        if text not in self.general:
            self.general.append(text)

    def line(self, table: str, number: int, phrases: list[str]) -> None:
        for phrase in phrases:
            self.by_phrase[(table, phrase)].append(number)

    def __bool__(self) -> bool:
        return bool(self.general or self.by_phrase)

    def lines(self) -> list[str]:
        from app.services.core.stats import RECORD_TYPE_NAMES

        out = list(self.general)
        for (table, phrase), numbers in self.by_phrase.items():
            shown = "、".join(str(n) for n in numbers[:5])
            more = f"等 {len(numbers)} 行" if len(numbers) > 5 else "行"
            out.append(f"{RECORD_TYPE_NAMES.get(table, table)} 第 {shown} {more}{phrase}")
        return out

    def error(self) -> BundleError:
        found = self.lines()
        shown = found[: self.LIMIT] + ([f"……共 {len(found)} 处"] if len(found) > self.LIMIT else [])
        return BundleError(
            f"{self.name} 有以下问题，整包未导入（数据库没有任何改动）：\n" + "\n".join(shown)
        )
