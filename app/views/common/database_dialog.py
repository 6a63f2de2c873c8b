"""A dialog over the office's database that needs nothing else to open: the checklist,
holidays, risk rules, keys, sync conflicts and received bundles, the enterprise picker.

The constructor every such dialog had — `(db, parent)`, the QDialog set up, `db` kept —
is written once here; a subclass lays itself out in `build()`, which runs at the end of
construction with `self.db` set (docs/architecture.md, "View: the dialog")."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from app.services.core.storage import Database


class DatabaseDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.build()

    def build(self) -> None:
        """The dialog's title, widgets and layout (every subclass defines it)."""
        raise NotImplementedError
