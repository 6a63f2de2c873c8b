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

from app.services.core.spill import SortedSpill, SpillList
from app.services.risk.risk_facts import FactRow, FactTable

T = TypeVar("T")


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
    # A FactTable when read from a file; the demo hands a plain list of made-up facts.
    facts: FactTable | list[FactRow] = field(default_factory=FactTable)
    rows_total: int = 0
    matched_by_code: int = 0
    matched_by_name: int = 0
    # Spilled too: a city-wide file given to a county matches few of its rows.
    unmatched: SpillList[tuple[int, str, str]] = field(default_factory=SpillList)
    # Read back in row order; a file full of repeats has hundreds of thousands.
    problems: SortedSpill[tuple[int, Any]] = field(default_factory=SortedSpill)
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

    items: SpillList[Any] | SortedSpill[Any] | list[Any]
    keys: tuple[str, ...]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for item in self.items:
            yield dict(zip(self.keys, item, strict=True))

    def __len__(self) -> int:
        return len(self.items)
