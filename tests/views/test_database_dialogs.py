"""The dialogs that need only the office's database share DatabaseDialog's constructor
(app/views/common/database_dialog.py): each lays itself out in build(), which the base
leaves abstract, and opens with the database kept and under its parent."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.views.checks.checklist_dialog import ChecklistDialog
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.risk.rules_dialog import RulesDialog
from app.views.settings.holidays_dialog import HolidaysDialog
from app.views.sync.keys_dialog import KeysDialog
from app.views.sync.sync_dialogs import ConflictsDialog, ReceivedDialog

DIALOGS = (
    ChecklistDialog,
    ConflictsDialog,
    EnterprisePicker,
    HolidaysDialog,
    KeysDialog,
    ReceivedDialog,
    RulesDialog,
)


@pytest.mark.parametrize("dialog_type", DIALOGS, ids=lambda t: t.__name__)
def test_each_dialog_builds_itself_on_the_database_it_is_given(qtbot, db, dialog_type):
    # Its own build(): the base has none to fall back on.
    assert callable(dialog_type.build) and not hasattr(DatabaseDialog, "build")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = dialog_type(db, parent)
    assert dialog.db is db and dialog.parent() is parent
    assert dialog.windowTitle() and dialog.layout() is not None


def test_a_dialog_that_does_not_build_itself_is_refused(qtbot, db):
    """Refused when the class is defined, before any window could show it half made."""
    with pytest.raises(TypeError, match="build"):

        class Unbuilt(DatabaseDialog):
            """A dialog that forgot its build()."""


def test_an_import_preview_that_does_not_check_its_file_is_refused():
    from app.views.common.import_preview import ImportPreview

    with pytest.raises(TypeError, match="check"):

        class Unchecked(ImportPreview):
            """A preview that forgot its check()."""


def test_a_dialog_opened_on_more_than_the_database_builds_with_it(qtbot, db):
    """The rectification item's dialog keeps its item (and the language) before the base
    builds it: the details shown are that item's."""
    from app.views.ledger.rectification_dialog import RectificationDialog
    from tests.records import enterprise, manual

    item_id = manual(db, enterprise(db), matter="未按时足额支付工资")
    dialog = RectificationDialog(db, item_id, english=True)
    qtbot.addWidget(dialog)
    assert (dialog.db, dialog.item_id, dialog.english) == (db, item_id, True)
    assert "未按时足额支付工资" in dialog.details.text()
