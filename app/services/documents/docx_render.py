"""Document values → an editable Word file (python-docx).

Fonts are named, not embedded, as Word does: 宋体 for text and 黑体 for titles,
which Chinese Windows has; WPS and LibreOffice substitute their equivalents.
The header row of every table repeats on each page (w:tblHeader) and no row is
split across pages (w:cantSplit); headings keep with what follows, and the
sign-off keeps with the last two body paragraphs or rows before it, so it never
stands alone on a page. Each document is a section of its own: page numbers
(PAGE of SECTIONPAGES) restart with every form, and with `odd_pages` every form
starts on an odd page (w:type oddPage) for duplex printers.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Any

from app.services.documents import documents as doc
from app.services.documents.docx_xml import (  # noqa: F401 (used by report_docx too)
    BodyPart,
    add_field,
    cell_paragraph_properties,
    centred,
    empty_run,
    keep_row_together,
    keep_with_next,
    repeat_header,
    run_properties,
    set_cell_paragraph,
    set_format,
    set_run_font,
    set_widths,
    text_run,
)

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
HEADING_FONT = "黑体"


def _text(
    paragraph: Any, text: str, *, font: str = BODY_FONT, size: float = 10.5, bold: bool = False
) -> None:
    """The text as runs of one font, a line break between its lines."""
    _runs(paragraph._p, text, font, size, bold)


def _runs(p: Any, text: str, font: str, size: float, bold: bool) -> None:
    """The runs of `text` appended to the w:p `p`. Each run is a copy (lxml's __copy__
    copies the whole element, as deepcopy does, without copy's dispatch) of one made once
    through python-docx's API for this font, size and weight (docx_xml.run_properties)
    with its w:t set as python-docx sets it: the same XML, without walking the schema's
    element order for every run and text of a 100-form file."""
    lines = text.split("\n")
    last = len(lines) - 1
    for n, line in enumerate(lines):
        if not line:
            run = empty_run(font, size, bold).__copy__()
        elif "\t" in line or "\r" in line:  # tabs and breaks: python-docx's own appender
            from docx.oxml.text.run import _RunContentAppender

            run = empty_run(font, size, bold).__copy__()
            _RunContentAppender.append_to_run_from_text(run, line)
        else:  # what CT_R.add_t does: one w:t, xml:space="preserve" around blanks
            run = text_run(font, size, bold).__copy__()
            t = run[-1]
            t.text = line
            if len(line.strip()) < len(line):
                t.set(_XML_SPACE, "preserve")
        if n < last:
            run.add_br()
        p.append(run)  # CT_P.add_r appends: no element follows a paragraph's runs


def _cell(
    cell: Any, text: str, *, align: str = "left", bold: bool = False, size: float = 9.5
) -> None:
    """A cell's text, vertically centred. `cell` is python-docx's cell or its w:tc."""
    tc = getattr(cell, "_tc", cell)
    properties = tc.find(_TCPR)
    if properties is None:
        properties = tc.get_or_add_tcPr()
    if len(properties) == 1 and properties[0].tag == _TCW:  # a new cell: vAlign after tcW
        properties.append(centred().__copy__())
    else:
        properties.vAlign_val = centred().val
    paragraph = tc.find(_P)
    if paragraph.pPr is None:  # a new cell: a copy of the properties made once
        paragraph.insert(0, cell_paragraph_properties(align).__copy__())
    else:
        from docx.text.paragraph import Paragraph as DocxParagraph

        set_cell_paragraph(DocxParagraph(paragraph, None), align)
    _runs(paragraph, text, BODY_FONT, size, bold)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TCW, _TCPR, _P = _W + "tcW", _W + "tcPr", _W + "p"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _grid_style(word: Any) -> str:
    """The id of the "Table Grid" style, which table.style = "Table Grid" looks up
    through every style of the file for each table: once a file here."""
    from docx.enum.style import WD_STYLE_TYPE

    return word.part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)


def _Row(tr: Any, table: Any) -> Any:  # noqa: N802 - python-docx's class, imported late
    from docx.table import _Row as DocxRow

    return DocxRow(tr, table)


def _cells(row: Any) -> list[Any]:
    """A new table row's cells as w:tc elements: no merged cells in the tables made
    here, so row i column j is the row's j-th w:tc (python-docx's row.cells works
    out spans for every call)."""
    return list(row._tr.tc_lst)


def render_docx(
    document: doc.Document,
    out: str | Path,
    *,
    documents: list[doc.Document] | None = None,
    odd_pages: bool = False,
) -> Path:
    """Write `document` (or several documents, each a section starting on a new page — an
    odd one with `odd_pages` — and numbering its own pages) to a .docx file."""
    import docx
    from docx.enum.section import WD_SECTION

    out = Path(out)
    word = docx.Document()
    grid = _grid_style(word)
    for n, one in enumerate(documents or [document]):
        section = (
            word.sections[0]
            if n == 0
            else word.add_section(WD_SECTION.ODD_PAGE if odd_pages else WD_SECTION.NEW_PAGE)
        )
        if n == 0 and odd_pages:
            section.start_type = WD_SECTION.ODD_PAGE
        _page_setup(section, one)
        _header_footer(section, one, many=len(documents or [document]) > 1)
        width = section.page_width - section.left_margin - section.right_margin
        _body(BodyPart(word, width), one, section, grid)
    word.save(out)
    return out


def _page_setup(section: Any, document: doc.Document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if document.landscape else (Mm(210), Mm(297))
    )
    section.orientation = WD_ORIENT.LANDSCAPE if document.landscape else WD_ORIENT.PORTRAIT
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(18)
    section.header_distance = section.footer_distance = Mm(10)
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")  # every form numbers its own pages
    sect_pr.append(numbering)


def _header_footer(section: Any, document: doc.Document, *, many: bool = False) -> None:
    """Office name in the header (letters between other parties have none); "第 n 页
    共 N 页" below when the file holds one form. A file of many forms numbers each
    form's pages from 1 and prints "第 n 页" only: the field for a section's page
    count (SECTIONPAGES) is filled in by Word but printed as 1 by LibreOffice."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if document.office:
        _text(header, document.office, size=9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(footer, "第 ", size=9)
    add_field(footer, "PAGE")
    if many:
        _text(footer, " 页", size=9)
        return
    _text(footer, " 页  共 ", size=9)
    add_field(footer, "NUMPAGES")
    _text(footer, " 页", size=9)


def _body(word: BodyPart, document: doc.Document, section: Any, grid: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    usable = section.page_width - section.left_margin - section.right_margin
    if document.number:
        p = word.add_paragraph()
        set_format(p._p, alignment=WD_ALIGN_PARAGRAPH.RIGHT, keep_with_next=True)
        _text(p, document.number, size=9)
    from app.services.documents.title_lines import break_lines, char_width

    title = word.add_paragraph()
    set_format(
        title._p,
        alignment=WD_ALIGN_PARAGRAPH.CENTER,
        space_after=Pt(4 if document.subtitle else 12),
        keep_with_next=True,
    )
    # 18 pt characters across the text block; broken between words, never inside one.
    per_line = int(usable / 12700 / 18)
    _text(
        title,
        "\n".join(break_lines(document.title, lambda s: char_width(s) <= per_line)),
        font=TITLE_FONT,
        size=18,
        bold=True,
    )
    if document.subtitle:
        sub = word.add_paragraph()
        set_format(sub._p, alignment=WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True)
        _text(sub, document.subtitle, size=12)
    sign_off = doc.sign_off_start(document.blocks)
    body: list[Any] = []  # body paragraphs and table rows, in order
    for n, block in enumerate(document.blocks):
        if n == sign_off:
            # Two body paragraphs or rows before the sign-off keep with it.
            for element in body[-2:]:
                keep_with_next(element)
        if isinstance(block, doc.Heading):
            p = word.add_paragraph()
            set_format(p._p, space_before=Pt(8), space_after=Pt(4), keep_with_next=True)
            _text(p, block.text, font=HEADING_FONT, size=12 if block.level == 1 else 11, bold=False)
        elif isinstance(block, doc.Paragraph):
            align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
            indent = {"first_line_indent": Pt(21)} if block.indent else {}
            # Each line its own Word paragraph, as the PDF sets it (a numbered list of
            # advice, a note typed on several lines): a line break inside a justified
            # paragraph makes Word and LibreOffice spread that line across the whole
            # width, one character apart ("1.  补  全  合  同…").
            for line in block.text.split("\n"):
                p = word.add_paragraph()
                set_format(
                    p._p,
                    alignment=align.get(block.align, WD_ALIGN_PARAGRAPH.JUSTIFY),
                    **indent,
                    line_spacing=1.3,
                    widow_control=True,
                )
                _text(p, line, bold=block.bold)
                body.append(p)
        elif isinstance(block, doc.FieldGrid):
            body += _grid(word, block, usable, grid)
        elif isinstance(block, doc.Table):
            body += _table(word, block, usable, grid)
        elif isinstance(block, doc.Signatures):
            table = word.add_table(rows=1, cols=len(block.labels))
            for c, line in enumerate(block.lines()):
                _cell(table.rows[0].cells[c], line, size=10.5)
            keep_row_together(table.rows[0])
            keep_with_next(table)
        elif isinstance(block, doc.Seal):
            _seal(word, block, n == len(document.blocks) - 1)
        elif isinstance(block, doc.StampBoxes):
            _stamp_boxes(word, block, usable, grid)
        elif isinstance(block, doc.Spacer):
            for _ in range(block.lines):
                set_format(word.add_paragraph()._p, keep_with_next=n >= sign_off)


def _grid(word: BodyPart, block: doc.FieldGrid, usable: int, grid: str) -> list[Any]:
    cols = block.columns * 2
    rows = (len(block.fields) + block.columns - 1) // block.columns
    table = word.add_table(rows=rows, cols=cols)
    table._tbl.tblStyle_val = grid  # table.style = "Table Grid"
    # As in the PDF (app/views/printing/document_pdf.py): the labels' column as wide as
    # 统一社会信用代码, or the longest label, so no label breaks (「向职工说明情况日／期」);
    # 9.5 pt characters, the cell's 1.9 mm margins and a little room.
    from docx.shared import Mm, Pt

    from app.services.documents.title_lines import char_width

    widest = max(char_width(label) for label in [*dict(block.fields), "统一社会信用代码"])
    label_w = int(min(usable / block.columns * 0.45, widest * Pt(9.5) + Mm(2 * 1.9 + 2)))
    value_w = int(usable / block.columns - label_w)
    cells = [_cells(row) for row in table.rows]
    for n, (label, value) in enumerate(block.fields):
        r, c = divmod(n, block.columns)
        _cell(cells[r][c * 2], label, align="center", bold=True)
        _cell(cells[r][c * 2 + 1], value)
    set_widths(table, [label_w if c % 2 == 0 else value_w for c in range(cols)])
    for row in table.rows:
        keep_row_together(row)
    set_format(word.add_paragraph()._p, space_after=0)
    return list(table.rows)


def _table(word: BodyPart, block: doc.Table, usable: int, grid: str) -> list[Any]:
    table = word.add_table(rows=1, cols=len(block.headers))
    table._tbl.tblStyle_val = grid  # table.style = "Table Grid"
    repeat_header(table.rows[0])
    keep_row_together(table.rows[0])
    for p in (p for tc in _cells(table.rows[0]) for p in tc.p_lst):
        set_format(p, keep_with_next=True)  # the header stays with the first row
    for tc, head in zip(_cells(table.rows[0]), block.headers, strict=False):
        _cell(tc, head, align="center", bold=True)
    blank: Any = None  # the first new row as python-docx adds it, never split
    for values in block.rows:
        if blank is None:
            row = table.add_row()
            keep_row_together(row)
            blank = deepcopy(row._tr)
        else:  # the same row copied: python-docx's add_row walks the schema per cell
            row = _Row(blank.__copy__(), table)
            table._tbl.append(row._tr)
        for c, (tc, value) in enumerate(zip(_cells(row), values, strict=False)):
            align = block.align[c] if c < len(block.align) else "left"
            _cell(tc, value, align=align, size=9, bold=values[0] == "合计")
    total = sum(block.widths)
    set_widths(table, [int(usable * w / total) for w in block.widths])
    rows = list(table.rows[1:])
    if len(rows) >= 2:  # the first two rows and the last two together, as in the PDF
        keep_with_next(rows[0])
        keep_with_next(rows[-2])
    set_format(word.add_paragraph()._p, space_after=0)
    return rows


def _seal(word: BodyPart, block: doc.Seal, last: bool) -> None:
    """The party's name with （盖章） and the date under its middle, at the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    from app.services.documents.title_lines import char_width

    name = f"{block.office}（盖章）" if block.office else "（盖章）"
    wide = max(char_width(name), char_width(block.date))
    for n, text in enumerate((name, block.date)):
        p = word.add_paragraph()
        set_format(
            p._p,
            alignment=WD_ALIGN_PARAGRAPH.RIGHT,
            right_indent=Mm(10) + Pt(10.5 * (wide - char_width(text)) / 2),
            space_before=Pt(14 if n == 0 else 0),
            keep_with_next=not (last and n == 1),
            keep_together=True,
        )
        _text(p, text)


def _stamp_boxes(word: BodyPart, block: doc.StampBoxes, usable: int, grid: str) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=len(block.labels))
    table._tbl.tblStyle_val = grid  # table.style = "Table Grid"
    row = table.rows[0]
    row.height = Mm(40)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    keep_row_together(row)
    for c, label in enumerate(block.labels):
        cell = row.cells[c]
        _cell(cell, label, align="center")
        cell.vertical_alignment = None
        if block.dated:
            p = cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.space_before = Mm(24)
            _text(p, "年　　月　　日", size=10.5)
    from docx.enum.table import WD_TABLE_ALIGNMENT

    # A box a little wider than a 42 mm round seal, at the right.
    set_widths(table, [int(min(usable / len(block.labels), Mm(60)))] * len(block.labels))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
