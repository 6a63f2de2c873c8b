"""Checks every record type's rules share: dates not in the future, dates in
order, counts within a whole, telephone numbers.

The validators read a record as a mapping of its stored column names, whatever
door it came through: a dialog's input, a spreadsheet row, a JSON line of a
sync bundle (where dates are ISO text) or a row of the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from app.services.core.messages import N_, Label, Message

Problems = dict[str, Message]


def as_date(value: Any) -> date | None:
    """A date from a date, a datetime or ISO text (a bundle's JSON); None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def text(values: Mapping[str, Any], name: str) -> str:
    value = values.get(name)
    return value.strip() if isinstance(value, str) else ""


def add(errors: Problems, name: str, message: Message) -> None:
    """The first problem found for a field is the one shown beside it."""
    errors.setdefault(name, message)


def not_future(
    errors: Problems, values: Mapping[str, Any], name: str, label: Label, today: date
) -> None:
    day = as_date(values.get(name))
    if day is not None and day > today:
        add(
            errors,
            name,
            N_("{label} {day} 晚于今天（{today}），请核对。", label=label, day=day, today=today),
        )


def in_order(
    errors: Problems,
    values: Mapping[str, Any],
    first: str,
    first_label: Label,
    second: str,
    second_label: Label,
) -> None:
    """`second` may not come before `first` (the problem is put on `second`)."""
    a, b = as_date(values.get(first)), as_date(values.get(second))
    if a is not None and b is not None and b < a:
        add(
            errors,
            second,
            N_(
                "{second} {b} 早于{first} {a}，请核对。",
                second=second_label,
                b=b,
                first=first_label,
                a=a,
            ),
        )


def not_negative(errors: Problems, values: Mapping[str, Any], name: str, label: Label) -> None:
    n = as_int(values.get(name))
    if n is not None and n < 0:
        add(errors, name, N_("{label}不能为负数。", label=label))


def at_most(
    errors: Problems,
    values: Mapping[str, Any],
    part: str,
    part_label: Label,
    whole: str,
    whole_label: Label,
) -> None:
    """A count that is part of another (signed contracts of staff…) cannot exceed it."""
    p, w = as_int(values.get(part)), as_int(values.get(whole))
    if p is not None and w is not None and p > w:
        add(
            errors,
            part,
            N_(
                "{part} {p} 人，超过{whole} {w} 人，请核对。",
                part=part_label,
                p=p,
                whole=whole_label,
                w=w,
            ),
        )


# -- telephone numbers -----------------------------------------------------------------------
# Mobile numbers are 11 digits starting 13–19 (工业和信息化部《电信网编号计划》);
# a landline is the area code (0 + 2–3 digits) and a 7–8 digit local number;
# 400/800 service numbers are 10 digits. An extension may follow a landline.
_SPLIT = re.compile(r"[/／、,，;；]|或")
_PREFIX = re.compile(r"^(?:\+86|0086|\(\+?86\)|（\+?86）)[-\s]?")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_AREA_LOCAL = re.compile(
    r"^(?:[(（](0(?:[12]\d|[3-9]\d{2}))[)）]|(0(?:[12]\d|[3-9]\d{2})))[-\s—]?([2-9]\d{2,3}[-\s]?\d{4})"
    r"(?:\s*(?:转|分机|ext\.?|x|#|-|—)\s*(\d{1,6}))?$",
    re.IGNORECASE,
)
_LANDLINE_DIGITS = re.compile(r"^0(?:[12]\d|[3-9]\d{2})[2-9]\d{6,7}$")
_SERVICE = re.compile(r"^[48]00[-\s]?\d{3}[-\s]?\d{4}$")
_LOCAL_ONLY = re.compile(r"^[2-9]\d{2,3}[-\s]?\d{4}$")


def phone_problem(raw: str) -> Message | None:
    """None for one or more valid numbers ("0375-2345678转8001 / 13912345678")."""
    whole = raw.strip()
    if not whole:
        return None
    parts = [p.strip() for p in _SPLIT.split(whole) if p.strip()]
    if not parts:
        return _one_phone(whole)
    for part in parts:
        problem = _one_phone(part)
        if problem is not None:
            return problem
    return None


def _one_phone(part: str) -> Message | None:
    number = _PREFIX.sub("", part)
    digits = re.sub(r"[\s-]", "", number)
    if _MOBILE.match(digits) or _SERVICE.match(number):
        return None
    if _AREA_LOCAL.match(number) or _LANDLINE_DIGITS.match(digits):
        return None
    if digits.isdigit() and digits.startswith("1"):
        return N_("手机号码“{number}”是 {n} 位，应为 11 位，请核对。", number=part, n=len(digits))
    if _LOCAL_ONLY.match(number):
        return N_("座机号码“{number}”缺少区号，请写成 0375-2345678 这样带区号的号码。", number=part)
    return N_(
        "“{number}”不是电话号码：手机号为 11 位数字，座机写作 0375-2345678（可加“转”分机号）。",
        number=part,
    )
