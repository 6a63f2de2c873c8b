"""What checking an enterprise file found (enterprise_import.plan_import): the rows to
add and update, the problems, a block of checked rows at a time.

The rows live in spill lists (app/services/core/spill.py): a file of any size is
checked in the memory of a block (docs/architecture.md, speed rules).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models.db import Database
from app.services.core.messages import N_
from app.services.core.spill import SpillCodes, SpillList
from app.services.register import enterprises


@dataclass
class RowProblem:
    row: int
    reason: str
    skipped: bool = True  # False: imported, with a remark
    cells: list[Any] | None = field(default=None, repr=False)  # a skipped row as it was


@dataclass
class ImportPlan:
    path: Path
    sheet_name: str
    sheet_names: list[str]
    header_row: int
    labels: list[str]
    mapping: dict[int, str]
    # Spilled to a temporary file beyond SPILL_AFTER rows (app/services/core/spill.py).
    to_add: SpillList[dict[str, Any]] = field(default_factory=SpillList)
    to_update: SpillList[tuple[str, dict[str, Any], int]] = field(default_factory=SpillList)
    unchanged: int = 0
    problems: SpillList[RowProblem] = field(default_factory=SpillList)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)

    def summary(self) -> dict[str, Any]:
        """The counts, and the problems as rows read from the spill list each time they
        are walked (`ProblemRows`): a file with a million problems is printed by the
        command line without holding them all (docs/architecture.md, speed rules)."""
        return {
            "added": len(self.to_add),
            "updated": len(self.to_update),
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "problems": ProblemRows(self.problems),
        }


@dataclass(frozen=True)
class ProblemRows:
    """A plan's problems as JSON-ready rows ({"row", "reason", "skipped"}), made one at
    a time as they are walked; app/cli/shared.print_json writes them as a JSON list."""

    problems: SpillList[RowProblem]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for p in self.problems:
            yield {"row": p.row, "reason": p.reason, "skipped": p.skipped}

    def __len__(self) -> int:
        return len(self.problems)


def check_block(
    db: Database, plan: ImportPlan, seen: SpillCodes, block: list[tuple[Any, ...]]
) -> None:
    """A block of checked rows into the plan: codes met before (earlier blocks are in
    `seen`) and codes in the register are looked up once for the block."""
    codes = {v["credit_code"] for _, v, _, error in block if v is not None and not error}
    existing = enterprises.registered(db, codes) if codes else {}
    earlier = seen.lookup(codes)
    new: dict[str, tuple[int, dict[str, Any]]] = {}
    for row, values, remarks, error in block:
        if values is None:  # a total or repeated header row
            plan.problems.append(RowProblem(row.number, error))
            continue
        plan.problems.extend(RowProblem(row.number, r, skipped=False) for r in remarks)
        if error:
            plan.problems.append(RowProblem(row.number, error, cells=row.cells))
            continue
        code = values["credit_code"]
        if code in new or code in earlier:
            # One code, one enterprise: the first row with a code is imported, a later
            # row with the same code is skipped and listed (README, 企业名录 → 导入).
            first, first_values = new[code] if code in new else earlier[code]
            same = _unnumbered(values) == _unnumbered(first_values)
            plan.problems.append(
                RowProblem(
                    row.number,
                    N_(
                        "与第 {first} 行完全相同（信用代码 {code}），重复的行已跳过",
                        first=first,
                        code=code,
                    )
                    if same
                    else N_(
                        "与第 {first} 行信用代码相同（{code}）但内容不同：已按第 {first} 行导入，本行未导入。请核对哪一行正确，再在名录中更正。",
                        first=first,
                        code=code,
                    ),
                    cells=row.cells,
                )
            )
            continue
        # The plan's own dict, not a copy: ~0.5 KB a row (docs/architecture.md, speed rules).
        new[code] = (row.number, values)
        if code in existing:
            enterprise_id, old = existing[code]
            changes = {k: v for k, v in values.items() if v not in (None, "") and old.get(k) != v}
            if changes:
                plan.to_update.append((enterprise_id, changes, row.number))
            else:
                plan.unchanged += 1
        else:
            values["_row"] = row.number
            plan.to_add.append(values)
    seen.add(new)


def _unnumbered(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != "_row"}
