"""Reading a spreadsheet file into sheets of cells (spreadsheet.py finds the header
and the rows): .xlsx/.xls/.xlsb/.ods with python-calamine (a very large .xlsx a
row at a time, xlsx_stream.py), a workbook named as the other format by its
content, and .csv in UTF-8 or GBK."""

from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

from app.services.core.messages import N_
from app.services.core.sheet_types import Sheet, SpreadsheetError, damaged

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt")


def read_sheets(path: str | Path) -> list[Sheet]:
    path = Path(path)
    if not path.exists():
        raise SpreadsheetError(N_("找不到文件：{path}", path=str(path)))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return [Sheet(path.stem, _read_csv(path))]
    if suffix not in SPREADSHEET_SUFFIXES:
        raise SpreadsheetError(
            N_(
                "不支持的文件类型“{suffix}”。请另存为 .xlsx、.xls 或 .csv 后再导入。",
                suffix=path.suffix,
            )
        )
    return _read_workbook(path)


def _read_workbook(path: Path) -> list[Sheet]:
    from python_calamine import CalamineWorkbook

    from app.services.core import xlsx_stream

    with open(path, "rb") as handle:
        magic = handle.read(8)
        try:
            if path.suffix.lower() in (".xlsx", ".xlsm") and xlsx_stream.is_large(str(path)):
                return xlsx_stream.streamed_sheets(path)
            # Read by content, not by name: departments "convert" by renaming (an old .xls
            # named .xlsx, an .xlsx named .xls), and calamine tells the formats apart.
            handle.seek(0)
            return _sheets_of(CalamineWorkbook.from_filelike(handle))
        except Exception as exc:  # calamine raises several error types
            raise _unreadable(path, magic, exc) from exc


def _unreadable(path: Path, magic: bytes, exc: Exception) -> SpreadsheetError:
    """What to tell the user about a workbook calamine could not read: what to do, in
    the user's language; the reader's own words ("Cannot detect file format") go to
    the log, not into the message."""
    log.info("could not read %s as a workbook: %s", path, exc)
    text = str(exc).lower()
    if path.suffix.lower() in (".xlsx", ".xlsm") and magic.startswith(b"\xd0\xcf\x11\xe0"):
        # An .xlsx that is an OLE container and no .xls is an encrypted (password) workbook.
        return SpreadsheetError(
            N_(
                "无法读取“{file}”：工作簿设有打开密码。"
                "请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx，再导入。",
                file=path.name,
            )
        )
    if "password" in text or "encrypt" in text:
        return SpreadsheetError(
            N_(
                "无法读取“{file}”：工作簿已加密。请取消密码后另存为 .xlsx 再导入。",
                file=path.name,
            )
        )
    return damaged(path)


def _sheets_of(workbook: Any) -> list[Sheet]:
    sheets = []
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheets.append(Sheet(name, [list(r) for r in rows]))
    return sheets


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes every byte string
        raise SpreadsheetError(
            N_(
                "无法识别“{file}”的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV。",
                file=path.name,
            )
        )
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        # A bare carriage return inside an unquoted field (a cell pasted from another
        # program) stops Python's csv reader; the office can only re-save the file.
        log.info("could not read %s as CSV: %s", path, exc)
        raise SpreadsheetError(
            N_(
                "无法读取“{file}”：CSV 格式有误，常见原因是单元格内有未加引号的换行。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。",
                file=path.name,
            )
        ) from exc
