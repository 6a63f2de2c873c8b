"""A printed form as a small document value (docs/architecture.md, "Printing and documents").

Forms are built as these values by app.services.checks.check_forms; two renderers read them:
app.services.documents.docx_render (an editable Word file) and app.views.printing (print
preview, printing and PDF through Qt). Both are tested by reading their output back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Heading:
    text: str
    level: int = 1  # 1: 一、  2: （一）


@dataclass
class Paragraph:
    text: str
    indent: bool = True  # first-line indent of two characters
    align: str = "left"  # left / center / right
    bold: bool = False


def salutation(addressee: str) -> Paragraph:
    """A letter's addressee line (某某：), at the margin, before its text."""
    return Paragraph(f"{addressee}：", indent=False)


@dataclass
class FieldGrid:
    """Label–value pairs in a bordered grid, `columns` pairs per row."""

    fields: list[tuple[str, str]]
    columns: int = 2


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative widths; the header row repeats on every page
    align: list[str] = field(default_factory=list)  # per column: left / center


@dataclass
class Signatures:
    """Signature lines side by side, e.g. 检查人员（签字） / 企业负责人（签字）. A label
    that already holds its value (签收日期：　年　月　日) is printed as it is."""

    labels: list[str]

    def lines(self) -> list[str]:
        return [label if "：" in label else f"{label}：＿＿＿＿＿＿＿＿" for label in self.labels]


@dataclass
class Seal:
    """The issuing party's name and the date at the right: the one place for its
    seal (盖章), which is set over them."""

    office: str
    date: str


@dataclass
class StampBoxes:
    """Framed places for other parties' seals side by side, each with its label
    (企业（盖章）) and a line for the date, e.g. the enterprise acknowledging receipt."""

    labels: list[str]
    dated: bool = True


@dataclass
class Spacer:
    lines: int = 1


Block = Heading | Paragraph | FieldGrid | Table | Signatures | Seal | StampBoxes | Spacer
SIGN_OFF = (Signatures, Seal, StampBoxes, Spacer)


def sign_off_start(blocks: list[Block]) -> int:
    """Index of the sign-off at the end of `blocks` (signatures, seals, stamp places
    and the space between them): it is kept on one page with the body text before it."""
    start = len(blocks)
    while start > 0 and isinstance(blocks[start - 1], SIGN_OFF):
        start -= 1
    return start


@dataclass
class Document:
    title: str
    blocks: list[Block]
    office: str = ""  # printed in the page header (empty: no header)
    number: str = ""  # e.g. 汝三方体检〔2023〕12号, top right
    subtitle: str = ""
    landscape: bool = False

    def text(self) -> str:
        """All text, for search and tests."""
        parts = [self.office, self.number, self.title, self.subtitle]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, FieldGrid):
                parts.extend(f"{k} {v}" for k, v in block.fields)
            elif isinstance(block, Table):
                parts.extend(block.headers)
                parts.extend(" ".join(r) for r in block.rows)
            elif isinstance(block, Signatures):
                parts.extend(block.labels)
            elif isinstance(block, Seal):
                parts.extend([block.office, block.date])
            elif isinstance(block, StampBoxes):
                parts.extend(block.labels)
        return "\n".join(p for p in parts if p)


def chinese_date(day: object) -> str:
    """2023年6月29日 — Arabic numerals without leading zeros (GB/T 9704-2012 §7.3.5.1)."""
    from datetime import date

    if not isinstance(day, date):
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


_NUMBER = re.compile(
    r"(?P<code>.*?)\s*[\[［〔（(【〖{｛<＜]\s*(?P<year>\d{4})\s*[\]］〕）)】〗}｝>＞]"
    r"\s*第?\s*0*(?P<serial>\d+)\s*号?"
)


def official_number(text: str) -> str:
    """A document number as GB/T 9704-2012 §7.2.4 writes it, 机关代字〔年份〕序号号:
    the year in 六角括号 〔〕 whatever brackets were typed ([2023], （2023）, 【2023】),
    the serial without 第 and without leading zeros (〔2023〕3号, not 〔2023〕第03号).
    A number that does not read so (a serial left blank to fill in by hand) is kept."""
    text = text.strip()
    found = _NUMBER.fullmatch(text)
    if found is None:
        return text
    return f"{found['code']}〔{found['year']}〕{found['serial']}号"
