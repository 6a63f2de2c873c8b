"""Reading a very large .xlsx a row at a time, with the values python-calamine gives.

python-calamine reads a whole sheet into memory before it hands back the first row
(~1.1 GB for a million rows of twelve columns, even through `iter_rows`); a province's
enterprise list is that size. Above `LARGE_XLSX_BYTES` of sheet XML the sheet is parsed
here with expat, straight from the zip member, so memory does not grow with the rows
(docs/architecture.md, speed rules). The values are calamine's, cell for cell: numbers
as float, date formats as date / datetime / time (a [h]:mm duration as timedelta),
booleans, errors and empty cells as "", rows and columns where the file leaves gaps.
Shared strings beyond `SHARED_IN_MEMORY` bytes of XML go to a temporary SQLite file.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any
from xml.parsers import expat

from app.services.core.sheet_types import HEADER_SCAN_ROWS, Sheet, damaged
from app.services.core.spill import open_scratch
from app.services.core.xlsx_rows import READ_BLOCK, SheetRows

log = logging.getLogger(__name__)

LARGE_XLSX_BYTES = 48 * 1024 * 1024  # sheet XML; ~50,000 rows of twelve columns
SHARED_IN_MEMORY = 16 * 1024 * 1024
_DATE_IDS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 47}
_DURATION_IDS = {46}


def is_large(path: str) -> bool:
    """An .xlsx whose sheets, unpacked, are too big to read whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            return (
                sum(
                    i.file_size
                    for i in archive.infolist()
                    if i.filename.startswith("xl/worksheets/")
                )
                > LARGE_XLSX_BYTES
            )
    except (OSError, zipfile.BadZipFile):
        return False  # calamine says why the file cannot be read


def streamed_sheets(path: Path) -> list[Sheet]:
    """Each sheet with its first rows read, the rest read as they are asked for."""
    book = Workbook(str(path))
    return [_streamed(path, name, book.rows(i)) for i, (name, _) in enumerate(book.sheets)]


def _streamed(path: Path, name: str, rows: Iterator[list[Any]]) -> Sheet:
    """The first rows read, padded as calamine pads them; the rest read on demand."""
    head = list(islice(rows, HEADER_SCAN_ROWS))
    sheet = Sheet(name, head, width=max(map(len, head), default=0))
    for row in head:
        row.extend([""] * (sheet.width - len(row)))

    def rest() -> Iterator[list[Any]]:
        from xml.parsers.expat import ExpatError

        try:
            for row in rows:
                if len(row) < sheet.width:
                    row.extend([""] * (sheet.width - len(row)))
                sheet.width = len(row) if len(row) > sheet.width else sheet.width
                yield row
        except (ExpatError, OSError, ValueError, KeyError) as exc:
            log.info("could not read %s row by row: %s", path, exc)
            raise damaged(path) from exc

    sheet.rest = rest()
    return sheet


def _local(name: str) -> str:
    return name[name.rfind(" ") + 1 :]


def _parse(archive: zipfile.ZipFile, member: str, start: Any, end: Any, text: Any) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = text
    with archive.open(member) as handle:
        while block := handle.read(READ_BLOCK):
            parser.Parse(block, False)
    parser.Parse(b"", True)


def _number_format(code: str) -> str:
    """calamine's reading of a custom number format: "date", "duration" or ""."""
    escaped = quoted = ampm = hms = False
    brackets = 0
    prev = " "
    for ch in code:
        if escaped:
            escaped = False
        elif ch in "_\\":
            escaped = True
        elif quoted:
            quoted = ch != '"'
        elif ch == '"':
            quoted = True
        elif ch == ";":
            return ""
        elif ch == "[":
            brackets += 1
        elif ch == "]" and brackets == 1 and hms:
            return "duration"
        elif ch == "]":
            brackets = max(brackets - 1, 0)
        elif ch in "aA" and not ampm and brackets == 0:
            ampm = True
        elif ampm and brackets == 0 and ch in "pm/PM":
            return "date"
        elif not ampm and brackets == 0 and ch in "dmhysDMHYS":
            return "date"
        elif not (hms and ch == prev):
            hms = prev == "[" and ch in "mhsMHS"
        prev = ch
    return ""


