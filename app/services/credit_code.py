"""GB 32100-2015 unified social credit code (统一社会信用代码) checks.

python-stdnum's `uscc.validate` rejects valid codes whose first 8 characters are
not all digits (codes issued by N 农业, A, Y 其他 departments), so we use only
its check-character calculation and apply the format rules of GB 32100 here
(DOMAIN.md §7).
"""

from __future__ import annotations

import re
import unicodedata

from stdnum.cn import uscc

# 31 symbols: digits and capitals without I, O, Z, S, V (GB 32100 §4.1).
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_REGISTRARS = set("123456789ANY")
_SHAPE = re.compile(rf"^[{_ALPHABET}]{{18}}$")


def normalize(raw: object) -> str:
    """Text as typed or imported: full-width characters folded, spaces removed."""
    text = unicodedata.normalize("NFKC", str(raw or ""))
    return re.sub(r"\s+", "", text)


def check_character(first17: str) -> str:
    return str(uscc.calc_check_digit(first17))


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code, in words a coordinator can act on; None if valid."""
    if not code:
        return "请填写统一社会信用代码（18 位）。"
    if any(c.islower() for c in code):
        return "信用代码中的字母应为大写，请改为大写后再保存。"
    if len(code) != 18:
        return f"统一社会信用代码应为 18 位，现为 {len(code)} 位。"
    bad = sorted({c for c in code if c not in _ALPHABET})
    if bad:
        return (
            f"信用代码含有不允许的字符：{'、'.join(bad)}。"
            "代码只用数字和大写字母，且不含 I、O、Z、S、V。"
        )
    assert _SHAPE.match(code)
    if code[0] not in _REGISTRARS:
        return f"第 1 位登记管理部门代码“{code[0]}”无效（应为 1–9、A、N 或 Y）。"
    if not code[2:8].isdigit():
        return "第 3–8 位应为 6 位数字的行政区划代码。"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"校验位不符：最后一位应为“{expected}”，现为“{code[17]}”。请核对代码是否抄错。"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None
