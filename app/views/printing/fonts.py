"""Which Chinese fonts printed forms use: the office PC's own where it has them,
else the bundled Noto Serif SC subset, so text never falls back to empty boxes."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from app.paths import resource_path

SERIF = ("SimSun", "宋体", "NSimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC")
SANS = (
    "SimHei",
    "黑体",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
BUNDLED = "NotoSerifSC-Regular-GB2312.otf"


@cache
def _bundled_family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", BUNDLED)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def _first_installed(candidates: tuple[str, ...]) -> str | None:
    installed = set(QFontDatabase.families())
    return next((name for name in candidates if name in installed), None)


@cache
def body_family() -> str:
    """The serif (宋体-like) family for text: the bundled one, so forms look the same
    on every PC and their PDF text copies out right (system Noto CJK fonts map some
    glyphs to radicals, 页 → ⻚); an installed SimSun-like font if it cannot load."""
    return _bundled_family() or _first_installed(SERIF) or "serif"


@cache
def title_family() -> str:
    """The sans (黑体-like) family for titles; falls back to the body family in bold."""
    return _first_installed(SANS) or body_family()
