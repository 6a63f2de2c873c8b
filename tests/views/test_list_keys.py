"""Enter on a list opens the selected record, as a double click does; it did nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.views.test_unsaved_dialogs import demo_window

__all__ = ["demo_window"]  # the fixture: a county's demo data in a window

TABS = ("enterprise_tab", "check_tab", "ledger_tab", "offers_tab", "layoffs_tab", "risk_tab")


def open_dialogs() -> set[QDialog]:
    return {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()}


@pytest.mark.parametrize("name", TABS)
def test_enter_on_a_selected_row_opens_it(qtbot, demo_window, name):
    tab = getattr(demo_window, name)
    demo_window.tabs.setCurrentWidget(tab)
    tab.table.selectRow(1)
    before = open_dialogs()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # arrow keys move the selection ...
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # ... and Enter opens that row
    qtbot.waitUntil(lambda: len(open_dialogs() - before) == 1)
    (dialog,) = open_dialogs() - before
    assert tab.table.currentIndex().row() == 2
    (chosen,) = tab.selected_ids()
    opened = next(
        (getattr(dialog, a) for a in ("record_id", "check_id", "item_id") if hasattr(dialog, a)),
        None,
    )
    if opened is None:  # the enterprise dialog: its title names the enterprise
        assert tab.model.index(2, 0).data() in dialog.windowTitle()
    else:
        assert opened == chosen
    dialog.done(0)
