"""A sheet of a very large .xlsx read a row at a time (xlsx_stream), with calamine's values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from xml.parsers import expat

READ_BLOCK = 1 << 20  # bytes of sheet XML handed to expat at a time
_EPOCH = datetime(1899, 12, 30)

_CELL_REF = re.compile(r"([A-Za-z]+)(\d*)")


class SheetRows:
    def __init__(self, book: Any, member: str) -> None:
        self.book = book
        self.member = member
        self.done: list[list[Any]] = []
        self.row: list[Any] = []
        self.row_number = 0  # 1-based number of the row being read
        self.emitted = 0  # rows handed on so far
        self.col = -1
        self.kind = ""  # the cell's t attribute
        self.style = 0
        self.text: list[str] | None = None
        self.skip = 0
        self.shared_cells: list[int] = []  # (column) of cells holding a shared-string index
        self.columns: dict[str, int] = {}

    def rows(self) -> Iterator[list[Any]]:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.chars
        with self.book.archive.open(self.member) as handle:
            while block := handle.read(READ_BLOCK):
                parser.Parse(block, False)
                yield from self.done
                self.done.clear()
        parser.Parse(b"", True)
        yield from self.done
        self.done.clear()

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name[name.rfind(" ") + 1 :]
        if local == "c":
            ref = attrs.get("r")
            if ref:
                letters = _CELL_REF.match(ref)
                key = letters.group(1).upper() if letters else ""
                col = self.columns.get(key)
                if col is None:
                    col = 0
                    for ch in key:
                        col = col * 26 + ord(ch) - 64
                    col -= 1
                    self.columns[key] = col
                self.col = col
            else:
                self.col += 1
            self.kind = attrs.get("t", "n")
            self.style = int(attrs.get("s", "0"))
            self.text = None
        elif local == "row":
            number = attrs.get("r")
            self.row_number = int(number) if number else self.row_number + 1
            self.row = []
            self.col = -1
        elif local in ("v", "t") and not self.skip:
            self.text = [] if self.text is None or local == "v" else self.text
        elif local == "rPh":
            self.skip += 1

    def chars(self, data: str) -> None:
        if self.text is not None and not self.skip:
            self.text.append(data)

    def end(self, name: str) -> None:
        local = name[name.rfind(" ") + 1 :]
        if local == "c":
            value = self.value()
            self.text = None
            if value == "":
                return
            row = self.row
            if len(row) < self.col:
                row.extend([""] * (self.col - len(row)))
            if len(row) == self.col:
                row.append(value)
            else:
                row[self.col] = value
        elif local == "row":
            if not self.row:  # a blank row is handed on only when a row with data follows
                return
            while self.emitted < self.row_number - 1:
                self.done.append([])
                self.emitted += 1
            if self.shared_cells:
                self.resolve()
            self.done.append(self.row)
            self.emitted = self.row_number
        elif local == "rPh":
            self.skip -= 1

    def value(self) -> Any:
        text = "".join(self.text) if self.text is not None else None
        kind = self.kind
        if kind == "s":
            if not text:
                return ""
            shared = self.book.shared
            if isinstance(shared, list):
                index = int(text)
                return shared[index] if index < len(shared) else ""
            self.shared_cells.append(self.col)
            return int(text)  # looked up with the row's other strings
        if kind in ("inlineStr", "str"):
            return text or ""
        if not text:
            return ""
        if kind == "b":
            return text.strip() not in ("0", "false")
        if kind == "e":
            return ""
        if kind == "d":
            return text
        number = float(text)
        kinds = self.book.kinds
        style = kinds[self.style] if self.style < len(kinds) else ""
        return _date_value(number, style, self.book.date1904) if style else number

    def resolve(self) -> None:
        row = self.row
        indexes = [row[j] for j in self.shared_cells]
        found = self.book.shared.lookup(indexes)  # type: ignore[union-attr]
        for j in self.shared_cells:
            row[j] = found.get(row[j], "")
        self.shared_cells = []


def _date_value(number: float, style: str, date1904: bool) -> Any:
    """calamine's date: under one day a time, a whole day a date, else a datetime
    (to the millisecond); a [h]:mm duration a timedelta."""
    if style == "duration":
        return timedelta(milliseconds=round(number * 86_400_000))
    days = number + 1462 if date1904 else number
    if days < 60:  # Excel's 29 February 1900, which never was
        days += 1
    moment = _EPOCH + timedelta(milliseconds=round(days * 86_400_000))
    if number < 1:
        return moment.time()
    return moment.date() if number == int(number) else moment
