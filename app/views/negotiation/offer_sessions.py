"""The negotiation sessions of an offer (《集体合同规定》第32–34条: each side's
representatives, outside experts and chief): the table of sessions held and the
form that records another."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from app.services.negotiation.offers import SessionInput
from app.views.common.layouts import vbox
from app.views.common.widgets import OptionalDate, headed_table, named, push_button


class OfferSessions(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("协商会议"))
        self.table = headed_table(
            "sessions",
            [self.tr("日期"), self.tr("用人单位方"), self.tr("职工方"), self.tr("首席代表")],
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.session_date = named(OptionalDate(), "session_date")
        self.session_date.known.setChecked(True)
        self.employer_reps = self._spin("employer_reps", 3)
        self.worker_reps = self._spin("worker_reps", 3)
        self.employer_experts = self._spin("employer_experts", 0)
        self.worker_experts = self._spin("worker_experts", 0)
        self.employer_chief = named(QLineEdit(), "employer_chief")
        self.worker_chief = named(QLineEdit(), "worker_chief")
        self.add_button = push_button(self.tr("记录协商会议"), "add_session")
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("日期")), 0, 0)
        form.addWidget(self.session_date, 0, 1)
        for row, label, reps, experts, chief in (
            (1, self.tr("用人单位方代表／外聘"), self.employer_reps, self.employer_experts,
             self.employer_chief),
            (2, self.tr("职工方代表／外聘"), self.worker_reps, self.worker_experts,
             self.worker_chief),
        ):  # fmt: skip
            form.addWidget(QLabel(label), row, 0)
            form.addWidget(reps, row, 1)
            form.addWidget(experts, row, 2)
            form.addWidget(QLabel(self.tr("首席")), row, 3)
            form.addWidget(chief, row, 4)
        form.addWidget(self.add_button, 3, 4)
        vbox(self.table, form, owner=self)

    @staticmethod
    def _spin(name: str, value: int) -> QSpinBox:
        spin = named(QSpinBox(), name)
        spin.setRange(0, 99)
        spin.setValue(value)
        return spin

    def entered(self) -> SessionInput:
        """The session the form describes."""
        employer_chief = self.employer_chief.text().strip()
        worker_chief = self.worker_chief.text().strip()
        return SessionInput(
            self.session_date.value(),
            self.employer_reps.value(),
            self.worker_reps.value(),
            1 if employer_chief else 0,
            1 if worker_chief else 0,
            self.employer_experts.value(),
            self.worker_experts.value(),
            employer_chief,
            worker_chief,
        )

    def show_sessions(self, sessions: Iterable[tuple[str, Any]]) -> None:
        self.table.setRowCount(0)
        for _sid, s in sessions:
            r = self.table.rowCount()
            self.table.insertRow(r)
            texts = (
                s.held_on.isoformat() if s.held_on else "",
                self.tr("%1（外聘 %2）")
                .replace("%1", str(s.employer_reps))
                .replace("%2", str(s.employer_experts)),
                self.tr("%1（外聘 %2）")
                .replace("%1", str(s.worker_reps))
                .replace("%2", str(s.worker_experts)),
                f"{s.employer_chief_name}／{s.worker_chief_name}",
            )
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
