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
from app.services.core.spill import SpillList, open_scratch
from app.services.core.spreadsheet import DataRow
from app.services.risk.risk_facts import FactTable
from app.services.risk.risk_plan import RiskPlan
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
    rows are checked in the order they came. The facts go to a FactTable; repeats are
    settled once the file is read (`settle_repeats`): nothing grows with the file in
    memory but the problems (docs/architecture.md, speed rules)."""

    def __init__(self, db: Database, plan: RiskPlan) -> None:
        self.db = db
        self.plan = plan
        self.by_name_later: SpillList[DataRow] = SpillList()
        self.names: sqlite3.Connection | None = None

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
        """The facts of matched rows; repeats are settled once the file is read."""
        plan = self.plan
        facts = plan.facts
        assert isinstance(facts, FactTable)  # a plan read from a file
        for row, raw, who, enterprise_id, how in matched:
            try:
                found = row_facts(
                    plan.source, raw, row.cells, plan.wide_metrics, plan.month_columns
                )
            except ValueError as exc:
                plan.problems.append((row.number, f"{who}：{exc}，该行未导入"))
                continue
            if not found:  # matched, but every figure empty or "-": said, not lost from the counts
                plan.problems.append(
                    (row.number, N_("{who}：这一行没有数据（各项为空或“-”），已跳过", who=who))
                )
                continue
            for metric, period, value in found:
                facts.add(enterprise_id, metric, period, value, how, row.number, who)
            if found:
                plan.matched_by_code += how == "code"
                plan.matched_by_name += how == "name"


def settle_repeats(plan: RiskPlan) -> None:
    """The same enterprise, figure and month more than once (court cases and complaints
    aside: each row is its own). The same value: a repeated row, dropped; a row all of
    whose figures repeat earlier rows is reported once ("与第 N 行的数据相同"). Two values:
    the more severe is kept (higher arrears, lower headcount or tax) and both rows are
    reported. A row left with no figure no longer counts as matched."""
    facts = plan.facts
    assert isinstance(facts, FactTable)
    if plan.source in EVERY_ROW_COUNTS:
        return
    same_as: dict[int, set[int]] = {}
    dropped: set[int] = set()
    for group in facts.repeated():
        first_n, first_row, value, _who, metric, period = group[0]
        kept, kept_row = value, first_row
        for n, row, later, who, _, _ in group[1:]:
            facts.drop(n)
            dropped.add(row)
            if later == kept:
                same_as.setdefault(row, set()).add(first_row)
                continue
            kept, kept_row = _two_values(plan, (first_row, kept), (row, later), who, metric, period)
        if (kept, kept_row) != (value, first_row):
            facts.change(first_n, kept, kept_row)
    for row, (left, how, who) in facts.rows_kept(dropped).items():
        if left:
            continue
        plan.matched_by_code -= how == "code"
        plan.matched_by_name -= how == "name"
        if row in same_as:
            plan.problems.append(
                (
                    row,
                    N_(
                        "{who}：与第 {first} 行的数据相同，重复的行已跳过",
                        who=who,
                        first=sorted(same_as[row]),
                    ),
                )
            )


def _two_values(
    plan: RiskPlan,
    first: tuple[int, float],
    later: tuple[int, float],
    who: str,
    metric: str,
    period: str,
) -> tuple[float, int]:
    """Two values for one enterprise, figure and month: the more severe is kept and both
    rows are reported. Returns the value kept and its row."""
    (first_row, first_value), (row, value) = first, later
    lower = worse_is_lower(plan.source, metric)
    severe = min(first_value, value) if lower else max(first_value, value)
    kept_row = first_row if severe == first_value else row
    # Rows matched by name are checked after those matched by code: the message
    # names the two rows in the sheet's order whichever was met first.
    (a, va), (b, vb) = sorted((first, later))
    message = N_(
        "{who}：{when} 的{label}有两个不同的值——第 {a} 行为 {va:g}，第 {b} 行为 {vb:g}；按较严重的 {kept:g}（第 {k} 行）计入，请向报送部门核实。",
        who=who,
        when=period or "（不分期）",
        label=metric_label(plan.source, metric),
        a=a,
        va=va,
        b=b,
        vb=vb,
        kept=severe,
        k=kept_row,
    )
    plan.problems.append((first_row, message))
    plan.problems.append((row, message))
    return severe, kept_row


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
