"""A document handed out is written beside its name first (name.part) and moved
into place in one step, so a folder never holds a half-written report or list
(a crash, a full disk or Cancel leaves the old file or none, never a torn one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def save_whole(out: str | Path, save: Callable[[str], None]) -> Path:
    """`save(path)` writes the document (workbook.save, docx save); returns `out`."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    save(str(tmp))
    tmp.replace(out)
    return out
