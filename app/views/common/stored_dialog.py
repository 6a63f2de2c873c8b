"""What every dialog of one stored record starts with: the database, the language,
the version of the record it loaded (`loaded`, which its saves are checked against,
app/services/core/edit_lock.py), the merge view while one is open, and the general
message beside the buttons with the per-field messages (FieldErrors)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.services.core import edit_lock
from app.services.core.storage import Database
from app.views.common.merge_dialog import MergeDialog
from app.views.common.messages import FieldErrors
from app.views.common.widgets import named


class StoredDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        record_type: str,
        record_id: str | None,
        *,
        english: bool,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
        # The version first, then the values: a save in between makes the version older
        # than the values, which can only cause a conflict, never hide one.
        self.loaded = edit_lock.version_of(db, record_type, record_id)
        self.merge_view: MergeDialog | None = None
        self.rechecking = False  # after a refused save, each change re-checks
        self.error = named(QLabel(), "error")
        self.errors = FieldErrors(self.error)
