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

from app.services.campaign.campaign_report import ReportContent
from app.services.documents.documents import Heading, Paragraph, Table
from app.services.documents.docx_render import repeat_header, set_run_font, set_widths
from app.services.documents.report_fonts import FontChoice

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


def _fonts(choices: dict[str, FontChoice]) -> dict[str, str]:
    return {role: c.used for role, c in choices.items()}


def _xml(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


def _ppr_set(paragraph: Any, tag: str, **attrs: str) -> Any:
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    old = ppr.find(qn(tag))
    if old is not None:
        ppr.remove(old)
    el = _xml(tag, **attrs)
    ppr.append(el)
    return el


def _line(paragraph: Any, pitch_pt: float = LINE_PITCH_PT) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _run(
    paragraph: Any, text: str, font: str, size: float, *, bold: bool = False, color: str = ""
) -> Any:
    from docx.shared import RGBColor

    run = paragraph.add_run(text)
    set_run_font(run, font, size, bold)
    if size == BODY_PT:
        run._element.get_or_add_rPr().append(
            _xml("w:spacing", **{"w:val": str(CHAR_TIGHTEN_TWIPS)})
        )
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    return run


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
    sect_pr.append(_xml("w:docGrid", **{"w:type": "lines", "w:linePitch": str(LINE_PITCH_TWIPS)}))
    settings = word.settings.element
    settings.append(_xml("w:mirrorMargins"))
    word.settings.odd_and_even_pages_header_footer = True


def _defaults(word: Any, body_font: str) -> None:
    from docx.shared import Pt

    normal = word.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.font.name = body_font
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    if fonts is None:
        fonts = _xml("w:rFonts")
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
        _run(p, "— ", font, PAGE_NO_PT)
        from app.services.documents.docx_render import add_field

        add_field(p, "PAGE", font, PAGE_NO_PT)
        _run(p, " —", font, PAGE_NO_PT)


def _body_paragraph(word: Any, text: str, fonts: dict[str, str], *, indent_chars: int = 2) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = word.add_paragraph()
    _line(p)
    if indent_chars:
        p.paragraph_format.first_line_indent = Pt(BODY_PT * indent_chars)
        ind = _ppr_set(
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
    _run(p, text, fonts["body"], BODY_PT)
    return p


def _heading(word: Any, block: Heading, fonts: dict[str, str]) -> Any:
    """一、黑体；（一）楷体；1. 仿宋加粗；（1）仿宋 — each indented two characters."""
    font, bold = {
        1: (fonts["heading1"], False),
        2: (fonts["heading2"], False),
        3: (fonts["body"], True),
    }.get(block.level, (fonts["body"], False))
    from docx.shared import Pt

    p = word.add_paragraph()
    _line(p)
    p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _ppr_set(p, "w:ind", **{"w:firstLineChars": "200", "w:firstLine": str(int(BODY_PT * 40))})
    p.paragraph_format.keep_with_next = True
    _run(p, block.text, font, BODY_PT, bold=bold)
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
            _line(p, TABLE_PT * 1.5)
            align = "center" if r == 0 else (block.align[c] if c < len(block.align) else "left")
            p.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
            )
            bold = r == 0 or (r == len(block.rows) and values[0] == "合计")
            _run(
                p,
                value,
                fonts["heading1"] if r == 0 else fonts["body"],
                TABLE_PT,
                bold=bold and r != 0,
            )
    # A blank line after each table keeps it off the next paragraph.
    spacer = word.add_paragraph()
    _line(spacer, TABLE_PT)
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
        _line(to)
        to.paragraph_format.space_before = Pt(LINE_PITCH_PT)
        _run(to, content.addressee, names["body"], BODY_PT)

    body: list[Any] = []
    for block in content.blocks:
        if isinstance(block, Heading):
            _heading(word, block, names)
        elif isinstance(block, Table):
            _table(word, block, names)
        elif isinstance(block, Paragraph) and block.align == "center":
            caption = word.add_paragraph()
            _line(caption)
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            caption.paragraph_format.keep_with_next = True
            _run(caption, block.text, names["heading1"], BODY_PT)
        elif isinstance(block, Paragraph):
            body.append((_body_paragraph(word, block.text, names), block.text))

    # The sign-off never stands alone on a page (§7.3.5.1): the last two lines of
    # body text keep with it — the last paragraph, and the one before when the last
    # is a single line (28 characters a line, two of them the indent).
    tail = body[-2:] if body and char_width(body[-1][1]) + 2 <= 28 else body[-1:]
    for p, _text in tail:
        p.paragraph_format.keep_with_next = True
    report_head.sign_off(word, content, names)

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    word.save(str(tmp))
    tmp.replace(out)
    return out
