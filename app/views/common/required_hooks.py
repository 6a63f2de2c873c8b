"""Methods a dialog base leaves to each subclass, checked when the subclass is defined.

Qt's widgets have Shiboken's metaclass, so ABCMeta cannot mark them abstract; a base
method that raised NotImplementedError failed only when a window built the dialog.
A base names its hooks in `__init_subclass__` and a class without one is refused at
import (docs/architecture.md, "View: the dialog")."""

from __future__ import annotations


def refuse_without(cls: type, *hooks: str) -> None:
    """TypeError unless `cls` (or a class between it and the base) defines each hook."""
    missing = [h for h in hooks if not callable(getattr(cls, h, None))]
    if missing:
        names = "、".join(f"{h}()" for h in missing)
        raise TypeError(f"{cls.__name__} defines no {names}, which its base leaves to it")
