"""The error behind an error: what SQLite, the server's driver or the OS raised,
found through SQLAlchemy's wrapper (`.orig`) and the chain of causes, as
storage_errors.py and server_errors.py read it to say what went wrong."""

from __future__ import annotations

from typing import TypeVar

E = TypeVar("E", bound=BaseException)


def behind(exc: BaseException, kind: type[E]) -> E | None:
    """The first `kind` error in `exc`, its `.orig` (sqlalchemy.exc.DBAPIError) or
    its causes and contexts, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, kind):
            return current
        orig = getattr(current, "orig", None)
        if isinstance(orig, kind):
            return orig
        current = current.__cause__ or current.__context__
    return None
