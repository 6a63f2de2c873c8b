"""Times as the office reads them.

Every stored time is UTC (app/models/base.utcnow: SQLite keeps no time zone);
whatever shows a time to a person — the audit trail, amendments, conflicts,
received bundles — turns it into local time here. The zone is Asia/Shanghai
(China Standard Time, UTC+8, no daylight saving) unless the environment
variable HEXIE_TZ or the per-PC setting names another IANA zone.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import overload

DEFAULT_ZONE = "Asia/Shanghai"
_chosen: list[str] = []


def set_zone(name: str) -> None:
    """The zone this PC shows times in (from the settings at start-up)."""
    _chosen[:] = [name] if name else []
    zone.cache_clear()


@cache
def zone() -> tzinfo:
    name = (_chosen[0] if _chosen else "") or os.environ.get("HEXIE_TZ") or DEFAULT_ZONE
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - no tz database (Windows without tzdata) or a bad name
        return timezone(timedelta(hours=8), "CST")


@overload
def local(value: datetime) -> datetime: ...
@overload
def local(value: None) -> None: ...
def local(value: datetime | None) -> datetime | None:
    """A stored (naive, UTC) time as a naive local time, ready to format."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(zone()).replace(tzinfo=None)


def local_date(value: datetime | None) -> date | None:
    return None if value is None else local(value).date()


def text(value: datetime | None, seconds: bool = False) -> str:
    """ "2023-06-20 16:05" in local time; "" for no time."""
    if value is None:
        return ""
    return f"{local(value):%Y-%m-%d %H:%M:%S}" if seconds else f"{local(value):%Y-%m-%d %H:%M}"
