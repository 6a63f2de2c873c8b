"""Which Chinese fonts printed forms use: the two bundled subsets (resources/fonts/),
so a form looks the same on every PC and its PDF text copies out as printed.

The bundled fonts have family names of their own and no glyph shared by two code
points (see tools/make_font_subset.py): with an installed Noto CJK, 用/工/人 had
copied out of our PDFs as the Kangxi radicals ⽤/⼯/⼈ and digits after Latin letters
not at all. A character outside GB 2312 (a rare name) falls back to an installed font.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from app.paths import resource_path

SERIF = ("SimSun", "宋体", "NSimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC")
SANS = ("SimHei", "黑体", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")
BODY_FILE = "HexieSerifSC-Regular.otf"
TITLE_FILE = "HexieSansSC-Bold.otf"


@cache
def _bundled(file_name: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file_name)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def _first_installed(candidates: tuple[str, ...]) -> str | None:
    installed = set(QFontDatabase.families())
    return next((name for name in candidates if name in installed), None)


@cache
def body_family() -> str:
    """The serif (宋体-like) family for text: the bundled one; an installed
    SimSun-like font only if the bundled file cannot be loaded."""
    return _bundled(BODY_FILE) or _first_installed(SERIF) or "serif"


@cache
def title_family() -> str:
    """The bold sans (黑体-like) family for titles and headings: the bundled one."""
    return _bundled(TITLE_FILE) or _first_installed(SANS) or body_family()
