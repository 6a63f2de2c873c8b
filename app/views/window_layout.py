"""The window's room (issue 19): the 整改提醒 panel folded into a badge on the status
bar or open at the height the coordinator left it, and the window kept inside the
screen it opens on at any scale (125 %, 150 %, a smaller monitor than last time).

Kept out of main_window.py: the window calls `RemindersLayout(window)` once, and
`fit_to_screen(window)` after restoring its saved geometry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.views.common.flow_layout import flowing
from app.views.common.widgets import named
from app.views.ledger.reminders import ReminderPanel

DEFAULT_HEIGHT = 170  # about six lines in each list
MIN_HEIGHT = 90
MAX_SHARE = 0.4  # the panel never takes more than this share of the window's height
FRAME_ALLOWANCE = (8, 40)  # a title bar and borders, before the frame is known


class RemindersLayout:
    """The reminder panel, its status-bar badge, and what this PC remembers of them."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.settings = window.settings
        panel = ReminderPanel(window.db, window)
        panel.open_item.connect(window.open_ledger_item)
        panel.folded = bool(self.settings.reminders_folded)
        panel.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        panel.setTitleBarWidget(self._title_bar(panel))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
        panel.hide()
        self.panel = panel

        self.badge = named(QToolButton(), "reminders_badge")
        self.badge.setAutoRaise(True)
        self.badge.setToolTip(
            QCoreApplication.translate("window_layout", "显示或收起整改提醒（Ctrl+R）")
        )
        self.badge.clicked.connect(lambda _c=False: self.toggle())
        window.statusBar().addPermanentWidget(self.badge)
        panel.counted.connect(self.show_counts)
        self.show_counts(0, 0)

    def _title_bar(self, panel: ReminderPanel) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(6, 1, 2, 1)
        title = named(
            QLabel(QCoreApplication.translate("window_layout", "整改提醒")), "reminders_title"
        )
        row.addWidget(title)
        row.addStretch(1)
        self.fold_button = named(QToolButton(), "reminders_fold")
        self.fold_button.setAutoRaise(True)
        self.fold_button.setText(QCoreApplication.translate("window_layout", "收起 ▾"))
        self.fold_button.setToolTip(
            QCoreApplication.translate("window_layout", "收起到状态栏（Ctrl+R 再打开）")
        )
        self.fold_button.clicked.connect(lambda _c=False: self.fold())
        row.addWidget(self.fold_button)
        return bar

    def show_counts(self, overdue: int, due_soon: int) -> None:
        self.badge.setText(
            QCoreApplication.translate("window_layout", "整改提醒：逾期 %1 · 将到期 %2")
            .replace("%1", str(overdue))
            .replace("%2", str(due_soon))
        )
        # Red while anything is overdue: the badge replaces the panel's pop-up.
        self.badge.setStyleSheet("color: #b3261e; font-weight: bold;" if overdue else "")

    # -- folding ------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.panel.isVisible():
            self.fold()
        else:
            self.unfold()

    def unfold(self) -> None:
        self.panel.refresh()
        self.panel.folded = False
        self.settings.reminders_folded = False
        self.panel.show()
        self.window.resizeDocks([self.panel], [self.height()], Qt.Orientation.Vertical)

    def fold(self) -> None:
        self.remember()
        self.panel.folded = True
        self.settings.reminders_folded = True
        self.panel.hide()

    def height(self) -> int:
        """The remembered height, within what leaves the lists their room."""
        wanted = self.settings.reminders_height or DEFAULT_HEIGHT
        most = max(MIN_HEIGHT, int(self.window.height() * MAX_SHARE))
        return max(MIN_HEIGHT, min(wanted, most))

    def remember(self) -> None:
        """The panel's height as the coordinator dragged it (kept while it is open)."""
        if self.panel.isVisible() and self.panel.height() > 0:
            self.settings.reminders_height = self.panel.height()


