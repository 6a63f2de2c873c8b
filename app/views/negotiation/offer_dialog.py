"""An offer to negotiate: who offers, the situation and its topics, the legal
clock's dates, sessions, the congress vote (its record spec's fields), and every
finding of the rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.services.core.fields import ValidationError
from app.services.negotiation import negotiation_rules, offer_findings, offers
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
from app.views.common.layouts import hbox, vbox
from app.views.common.spec_dialog import SpecDialog
from app.views.common.widgets import FindingsList, named
from app.views.negotiation.offer_sessions import OfferSessions

# The legal clock's dates, in the order the clock runs.
DATES = (
    "sent_on",
    "received_on",
    "replied_on",
    "congress_on",
    "signed_on",
    "filed_on",
    "objection_on",
    "effective_from",
    "expires_on",
    "ended_on",
)


class OfferDialog(SpecDialog):
    SPEC = NEGOTIATION_OFFER
    RECORD_ARG = "offer_id"
    SERVICE = offers

    def build(self) -> None:
        self.setWindowTitle(self.tr("集体协商要约"))
        editors = self.form.editors
        self.offeror, self.union_name = editors["offeror"], editors["union_name"]
        self.situation, self.rules = editors["situation"], editors["rules"]
        self.dates = {name: editors[name] for name in DATES}
        self.reply = editors["reply"]
        self.members = editors["congress_members"]
        self.attended = editors["congress_attended"]
        self.approved = editors["congress_approved"]
        self.objection_note = editors["objection_note"]
        self.end_kind, self.end_reason = editors["end_kind"], editors["end_reason"]
        self.topics = named(QListWidget(), "topics")
        self.situation.currentIndexChanged.connect(
            lambda _i: self._fill_topics(self.checked_topics())
        )

        self.sessions_box = OfferSessions()
        box = self.sessions_box
        self.sessions, self.session_date = box.table, box.session_date
        self.employer_reps, self.worker_reps = box.employer_reps, box.worker_reps
        self.employer_chief, self.worker_chief = box.employer_chief, box.worker_chief
        box.add_button.clicked.connect(self.add_session)

        self.findings = named(FindingsList(), "findings")
        self._arrange()
        self.resize(1280, 760)
        self.load()

    def step_widgets(self) -> tuple[QWidget, ...]:
        """A session typed (its date, the sides, the chiefs), not yet recorded."""
        box = self.sessions_box
        sides = (box.employer_reps, box.worker_reps, box.employer_experts, box.worker_experts)
        return (box.session_date, *sides, box.employer_chief, box.worker_chief)

    @property
    def offer_id(self) -> str | None:
        return self.record_id

    def _arrange(self) -> None:
        """Who and what on the left, the clock and the sessions in the middle, the
        findings on the right, the message and the buttons below."""
        head = self.form.add_rows(
            QFormLayout(), ("enterprise_id", "offeror", "union_name", "situation", "rules")
        )
        left = vbox(
            head,
            QLabel(self.tr("协商议题（按企业情况排列在前的是通知要求的重点议题）")),
            (self.errors.wrap("topics", self.topics), 1),
        )
        dates_box = QGroupBox(self.tr("时间"))
        dates_box.setLayout(self.form.grid(DATES))
        other = self.form.add_rows(
            QFormLayout(),
            (
                "reply",
                (self.tr("职代会"), ("congress_members", "congress_attended", "congress_approved")),
                "objection_note",
                (self.tr("变更／解除"), ("end_kind", "end_reason")),
                "note",
            ),
        )
        middle = vbox(dates_box, other, (self.sessions_box, 1))
        right = vbox(QLabel(self.tr("法定时限与审查提示")), (self.findings, 1))
        body = hbox((left, 3), (middle, 4), (right, 3))
        vbox((body, 1), self.button_row(), owner=self)

    def load(self, values: dict[str, Any] | None = None) -> None:
        values = self._first if values is None else values
        self.situation.blockSignals(True)
        super().load(values)
        self.situation.blockSignals(False)
        self._fill_topics(set(values.get("topics") or ()))

    def custom_values(self) -> dict[str, Any]:
        return {"topics": sorted(self.checked_topics())}

    def _fill_topics(self, checked: set[str]) -> None:
        situation = self.situation.currentData()
        self.topics.clear()
        specific = set(
            negotiation_rules.rules_file()["situations"].get(situation, {}).get("topics", [])
        )
        for code in negotiation_rules.topics_for(situation):
            item = QListWidgetItem(
                ("★ " if code in specific else "")
                + negotiation_rules.topic_label(code, self.english)
            )
            item.setData(256, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            )
            self.topics.addItem(item)

    def checked_topics(self) -> set[str]:
        return {
            self.topics.item(i).data(256)
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        }

    def set_topics(self, codes: set[str]) -> None:
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(256) in codes else Qt.CheckState.Unchecked
            )

    def refresh(self) -> None:
        if not self.record_id:
            self.sessions_box.show_sessions([])
            self.findings.show_findings([])
            return
        self.sessions_box.show_sessions(offers.sessions(self.db, self.record_id))
        self.findings.show_findings(offer_findings.findings(self.db, self.record_id))

    def add_session(self) -> bool:
        offer_id = self.saved_first()
        if offer_id is None:
            return False
        try:
            offers.add_session(self.db, offer_id, self.sessions_box.entered(), loaded=self.loaded)
        except ValidationError as exc:
            return self.show_problems(exc)
        return self.done_step()
