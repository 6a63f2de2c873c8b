"""OOXML details python-docx does not cover: East-Asian run fonts, fields (PAGE,
NUMPAGES), rows that repeat or never split, keep-with-next on rows and tables,
column widths every word processor honours."""

from __future__ import annotations

from copy import deepcopy
from functools import cache
from typing import Any

BODY_FONT = "宋体"


def set_run_font(
    run: Any, name: str, size_pt: float | None = None, bold: bool | None = None
) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    if bold is not None:
        run.font.bold = bold


@cache
def run_properties(name: str, size_pt: float | None = None, bold: bool | None = None) -> Any:
    """A run's w:rPr as set_run_font makes it, made once per font, size and weight
    (callers put a deep copy in each run)."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    run = Paragraph(OxmlElement("w:p"), None).add_run()
    set_run_font(run, name, size_pt, bold)
    return run._element.rPr


@cache
def empty_run(font: str, size: float, bold: bool) -> Any:
    """A w:r holding only its properties, as paragraph.add_r() and a copy of
    run_properties make it (made once per font, size and weight)."""
    from docx.oxml import OxmlElement

    run = OxmlElement("w:p").add_r()
    run.append(deepcopy(run_properties(font, size, bold)))
    return run


@cache
def text_run(font: str, size: float, bold: bool) -> Any:
    """empty_run with an empty w:t, as CT_R.add_t adds it."""
    run = deepcopy(empty_run(font, size, bold))
    run._add_t()
    return run


@cache
def centred() -> Any:
    """The w:vAlign python-docx writes for a vertically centred cell (made once)."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.oxml import OxmlElement

    properties = OxmlElement("w:tcPr")
    properties.vAlign_val = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return properties.vAlign


def set_cell_paragraph(paragraph: Any, align: str) -> None:
    """A table cell's paragraph: centred or left, no space after."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    )
    paragraph.paragraph_format.space_after = 0


@cache
def cell_paragraph_properties(align: str) -> Any:
    """The w:pPr set_cell_paragraph gives a new cell's paragraph, made once per alignment."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(OxmlElement("w:p"), None)
    set_cell_paragraph(paragraph, align)
    return paragraph._p.pPr


def add_field(paragraph: Any, instruction: str, font: str = BODY_FONT, size_pt: float = 9) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and WPS fill in when they lay out pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        set_run_font(run, font, size_pt)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._element.append(instr)
        else:
            run.text = text or ""


def repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def keep_row_together(row: Any) -> None:
    """The row is never split across pages (w:cantSplit)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        flag = OxmlElement("w:cantSplit")
        flag.set(qn("w:val"), "true")
        tr_pr.insert(0, flag)


def keep_with_next(element: Any) -> None:
    """A paragraph, a table row or a whole table kept on the page of what follows."""
    if hasattr(element, "paragraph_format"):
        elements = [element._p]
    else:  # a row's or a table's w:tc are its cells (no merged cells made here)
        rows = element.rows if hasattr(element, "rows") else [element]
        elements = [p for row in rows for tc in row._tr.tc_lst for p in tc.p_lst]
    for p in elements:
        set_format(p, keep_with_next=True, keep_together=True)


def set_format(p: Any, **settings: object) -> None:
    """Set a paragraph's alignment (`alignment`) and its paragraph_format properties
    (the other names) on the w:p `p`, in the order given. The w:pPr python-docx's API
    makes from the paragraph's present one is made once for each present w:pPr and
    settings, and copied: its setters look for each child's place in the schema's
    order, about 40 µs a property, 16,000 times in a 100-form file."""
    from lxml import etree

    present = p.pPr
    key = (etree.tostring(present) if present is not None else b"", tuple(settings.items()))
    made = _FORMATS.get(key)
    if made is None:
        made = _FORMATS[key] = _format_once(present, settings)
    if present is not None:
        p.remove(present)
    p.insert(0, made.__copy__())  # lxml copies the whole element


_FORMATS: dict[tuple[bytes, tuple[tuple[str, object], ...]], Any] = {}


def _format_once(present: Any, settings: dict[str, object]) -> Any:
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    paragraph = Paragraph(OxmlElement("w:p"), None)
    if present is not None:
        paragraph._p.insert(0, deepcopy(present))
    for name, value in settings.items():
        target = paragraph if name == "alignment" else paragraph.paragraph_format
        setattr(target, name, value)
    return paragraph._p.get_or_add_pPr()


def set_widths(table: Any, widths: list[int]) -> None:
    """Column widths that Word, WPS and LibreOffice all honour: a fixed layout,
    the grid columns, and each cell's width (python-docx's cell.width alone is
    ignored by LibreOffice)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(width / 635)))  # EMU → twentieths of a point
    # Each cell's width: the w:tcW attributes python-docx's `tc.width = width` writes,
    # made once per column and set on every cell of it (no merged cells here: a
    # row's w:tc are its columns).
    attributes = [_width_attributes(width) for width in widths]
    for tr in table._tbl.tr_lst:
        for tc, width, values in zip(tr.tc_lst, widths, attributes, strict=False):
            properties = tc.find(_TCPR)
            cell_width = properties.find(_TCW) if properties is not None else None
            if cell_width is None:
                tc.width = width
            else:
                for name, value in values:
                    cell_width.set(name, value)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TCPR, _TCW = _W + "tcPr", _W + "tcW"


@cache
def _width_attributes(width: int) -> tuple[tuple[str, str], ...]:
    from docx.oxml import OxmlElement

    cell = OxmlElement("w:tc")
    cell.width = width
    return tuple(cell.tcPr.tcW.items())


class BodyPart:
    """Where a document's paragraphs and tables go: before the file body's last section
    properties, as Document.add_paragraph and add_table put them, without their search
    for the body's w:sectPr and the last section's width on every call (a walk through
    the whole body, which grows with each form of a 100-form file)."""

    def __init__(self, word: Any, width: int) -> None:
        self._end = word.element.body.get_or_add_sectPr()
        self._parent = word._body
        self._width = width  # Document.add_table's _block_width: the section's text width

    def add_paragraph(self) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        self._end.addprevious(p)  # what CT_Body.add_p does
        return Paragraph(p, self._parent)

    def add_table(self, rows: int, cols: int) -> Any:
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        tbl = CT_Tbl.new_tbl(rows, cols, self._width)
        self._end.addprevious(tbl)  # what BlockItemContainer.add_table does
        table = Table(tbl, self._parent)
        table.style = None  # as Document.add_table does with no style
        return table
