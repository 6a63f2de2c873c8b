"""The streaming .xlsx reader gives calamine's values, and a large file is read with it
(issue 17: a million-row enterprise file in bounded memory)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from app.services.core import spreadsheet, xlsx_stream
from app.services.core.spreadsheet import read_sheets
from tests.builders import code


def every_kind_xlsx(path, *, write_only=False):
    """The cell kinds department files have, on two sheets, with gaps."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = Workbook(write_only=write_only)
    if write_only:
        notes, ws = wb.create_sheet("说明"), wb.create_sheet("名单")
    else:
        notes = wb.active
        notes.title = "说明"
        ws = wb.create_sheet("名单")
    notes.append([None, "本表仅供三方办使用"])
    ws.append(["2026年企业名单"])
    ws.append([])
    ws.append(["企业名称", "统一社会信用代码", "从业人数", "成立日期", "工会", "备注", "时间"])
    rows = [
        [
            " 甲 公司 ",
            code(1),
            12,
            date(2020, 1, 2),
            True,
            "x&<y>\n z",
            datetime(2021, 3, 4, 5, 6, 7),
        ],
        ["乙公司", 914104821000000000, 0.5, datetime(2020, 1, 2), False, "", time(10, 30)],
        [None, None, "１２", "2021年7月8日", "是", None, None],
        ["丙公司", code(3), -3.25, 44000, 1, "=1+1", datetime(2021, 3, 4, 23, 59, 59, 999999)],
    ]
    for r in rows:
        ws.append(r)
    ws.append([])
    ws.append(["合计", None, 8.75])
    if not write_only:
        ws["H12"] = "比表头宽的一格"
        ws["D9"].number_format = "yyyy年m月d日"
        ws["C7"].number_format = "0.00%"
        ws["G8"].number_format = "[h]:mm"
        ws["G8"] = 1.5
        ws["B13"] = "#N/A"
        ws["B13"].data_type = "e"
        ws["A14"] = CellRichText([TextBlock(InlineFont(b=True), "丁"), "公司"])
        ws["L20"].style = "Good"  # a styled cell without a value is not data
    wb.save(path)
    return path


def both(path):
    """calamine's sheets and the streaming reader's, each row padded to the sheet's width."""
    by_calamine = read_sheets(path)
    streamed = xlsx_stream.streamed_sheets(path)
    out = []
    for sheets in (by_calamine, streamed):
        tables = []
        for sheet in sheets:
            rows = [*sheet.rows, *(sheet.rest or ())]
            width = max([sheet.width, *map(len, rows)])
            tables.append((sheet.name, [r + [""] * (width - len(r)) for r in rows]))
        out.append(tables)
    return out


@pytest.mark.parametrize("write_only", [False, True])
@pytest.mark.parametrize("spill_strings", [False, True])
def test_the_streaming_reader_gives_calamines_values(
    tmp_path, monkeypatch, write_only, spill_strings
):
    if spill_strings:
        monkeypatch.setattr(xlsx_stream, "SHARED_IN_MEMORY", 0)
    path = every_kind_xlsx(tmp_path / "全.xlsx", write_only=write_only)
    calamine, streamed = both(path)
    assert streamed == calamine
    values = {v for _, rows in streamed for r in rows for v in r}
    kinds = {type(v).__name__ for v in values}
    assert kinds >= {"str", "float", "date", "datetime", "time", "bool"}


def test_dates_as_calamine_reads_them():
    assert xlsx_stream._number_format("yyyy年m月d日") == "date"
    assert xlsx_stream._number_format('"d"0') == ""
    assert xlsx_stream._number_format("[h]:mm") == "duration"
    assert xlsx_stream._number_format("0.00%") == ""
    from app.services.core.xlsx_rows import _date_value

    assert _date_value(59, "date", False) == date(1900, 2, 28)
    assert _date_value(61, "date", False) == date(1900, 3, 1)
    assert _date_value(0, "date", False) == time(0, 0)
    assert _date_value(44259.99999999999, "date", False) == datetime(2021, 3, 5)


def test_a_large_xlsx_is_streamed_and_a_small_one_read_by_calamine(tmp_path, monkeypatch):
    path = every_kind_xlsx(tmp_path / "全.xlsx")
    assert all(s.rest is None for s in read_sheets(path))
    monkeypatch.setattr(xlsx_stream, "LARGE_XLSX_BYTES", 0)
    import python_calamine

    def refused(*args, **kwargs):
        raise AssertionError("calamine reads the whole sheet into memory")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", refused)
    sheets = read_sheets(path)
    assert [s.name for s in sheets] == ["说明", "名单"]
    assert all(s.rest is not None for s in sheets)
    assert len(sheets[1].rows) <= spreadsheet.HEADER_SCAN_ROWS  # only the head is read


def test_a_broken_large_xlsx_is_refused_with_the_usual_message(tmp_path, monkeypatch):
    import zipfile

    path = tmp_path / "坏.xlsx"
    good = every_kind_xlsx(tmp_path / "全.xlsx")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    monkeypatch.setattr(xlsx_stream, "LARGE_XLSX_BYTES", 0)
    with pytest.raises(spreadsheet.SpreadsheetError, match="文件已损坏"):
        for sheet in read_sheets(path):
            list(sheet.rest or ())
