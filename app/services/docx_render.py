"""Document values → an editable Word file (python-docx).

Fonts are named, not embedded, as Word does: 宋体 for text and 黑体 for titles,
which Chinese Windows has; WPS and LibreOffice substitute their equivalents.
The header row of every table repeats on each page (w:tblHeader).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.documents import (
    Document,
    FieldGrid,
    Heading,
    Paragraph,
    Seal,
    Signatures,
    Spacer,
    Table,
)

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
HEADING_FONT = "黑体"


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
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _text(
    paragraph: Any, text: str, *, font: str = BODY_FONT, size: float = 10.5, bold: bool = False
) -> None:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        run = paragraph.add_run(line)
        set_run_font(run, font, size, bold)
        if n < len(lines) - 1:
            run.add_break()


def _cell(
    cell: Any, text: str, *, align: str = "left", bold: bool = False, size: float = 9.5
) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = (
        WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    )
    paragraph.paragraph_format.space_after = 0
    _text(paragraph, text, size=size, bold=bold)


def render_docx(doc: Document, out: str | Path, *, documents: list[Document] | None = None) -> Path:
    """Write `doc` (or several documents, each starting on a new page) to a .docx file."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    out = Path(out)
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if doc.landscape else (Mm(210), Mm(297))
    )
    section.orientation = WD_ORIENT.LANDSCAPE if doc.landscape else WD_ORIENT.PORTRAIT
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(18)
    section.header_distance = section.footer_distance = Mm(10)
    _header_footer(section, doc)
    for n, one in enumerate(documents or [doc]):
        if n:
            word.add_page_break()
        _body(word, one, section)
    word.save(out)
    return out


def _header_footer(section: Any, doc: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _text(header, doc.office, size=9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(footer, "第 ", size=9)
    add_field(footer, "PAGE")
    _text(footer, " 页　共 ", size=9)
    add_field(footer, "NUMPAGES")
    _text(footer, " 页", size=9)


def _body(word: Any, doc: Document, section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    usable = section.page_width - section.left_margin - section.right_margin
    if doc.number:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _text(p, doc.number, size=9)
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(4 if doc.subtitle else 12)
    _text(title, doc.title, font=TITLE_FONT, size=18, bold=True)
    if doc.subtitle:
        sub = word.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(sub, doc.subtitle, size=12)
    for block in doc.blocks:
        if isinstance(block, Heading):
            p = word.add_paragraph()
            p.paragraph_format.space_before = Pt(8)
            p.paragraph_format.space_after = Pt(4)
            p.paragraph_format.keep_with_next = True
            _text(p, block.text, font=HEADING_FONT, size=12 if block.level == 1 else 11, bold=False)
        elif isinstance(block, Paragraph):
            p = word.add_paragraph()
            p.alignment = {
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
            }.get(block.align, WD_ALIGN_PARAGRAPH.JUSTIFY)
            if block.indent:
                p.paragraph_format.first_line_indent = Pt(21)
            p.paragraph_format.line_spacing = 1.3
            _text(p, block.text, bold=block.bold)
        elif isinstance(block, FieldGrid):
            cols = block.columns * 2
            rows = (len(block.fields) + block.columns - 1) // block.columns
            table = word.add_table(rows=rows, cols=cols)
            table.style = "Table Grid"
            label_w = int(usable * 0.17)
            value_w = int(usable / block.columns - label_w)
            for n, (label, value) in enumerate(block.fields):
                r, c = divmod(n, block.columns)
                _cell(table.cell(r, c * 2), label, align="center", bold=True)
                _cell(table.cell(r, c * 2 + 1), value)
            set_widths(table, [label_w if c % 2 == 0 else value_w for c in range(cols)])
            word.add_paragraph().paragraph_format.space_after = 0
        elif isinstance(block, Table):
            table = word.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            repeat_header(table.rows[0])
            for c, head in enumerate(block.headers):
                _cell(table.rows[0].cells[c], head, align="center", bold=True)
            for values in block.rows:
                cells = table.add_row().cells
                for c, value in enumerate(values):
                    align = block.align[c] if c < len(block.align) else "left"
                    _cell(cells[c], value, align=align, size=9)
            total = sum(block.widths)
            set_widths(table, [int(usable * w / total) for w in block.widths])
            word.add_paragraph().paragraph_format.space_after = 0
        elif isinstance(block, Signatures):
            table = word.add_table(rows=1, cols=len(block.labels))
            for c, label in enumerate(block.labels):
                cell = table.rows[0].cells[c]
                _cell(cell, f"{label}：\n\n＿＿＿＿＿＿＿＿＿＿")
        elif isinstance(block, Seal):
            for text in ("", block.office + "（盖章）", block.date):
                p = word.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                p.paragraph_format.right_indent = Mm(10)
                _text(p, text)
        elif isinstance(block, Spacer):
            for _ in range(block.lines):
                word.add_paragraph()
