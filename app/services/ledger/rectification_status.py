"""The states of a rectification item (整改事项) and their names in both languages."""

from __future__ import annotations

# 待整改 → 整改中 → 已整改待核验 → 已销号 ("rectify one, eliminate one").
STATUSES: dict[str, tuple[str, str]] = {
    "pending": ("待整改", "To rectify"),
    "in_progress": ("整改中", "In progress"),
    "awaiting_verification": ("已整改待核验", "Awaiting verification"),
    "closed": ("已销号", "Closed"),
}
OPEN_STATUSES = ("pending", "in_progress", "awaiting_verification")


def label(status: str, english: bool = False) -> str:
    names = STATUSES.get(status)
    return (names[1] if english else names[0]) if names else status
