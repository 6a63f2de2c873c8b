"""Rebuild the bundled fonts in resources/fonts/ from the system's Noto CJK fonts.

apt-get install fonts-noto-cjk && pip install fonttools && python tools/make_font_subset.py

Two fonts come out: Hexie Serif SC (text, from Noto Serif CJK SC Regular) and Hexie
Sans SC Bold (titles, from Noto Sans CJK SC Bold), each cut down to GB 2312, ASCII,
CJK punctuation and full-width forms. What makes a PDF's text layer right:

- A family name of their own. Named "Noto Serif CJK SC" the subset loses to an installed
  Noto CJK of the same name, and the full fonts map each Kangxi radical to the glyph of
  its ideograph (⽤ U+2F64 and 用 U+7528 are one glyph). Qt's PDF writer names each glyph
  by the lowest code point that maps to it, so 用 copied out of the PDF as ⽤ and a
  search for 劳动用工 failed. The subsets hold no radicals: every glyph has one code point.
- No GSUB features. Noto CJK's `locl` swaps digits after Latin letters for glyphs that
  no code point maps to, so "F23456789" and a credit code in a table cell copied out
  with their digits missing. Chinese print needs no substitution; kerning (GPOS) stays.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/opentype/noto")
# (source collection, font number of the SC face, family, style, PostScript name, output)
FONTS = (
    (
        NOTO / "NotoSerifCJK-Regular.ttc",
        2,
        "Hexie Serif SC",
        "Regular",
        "HexieSerifSC-Regular",
        "HexieSerifSC-Regular.otf",
    ),
    (
        NOTO / "NotoSansCJK-Bold.ttc",
        2,
        "Hexie Sans SC",
        "Bold",
        "HexieSansSC-Bold",
        "HexieSansSC-Bold.otf",
    ),
)


def characters() -> str:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF00, 0xFFF0)}
    chars |= set("—–…‘’“”·※√×〔〕□■○●△▲☑")
    # Glyphs the fonts share with another code point: 〜 is drawn as ～, ・ and • as ·.
    chars -= set("〜・•")
    return "".join(sorted(chars))


def _rename(font: object, family: str, style: str, postscript: str) -> None:
    names = font["name"]  # type: ignore[index]
    full = f"{family} {style}" if style != "Regular" else family
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    values = {1: family, 2: style, 3: f"{postscript};Hexie Desk subset", 4: full, 6: postscript}
    for name_id, value in values.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    cff = font.get("CFF ")  # type: ignore[attr-defined]
    if cff is not None:
        cff.cff.fontNames = [postscript]


def make(source: Path, number: int, family: str, style: str, postscript: str, out: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["kern"]  # no GSUB: see the module's docstring
    options.name_IDs = ["*"]
    options.font_number = number
    font = TTFont(str(source), fontNumber=number)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    _rename(font, family, style, postscript)
    font.save(str(out))


def main() -> int:
    for source, number, family, style, postscript, name in FONTS:
        make(source, number, family, style, postscript, FONTS_DIR / name)
        print(f"{FONTS_DIR / name}")
    return 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        sys.exit(main())