class Workbook:
    """The sheets of an .xlsx, each read a row at a time."""

    def __init__(self, path: str) -> None:
        self.archive = zipfile.ZipFile(path)
        self.sheets: list[tuple[str, str]] = []
        self.date1904 = False
        self.kinds: list[str] = []  # per cell style: "date", "duration" or ""
        self.shared: list[str] | _SpilledStrings = []
        self._read_workbook()
        self._read_styles()
        self._read_shared()

    def _read_workbook(self) -> None:
        targets: dict[str, str] = {}

        def rel(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship":
                target = attrs.get("Target", "")
                targets[attrs.get("Id", "")] = (
                    target.lstrip("/") if target.startswith("/") else "xl/" + target
                )

        _parse(self.archive, "xl/_rels/workbook.xml.rels", rel, None, None)
        names: list[tuple[str, str]] = []

        def book(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "workbookPr":
                self.date1904 = attrs.get("date1904", "").lower() in ("1", "true")
            elif local == "sheet":
                rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
                names.append((attrs.get("name", ""), targets.get(rid, "")))

        _parse(self.archive, "xl/workbook.xml", book, None, None)
        self.sheets = names

    def _read_styles(self) -> None:
        if "xl/styles.xml" not in self.archive.namelist():
            return
        custom: dict[int, str] = {}
        ids: list[int] = []
        where: list[str] = []

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "numFmt":
                custom[int(attrs["numFmtId"])] = _number_format(attrs.get("formatCode", ""))
            elif local in ("cellXfs", "cellStyleXfs"):
                where.append(local)
            elif local == "xf" and where and where[-1] == "cellXfs":
                ids.append(int(attrs.get("numFmtId", "0")))

        def end(name: str) -> None:
            if _local(name) in ("cellXfs", "cellStyleXfs"):
                where.pop()

        _parse(self.archive, "xl/styles.xml", start, end, None)
        self.kinds = [
            custom[i]
            if i in custom
            else "date"
            if i in _DATE_IDS
            else "duration"
            if i in _DURATION_IDS
            else ""
            for i in ids
        ]

    def _read_shared(self) -> None:
        member = next(
            (n for n in self.archive.namelist() if n.lower() == "xl/sharedstrings.xml"), ""
        )
        if not member:
            return
        spill = self.archive.getinfo(member).file_size > SHARED_IN_MEMORY
        out: list[str] | _SpilledStrings = _SpilledStrings() if spill else []
        parts: list[str] = []
        state = {"t": False, "skip": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "t" and not state["skip"]:
                state["t"] = True
            elif local == "rPh":  # phonetic guide: not part of the text
                state["skip"] += 1

        def end(name: str) -> None:
            local = _local(name)
            if local == "t":
                state["t"] = False
            elif local == "rPh":
                state["skip"] -= 1
            elif local == "si":
                out.append("".join(parts))
                parts.clear()

        def text(data: str) -> None:
            if state["t"]:
                parts.append(data)

        _parse(self.archive, member, start, end, text)
        if isinstance(out, _SpilledStrings):
            out.flush()
        self.shared = out

    def rows(self, index: int) -> Iterator[list[Any]]:
        """The sheet's rows from row 1, a blank row as [], a row as far as its last value."""
        return SheetRows(self, self.sheets[index][1]).rows()


class _SpilledStrings:
    """Shared strings in a temporary SQLite file, looked up a row's worth at a time."""

    def __init__(self) -> None:
        self.conn = open_scratch()
        self.conn.execute("CREATE TABLE s (i INTEGER PRIMARY KEY, t TEXT)")
        self.pending: list[tuple[int, str]] = []
        self.count = 0

    def append(self, text: str) -> None:
        self.pending.append((self.count, text))
        self.count += 1
        if len(self.pending) >= 10000:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO s VALUES (?, ?)", self.pending)
        self.pending.clear()

    def lookup(self, indexes: list[int]) -> dict[int, str]:
        marks = ",".join("?" * len(indexes))
        return dict(self.conn.execute(f"SELECT i, t FROM s WHERE i IN ({marks})", indexes))
