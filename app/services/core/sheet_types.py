"""What every spreadsheet reader hands on (spreadsheet.py reads with calamine or csv,
xlsx_stream.py streams a very large .xlsx): the sheet and the error saying why not."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

HEADER_SCAN_ROWS = 30


class SpreadsheetError(Exception):
    """The file cannot be used; the message says why and what to do."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    # A very large .xlsx (xlsx_stream): `rows` are the first HEADER_SCAN_ROWS, `rest`
    # reads on from the file; `width` is the widest row so far, as calamine pads to.
    rest: Iterator[list[Any]] | None = None
    width: int = 0