class DialogsOnScreen(QObject):
    """Every dialog, as it is shown, is kept within its screen's available area: a
    dialog's own size (a guidance activity 900 pixels tall, the scan review 1360 wide)
    put its 保存 and 关闭 below or beside a 1280×800 screen. Its scroll areas and lists
    take the difference."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            if watched.isWindow():
                fit_to_screen(watched)
        return False


def keep_dialogs_on_screen() -> None:
    """Installed once on the application (the window calls it when it is built)."""
    app = QCoreApplication.instance()
    if app is not None and not hasattr(app, "_dialogs_on_screen"):
        app._dialogs_on_screen = DialogsOnScreen(app)  # type: ignore[attr-defined]
        app.installEventFilter(app._dialogs_on_screen)  # type: ignore[attr-defined]


def fit_to_screen(window: QWidget) -> None:
    """Keep the window within its screen's available area (no status bar or buttons
    off-screen after a restore at another scale or on a smaller monitor)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    # The frame adds the title bar and borders to the geometry the window is given;
    # before the window is first shown it is not known yet, so room is kept for it.
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), FRAME_ALLOWANCE[0])
    extra_h = max(frame.height() - window.height(), FRAME_ALLOWANCE[1])
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry().adjusted(0, 0, extra_w, extra_h)
    # Wider than the area even at its smallest: its left edge (and title bar) on screen.
    left = max(min(frame.left(), area.right() - frame.width() + 1), area.left())
    top = max(min(frame.top(), area.bottom() - frame.height() + 1), area.top())
    if (left, top) != (frame.left(), frame.top()):
        window.move(left, top)


# A filter combo shows this many characters when the window is narrow; its list
# still opens wide enough for the longest entry.
COMBO_CHARACTERS = 11
COMBO_FRAME = 40  # the arrow and the frame around the text


def compact_combos(within: QWidget) -> None:
    """Filter rows that fit 1280×800 in English and at 150 %: combo boxes no longer
    ask for their longest entry's width (a county list or a campaign's full name
    pushed the search box and buttons off the window); the open list stays wide."""
    for combo in within.findChildren(QComboBox):
        if combo.isEditable() or combo.property("keep_width"):
            continue
        widest = combo.sizeHint().width()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)
        combo.view().setMinimumWidth(widest)
        # Qt keeps the size hints it computed under the old policy (the full county
        # list): the compact width is set outright.
        combo.setFixedWidth(
            combo.fontMetrics().horizontalAdvance("X") * COMBO_CHARACTERS + COMBO_FRAME
        )
        if combo.toolTip() == "":
            # The whole choice on hover when the box is narrower than its text.
            combo.currentTextChanged.connect(lambda text, c=combo: c.setToolTip(text))
            combo.setToolTip(combo.currentText())


def fit_window(window: Any) -> None:
    """The status bar's file name gives way to the counts and the badge (the full path
    on hover), then the window is brought inside its screen."""
    label = window.db_label
    label.setMinimumWidth(40)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setToolTip(window.db.address)
    fit_to_screen(window)


# A row of filters or buttons wider than this wraps (a 1280-pixel screen at 150 %
# leaves the window about 850 logical pixels).
WRAP_WIDER_THAN = 560


def wrap_rows(within: QWidget) -> None:
    """Filter and button rows that would make the window wider than the screen at
    150 % wrap onto a second line instead (app/views/common/flow_layout.py)."""
    scrolled = [a.widget() for a in within.findChildren(QScrollArea)]
    for widget in [within, *within.findChildren(QWidget)]:
        column = widget.layout()
        if not isinstance(column, QVBoxLayout) or any(
            s is not None and (widget is s or s.isAncestorOf(widget)) for s in scrolled
        ):
            # A scrolled page (the overview) has its width from the scroll area; a
            # wrapping row there would be given its widest line, not the viewport's.
            continue
        for index in range(column.count()):
            row = column.itemAt(index).layout()
            if type(row) is QHBoxLayout and row.minimumSize().width() > WRAP_WIDER_THAN:
                flow = flowing(row, widget)
                column.insertLayout(index, flow)
                # The column does not take the Python object: kept on the widget, or
                # it is freed under Qt's feet.
                widget._flow_rows = [*getattr(widget, "_flow_rows", []), flow]


def fit_headers(within: QWidget) -> None:
    """Columns at least as wide as their header (English headers are longer than the
    widths the record specs give for the Chinese ones)."""
    for table in within.findChildren(QTableView):
        header = table.horizontalHeader()
        for column in range(header.count()):
            wanted = header.sectionSizeHint(column)
            if header.sectionSize(column) < wanted and not header.isSectionHidden(column):
                header.resizeSection(column, wanted)
