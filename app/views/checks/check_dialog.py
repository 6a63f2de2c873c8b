"""The health-check record: enterprise, date, team, employment snapshot, the
result of every checklist item, conclusion and advice; its rectification items;
finalising; and amending a finalised check with a stated reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import paren
from app.services.checks import checklists, health_checks
from app.services.checks.health_checks import CheckDetail, CheckInput
from app.services.core import edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.core.fields import ValidationError
from app.services.core.storage import Database
from app.services.register import enterprises
from app.views.checks import check_merge
from app.views.checks.check_conclusion import ConclusionPage
from app.views.checks.check_record import HistoryView, RectificationsTable
from app.views.checks.check_snapshot import SnapshotBox
from app.views.checks.check_widgets import ResultsTable, TeamTable, result_lines
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import tr_message
from app.views.common.readable import set_readable
from app.views.common.stored_dialog import StoredDialog
from app.views.common.unsaved import confirm_discard
from app.views.common.widgets import named, push_button


class CheckDialog(StoredDialog):
    RECORD_ARG = "check_id"  # the keyword a list opens a stored check with

    def __init__(
        self,
        db: Database,
        *,
        check_id: str | None = None,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, health_checks.RECORD_TYPE, check_id, english=english, parent=parent)
        self.check_id = check_id
        self.detail: CheckDetail | None = health_checks.get(db, check_id) if check_id else None
        self.amending = False
        if self.detail:
            data = self.detail.input
            self.spec = checklists.by_id(db, self.detail.input.checklist_id or "")
        elif enterprise_id:
            data = health_checks.template(db, enterprise_id, date.today())
            self.spec = checklists.by_id(db, data.checklist_id or "")
        else:
            self.spec = checklists.active(db)
            data = CheckInput(None, date.today(), checklist_id=self.spec.id)
        self.enterprise_id = data.enterprise_id
        self.rechecking_final = False
        self.setWindowTitle(self.tr("法治体检记录"))
        self._build()
        self._load(data)
        self._update_mode()
        self._keep_as_saved()
        self.resize(1100, 780)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.enterprise_label = named(QLabel(), "enterprise_label")
        self.pick_button = push_button(
            self.tr("选择企业…"), "pick_enterprise", self.pick_enterprise
        )
        self.date = named(QDateEdit(), "check_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.edition_label = QLabel()
        self.status_label = named(QLabel(), "status_label")

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("被检查企业")), 0, 0)
        top.addWidget(self.errors.wrap("enterprise_id", self.enterprise_label), 0, 1)
        top.addWidget(self.pick_button, 0, 2)
        top.addWidget(QLabel(self.tr("体检日期")), 1, 0)
        top.addWidget(self.errors.wrap("check_date", self.date), 1, 1)
        top.addWidget(self.edition_label, 1, 2)
        top.addWidget(self.status_label, 0, 3, 2, 1)
        top.setColumnStretch(1, 1)

        self.team = TeamTable()
        self.snapshot_box = SnapshotBox(self.errors)
        self.snapshot = self.snapshot_box.edits
        self.snapshot_labels = self.snapshot_box.labels
        for edit in self.snapshot.values():
            edit.textEdited.connect(self._conditions_changed)
        team_box = QGroupBox(self.tr("检查组"))
        QVBoxLayout(team_box).addWidget(self.errors.wrap("team", self.team))
        self.team.changed.connect(self._recheck)
        upper = hbox((team_box, 1), (self.snapshot_box, 2))

        self.results = ResultsTable(self.english)
        self.results.changed.connect(self._update_counts)
        self.counts = named(QLabel(), "counts")

        self.closing = ConclusionPage(self.errors)
        self.closing.changed.connect(self._update_counts)
        self.conclusion = self.closing.conclusion
        self.advice = self.closing.advice
        self.enterprise_person = self.closing.enterprise_person
        self.office_person = self.closing.office_person
        closing_page = self.closing

        self.rectifications = RectificationsTable()
        self.history = HistoryView()

        self.pages = QTabWidget()
        results_page = QWidget()
        vbox(self.errors.wrap("results", self.results), self.counts, owner=results_page)
        self.pages.addTab(results_page, self.tr("检查结果"))
        self.pages.addTab(closing_page, self.tr("结论与建议"))
        self.pages.addTab(self.rectifications, self.tr("整改事项"))
        self.pages.addTab(self.history, self.tr("更正记录"))

        self.reason = named(QLineEdit(), "reason")
        self.reason.setPlaceholderText(
            self.tr("更正理由（必填），如：企业补交了劳动合同，A01 复核为合规")
        )
        self.note = named(QLabel(), "saved_note")
        self.note.setWordWrap(True)

        self.save_button = push_button(self.tr("保存草稿"), "save", self.save)
        self.finalise_button = push_button(
            self.tr("保存并定稿"), "finalise", self.save_and_finalise
        )
        self.amend_button = push_button(self.tr("更正…"), "amend", self.start_amending)
        self.close_button = push_button(self.tr("关闭"), slot=self.reject)
        buttons = hbox(
            (self.reason, 3),
            1,
            *(self.amend_button, self.save_button, self.finalise_button, self.close_button),
        )

        vbox(top, upper, (self.pages, 1), self.error, self.note, buttons, owner=self)
        self.date.dateChanged.connect(lambda _d: self._recheck())

    # -- data in --------------------------------------------------------------------------
    def _load(self, data: CheckInput) -> None:
        self._show_enterprise()
        day = data.check_date or date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        edition = self.tr("体检清单第 %1 版").replace("%1", str(self.spec.edition))
        if self.spec.owner and self.spec.owner != self.db.office_code:
            # At the city: a county's check was made with that county's own edition.
            from app.services.core.office import known_office_codes

            owner = known_office_codes().get(self.spec.owner, self.spec.owner)
            edition = self.tr("%1（%2的版本）").replace("%1", edition).replace("%2", owner)
        self.edition_label.setText(edition)
        self.team.set_members(data.team)
        for name, edit in self.snapshot.items():
            value = getattr(data, name)
            edit.setText("" if value is None else str(value))
        lines = result_lines(data, self.detail.results if self.detail else None, self.spec)
        self.results.fill(lines)
        self._original = check_merge.flat(data)  # as loaded: what "I changed" is measured from
        self.conclusion.setPlainText(data.conclusion)
        self.advice.setPlainText(data.advice)
        self.enterprise_person.setText(data.enterprise_person)
        self.office_person.setText(data.office_person)
        self._show_rectifications()
        self._show_history()
        self._update_counts()

    def _show_enterprise(self) -> None:
        if self.enterprise_id:
            ent = enterprises.get(self.db, self.enterprise_id) or {}
            self.enterprise_label.setText(paren(ent.get("name", ""), ent.get("credit_code", "")))
        else:
            self.enterprise_label.setText(self.tr("（尚未选择）"))

    def _show_rectifications(self) -> None:
        rows = self.detail.rectifications if self.detail else []
        self.rectifications.show_items(rows, self.english)
        self.pages.setTabText(2, self.tr("整改事项（%1）").replace("%1", str(len(rows))))

    def _show_history(self) -> None:
        self.history.show_detail(self.detail, self.snapshot_labels)

    # -- behaviour --------------------------------------------------------------------------
    def _form(self) -> dict[str, object] | None:
        try:
            return check_merge.flat(self.collect())
        except ValidationError:
            return None  # a number half typed

    def _keep_as_saved(self) -> None:
        """The form as it stands is what the database holds (opened, or just saved)."""
        self._kept = self._form()

    def reject(self) -> None:
        """Esc, 关闭 and the ✕ end here: typed work is only dropped when the user says so."""
        unsaved = self._editable() and (self._form() is None or self._form() != self._kept)
        if unsaved and not confirm_discard(self):
            return
        super().reject()

    def _editable(self) -> bool:
        return not self.detail or self.detail.status != "final" or self.amending

    def _update_mode(self) -> None:
        final = bool(self.detail and self.detail.status == "final")
        editable = self._editable()
        for widget in (self.date, *self.snapshot.values()):
            set_readable(widget, not editable)  # read-only, not disabled grey
        self.closing.set_enabled(editable)
        self.pick_button.setEnabled(not self.detail)
        self.team.set_read_only(not editable)
        self.results.set_read_only(not editable)
        self.save_button.setVisible(not final or self.amending)
        self.save_button.setText(self.tr("保存更正") if self.amending else self.tr("保存草稿"))
        self.finalise_button.setVisible(not final)
        self.amend_button.setVisible(final and not self.amending)
        self.reason.setVisible(self.amending)
        if final:
            self.status_label.setText(
                self.tr("已定稿") + (self.tr("（更正中）") if self.amending else "")
            )
        else:
            self.status_label.setText(self.tr("草稿") if self.detail else self.tr("新建"))

    def start_amending(self) -> None:
        self.amending = True
        self._update_mode()
        self.reason.setFocus()

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.set_enterprise(picker.chosen[0])

    def set_enterprise(self, enterprise_id: str) -> None:
        self.enterprise_id = enterprise_id
        ent = enterprises.get(self.db, enterprise_id) or {}
        if not self.snapshot["staff_count"].text() and ent.get("employee_count") is not None:
            self.snapshot["staff_count"].setText(str(ent["employee_count"]))
        self._show_enterprise()
        self._conditions_changed()

    def _conditions_changed(self) -> None:
        """Items whose condition changed follow it, unless the user set them by hand."""
        if not self._editable():
            return
        ent = enterprises.get(self.db, self.enterprise_id) if self.enterprise_id else {}
        context = {
            "industry": (ent or {}).get("industry", ""),
            "dispatched_workers": self._int_or_none("dispatched_workers"),
            "migrant_workers": self._int_or_none("migrant_workers"),
        }
        self.results.follow_applicability(health_checks.applicable_codes(self.spec, context))
        self._update_counts()

    def _int_or_none(self, name: str) -> int | None:
        return self.snapshot_box.int_or_none(name)

    def _update_counts(self) -> None:
        self._follow_results()
        self._recheck()
        bad = self.results.count("noncompliant")
        self.counts.setText(
            self.tr(
                "合规 %1 项，不合规 %2 项，不适用 %3 项，未查 %4 项。每个不合规项将生成一条整改事项。"
            )
            .replace("%1", str(self.results.count("compliant")))
            .replace("%2", str(bad))
            .replace("%3", str(self.results.count("na")))
            .replace("%4", str(self.results.count("unchecked")))
        )

    def _follow_results(self) -> None:
        """The proposed conclusion and the contradiction warning follow the results."""
        snapshot = {n: self._int_or_none(n) for n in ("wages_owed_yuan", "wages_owed_people")}
        self.closing.follow(self.spec, self.results.entries(), snapshot)

    def _recheck(self) -> None:
        """Once a save was refused, show the problems as they stand after each change
        (a fixed field's message goes at once)."""
        if not self.rechecking or not self._editable():
            return
        try:
            data = self.collect()
        except ValidationError as exc:
            self._show_problems(exc.errors)
            return
        final = self.rechecking_final or self.amending
        self._show_problems(health_checks.problems(self.db, data, final=final))

    # -- data out and saving -----------------------------------------------------------------
    def collect(self) -> CheckInput:
        snapshot = self.snapshot_box.values()
        qd = self.date.date()
        return CheckInput(
            self.enterprise_id,
            date(qd.year(), qd.month(), qd.day()),
            self.team.members(),
            results=self.results.entries(),
            conclusion=self.conclusion.toPlainText().strip(),
            advice=self.advice.toPlainText().strip(),
            enterprise_person=self.enterprise_person.text().strip(),
            office_person=self.office_person.text().strip(),
            checklist_id=self.spec.id,
            **snapshot,  # type: ignore[arg-type]
        )

    def _refused(self, errors: dict[str, str], *, final: bool) -> bool:
        self.rechecking, self.rechecking_final = True, final
        self.note.clear()
        self._show_problems(errors)
        return False

    def _show_problems(self, errors: dict[str, str]) -> None:
        """The messages, and a page holding a problem says so on its tab (the results,
        the conclusion) — until it is fixed: a red tab with nothing wrong on it sends
        the user hunting."""
        self.errors.show(errors)
        bar = self.pages.tabBar()
        for index, name in ((0, "results"), (1, "conclusion")):
            bar.setTabTextColor(index, QColor("#b00020") if name in errors else QColor())

    def save(self) -> bool:
        """保存草稿 (or 保存更正 while amending): says what it kept."""
        return self._save(final=False)

    def _save(self, *, final: bool) -> bool:
        try:
            data, loaded = self.collect(), self.loaded
            if self.amending and self.check_id:
                reason = self.reason.text()
                warnings = health_checks.amend(self.db, self.check_id, data, reason, loaded=loaded)
            elif self.check_id:
                warnings = health_checks.update(
                    self.db, self.check_id, data, final=final, loaded=loaded
                )
            else:
                self.check_id = health_checks.create(self.db, data, final=final)
                warnings = []
        except EditConflict as exc:  # a colleague saved first: the merge view
            self.errors.show(exc.errors)
            self.merge_view = check_merge.open_merge(self, exc, final=final)
            return False
        except ValidationError as exc:
            return self._refused(exc.errors, final=final or self.amending)
        self.loaded = edit_lock.saved_version(self.db, health_checks.RECORD_TYPE, self.check_id)
        self._keep_as_saved()
        self.rechecking = False
        self._show_problems({})  # the tabs back to black too
        self.errors.clear()
        if warnings:
            QMessageBox.warning(self, self.tr("请注意"), "\n".join(tr_message(w) for w in warnings))
        amended = self.amending
        self.amending = False
        assert self.check_id
        self.detail = health_checks.get(self.db, self.check_id)
        if final:
            self.note.setText(
                self.tr("已定稿，生成整改事项 %1 条。").replace(
                    "%1", str(len(self.detail.rectifications))
                )
            )
        elif amended:
            self.note.setText(self.tr("已保存更正。"))
        else:
            self.note.setText(tr_message(health_checks.draft_summary(data)))
        self._show_rectifications()
        self._show_history()
        self._update_mode()
        self.saved.emit(self.check_id)
        return True

    def save_and_finalise(self) -> None:
        """保存并定稿: the check is saved final with its rectification items, or —
        when anything stands in the way — nothing is saved and the problems are shown."""
        if self._save(final=True):
            self.accept()
