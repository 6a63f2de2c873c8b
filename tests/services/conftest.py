"""Fixtures the service tests share (the root tests/conftest.py holds the databases)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.colleagues import colleague


@pytest.fixture
def other(db: Any) -> Iterator[Any]:
    """A colleague, 李四, on the same database (file or server) as `db`."""
    database = colleague(db, "李四")
    yield database
    database.close()
