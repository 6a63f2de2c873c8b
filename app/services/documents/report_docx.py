"""The summary report as Word, laid out per GB/T 9704-2012 (党政机关公文格式).

A4; top margin 37 mm, binding-side margin 28 mm (mirrored for two-sided
printing, so the outer margin is 26 mm and the bottom 35 mm), a text block of
156 × 225 mm holding 22 lines of 28 characters in 3号 (16 pt) 仿宋 — a line
pitch of 28.95 pt and a character grid a little narrower than 16 pt (§5.2.1).
Title 2号 (22 pt) 小标宋; headings 一、 黑体, （一） 楷体, 1. and （1） 仿宋
(§7.3.3); page numbers 4号 (14 pt) 宋体 as "— 1 —", right on odd pages and
left on even ones, one character in (§7.5); the date of issue in Arabic
numerals, four characters in from the right (§7.3.5.1). The document number
is 机关代字〔年份〕序号号; a report sent upward puts it one character in from
the left with 签发人 one character in from the right (§7.2.4).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.documents.documents import Heading, Paragraph, Table
from app.services.documents.docx_render import repeat_header, set_widths
from app.services.documents.report_content import ReportContent
from app.services.documents.report_fonts import FontChoice
from app.services.documents.report_lines import (
    BODY_PT,
    LINE_PITCH_PT,
    LINE_PITCH_TWIPS,
    PAGE_NO_PT,
    TABLE_PT,
    TEXT_WIDTH_MM,
    add_run,
    body_paragraph,
    grid_line,
    oxml,
    set_ppr,
)
from app.services.documents.whole_file import save_whole


def _fonts(choices: dict[str, FontChoice]) -> dict[str, str]:
    return {role: c.used for role, c in choices.items()}


def _page_setup(word: Any) -> None:
    from docx.shared import Mm

    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)  # inside (binding side) with mirrored margins
    section.right_margin = Mm(26)
    section.header_distance = Mm(15)
    # Page number 4号 ≈ 4.9 mm tall, its top 7 mm below the text block: 35 − 7 − 4.9 ≈ 23 mm.
    section.footer_distance = Mm(23)
    sect_pr = section._sectPr
    from docx.oxml.ns import qn

    for old in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(old)
    sect_pr.append(oxml("w:docGrid", **{"w:type": "lines", "w:linePitch": str(LINE_PITCH_TWIPS)}))
    settings = word.settings.element
    settings.append(oxml("w:mirrorMargins"))
    word.settings.odd_and_even_pages_header_footer = True


def _defaults(word: Any, body_font: str) -> None:
    from docx.shared import Pt

    normal = word.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = body_font
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is None:
        fonts = oxml("w:rFonts")
        rpr.insert(0, fonts)
    from docx.oxml.ns import qn

    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), body_font)


def _page_numbers(word: Any, font: str) -> None:
    """— 1 — in 4号 宋体: odd pages right, even pages left, one character in (§7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = word.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(PAGE_NO_PT)
        else:
            p.paragraph_format.left_indent = Pt(PAGE_NO_PT)
        add_run(p, "— ", font, PAGE_NO_PT)
        from app.services.documents.docx_render import add_field

        add_field(p, "PAGE", font, PAGE_NO_PT)
        add_run(p, " —", font, PAGE_NO_PT)


def _heading(word: Any, block: Heading, fonts: dict[str, str]) -> Any:
    """一、黑体；（一）楷体；1. 仿宋加粗；（1）仿宋 — each indented two characters."""
    font, bold = {
        1: (fonts["heading1"], False),
        2: (fonts["heading2"], False),
        3: (fonts["body"], True),
    }.get(block.level, (fonts["body"], False))
    from docx.shared import Pt

    p = word.add_paragraph()
    grid_line(p)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    set_ppr(p, "w:ind", **{"w:firstLineChars": "200", "w:firstLine": str(int(BODY_PT * 40))})
    p.paragraph_format.keep_with_next = True
    add_run(p, block.text, font, BODY_PT, bold=bold)
    return p


def _table(word: Any, block: Table, fonts: dict[str, str]) -> Any:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    table = word.add_table(rows=1 + len(block.rows), cols=len(block.headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(block.widths)
    set_widths(table, [int(Mm(TEXT_WIDTH_MM * w / total)) for w in block.widths])
    for r, values in enumerate([block.headers, *block.rows]):
        row = table.rows[r]
        if r == 0:
            repeat_header(row)
        for c, value in enumerate(values):
            cell = row.cells[c]
            p = cell.paragraphs[0]
            grid_line(p, TABLE_PT * 1.5)
            align = "center" if r == 0 else (block.align[c] if c < len(block.align) else "left")
            p.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
            )
            bold = r == 0 or (r == len(block.rows) and values[0] == "合计")
            add_run(
                p,
                value,
                fonts["heading1"] if r == 0 else fonts["body"],
                TABLE_PT,
                bold=bold and r != 0,
            )
    # A blank line after each table keeps it off the next paragraph.
    spacer = word.add_paragraph()
    grid_line(spacer, TABLE_PT)
    del Pt
    return table


def render(content: ReportContent, out: str | Path, fonts: dict[str, FontChoice]) -> Path:
    """The report in GB/T 9704 layout. The file names the official fonts whatever this
    PC has (with East-Asian fallbacks in its font table), so it looks right on an office
    PC that has them; `fonts` only says which ones this PC lacks (report_fonts)."""
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from app.services.documents import report_head
    from app.services.documents.title_lines import char_width

    del fonts
    names = dict(report_head.OFFICIAL)
    word = WordDocument()
    _defaults(word, names["body"])
    _page_setup(word)
    _page_numbers(word, names["page_number"])
    report_head.name_fonts(word)
    report_head.head(word, content, names)

    # One blank line, then the addressee flush left.
    if content.addressee:
        to = word.add_paragraph()
        grid_line(to)
        to.paragraph_format.space_before = Pt(LINE_PITCH_PT)
        add_run(to, content.addressee, names["body"], BODY_PT)

    body: list[Any] = []
    for block in content.blocks:
        if isinstance(block, Heading):
            _heading(word, block, names)
        elif isinstance(block, Table):
            _table(word, block, names)
        elif isinstance(block, Paragraph) and block.align == "center":
            caption = word.add_paragraph()
            grid_line(caption)
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.keep_with_next = True
            add_run(caption, block.text, names["heading1"], BODY_PT)
        elif isinstance(block, Paragraph):
            body.append((body_paragraph(word, block.text, names), block.text))

    # The sign-off never stands alone on a page (§7.3.5.1): the last two lines of
    # body text keep with it — the last paragraph, and the one before when the last
    # is a single line (28 characters a line, two of them the indent).
    tail = body[-2:] if body and char_width(body[-1][1]) + 2 <= 28 else body[-1:]
    for p, _text in tail:
        p.paragraph_format.keep_with_next = True
    report_head.sign_off(word, content, names)

    return save_whole(out, word.save)
