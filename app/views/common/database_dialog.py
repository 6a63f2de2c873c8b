"""A dialog over the office's database: the checklist, holidays, risk rules, keys, sync
conflicts and received bundles, the enterprise picker, a rectification item, a pile of
scans to review.

The constructor every such dialog had — the QDialog set up under its parent, `db` and
`english` kept — is written once here; a subclass lays itself out in `build()`, which
runs at the end of construction. A dialog that opens on more than the database (the
item, the scans) keeps what it is given before calling this constructor, so that
build() finds it (docs/architecture.md, "View: the dialog")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from app.services.core.storage import Database
from app.views.common.required_hooks import refuse_without


class DatabaseDialog(QDialog):
    # The dialog's title, widgets and layout, made at the end of construction. Every
    # subclass defines it; a class without one is refused when it is defined.
    build: Callable[[], None]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        refuse_without(cls, "build")

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, english: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
        self.build()
