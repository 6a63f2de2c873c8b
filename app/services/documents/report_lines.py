"""The lines and runs of the summary report's Word file (GB/T 9704-2012): the type
sizes, the 22-line grid of 28 characters, and the helpers that set a paragraph on
that grid and a run in its font. report_head (head and sign-off) and report_docx
(the page and the body) both lay text out with them, so they sit below both."""

from __future__ import annotations

from copy import deepcopy
from functools import cache
from typing import Any

from app.services.documents.docx_render import set_run_font

MM_PER_PT = 25.4 / 72
BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NO_PT = 14.0  # 4号
TABLE_PT = 12.0  # 小4, so a county table of seven columns fits the block
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines
LINE_PITCH_TWIPS = 579
# 28 characters of 16 pt are 158 mm, 2 mm more than the block: each character is
# set 0.25 pt tighter (w:spacing −5 twentieths), giving 28 × 15.75 pt = 155.6 mm.
# Word's character grid would do the same, but LibreOffice and WPS read it differently.
CHAR_TIGHTEN_TWIPS = -5
TEXT_WIDTH_MM = 156.0
RED = "FF0000"


def oxml(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


def set_ppr(paragraph: Any, tag: str, **attrs: str) -> Any:
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    old = ppr.find(qn(tag))
    if old is not None:
        ppr.remove(old)
    el = oxml(tag, **attrs)
    ppr.append(el)
    return el


def grid_line(paragraph: Any, pitch_pt: float = LINE_PITCH_PT) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if len(ppr):  # a paragraph with other properties: python-docx places the spacing
        _grid_format(paragraph.paragraph_format, pitch_pt)
    else:  # a new paragraph: the spacing python-docx makes, made once (issue 17)
        ppr.append(deepcopy(_grid_spacing(pitch_pt)))


def _grid_format(fmt: Any, pitch_pt: float) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


@cache
def _grid_spacing(pitch_pt: float) -> Any:
    """The w:spacing _grid_format gives a paragraph that had no properties."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    p = Paragraph(OxmlElement("w:p"), None)
    _grid_format(p.paragraph_format, pitch_pt)
    (spacing,) = p._p.pPr
    return spacing


def add_run(
    paragraph: Any, text: str, font: str, size: float, *, bold: bool = False, color: str = ""
) -> Any:
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    # The run's properties made once per font, size and weight through python-docx
    # and copied (the same XML; python-docx walks its schema for each one: issue 17).
    run._element.insert(0, deepcopy(_run_properties(font, size, bold)))
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    return run


@cache
def _run_properties(font: str, size: float, bold: bool) -> Any:
    """The w:rPr set_run_font (and the tighter spacing of body text) gives a new run."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    run = Paragraph(OxmlElement("w:p"), None).add_run()
    set_run_font(run, font, size, bold)
    if size == BODY_PT:
        run._element.get_or_add_rPr().append(
            oxml("w:spacing", **{"w:val": str(CHAR_TIGHTEN_TWIPS)})
        )
    return run._element.rPr


def body_paragraph(word: Any, text: str, fonts: dict[str, str], *, indent_chars: int = 2) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = word.add_paragraph()
    grid_line(p)
    if indent_chars:
        p.paragraph_format.first_line_indent = Pt(BODY_PT * indent_chars)
        ind = set_ppr(
            p,
            "w:ind",
            **{
                "w:firstLineChars": str(indent_chars * 100),
                "w:firstLine": str(int(BODY_PT * indent_chars * 20)),
            },
        )
        del ind
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # 两端对齐
    p.paragraph_format.widow_control = True
    add_run(p, text, fonts["body"], BODY_PT)
    return p
