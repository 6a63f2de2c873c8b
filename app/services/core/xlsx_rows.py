"""A sheet of a very large .xlsx read a row at a time (xlsx_stream), with calamine's values."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from xml.parsers import expat

READ_BLOCK = 1 << 20  # bytes of sheet XML handed to expat at a time
_EPOCH = datetime(1899, 12, 30)

_C, _V, _T, _ROW, _PHONETIC = 1, 2, 3, 4, 5
_TAGS = {"c": _C, "v": _V, "t": _T, "row": _ROW, "rPh": _PHONETIC}


def _column(letters: str) -> int:
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return col - 1


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
        self.tags: dict[str, int] = {}

    def rows(self) -> Iterator[list[Any]]:
        # No namespace processing: tags are looked up by their name as written (a
        # prefix such as "x:" is read past once per name), which halves expat's cost.
        parser = expat.ParserCreate()
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

    def _tag(self, name: str) -> int:
        tag = self.tags[name] = _TAGS.get(name.rpartition(":")[2], 0)
        return tag

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self.tags.get(name)
        if tag is None:
            tag = self._tag(name)
        if tag == _C:
            ref = attrs.get("r")
            if ref:
                key = ref.rstrip("0123456789")
                col = self.columns.get(key)
                if col is None:
                    col = self.columns[key] = _column(key)
                self.col = col
            else:
                self.col += 1
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.text = None
        elif tag == _V or tag == _T:
            if not self.skip and (self.text is None or tag == _V):
                self.text = []
        elif tag == _ROW:
            number = attrs.get("r")
            self.row_number = int(number) if number else self.row_number + 1
            self.row = []
            self.col = -1
        elif tag == _PHONETIC:
            self.skip += 1

    def chars(self, data: str) -> None:
        if self.text is not None and not self.skip:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = self.tags.get(name)
        if tag == _C:
            value = self.value()
            self.text = None
            if value == "":
                return
            row = self.row
            col = self.col
            if len(row) == col:
                row.append(value)
            elif len(row) < col:
                row.extend([""] * (col - len(row)))
                row.append(value)
            else:
                row[col] = value
        elif tag == _ROW:
            if not self.row:  # a blank row is handed on only when a row with data follows
                return
            while self.emitted < self.row_number - 1:
                self.done.append([])
                self.emitted += 1
            if self.shared_cells:
                self.resolve()
            self.done.append(self.row)
            self.emitted = self.row_number
        elif tag == _PHONETIC:
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
