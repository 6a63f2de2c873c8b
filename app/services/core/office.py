"""The office this database belongs to: named once, at first start (or `hexie init`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.core import reference

if TYPE_CHECKING:  # the summary report reads the settings without it (report_figures.Settings)
    from app.models.db import Database

LEVELS = {"county": "县（市、区）", "city": "市"}


@dataclass(frozen=True)
class Office:
    code: str
    name: str
    level: str  # "county" or "city"

    @property
    def division_codes(self) -> list[str]:
        """The divisions whose enterprises this office keeps."""
        if self.level == "city":
            return [d.code for d in reference.divisions()]
        return [self.code]


class OfficeError(ValueError):
    """The office identity (division code, level, name) is invalid."""


def known_office_codes() -> dict[str, str]:
    return {
        reference.city().code: reference.city().name,
        **{d.code: d.name for d in reference.divisions()},
    }


def configure(db: Database, code: str, *, name: str = "", level: str = "") -> Office:
    code = code.strip()
    if not (len(code) == 6 and code.isdigit()):
        raise OfficeError(f"单位区划代码应为 6 位数字（GB/T 2260），如 410482；现为“{code}”。")
    level = level or ("city" if code.endswith("00") else "county")
    if level not in LEVELS:
        raise OfficeError("级别应为 county（县级）或 city（市级）。")
    if level == "city" and not code.endswith("00"):
        raise OfficeError(f"市级单位的区划代码应以 00 结尾，如 410400；现为“{code}”。")
    division = known_office_codes().get(code, "")
    name = name.strip() or (f"{division}协调劳动关系三方委员会办公室" if division else "")
    if not name:
        raise OfficeError("区划代码不在默认名单中，请同时填写单位名称。")
    db.set_settings({"office.code": code, "office.name": name, "office.level": level})
    return Office(code, name, level)


@dataclass(frozen=True)
class Letterhead:
    """What heads the office's official documents (GB/T 9704-2012 §7.2): the
    issuing-authority mark (发文机关标志, e.g. 汝州市协调劳动关系三方委员会办公室文件)
    and the 机关代字 of its document numbers (汝协三办 → 汝协三办〔2023〕5号).
    Empty mark: the documents have no red header band at all."""

    mark: str = ""
    number_prefix: str = ""

    def number(self, year: int, serial: str = "") -> str:
        """机关代字〔年份〕序号号; the serial left blank to be filled in."""
        if not self.number_prefix:
            return ""
        return f"{self.number_prefix}〔{year}〕{serial or '　'}号"


def letterhead(db: Database) -> Letterhead:
    return Letterhead(db.get_setting("office.mark"), db.get_setting("office.number_prefix"))


def set_letterhead(db: Database, head: Letterhead) -> None:
    db.set_settings(
        {"office.mark": head.mark.strip(), "office.number_prefix": head.number_prefix.strip()}
    )


def current(db: Database) -> Office | None:
    code = db.get_setting("office.code")
    if not code:
        return None
    return Office(code, db.get_setting("office.name"), db.get_setting("office.level", "county"))


def office_name(db: Database) -> str:
    """The office's name as printed on its forms and seals; empty before it is set."""
    o = current(db)
    return o.name if o else ""
