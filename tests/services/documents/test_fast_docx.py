"""The Word writer's shortcuts of issue 17 write the XML python-docx's own API
writes: paragraph formats from a copied w:pPr, paragraphs and tables put before the
body's last w:sectPr without python-docx's search, cell widths set from attributes
made once, rows kept with the next page through their w:tc."""

from __future__ import annotations

from typing import Any

import pytest


def _xml(element: Any) -> bytes:
    from lxml import etree

    return etree.tostring(element)


def _word() -> Any:
    import docx

    return docx.Document()


FORMATS: list[dict[str, object]] = [
    {"keep_with_next": True},
    {"keep_with_next": False},
    {"space_after": 0},
    {"keep_with_next": True, "keep_together": True},
    {"space_before": 101600, "space_after": 50800, "keep_with_next": True},
    {"alignment": 3, "first_line_indent": 266700, "line_spacing": 1.3, "widow_control": True},
    {"alignment": 2, "right_indent": 400000, "space_before": 0, "keep_together": True},
]


@pytest.mark.parametrize("settings", FORMATS)
@pytest.mark.parametrize("start", ["empty", "cell", "formatted"])
def test_paragraph_format_from_a_copy_is_python_docx_s(
    settings: dict[str, object], start: str
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from app.services.documents.docx_xml import set_cell_paragraph, set_format

    made = []
    for fast in (True, False):
        paragraph = _word().add_paragraph()
        if start == "cell":
            set_cell_paragraph(paragraph, "center")
        elif start == "formatted":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run("文字")
        if fast:
            set_format(paragraph._p, **settings)
            set_format(paragraph._p, **settings)  # the second time from the cache
        else:
            for name, value in settings.items():
                target = paragraph if name == "alignment" else paragraph.paragraph_format
                setattr(target, name, value)
        made.append(_xml(paragraph._p))
    assert made[0] == made[1]


def test_body_part_puts_paragraphs_and_tables_where_python_docx_does() -> None:
    from docx.enum.section import WD_SECTION

    from app.services.documents.docx_xml import BodyPart

    made = []
    for fast in (True, False):
        word = _word()
        for n in range(3):
            section = word.sections[0] if n == 0 else word.add_section(WD_SECTION.NEW_PAGE)
            width = section.page_width - section.left_margin - section.right_margin
            where = BodyPart(word, width) if fast else word
            where.add_paragraph().add_run(f"第 {n} 份")
            where.add_table(rows=2, cols=3).cell(0, 0).text = "格"
            where.add_paragraph()
        made.append(_xml(word.element.body))
    assert made[0] == made[1]


def _widths_before(table: Any, widths: list[int]) -> None:
    """docx_xml.set_widths as it was, through python-docx's API for each cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(width / 635)))
    for row in table.rows:
        for tc, width in zip(row._tr.tc_lst, widths, strict=False):
            tc.width = width


def test_cell_widths_and_kept_rows_are_python_docx_s() -> None:
    from app.services.documents.docx_xml import keep_with_next, set_widths

    made = []
    widths = [914400, 1828800, 640080]
    for fast in (True, False):
        table = _word().add_table(rows=3, cols=3)
        table.cell(1, 1).add_paragraph("第二段")
        if fast:
            set_widths(table, widths)
            keep_with_next(table.rows[1])
            keep_with_next(table)
        else:
            _widths_before(table, widths)
            for p in (p for row in table.rows for c in row.cells for p in c.paragraphs):
                p.paragraph_format.keep_with_next = True
                p.paragraph_format.keep_together = True
        made.append(_xml(table._tbl))
    assert made[0] == made[1]
