"""Matching a department's rows to the register and planning their facts, a block of
rows at a time, without holding the file or the register in memory
(docs/architecture.md, speed rules)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import false, select

from app.models import Enterprise
from app.models.db import Database
from app.services.core.fields import clean_text
from app.services.core.messages import N_
from app.services.core.spill import SpillList, SpillTuples, open_scratch
from app.services.core.spreadsheet import DataRow
from app.services.risk.risk_plan import FactList, FactRow, RiskPlan
from app.services.risk.risk_rows import EVERY_ROW_COUNTS, metric_label, named_by, row_facts
from app.services.risk.risk_sources import worse_is_lower

INDEX_BLOCK = 5000  # register rows read at a time when matching a file to it
CHECK_BLOCK = 500  # rows whose credit codes are looked up together


class RowCheck:
    """Matches a block of rows to the register and turns them into facts.

    A row is matched by its credit code through the live credit-code index, a block
    of codes a query. The rows no code matched wait in a spill list (`by_name_later`)
    with their names in a scratch table; once the file is read, one pass over the
    register finds the names that belong to exactly one live enterprise, and those
    rows are checked in the order they came. Facts already planned are found by
    (enterprise, figure, month) in a spilled lookup (`seen`): nothing grows with the
    file in memory but the problems (docs/architecture.md, speed rules)."""

    def __init__(self, db: Database, plan: RiskPlan) -> None:
        self.db = db
        self.plan = plan
        self.by_name_later: SpillList[DataRow] = SpillList()
        self.names: sqlite3.Connection | None = None
        self.seen = SpillTuples(3)  # fact key → (first row, index in facts, value found)

    def by_code(self, block: list[DataRow]) -> None:
        if not block:
            return
        names = [named_by(row.cells, self.plan.mapping) for row in block]
        codes = {code for _, code, _ in names if code}
        found = live_codes(self.db, codes) if codes else {}
        matched = []
        for row, (raw, code, name) in zip(block, names, strict=True):
            if code in found:
                matched.append((row, raw, name or code, found[code], "code"))
            else:
                self.by_name_later.append(row)
                self._note_name(name)
        self._facts(matched)

    def _note_name(self, name: str) -> None:
        if not name:
            return
        if self.names is None:
            self.names = open_scratch()
            self.names.execute(
                "CREATE TABLE n (name TEXT PRIMARY KEY, enterprise_id TEXT, live INTEGER DEFAULT 0)"
            )
        self.names.execute("INSERT OR IGNORE INTO n (name) VALUES (?)", (name,))

    def by_name(self) -> None:
        if self.names is not None:
            register_names(self.db, self.names)
        block: list[tuple[Any, ...]] = []
        for row in self.by_name_later:
            raw, code, name = named_by(row.cells, self.plan.mapping)
            block.append((row, raw, name, code))
            if len(block) >= CHECK_BLOCK:
                self._named(block)
                block = []
        self._named(block)

    def _named(self, block: list[tuple[Any, ...]]) -> None:
        names = {name for _, _, name, _ in block if name}
        ids: dict[str, str] = {}
        if names and self.names is not None:
            marks = ",".join("?" * len(names))
            ids = dict(
                self.names.execute(
                    f"SELECT name, enterprise_id FROM n WHERE live = 1 AND name IN ({marks})",
                    list(names),
                )
            )
        matched = []
        for row, raw, name, code in block:
            if name in ids:
                matched.append((row, raw, name, ids[name], "name"))
            else:
                self.plan.unmatched.append((row.number, name, code))
        self._facts(matched)

    def _facts(self, matched: list[tuple[Any, ...]]) -> None:
        """The facts of matched rows, each enterprise, figure and month once."""
        plan = self.plan
        made = []
        for row, raw, who, enterprise_id, how in matched:
            try:
                facts = row_facts(
                    plan.source, raw, row.cells, plan.wide_metrics, plan.month_columns
                )
            except ValueError as exc:
                plan.problems.append((row.number, f"{who}：{exc}，该行未导入"))
                continue
            made.append((row, who, enterprise_id, how, facts))
        repeats = plan.source not in EVERY_ROW_COUNTS
        keys = (
            {fact_key(e, m, p) for _, _, e, _, facts in made for m, p, _ in facts}
            if repeats
            else ()
        )
        earlier = self.seen.lookup(keys) if keys else {}
        new: dict[str, tuple[Any, ...]] = {}
        for row, who, enterprise_id, how, facts in made:
            kept = 0
            same_as: set[int] = set()
            for metric, period, value in facts:
                key = fact_key(enterprise_id, metric, period)
                first = (new.get(key) or earlier.get(key)) if repeats else None
                if first is not None:
                    same = duplicate(plan, first, row.number, who, metric, period, value)
                    if same:
                        same_as.add(same)
                    continue
                index = plan.facts.append(  # type: ignore[union-attr]
                    FactRow(enterprise_id, metric, period, value, how, row.number)
                )
                if repeats:
                    new[key] = (row.number, index, value)
                kept += 1
            if same_as and not kept:
                plan.problems.append(
                    (
                        row.number,
                        N_(
                            "{who}：与第 {first} 行的数据相同，重复的行已跳过",
                            who=who,
                            first=sorted(same_as),
                        ),
                    )
                )
            if kept:
                plan.matched_by_code += how == "code"
                plan.matched_by_name += how == "name"
        if new:
            self.seen.add(new)


def fact_key(enterprise_id: str, metric: str, period: str) -> str:
    return f"{enterprise_id}\x1f{metric}\x1f{period}"


def duplicate(
    plan: RiskPlan,
    first: tuple[Any, ...],
    row: int,
    who: str,
    metric: str,
    period: str,
    value: float,
) -> int:
    """The same enterprise, figure and month twice. The same value: a repeated row
    (returns the first row's number, reported once per row by the caller). Two
    values: the more severe is kept (higher arrears, lower headcount or tax) and
    both rows are reported; returns 0."""
    first_row, index, found = first
    facts = plan.facts
    assert isinstance(facts, FactList)  # a plan read from a file
    first_value = facts.value(index, found)
    when = period or "（不分期）"
    label = metric_label(plan.source, metric)
    if first_value == value:
        return first_row
    lower = worse_is_lower(plan.source, metric)
    severe = min(first_value, value) if lower else max(first_value, value)
    kept_row = first_row if severe == first_value else row
    facts.change(index, severe, kept_row)
    # Rows matched by name are checked after those matched by code: the message
    # names the two rows in the sheet's order whichever was met first.
    (a, va), (b, vb) = sorted(((first_row, first_value), (row, value)))
    message = N_(
        "{who}：{when} 的{label}有两个不同的值——第 {a} 行为 {va:g}，第 {b} 行为 {vb:g}；按较严重的 {kept:g}（第 {k} 行）计入，请向报送部门核实。",
        who=who,
        when=when,
        label=label,
        a=a,
        va=va,
        b=b,
        vb=vb,
        kept=severe,
        k=kept_row,
    )
    plan.problems.append((first_row, message))
    plan.problems.append((row, message))
    return 0


def live_codes(db: Database, codes: set[str]) -> dict[str, str]:
    """The live enterprises' ids by credit code, for `codes` (through the live
    credit-code index, 500 codes a query)."""
    wanted = sorted(codes)
    found: dict[str, str] = {}
    with db.reader() as conn:
        for start in range(0, len(wanted), 500):
            found.update(
                conn.execute(
                    select(Enterprise.credit_code, Enterprise.id).where(
                        Enterprise.deleted == false(),
                        Enterprise.credit_code.in_(wanted[start : start + 500]),
                    )
                ).all()
            )
    return found


def register_names(db: Database, names: sqlite3.Connection) -> None:
    """Marks in the scratch table `names` each name that belongs to exactly one live
    enterprise (an ambiguous name matches nothing), with its id: the register is read
    once, a block at a time, and only the file's names are looked up."""
    with db.reader() as conn:
        rows = conn.execution_options(yield_per=INDEX_BLOCK).execute(
            select(Enterprise.id, Enterprise.name).where(Enterprise.deleted == false())
        )
        for part in rows.partitions():
            by_name: dict[str, list[str]] = {}
            for eid, name in part:
                by_name.setdefault(clean_text(name), []).append(eid)
            marks = ",".join("?" * len(by_name))
            present = names.execute(f"SELECT name FROM n WHERE name IN ({marks})", list(by_name))
            names.executemany(
                "UPDATE n SET live = live + ?, enterprise_id = coalesce(enterprise_id, ?)"
                " WHERE name = ?",
                [(len(by_name[n]), by_name[n][0], n) for (n,) in present.fetchall()],
            )
