"""A major-risk event: what was found (its record spec's fields), the on-site
interventions, and its outcome."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import colon
from app.services.core.fields import ValidationError
from app.services.risk import risk_events
from app.services.risk.event_spec import MAJOR_RISK_EVENT
from app.views.common.layouts import vbox
from app.views.common.spec_dialog import SpecDialog
from app.views.common.widgets import OptionalDate, named, push_button


class RiskDialog(SpecDialog):
    SPEC = MAJOR_RISK_EVENT
    RECORD_ARG = "event_id"
    SERVICE = risk_events

    def build(self) -> None:
        self.setWindowTitle(self.tr("重大风险隐患"))
        editors = self.form.editors
        self.kind, self.people, self.amount = (
            editors["kind"],
            editors["people"],
            editors["amount_owed_yuan"],
        )
        self.found_on, self.description = editors["found_on"], editors["description"]
        self.may_spread = editors["may_spread"]
        self.status_label = named(QLabel(), "status_label")
        self.steps = named(QListWidget(), "steps")
        self.step_date = named(OptionalDate(), "step_date")
        self.step_date.set_value(date.today())
        self.step_who = named(QLineEdit(), "step_who")
        self.step_who.setPlaceholderText(self.tr("介入单位和人员"))
        self.step_action = named(QLineEdit(), "step_action")
        self.step_action.setPlaceholderText(self.tr("采取的措施"))
        self.add_step_button = push_button(self.tr("记录介入"), "add_step", self.add_step)
        self.outcome = named(QLineEdit(), "outcome")
        self.outcome.setPlaceholderText(self.tr("处置结果，如：工资已全部发放"))
        self.close_on = named(OptionalDate(), "close_on")
        self.close_on.set_value(date.today())
        self.close_button_event = push_button(self.tr("化解销号"), "close_event", self.close_event)

        form = self.form.add_rows(QFormLayout(), [f.name for f in self.SPEC.fields])
        form.addRow(self.tr("状态"), self.status_label)
        steps_box = QGroupBox(self.tr("现场介入"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps)
        for row in (
            (self.step_date, self.step_who, self.step_action, self.add_step_button),
            (self.close_on, self.outcome, self.close_button_event),
        ):
            line = QHBoxLayout()
            for widget in row:
                line.addWidget(widget)
            steps_layout.addLayout(line)
        vbox(form, (steps_box, 1), self.button_row(), owner=self)
        self.resize(760, 680)
        self.load()

    def step_widgets(self) -> tuple[QWidget, ...]:
        """An intervention or an outcome typed, not yet recorded."""
        return (self.step_date, self.step_who, self.step_action, self.close_on, self.outcome)

    @property
    def event_id(self) -> str | None:
        return self.record_id

    def new_values(self) -> dict[str, Any]:
        return {"found_on": date.today()}

    def problems(self) -> dict[str, str]:
        return risk_events.problems_of(self.values())

    def refresh(self) -> None:
        self.steps.clear()
        if not self.record_id:
            self.status_label.setText(self.tr("新登记"))
            return
        _data, facts = risk_events.get(self.db, self.record_id)
        for on, who, action in facts["interventions"]:
            self.steps.addItem(f"{on}　" + colon(who, action))
        if facts["status"] == "closed":
            self.status_label.setText(
                self.tr("已化解（%1）：%2")
                .replace("%1", str(facts["closed_on"]))
                .replace("%2", facts["outcome"])
            )
        else:
            self.status_label.setText(self.tr("处置中"))
        self.close_button_event.setEnabled(facts["status"] != "closed")

    def add_step(self) -> bool:
        event_id = self.saved_first()
        if event_id is None:
            return False
        try:
            risk_events.add_intervention(
                self.db,
                event_id,
                self.step_date.value(),
                self.step_who.text(),
                self.step_action.text(),
                loaded=self.loaded,
            )
        except ValidationError as exc:
            return self.show_problems(exc)
        self.step_action.clear()
        return self.done_step()

    def close_event(self) -> bool:
        event_id = self.saved_first()
        if event_id is None:
            return False
        try:
            closed_on = self.close_on.value() or date.today()
            risk_events.close(self.db, event_id, closed_on, self.outcome.text(), loaded=self.loaded)
        except ValidationError as exc:
            return self.show_problems(exc)
        return self.done_step()
