"""The conclusion page of the health-check dialog: the conclusion drafted from
the results (the coordinator may take it and edit it), a warning while the text
contradicts the results, the advice, and the people responsible."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.services.checks import check_rules
from app.views.common.layouts import hbox
from app.views.common.messages import FieldErrors, tr_lines
from app.views.common.readable import set_readable
from app.views.common.widgets import named, push_button

WARNING_STYLE = "color: #9a5b00;"


class ConclusionPage(QWidget):
    changed = Signal()

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = ""
        self.advice_proposal = ""
        self.conclusion = named(QPlainTextEdit(), "conclusion")
        self.use_proposal = push_button(
            self.tr("用按检查结果拟写的结论和建议"), "use_proposal", self.take_proposal
        )
        self.warning = named(QLabel(), "conclusion_warning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.advice = named(QPlainTextEdit(), "advice")
        self.enterprise_person = named(QLineEdit(), "enterprise_person")
        self.office_person = named(QLineEdit(), "office_person")
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(errors.wrap("conclusion", self.conclusion))
        column.addWidget(self.warning)
        row = hbox(1, self.use_proposal)
        column.addLayout(row)
        box = QWidget()
        box.setLayout(column)
        form = QFormLayout(self)
        form.addRow(self.tr("体检结论"), box)
        form.addRow(self.tr("改进建议"), self.advice)
        form.addRow(self.tr("企业整改负责人"), self.enterprise_person)
        form.addRow(self.tr("本单位责任人"), self.office_person)
        self.conclusion.textChanged.connect(self.changed.emit)

    def follow(self, spec: Any, entries: list[Any], snapshot: dict[str, Any]) -> None:
        """Re-draft the proposal from the results as they stand, and re-check the text."""
        facts = check_rules.facts_of(spec, entries)
        self.proposal = check_rules.proposed_conclusion(facts, snapshot)
        self.advice_proposal = check_rules.proposed_advice(facts)
        # The conclusion is the printed report's text (Chinese): the English window
        # says where it comes from instead of showing the draft as a hint.
        self.conclusion.setPlaceholderText(
            self.tr("程序按检查结果拟写的结论（中文，印在体检报告上），可一键采用。")
            if current_language() == "en"
            else self.proposal
        )
        warnings = check_rules.conclusion_warnings(self.conclusion.toPlainText(), facts, snapshot)
        self.warning.setText(tr_lines(warnings))
        self.warning.setVisible(bool(warnings))

    def take_proposal(self) -> None:
        self.conclusion.setPlainText(self.proposal)
        if self.advice_proposal:
            self.advice.setPlainText(self.advice_proposal)

    def set_enabled(self, on: bool) -> None:
        for widget in (self.conclusion, self.advice, self.enterprise_person, self.office_person):
            set_readable(widget, not on)  # a finalised check stays readable
        self.use_proposal.setEnabled(on)
