"""A dialog over the office's database: the checklist, holidays, risk rules, keys, sync
conflicts and received bundles, the enterprise picker, a rectification item, a pile of
scans to review.

The constructor every such dialog had — the QDialog set up under its parent, `db` and
`english` kept — is written once here; a subclass lays itself out in `build()`, which
runs at the end of construction. A dialog that opens on more than the database (the
item, the scans) keeps what it is given before calling this constructor, so that
build() finds it (docs/architecture.md, "View: the dialog")."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from app.services.core.storage import Database


class DatabaseDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, english: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
        self.build()

    def build(self) -> None:
        """The dialog's title, widgets and layout (every subclass defines it)."""
        raise NotImplementedError
