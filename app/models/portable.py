"""SQL that differs between SQLite and PostgreSQL, as constructs compiled per engine.

The services build their queries from these and never write an engine's own SQL
(docs/architecture.md, "Storage"): each construct below compiles to SQLite's
function on a file and to PostgreSQL's on the office server.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import String

__all__ = ["unindexed", "year_month"]


class year_month(FunctionElement[str]):  # noqa: N801 - used like func.something(...)
    """'YYYY-MM' of a date or timestamp column (monthly counts)."""

    type = String()
    inherit_cache = True
    name = "year_month"


@compiles(year_month)
def _year_month_sqlite(element: year_month, compiler: Any, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element: year_month, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class unindexed(FunctionElement[Any]):  # noqa: N801 - used like func.something(...)
    """A column the planner must not drive the query from: SQLite's unary `+`
    (the documented way to turn an index off for one term). PostgreSQL's planner
    weighs its statistics itself: the column as it is."""

    inherit_cache = True
    name = "unindexed"

    @property
    def type(self) -> Any:  # type: ignore[override]
        return next(iter(self.clauses)).type


@compiles(unindexed)
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


@compiles(unindexed, "postgresql")
def _unindexed_postgresql(element: unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)
