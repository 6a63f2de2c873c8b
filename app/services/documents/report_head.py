"""The summary report's head and sign-off (GB/T 9704-2012 §7.2, §7.3.5), and the
fonts the Word file names.

Head: with the office's issuing-authority mark set (设置 → 本单位设置), the red
mark 35 mm below the top of the text block, the document number two lines under
it, the red rule; without one, no band at all — the title opens the page and a
document number, if any, stands right above it. The title (2号小标宋) is broken
between words into balanced lines (app.services.documents.title_lines).

Sign-off: the office's name centred over the date, the date four characters in
from the right, the attachment note before them; all kept on the page of the last
body lines.
"""

from __future__ import annotations

from typing import Any

from app.services.documents.documents import chinese_date, official_number
from app.services.documents.report_content import ReportContent
from app.services.documents.report_lines import (
    BODY_PT,
    LINE_PITCH_PT,
    MM_PER_PT,
    TEXT_WIDTH_MM,
    TITLE_PT,
    add_run,
    body_paragraph,
    grid_line,
    oxml,
)
from app.services.documents.title_lines import break_lines, char_width

# role → the official font the file names, and what Word/WPS use on a PC without it.
OFFICIAL = {
    "body": "仿宋_GB2312",
    "title": "方正小标宋简体",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "page_number": "宋体",
}
FALLBACKS = {
    "仿宋_GB2312": ("仿宋", "FangSong", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "SimSun", "roman", "variable"),
    "黑体": ("SimHei", "黑体", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "KaiTi", "modern", "fixed"),
    "宋体": ("SimSun", "NSimSun", "roman", "fixed"),
}
TITLE_CHARS = 20  # 2号 (22 pt) characters across the 156 mm text block
RED = "FF0000"


def name_fonts(word: Any) -> None:
    """Declare each official font in the file's font table with its East-Asian
    fallback (w:altName, GB 2312 charset), as Word does for 仿宋_GB2312: a PC without
    it then uses 仿宋 rather than whatever default its word processor picks."""
    from lxml import etree

    part = next(
        (p for p in word.part.package.parts if str(p.partname) == "/word/fontTable.xml"), None
    )
    if part is None:
        return
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(part.blob)
    for name, (alt, _alt2, family, pitch) in FALLBACKS.items():
        for old in root.findall(f"{{{ns}}}font[@{{{ns}}}name='{name}']"):
            root.remove(old)
        font = etree.SubElement(root, f"{{{ns}}}font", {f"{{{ns}}}name": name})
        etree.SubElement(font, f"{{{ns}}}altName", {f"{{{ns}}}val": alt})
        etree.SubElement(font, f"{{{ns}}}charset", {f"{{{ns}}}val": "86"})  # GB 2312
        etree.SubElement(font, f"{{{ns}}}family", {f"{{{ns}}}val": family})
        etree.SubElement(font, f"{{{ns}}}pitch", {f"{{{ns}}}val": pitch})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _border(paragraph: Any) -> None:
    border = oxml("w:pBdr")
    border.append(
        oxml("w:bottom", **{"w:val": "single", "w:sz": "12", "w:space": "11", "w:color": RED})
    )
    paragraph._p.get_or_add_pPr().append(border)


def head(word: Any, content: ReportContent, names: dict[str, str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    doc_number = official_number(content.doc_number)
    if content.mark:
        # 发文机关标志: red 小标宋, centred, its top 35 mm below the top of the text block;
        # as large as fits one line of the 156 mm block, at most 26 pt.
        first = word.add_paragraph()
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        grid_line(first, 48)
        first.paragraph_format.space_before = Pt(35 / MM_PER_PT - 48)
        mark_pt = min(26.0, (TEXT_WIDTH_MM / MM_PER_PT - 4) / max(char_width(content.mark), 1))
        add_run(first, content.mark, names["title"], round(mark_pt, 1), color=RED)
        # Two blank lines, then the document number; the red rule 4 mm below it.
        number = word.add_paragraph()
        grid_line(number)
        number.paragraph_format.space_before = Pt(LINE_PITCH_PT * 2)
        if content.signer:
            # 上行文: number one character in from the left, 签发人 one in from the right.
            number.paragraph_format.left_indent = Pt(BODY_PT)
            number.paragraph_format.tab_stops.add_tab_stop(
                Mm(TEXT_WIDTH_MM) - Pt(BODY_PT * 2), WD_TAB_ALIGNMENT.RIGHT
            )
            add_run(number, doc_number, names["body"], BODY_PT)
            add_run(number, "\t签发人：", names["body"], BODY_PT)
            add_run(number, content.signer, names["heading2"], BODY_PT)
        else:
            number.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_run(number, doc_number, names["body"], BODY_PT)
        _border(number)
        title_space = LINE_PITCH_PT * 2  # two blank lines below the red rule
    else:
        title_space = 0.0
        if doc_number:
            number = word.add_paragraph()
            grid_line(number)
            number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_run(number, doc_number, names["body"], BODY_PT)
            title_space = LINE_PITCH_PT
    # Title: 2号小标宋, centred, broken between words into balanced lines.
    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid_line(title, 35)
    title.paragraph_format.space_before = Pt(title_space)
    title.paragraph_format.keep_with_next = True
    lines = break_lines(content.title, lambda s: char_width(s) <= TITLE_CHARS)
    for n, line in enumerate(lines):
        run = add_run(title, line, names["title"], TITLE_PT)
        if n < len(lines) - 1:
            run.add_break()


def sign_off(word: Any, content: ReportContent, names: dict[str, str]) -> None:
    """附件说明, the office's name centred over the date, the date four characters
    in from the right (§7.3.5.1, §7.3.6), kept together with the text before."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraphs = []
    if content.attachment_note:
        # One blank line below the text, two characters in, no final punctuation.
        note = body_paragraph(word, f"附件：{content.attachment_note}", names)
        note.paragraph_format.space_before = Pt(LINE_PITCH_PT)
        paragraphs.append(note)
    date_text = chinese_date(content.issued_on) or "　　　　年　　月　　日"
    date_w, name_w = char_width(date_text), char_width(content.authority)
    # The name's centre over the date's. The date is four characters in from the
    # right; a name too long for that moves the date in until the name fits.
    date_indent = max(4.0, (name_w - date_w) / 2)
    name_indent = date_indent - (name_w - date_w) / 2
    sign = word.add_paragraph()
    grid_line(sign)
    sign.paragraph_format.space_before = Pt(LINE_PITCH_PT * 2)
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sign.paragraph_format.right_indent = Pt(BODY_PT * max(name_indent, 0.0))
    add_run(sign, content.authority, names["body"], BODY_PT)
    when = word.add_paragraph()
    grid_line(when)
    when.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    when.paragraph_format.right_indent = Pt(BODY_PT * date_indent)
    add_run(when, date_text, names["body"], BODY_PT)
    paragraphs += [sign]
    for p in paragraphs:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
