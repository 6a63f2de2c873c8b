"""The facts a department's file holds, planned before they are written: a table of
a private temporary database (app/services/core/spill.py), so a million-row file is
planned in the memory of a block (docs/architecture.md, speed rules).

Facts are appended as the rows are read. Once the file is read, the same enterprise,
figure and month found more than once is looked up with one GROUP BY over an index
built then (risk_match.settle_repeats decides which stays): looking every fact up as
it came cost twice as much for a file without repeats, which is most of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from app.services.core.spill import open_scratch

BLOCK = 2000  # facts written, or read back, at a time


@dataclass(slots=True)
class FactRow:
    enterprise_id: str
    metric: str
    period: str
    value: float
    matched_by: str
    row: int


class FactTable:
    """Append facts, then find the repeated ones, drop or change them, read them back."""

    def __init__(self) -> None:
        self.conn = open_scratch()
        self.conn.execute(
            "CREATE TABLE f (n INTEGER PRIMARY KEY, k TEXT, enterprise_id TEXT, metric TEXT,"
            " period TEXT, value REAL, matched_by TEXT, row INTEGER, origin INTEGER, who TEXT,"
            " dropped INTEGER NOT NULL DEFAULT 0)"
        )
        self.pending: list[tuple[Any, ...]] = []
        self.live = 0

    def add(
        self,
        enterprise_id: str,
        metric: str,
        period: str,
        value: float,
        how: str,
        row: int,
        who: str,
    ) -> None:
        key = f"{enterprise_id}\x1f{metric}\x1f{period}"
        self.pending.append((key, enterprise_id, metric, period, value, how, row, row, who))
        self.live += 1
        if len(self.pending) >= BLOCK:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.conn.executemany(
                "INSERT INTO f (k, enterprise_id, metric, period, value, matched_by, row, origin,"
                " who) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self.pending,
            )
            self.pending = []

    def repeated(self) -> Iterator[list[tuple[Any, ...]]]:
        """Each enterprise, figure and month found more than once: its facts in the order
        they were found, as (n, origin row, value, who, metric, period)."""
        self._flush()
        self.conn.execute("CREATE INDEX IF NOT EXISTS f_k ON f (k)")
        keys = [k for (k,) in self.conn.execute("SELECT k FROM f GROUP BY k HAVING count(*) > 1")]
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                "SELECT k, n, origin, value, who, metric, period FROM f"
                f" WHERE k IN ({marks}) ORDER BY k, n",
                part,
            )
            for _key, facts in groupby(rows, key=lambda r: r[0]):
                yield [f[1:] for f in facts]

    def drop(self, n: int) -> None:
        self.conn.execute("UPDATE f SET dropped = 1 WHERE n = ?", (n,))
        self.live -= 1

    def change(self, n: int, value: float, row: int) -> None:
        self.conn.execute("UPDATE f SET value = ?, row = ? WHERE n = ?", (value, row, n))

    def rows_kept(self, rows: Iterable[int]) -> dict[int, tuple[int, str, str]]:
        """For each of `rows` (of the sheet): how many of its facts are kept, how it was
        matched (by code or by name) and whom it names."""
        self._flush()
        wanted = list(rows)
        out: dict[int, tuple[int, str, str]] = {}
        if wanted:
            self.conn.execute("CREATE INDEX IF NOT EXISTS f_origin ON f (origin)")
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            for origin, kept, how, who in self.conn.execute(
                f"SELECT origin, sum(1 - dropped), min(matched_by), min(who) FROM f"
                f" WHERE origin IN ({marks}) GROUP BY origin",
                part,
            ):
                out[origin] = (int(kept), how, who)
        return out

    def __iter__(self) -> Iterator[FactRow]:
        self._flush()
        cursor = self.conn.execute(
            "SELECT enterprise_id, metric, period, value, matched_by, row FROM f"
            " WHERE dropped = 0 ORDER BY n"
        )
        while block := cursor.fetchmany(BLOCK):
            for row in block:
                yield FactRow(*row)

    def __len__(self) -> int:
        return self.live

    def __bool__(self) -> bool:
        return self.live > 0

    def __getitem__(self, index: int) -> FactRow:
        self._flush()
        index = index + self.live if index < 0 else index
        row = self.conn.execute(
            "SELECT enterprise_id, metric, period, value, matched_by, row FROM f"
            " WHERE dropped = 0 ORDER BY n LIMIT 1 OFFSET ?",
            (index,),
        ).fetchone()
        if row is None:
            raise IndexError(index)
        return FactRow(*row)
