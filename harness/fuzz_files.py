"""Hypothesis strategies for the files offices are given: spreadsheets with any
cell types, merged cells, formulas, huge and empty cells, several sheets; CSV in
UTF-8 or GBK; and broken archives (truncated, bytes flipped, XML cut short)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from harness.fuzz_headers import Door, recognised_sheet

# Column names of every import, mixed: headers that name a few fields each, and
# stray columns beside a recognised header (harness/fuzz_headers.py).
LABELS = (
    "企业名称",
    "统一社会信用代码",
    "信用代码",
    "所属县区",
    "地址",
    "所属行业",
    "联系人",
    "联系电话",
    "从业人数",
    "成立日期",
    "是否建立工会",
    "平台企业",  # enterprise register
    "纳税人名称",
    "所属期",
    "纳税额",
    "欠税额",
    "参保人数",
    "欠费月数",
    "欠费金额",
    "案件数",
    "涉及人数",
    "投诉人数",
    "列入日期",
    "2023年6月",
    "2023年1月参保人数",  # risk data
    "编号",
    "类别",
    "检查内容",
    "问题表述",
    "法律依据",
    "风险程度",
    "整改期限",
    "期限类型",
    "整改建议",
    "适用条件",
    "停用",  # checklist
    "日期",
    "类型",
    "名称",  # holidays
    "姓名",
    "身份证号码",
    "合同类型",
    "合同年限",
    "工作年限",
    "月工资",
    "特殊情形",  # layoff list
    "合计",
    "序号",
    "备注",
    "",
)

_CODES = st.sampled_from(
    ["91410482MA3X00001K", "91410482ma3x00001k", "914104827261234567", "N", "１２３", "0" * 40]
)
_FORMULAS = st.sampled_from(
    ["=1/0", "=SUM(A1:A3)", "=A1", '="企业"&"名称"', "=NOW()", "=#REF!", '=HYPERLINK("x")']
)
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), max_size=40
)


def _clean(value: str) -> str:
    """openpyxl refuses control characters in cells: the only ones a workbook cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


CELLS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.just(""),
    _TEXT.map(_clean),
    st.sampled_from(LABELS),
    _CODES,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times().map(lambda t: time(t.hour, t.minute)),
    _FORMULAS,
    st.integers(min_value=1000, max_value=32_000).map(lambda n: "企" * n),  # huge cells
    st.sampled_from(["1,200", "１２００", " 3 ", "2023-06", "2023年6月1日", "45000", "是", "否"]),
)

ROWS = st.lists(st.lists(CELLS, max_size=12), max_size=14)
SHEET = st.tuples(st.lists(st.sampled_from(LABELS), min_size=1, max_size=12), ROWS)
MERGES = st.lists(
    st.tuples(st.integers(1, 16), st.integers(1, 12), st.integers(0, 3), st.integers(0, 3)),
    max_size=4,
)


@st.composite
def workbooks(
    draw: st.DrawFn,
) -> list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]:
    """Sheets as (name, rows, merged ranges); the first row of each is a header."""
    sheets = []
    for n in range(draw(st.integers(1, 3))):
        header, rows = draw(SHEET)
        title_rows = [[draw(_TEXT.map(_clean))]] if draw(st.booleans()) else []
        name = draw(st.sampled_from(["Sheet1", "企业名单", "数据", "清单", "名单"])) + str(n)
        sheets.append((name, [*title_rows, header, *rows], draw(MERGES)))
    return sheets


def write_xlsx(
    path: Path, sheets: list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]
) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows, merges in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([_cell_value(v) for v in row])
        for r, c, dr, dc in merges:
            if dr or dc:
                ws.merge_cells(f"{get_column_letter(c)}{r}:{get_column_letter(c + dc)}{r + dr}")
    wb.save(path)
    return path


def _cell_value(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)  # Excel holds numbers as doubles; a longer one is text
    if isinstance(value, float) and value != value:
        return "#NUM!"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "#DIV/0!"
    return value


def write_csv(path: Path, rows: list[list[Any]], encoding: str, delimiter: str) -> Path:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(
        [["" if v is None else str(v) for v in row] for row in rows]
    )
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    return path


@st.composite
def broken(draw: st.DrawFn, good: bytes) -> bytes:
    """A real workbook damaged as a download or a USB stick damages it."""
    how = draw(st.sampled_from(["truncate", "flip", "xml", "empty", "junk", "member"]))
    if how == "truncate":
        return good[: draw(st.integers(0, max(len(good) - 1, 0)))]
    if how == "flip":
        data = bytearray(good)
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "empty":
        return b""
    if how == "junk":
        return draw(st.binary(max_size=2000))
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        victim = draw(st.sampled_from(sorted(source.namelist())))
        for item in source.namelist():
            data = source.read(item)
            if item == victim:
                if how == "member":
                    continue  # a part the workbook names is missing
                data = data[: draw(st.integers(0, len(data)))] + draw(
                    st.sampled_from(
                        [
                            b"",
                            b"<x",
                            b"</worksheet>",
                            b"\xff\xfe",
                            b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
                        ]
                    )
                )
            target.writestr(item, data)
    return out.getvalue()


@st.composite
def recognised_workbooks(
    draw: st.DrawFn, door: Door
) -> list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]]]]:
    """A sheet with the door's header and fuzzed data rows first (merged cells below
    the header), then now and then another fuzzed sheet."""
    rows, header_row = draw(recognised_sheet(door, CELLS, st.sampled_from(LABELS)))
    merges = [(r + header_row, c, dr, dc) for r, c, dr, dc in draw(MERGES)]
    sheets = [(door.stem, rows, merges)]
    if draw(st.booleans()):
        sheets += draw(workbooks())[:1]
    return sheets


@st.composite
def spreadsheet_files(draw: st.DrawFn, folder: Path, doors: Sequence[Door] = ()) -> Path:
    """One file, of any kind an office might pick, written into `folder`. Given the
    doors of an import, four files in five have a header one of them recognises
    (the file is named after it: a risk file after its source)."""
    door = draw(st.sampled_from(doors)) if doors and draw(st.integers(0, 4)) else None
    sheets = draw(recognised_workbooks(door) if door else workbooks())
    stem = door.stem if door else "表格"
    kind = draw(
        st.sampled_from(["xlsx", "xlsx", "xlsx", "csv-utf8", "csv-gbk", "broken", "suffix"])
    )
    if kind.startswith("csv"):
        rows = sheets[0][1]
        encoding = "utf-8-sig" if kind == "csv-utf8" else "gbk"
        return write_csv(
            folder / f"{stem}.csv", rows, encoding, draw(st.sampled_from([",", "\t", ";"]))
        )
    path = write_xlsx(folder / f"{stem}.xlsx", sheets)
    if kind == "broken":
        path.write_bytes(draw(broken(path.read_bytes())))
    elif kind == "suffix":
        path = path.rename(
            folder / (stem + draw(st.sampled_from([".xls", ".ods", ".xlsb", ".txt", ".XLSX"])))
        )
    return path
