"""What reading a shared-data sheet found (risk_import.plan_import), before it is
written (risk_batches.apply_import): the sheet, the column mapping, the figures
matched to enterprises and the rows that were not. Both modules use it, so it sits
below them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class FactRow:
    enterprise_id: str
    metric: str
    period: str
    value: float
    matched_by: str
    row: int


@dataclass
class RiskPlan:
    source: str
    path: Path
    sheet_name: str
    header_row: int
    labels: list[str]
    mapping: dict[int, str]
    month_columns: dict[int, str]  # column → the month it holds
    facts: list[FactRow] = field(default_factory=list)
    rows_total: int = 0
    matched_by_code: int = 0
    matched_by_name: int = 0
    unmatched: list[tuple[int, str, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    wide_metrics: dict[int, str] = field(default_factory=dict)  # column → the figure

    def summary(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rows": self.rows_total,
            "facts": len(self.facts),
            "matched_by_code": self.matched_by_code,
            "matched_by_name": self.matched_by_name,
            "unmatched": [{"row": r, "name": n, "code": c} for r, n, c in self.unmatched],
            "problems": [{"row": r, "reason": t} for r, t in self.problems],
        }
