"""Lists and lookups that move to a temporary SQLite file once they grow.

An import's plan holds a row for every row of the file until it is written; a
million-row file would hold ~1 GB of them. Up to `SPILL_AFTER` items everything
stays in memory as a plain list or dict (an ordinary file behaves as it always
has); beyond, items go to a temporary file a block at a time, pickled, and are
read back a block at a time (docs/architecture.md, speed rules).
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, Generic, TypeVar

T = TypeVar("T")
SPILL_AFTER = 20_000
BLOCK = 2_000


def open_scratch() -> sqlite3.Connection:
    """A private temporary database: SQLite names the file and removes it when the
    connection closes, as it does when its owner is dropped (on a POSIX system the
    file is unlinked at once, so even a killed process leaves nothing behind)."""
    # The plan is made on one worker thread and written on another.
    conn = sqlite3.connect("", check_same_thread=False)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    return conn


class SpillList(Generic[T]):
    """Append, count, iterate in order, index and slice (as a list would)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.tail: list[T] = []  # the newest items, in memory
        self.spilled = 0  # how many are in the file, BLOCK a row
        self.conn: sqlite3.Connection | None = None
        self.extend(items)

    def append(self, item: T) -> None:
        self.tail.append(item)
        if len(self.tail) >= SPILL_AFTER:
            self._spill()

    def extend(self, items: Iterable[T]) -> None:
        for item in items:
            self.append(item)

    def _spill(self) -> None:
        if self.conn is None:
            self.conn = open_scratch()
            self.conn.execute("CREATE TABLE b (n INTEGER PRIMARY KEY, items BLOB)")
        blocks = [self.tail[i : i + BLOCK] for i in range(0, len(self.tail), BLOCK)]
        self.conn.executemany(
            "INSERT INTO b (items) VALUES (?)",
            ((pickle.dumps(b, pickle.HIGHEST_PROTOCOL),) for b in blocks),
        )
        self.spilled += len(self.tail)
        self.tail = []

    def blocks(self) -> Iterator[list[T]]:
        """The items a block at a time, in order; only one spilled block in memory."""
        if self.conn is not None:
            last = 0
            while True:
                row = self.conn.execute(
                    "SELECT n, items FROM b WHERE n > ? ORDER BY n LIMIT 1", (last,)
                ).fetchone()
                if row is None:
                    break
                last = row[0]
                yield pickle.loads(row[1])
        if self.tail:
            yield self.tail

    def __iter__(self) -> Iterator[T]:
        for block in self.blocks():
            yield from block

    def __len__(self) -> int:
        return self.spilled + len(self.tail)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, SpillList)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SpillList({len(self)} items, {self.spilled} in the file)"

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            if index.step not in (None, 1) or (index.start or 0) < 0 or (index.stop or 0) < 0:
                return list(self)[index]
            return list(islice(self, index.start, index.stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return next(islice(self, index, None))


class SpillCodes:
    """Code → (first row number, values): kept in memory up to SPILL_AFTER codes,
    then in the temporary file; looked up a block of codes at a time."""

    def __init__(self) -> None:
        self.memory: dict[str, tuple[int, dict[str, Any]]] = {}
        self.conn: sqlite3.Connection | None = None

    def __len__(self) -> int:
        if self.conn is None:
            return len(self.memory)
        return int(self.conn.execute("SELECT count(*) FROM c").fetchone()[0])

    def lookup(self, codes: Iterable[str]) -> dict[str, tuple[int, dict[str, Any]]]:
        if self.conn is None:
            return {c: self.memory[c] for c in codes if c in self.memory}
        found: dict[str, tuple[int, dict[str, Any]]] = {}
        wanted = list(codes)
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            for code, row, blob in self.conn.execute(
                f"SELECT code, row, vals FROM c WHERE code IN ({marks})", part
            ):
                found[code] = (row, pickle.loads(blob))
        return found

    def add(self, entries: dict[str, tuple[int, dict[str, Any]]]) -> None:
        """Codes not yet held (the caller looked them up first)."""
        if self.conn is None:
            self.memory.update(entries)
            if len(self.memory) < SPILL_AFTER:
                return
            self.conn = open_scratch()
            self.conn.execute("CREATE TABLE c (code TEXT PRIMARY KEY, row INTEGER, vals BLOB)")
            entries, self.memory = self.memory, {}
        self.conn.executemany(
            "INSERT INTO c VALUES (?, ?, ?)",
            (
                (code, row, pickle.dumps(values, pickle.HIGHEST_PROTOCOL))
                for code, (row, values) in entries.items()
            ),
        )


class SortedSpill(SpillList[T]):
    """Items read back in the order of their first element (a row number), then of
    their arrival — what `sorted(items, key=first)` gives — kept in memory up to
    SPILL_AFTER and then in a table of the temporary file: a department file's
    problems, which arrive out of row order (repeats are settled after the file is
    read) and can number hundreds of thousands (~700 bytes each with their message).
    Appending, counting, indexing and comparing are SpillList's."""

    def _spill(self) -> None:
        if self.conn is None:
            self.conn = open_scratch()
            self.conn.execute("CREATE TABLE s (n INTEGER PRIMARY KEY, k INTEGER, item BLOB)")
            self.conn.execute("CREATE INDEX s_k ON s (k, n)")
        self.conn.executemany(
            "INSERT INTO s (k, item) VALUES (?, ?)",
            ((item[0], pickle.dumps(item, pickle.HIGHEST_PROTOCOL)) for item in self.tail),  # type: ignore[index]
        )
        self.spilled += len(self.tail)
        self.tail = []

    def __iter__(self) -> Iterator[T]:
        if self.conn is None:
            yield from sorted(self.tail, key=lambda item: item[0])  # type: ignore[index]
            return
        self._spill()
        cursor = self.conn.execute("SELECT item FROM s ORDER BY k, n")
        while block := cursor.fetchmany(BLOCK):
            for (blob,) in block:
                yield pickle.loads(blob)
