"""GB 11643-1999 resident ID numbers: check, mask, and read birth date and sex.

Only the check character (ISO 7064 MOD 11-2, python-stdnum's calc_check_digit)
and the birth date are checked: stdnum's full validate() also requires the
address code to have existed in the birth year, which wrongly rejects real
Pingdingshan numbers (docs/law.md, "Identifiers and divisions"). Full numbers are never stored or shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_SHAPE = re.compile(r"^\d{17}[\dX]$")


@dataclass(frozen=True)
class IdInfo:
    masked: str
    problem: str  # empty when the number checks out
    birth_date: date | None
    gender: str  # 男 / 女 / ""


def mask(number: str) -> str:
    number = number.strip().upper()
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def read(raw: object) -> IdInfo:
    number = re.sub(r"\s+", "", str(raw or "")).upper()
    if not number:
        return IdInfo("", "", None, "")
    masked = mask(number)
    if not _SHAPE.match(number):
        return IdInfo(masked, "身份证号码应为18位（最后一位可为X）", None, "")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return IdInfo(masked, "身份证号码中的出生日期无效", None, "")
    gender = "男" if int(number[16]) % 2 else "女"
    # Imported here: stdnum (with pydoc) is a hundredth of a second of every command
    # that imports the layoff services without reading an ID number (the report).
    from stdnum.cn import ric

    if ric.calc_check_digit(number) != number[17]:
        return IdInfo(masked, "身份证号码校验位不符，请核对是否抄错", birth, gender)
    return IdInfo(masked, "", birth, gender)
