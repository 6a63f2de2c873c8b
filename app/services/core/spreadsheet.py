"""Reading the spreadsheets other departments send, however messy.

The import engine every importer shares (enterprises now; shared risk data
later): read any .xlsx/.xls/.xlsb/.ods (python-calamine; a very large .xlsx a
row at a time, xlsx_stream.py) or .csv (UTF-8 or GBK), find the sheet and the header row by the labels it recognises — title rows
above, headers merged over two rows, columns in any order — and hand back data
rows with their spreadsheet row numbers.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.services.core.fields import FieldSpec, clean_text

# Reading the files lives in sheet_files; reached from here as before.
from app.services.core.sheet_files import SPREADSHEET_SUFFIXES, read_sheets  # noqa: F401
from app.services.core.sheet_types import HEADER_SCAN_ROWS, Sheet, SpreadsheetError

TOTAL_WORDS = ("合计", "总计", "小计", "共计", "总数")
# The signature lines under a department's table ("制表人：张三  审核：李四"): not an
# enterprise, so not an unmatched row either (README, 风险研判: 文件可以很乱).
FOOTER_ROW = re.compile(
    r"^(制表|填表|填报|审核|复核|审批|负责人|单位负责人|统计负责人|经办|联系人|联系电话|报送)"
    r"(人|日期|时间|单位)?[:：]"
)


@dataclass
class HeaderMatch:
    sheet: Sheet
    header_row: int  # 0-based index of the last header row
    first_header_row: int
    mapping: dict[int, str]  # column index → field name
    labels: list[str]  # the header text of each column as found
    score: int
    key_fields: tuple[str, ...] = ()  # the fields every data row has (name, code…)


@dataclass
class DataRow:
    number: int  # row number as the spreadsheet shows it (1-based)
    cells: list[Any]


@dataclass
class SkippedRow:
    number: int
    reason: str


@dataclass
class SheetData:
    header: HeaderMatch
    rows: list[DataRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


_LABEL_NOISE = re.compile(r"[\s\u3000*＊:：_\-—/／\\]+")


def normalize_label(raw: object) -> str:
    text = unicodedata.normalize("NFKC", clean_text(raw))
    text = _LABEL_NOISE.sub("", text)
    return text.replace("(", "（").replace(")", "）").lower()


class LabelMatcher:
    """Header text → field name, by exact label or alias, then by containment."""

    def __init__(self, specs: Sequence[FieldSpec]) -> None:
        self.exact: dict[str, str] = {}
        self.partial: list[tuple[str, str]] = []
        for spec in specs:
            for label in spec.all_labels():
                key = normalize_label(label)
                if key:
                    self.exact.setdefault(key, spec.name)
                    self.partial.append((key, spec.name))
        self.partial.sort(key=lambda pair: -len(pair[0]))

    def match(self, raw: object) -> str | None:
        return self.match_quality(raw)[0]

    def match_quality(self, raw: object) -> tuple[str | None, float]:
        """The field and how well: 3 the exact label, 2.5 without a bracketed note,
        else the share of the header an alias covers."""
        key = normalize_label(raw)
        if not key or len(key) > 40:
            return None, 0.0
        if key in self.exact:
            return self.exact[key], 3.0
        bare = re.sub(r"（.*?）", "", key)
        if bare in self.exact:
            return self.exact[bare], 2.5
        for alias, name in self.partial:
            if len(alias) >= 2 and alias in key:
                return name, len(alias) / len(key)
        return None, 0.0


def _cell_text(row: list[Any], j: int) -> str:
    return clean_text(row[j]) if j < len(row) and row[j] is not None else ""


def _match_row(
    rows: list[list[Any]], i: int, matcher: LabelMatcher, two_rows: bool
) -> tuple[dict[int, str], list[str]]:
    child = rows[i]
    width = max(len(child), len(rows[i - 1]) if two_rows else 0)
    parent_ff: list[str] = []
    if two_rows:
        last = ""
        for j in range(width):
            text = _cell_text(rows[i - 1], j)
            # A merged parent spans blanks to its right only where the child row has labels.
            last = text or (last if _cell_text(child, j) else "")
            parent_ff.append(last)
    labels: list[str] = []
    # Every column's best reading first, then fields given out best-first: under a
    # merged "联系方式", "联系人" is the contact person (an exact label) rather than
    # a second phone column (the parent's alias inside "联系方式联系人").
    options: list[tuple[float, int, int, str]] = []
    for j in range(width):
        c = _cell_text(child, j)
        p = parent_ff[j] if two_rows else ""
        candidates = [p + c, c] if (p and c) else [c or p]
        label = " / ".join(x for x in (p, c) if x) if two_rows else c
        labels.append(label)
        for rank, text in enumerate(candidates):
            name, quality = matcher.match_quality(text)
            if name:
                options.append((-quality, rank, j, name))
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for _q, _rank, j, name in sorted(options):
        if j not in mapping and name not in taken:
            mapping[j] = name
            taken.add(name)
    return dict(sorted(mapping.items())), labels


def _header_row(row: list[Any], matcher: LabelMatcher) -> bool:
    """A first header row (not a title): several cells, some naming a field."""
    filled = [_cell_text(row, j) for j in range(len(row)) if _cell_text(row, j)]
    return len(filled) >= 2 and any(matcher.match(t) for t in filled)


def _label_row(row: list[Any], matcher: LabelMatcher) -> bool:
    """A second header row: text only (no figures, codes or dates) and naming a field."""
    texts = [_cell_text(row, j) for j in range(len(row))]
    filled = [t for t in texts if t]
    if not filled or any(re.search(r"\d", t) for t in filled):
        return False
    return any(matcher.match(t) for t in filled)


def find_header(
    sheets: Sequence[Sheet],
    specs: Sequence[FieldSpec],
    *,
    sheet_name: str | None = None,
    min_fields: int = 2,
    key_fields: Sequence[str] = (),
) -> HeaderMatch:
    """The sheet and header row that recognise the most fields."""
    if sheet_name is not None:
        chosen = [s for s in sheets if s.name == sheet_name]
        if not chosen:
            names = "、".join(s.name for s in sheets)
            raise SpreadsheetError(f"文件中没有名为“{sheet_name}”的工作表。现有工作表：{names}。")
        sheets = chosen
    if not any(any(not _blank(c) for c in row) for sheet in sheets for row in sheet.rows):
        # An empty workbook (or the one sheet chosen) is not a header problem.
        raise SpreadsheetError(
            "文件是空的：工作表里没有任何内容。请确认是否发错了文件，"
            "或在 Excel 或 WPS 中打开，看数据是否在别的文件里。"
        )
    matcher = LabelMatcher(specs)
    best: HeaderMatch | None = None
    for sheet in sheets:
        for i in range(min(HEADER_SCAN_ROWS, len(sheet.rows))):
            for two_rows in (False, True) if i > 0 else (False,):
                mapping, labels = _match_row(sheet.rows, i, matcher, two_rows)
                score = len(mapping) * 10 + sum(5 for f in mapping.values() if f in key_fields)
                if (
                    two_rows
                    and _label_row(sheet.rows[i], matcher)
                    and _header_row(sheet.rows[i - 1], matcher)
                ):
                    score += 1  # a header of two rows is read whole, never as data
                if best is None or score > best.score:
                    best = HeaderMatch(
                        sheet,
                        i,
                        i - 1 if two_rows else i,
                        mapping,
                        labels,
                        score,
                        tuple(key_fields),
                    )
    if (
        best is None
        or len(best.mapping) < min_fields
        or (key_fields and not set(key_fields) & set(best.mapping.values()))
    ):
        wanted = "、".join(s.label_zh for s in specs[:4])
        raise SpreadsheetError(
            "在文件中找不到可识别的表头行。请确认表头含有“" + wanted + "”等列名"
            "（可在列名上方留有标题行），或用“选择工作表”指定含数据的工作表。"
        )
    return best


def _is_total_row(cells: list[Any]) -> bool:
    for value in cells[:3]:
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            return False
        text = "".join(value.split())
        if text:
            return text.startswith(TOTAL_WORDS)
    return False


def _is_footer_row(cells: list[Any]) -> bool:
    first = next((v for v in cells if v is not None and v != ""), None)
    return isinstance(first, str) and bool(FOOTER_ROW.match("".join(first.split())))


def data_rows(header: HeaderMatch) -> SheetData:
    """The rows under the header: blank rows dropped, totals and repeated headers noted."""
    out = SheetData(header)
    for row in iter_data_rows(header):
        (out.rows if isinstance(row, DataRow) else out.skipped).append(row)
    return out


def iter_data_rows(header: HeaderMatch) -> Iterator[DataRow | SkippedRow]:
    """data_rows' rows and skipped rows in the sheet's order, read as they are asked for
    (a streamed sheet reads on from the file: docs/architecture.md, speed rules)."""
    header_cells = header.sheet.rows[header.header_row]
    header_texts = [normalize_label(v) for v in header_cells]
    # A repeated header (a report printed page by page) is recognised by the
    # text under the first mapped column before the whole row is compared.
    probe = min(header.mapping) if header.mapping else 0
    probe_text = header_texts[probe] if probe < len(header_texts) else ""
    keys = [j for j, name in header.mapping.items() if name in header.key_fields]
    first = True
    rows = itertools.chain(header.sheet.rows[header.header_row + 1 :], header.sheet.rest or ())
    for number, cells in enumerate(rows, header.header_row + 2):
        if not any(cells) or all(_blank(c) for c in cells):
            continue
        if first and keys and _header_continues(cells, keys):
            first = False
            continue  # the lower row of a two-row header: part of the header, not data
        first = False
        if _is_total_row(cells):
            yield SkippedRow(number, "合计行，已跳过")
        elif _is_footer_row(cells):
            yield SkippedRow(number, "表尾的制表人、审核人等签字行，已跳过")
        elif (
            probe_text
            and probe < len(cells)
            and isinstance(cells[probe], str)
            and normalize_label(cells[probe]) == probe_text
            and [normalize_label(v) for v in cells] == header_texts
        ):
            yield SkippedRow(number, "重复的表头行，已跳过")
        else:
            yield DataRow(number, cells)


def handed_on(rows: list[Any]) -> Iterator[Any]:
    """Each row once, its place in `rows` emptied as it is handed on: a file's rows and
    what is made of them are not held whole together (docs/architecture.md, speed rules)."""
    for index, row in enumerate(rows):
        rows[index] = None
        yield row


def in_order(sheet_data: SheetData) -> Iterator[DataRow | SkippedRow]:
    """The skipped and data rows in the sheet's order, each data row let go as it is
    handed on (nothing read ahead)."""
    skipped = iter(sheet_data.skipped)
    pending = next(skipped, None)
    for row in handed_on(sheet_data.rows):
        while pending is not None and pending.number < row.number:
            yield pending
            pending = next(skipped, None)
        yield row
    if pending is not None:
        yield pending
        yield from skipped


def _header_continues(cells: list[Any], keys: list[int]) -> bool:
    """The row under a header that is more header: sub-labels only (text without a
    figure), nothing under the columns every data row fills."""
    if any(j < len(cells) and not _blank(cells[j]) for j in keys):
        return False
    filled = [c for c in cells if not _blank(c)]
    return bool(filled) and all(isinstance(c, str) and not re.search(r"\d", c) for c in filled)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == ""


def iter_mapped(row: DataRow, mapping: dict[int, str]) -> Iterator[tuple[str, Any]]:
    for j, name in mapping.items():
        yield name, row.cells[j] if j < len(row.cells) else None
