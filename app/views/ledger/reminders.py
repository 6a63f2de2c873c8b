"""The reminder panel: items overdue and items due within N working days, shown
at start-up and again whenever the date changes while the app is open.

Compact so the lists keep their room (issue 19): the two lists side by side under
one line of counts; a badge in the status bar (app/views/reminder_badge.py) shows
the counts while the panel is folded away."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.i18n import colon, paren
from app.services.core.storage import Database
from app.services.ledger import ledger_reminders
from app.views.common.messages import tr_message
from app.views.common.widgets import named

CHECK_EVERY_MS = 10 * 60 * 1000


class ReminderPanel(QDockWidget):
    open_item = Signal(str)
    counted = Signal(int, int)  # overdue, due soon: the badge follows

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("reminders")
        self.setWindowTitle(self.tr("整改提醒"))
        self.shown_for: date | None = None
        self.summary = named(QLabel(), "reminder_summary")
        self.summary.setWordWrap(True)
        self.overdue = named(QListWidget(), "reminder_overdue")
        self.due_soon = named(QListWidget(), "reminder_due_soon")
        self.overdue_label = QLabel()
        self.due_label = QLabel()
        for widget in (self.overdue, self.due_soon):
            widget.itemDoubleClicked.connect(lambda item: self.open_item.emit(item.data(256)))
        body = QWidget()
        layout = QGridLayout(body)
        layout.setContentsMargins(4, 0, 4, 2)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.summary, 0, 0, 1, 2)
        layout.addWidget(self.overdue_label, 1, 0)
        layout.addWidget(self.due_label, 1, 1)
        layout.addWidget(self.overdue, 2, 0)
        layout.addWidget(self.due_soon, 2, 1)
        layout.setRowStretch(2, 1)
        for widget in (self.overdue, self.due_soon):
            widget.setMinimumHeight(widget.fontMetrics().height() * 2 + 8)
        self.setWidget(body)
        self.counts = (0, 0)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_date)
        self.timer.start()

    def refresh(self, today: date | None = None) -> int:
        """Fill the lists; returns how many items need attention."""
        today = today or date.today()
        found = ledger_reminders.reminders(self.db, today=today)
        self.overdue_label.setText(self.tr("已逾期（%1）").replace("%1", str(len(found.overdue))))
        self.due_label.setText(
            self.tr("%1 个工作日内到期（%2）")
            .replace("%1", str(found.workdays))
            .replace("%2", str(len(found.due_soon)))
        )
        for widget, rows, overdue in (
            (self.overdue, found.overdue, True),
            (self.due_soon, found.due_soon, False),
        ):
            widget.clear()
            for row in rows:
                when = (
                    self.tr("逾期 %1 天").replace("%1", str(row.overdue_days(today)))
                    if overdue
                    else self.tr("%1 到期").replace("%1", row.deadline.isoformat())
                )
                item = QListWidgetItem(colon(row.enterprise, paren(_shortened(row.matter), when)))
                item.setData(256, row.id)
                item.setToolTip(row.matter)
                widget.addItem(item)
        self.summary.setText(tr_message(found.warning))
        self.summary.setVisible(bool(found.warning))
        self.shown_for = today
        self.counts = (len(found.overdue), len(found.due_soon))
        self.counted.emit(*self.counts)
        return len(found.overdue) + len(found.due_soon)

    # Folded away by the coordinator (the badge's toggle), remembered on this PC:
    # start-up then only updates the badge instead of taking the window's room.
    folded = False

    def show_if_needed(self, today: date | None = None) -> None:
        if self.refresh(today) and not self.folded:
            self.show()
            self.raise_()

    def check_date(self, today: date | None = None) -> None:
        """Each day the app stays open, the reminders come back."""
        today = today or date.today()
        if today != self.shown_for:
            self.show_if_needed(today)


def _shortened(matter: str, limit: int = 30) -> str:
    """The matter cut to `limit` characters with an ellipsis; a cut never ends on an
    opening bracket, which would read as a doubled one before the date in brackets."""
    if len(matter) <= limit:
        return matter
    return matter[: limit - 1].rstrip("（(") + "…"
