"""What every spreadsheet reader hands on (spreadsheet.py reads with calamine or csv,
xlsx_stream.py streams a very large .xlsx): the sheet and the error saying why not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.core.messages import N_

HEADER_SCAN_ROWS = 30


class SpreadsheetError(Exception):
    """The file cannot be used; the message says why and what to do."""


def damaged(path: Path) -> SpreadsheetError:
    """A damaged file, or one that is no workbook at all: what to do, never the
    reader's own words (they go to the log)."""
    return SpreadsheetError(
        N_(
            "无法读取“{file}”：文件已损坏，或不是 Excel、WPS 表格或 CSV 文件。"
            "请在 Excel 或 WPS 中打开它并另存为 .xlsx 后再导入；打不开时请发文件的单位重新发送一份。",
            file=path.name,
        )
    )


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    # A very large .xlsx (xlsx_stream): `rows` are the first HEADER_SCAN_ROWS, `rest`
    # reads on from the file; `width` is the widest row so far, as calamine pads to.
    rest: Iterator[list[Any]] | None = None
    width: int = 0
