"""What reading a shared-data sheet found (risk_import.plan_import), before it is
written (risk_batches.apply_import): the sheet, the column mapping, the figures
matched to enterprises and the rows that were not. Both modules use it, so it sits
below them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from app.services.core.spill import SpillList

T = TypeVar("T")


@dataclass(slots=True)
class FactRow:
    enterprise_id: str
    metric: str
    period: str
    value: float
    matched_by: str
    row: int


class FactList:
    """The plan's facts in the order they were found: spilled to a temporary file
    beyond a few thousand (app/services/core/spill.py), with the few values a repeated
    row changed kept beside them (`change`) and applied as the facts are read. A
    department's million-row file held ~1 GB of facts and their index in memory
    (docs/architecture.md, speed rules)."""

    def __init__(self, facts: Iterable[FactRow] = ()) -> None:
        self.items: SpillList[FactRow] = SpillList(facts)
        self.changed: dict[int, tuple[float, int]] = {}  # index → (value, row)

    def append(self, fact: FactRow) -> int:
        self.items.append(fact)
        return len(self.items) - 1

    def value(self, index: int, found: float) -> float:
        """The value at `index` now: `found` (what was appended), unless changed since."""
        return self.changed[index][0] if index in self.changed else found

    def change(self, index: int, value: float, row: int) -> None:
        self.changed[index] = (value, row)

    def _as_now(self, index: int, fact: FactRow) -> FactRow:
        if index not in self.changed:
            return fact
        value, row = self.changed[index]
        return FactRow(fact.enterprise_id, fact.metric, fact.period, value, fact.matched_by, row)

    def __iter__(self) -> Iterator[FactRow]:
        for index, fact in enumerate(self.items):
            yield self._as_now(index, fact)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return len(self.items) > 0

    def __getitem__(self, index: int) -> FactRow:
        index = index + len(self) if index < 0 else index
        return self._as_now(index, self.items[index])


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` a list of `size` at a time, read on as they are handed out."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class RiskPlan:
    source: str
    path: Path
    sheet_name: str
    header_row: int
    labels: list[str]
    mapping: dict[int, str]
    month_columns: dict[int, str]  # column → the month it holds
    # A FactList when read from a file; the demo hands a plain list of made-up facts.
    facts: FactList | list[FactRow] = field(default_factory=FactList)
    rows_total: int = 0
    matched_by_code: int = 0
    matched_by_name: int = 0
    # Spilled too: a city-wide file given to a county matches few of its rows.
    unmatched: SpillList[tuple[int, str, str]] = field(default_factory=SpillList)
    problems: list[tuple[int, str]] = field(default_factory=list)
    wide_metrics: dict[int, str] = field(default_factory=dict)  # column → the figure

    def summary(self) -> dict[str, Any]:
        """The counts, with the unmatched rows and the problems as rows made as they are
        walked (app/cli/shared.print_json writes them a row at a time)."""
        return {
            "source": self.source,
            "rows": self.rows_total,
            "facts": len(self.facts),
            "matched_by_code": self.matched_by_code,
            "matched_by_name": self.matched_by_name,
            "unmatched": Rows(self.unmatched, ("row", "name", "code")),
            "problems": Rows(self.problems, ("row", "reason")),
        }


@dataclass(frozen=True)
class Rows:
    """Tuples as JSON-ready dicts under `keys`, made one at a time as they are walked."""

    items: SpillList[Any] | list[Any]
    keys: tuple[str, ...]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self.items:
            yield dict(zip(self.keys, item, strict=True))

    def __len__(self) -> int:
        return len(self.items)
