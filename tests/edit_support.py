"""What tests of two coordinators on one database share: a colleague's Database on the
same file (the `other` fixture, tests/views/conftest.py) and a stored enterprise read
straight from its table (its version and values as saved, not as a service shows them)."""

from __future__ import annotations

from typing import Any

from app.models import Enterprise


def stored_enterprise(db: Any, eid: str) -> Enterprise:
    with db.session() as session:
        row = session.get(Enterprise, eid)
        assert row is not None
        return row
