"""GB 32100-2015 unified social credit code (统一社会信用代码) checks.

python-stdnum's `uscc.validate` rejects valid codes whose first 8 characters are
not all digits (codes issued by N 农业, A, Y 其他 departments), so the format
rules of GB 32100 are applied here (docs/law.md, "Identifiers and divisions"); the check character is the
same calculation as stdnum's `calc_check_digit`, which a test holds it to.
"""

from __future__ import annotations

import re
import unicodedata

from app.services.core.messages import N_, Message

# 31 symbols: digits and capitals without I, O, Z, S, V (GB 32100 §4.1).
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_REGISTRARS = set("123456789ANY")
_SHAPE = re.compile(rf"^[{_ALPHABET}]{{18}}$")
_FAST_SHAPE = re.compile(rf"^[1-9ANY][{_ALPHABET}]\d{{6}}[{_ALPHABET}]{{10}}$")


def normalize(raw: object) -> str:
    """Text as typed or imported: full-width characters folded, spaces removed."""
    text = unicodedata.normalize("NFKC", str(raw or ""))
    return re.sub(r"\s+", "", text)


def canonical(raw: object) -> str:
    """The form a code is stored and looked up in: normalized, letters in capitals."""
    return normalize(raw).upper()


_VALUES = {c: i for i, c in enumerate(_ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3^i mod 31


def check_character(first17: str) -> str:
    """GB 32100 check character (ISO 7064 MOD 31-3), the same as stdnum's
    calc_check_digit (tests compare the two), without its per-call overhead:
    an import checks 100,000 codes."""
    total = sum(_VALUES[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> Message | None:
    """Why `code` is not a valid credit code, in words a coordinator can act on; None if valid."""
    if _FAST_SHAPE.match(code) and code[17] == check_character(code[:17]):
        return None
    if not code:
        return N_("请填写统一社会信用代码（18 位）。")
    if any(c.islower() for c in code):
        return N_("信用代码中的字母应为大写，请改为大写后再保存。")
    if len(code) != 18:
        return N_("统一社会信用代码应为 18 位，现为 {n} 位。", n=len(code))
    bad = sorted({c for c in code if c not in _ALPHABET})
    if bad:
        return N_(
            "信用代码含有不允许的字符：{chars}。代码只用数字和大写字母，且不含 I、O、Z、S、V。",
            chars=bad,
        )
    assert _SHAPE.match(code)
    if code[0] not in _REGISTRARS:
        return N_("第 1 位登记管理部门代码“{first}”无效（应为 1–9、A、N 或 Y）。", first=code[0])
    if not code[2:8].isdigit():
        return N_("第 3–8 位应为 6 位数字的行政区划代码。")
    expected = check_character(code[:17])
    if code[17] != expected:
        return N_(
            "校验位不符：最后一位应为“{expected}”，现为“{actual}”。请核对代码是否抄错。",
            expected=expected,
            actual=code[17],
        )
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None
