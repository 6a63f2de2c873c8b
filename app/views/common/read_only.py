"""The window on a read-only database (a read-only file or folder: storage opened
it read-only): it says so in the status bar and the title, and every action and
button that would write is disabled — and stays disabled when a tab's own
selection logic would enable it again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# The main window's actions that write (imports, demo data, records, settings kept
# in the file, sync bundles that record what was sent).
WRITING_ACTIONS = (
    "import_action",
    "demo_action",
    "import_scans_action",
    "export_bundle_action",
    "import_bundle_action",
    "import_folder_action",
    "new_action",
    "office_action",
    "campaign_action",
    "checklist_action",
    "holidays_action",
    "keys_action",
    "report_action",
)
# The tabs' buttons that write; list tabs name theirs new_… and delete_….
WRITING_BUTTONS = (
    "add_button",
    "create_button",
    "delete_button",
    "edit_button",
    "import_button",
    "new_button",
    "new_check_button",
    "grade_button",
    "rollback_button",
    "campaign_button",  # the campaign's settings
    "report_button",  # the summary report keeps its drafts in the file
    "rules_button",  # the grading rules
)
WRITING_PREFIXES = ("new_", "delete_")


class _StayDisabled(QObject):
    """Turns a button off again whenever something enables it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            if watched.isEnabled():
                watched.setEnabled(False)
        return False


def lock_editing(widget: QWidget) -> list[QAbstractButton]:
    """Disable the writing buttons of a tab (or any widget); returns them."""
    buttons: list[QAbstractButton] = []
    for name in WRITING_BUTTONS:
        button = getattr(widget, name, None)
        if isinstance(button, QAbstractButton):
            buttons.append(button)
    for button in widget.findChildren(QAbstractButton):
        if button.objectName().startswith(WRITING_PREFIXES) and button not in buttons:
            buttons.append(button)
    guard = _StayDisabled(widget)
    for button in buttons:
        button.setEnabled(False)
        button.setToolTip(QCoreApplication.translate("read_only", "数据库是只读的，不能修改。"))
        button.installEventFilter(guard)
    return buttons


def apply_to_window(window: Any) -> QLabel:
    """The read-only banner in the status bar, '（只读）' in the title, the writing
    actions disabled."""
    for name in WRITING_ACTIONS:
        action = getattr(window, name, None)
        if action is not None:
            action.setEnabled(False)
    banner = QLabel(
        QCoreApplication.translate(
            "read_only",
            "只读：数据库文件或所在文件夹不可写，只能查看、打印和导出，不能修改。"
            "要修改，请取消文件的只读属性或把它复制到可写的文件夹后重新打开。",
        )
    )
    banner.setObjectName("read_only_banner")
    banner.setStyleSheet("color: #b00020; font-weight: bold;")
    banner.setWordWrap(True)
    window.statusBar().insertWidget(0, banner, 2)
    window.setWindowTitle(
        window.windowTitle() + QCoreApplication.translate("read_only", "（只读）")
    )
    return banner
