"""The health-check record: enterprise, date, team, employment snapshot, the
result of every checklist item, conclusion and advice; its rectification items;
finalising; and amending a finalised check with a stated reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.db import Database
from app.services import checklists, enterprises, health_checks, rectification_status
from app.services.fields import FieldError, ValidationError, parse_int
from app.services.health_checks import RESULTS, CheckDetail, CheckInput
from app.views.dialogs.check_widgets import ResultLine, ResultsTable, TeamTable
from app.views.dialogs.enterprise_picker import EnterprisePicker


class CheckDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        check_id: str | None = None,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
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
        self.setWindowTitle(self.tr("法治体检记录"))
        self._build()
        self._load(data)
        self._update_mode()
        self.resize(1100, 780)

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.enterprise_label = QLabel()
        self.enterprise_label.setObjectName("enterprise_label")
        self.pick_button = QPushButton(self.tr("选择企业…"))
        self.pick_button.setObjectName("pick_enterprise")
        self.pick_button.clicked.connect(self.pick_enterprise)
        self.date = QDateEdit()
        self.date.setObjectName("check_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.edition_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("被检查企业")), 0, 0)
        top.addWidget(self.enterprise_label, 0, 1)
        top.addWidget(self.pick_button, 0, 2)
        top.addWidget(QLabel(self.tr("体检日期")), 1, 0)
        top.addWidget(self.date, 1, 1)
        top.addWidget(self.edition_label, 1, 2)
        top.addWidget(self.status_label, 0, 3, 2, 1)
        top.setColumnStretch(1, 1)

        self.team = TeamTable()
        self.snapshot: dict[str, QLineEdit] = {}
        snapshot_form = QFormLayout()
        grid = QGridLayout()
        self.snapshot_labels = {
            "staff_count": self.tr("职工人数"),
            "contracts_signed": self.tr("已签劳动合同人数"),
            "migrant_workers": self.tr("农民工人数"),
            "dispatched_workers": self.tr("劳务派遣人数"),
            "wages_paid_through": self.tr("工资已足额发放至（年-月）"),
            "wages_owed_yuan": self.tr("拖欠工资金额（元）"),
            "wages_owed_people": self.tr("被拖欠工资人数"),
        }
        for n, (name, label) in enumerate(self.snapshot_labels.items()):
            edit = QLineEdit()
            edit.setObjectName(name)
            if name == "wages_paid_through":
                edit.setPlaceholderText("2023-05")
            edit.textEdited.connect(self._conditions_changed)
            self.snapshot[name] = edit
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            grid.addWidget(edit, n // 2, (n % 2) * 2 + 1)
        del snapshot_form
        team_box = QGroupBox(self.tr("检查组"))
        QVBoxLayout(team_box).addWidget(self.team)
        snapshot_box = QGroupBox(self.tr("用工基本情况"))
        snapshot_box.setLayout(grid)
        upper = QHBoxLayout()
        upper.addWidget(team_box, 1)
        upper.addWidget(snapshot_box, 2)

        self.results = ResultsTable(self.english)
        self.results.changed.connect(self._update_counts)
        self.counts = QLabel()
        self.counts.setObjectName("counts")

        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("conclusion")
        self.advice = QPlainTextEdit()
        self.advice.setObjectName("advice")
        self.enterprise_person = QLineEdit()
        self.enterprise_person.setObjectName("enterprise_person")
        self.office_person = QLineEdit()
        self.office_person.setObjectName("office_person")
        closing = QFormLayout()
        closing.addRow(self.tr("体检结论"), self.conclusion)
        closing.addRow(self.tr("改进建议"), self.advice)
        closing.addRow(self.tr("企业整改负责人"), self.enterprise_person)
        closing.addRow(self.tr("本单位责任人"), self.office_person)
        closing_page = QWidget()
        closing_page.setLayout(closing)

        self.rectifications = QTableWidget(0, 5)
        self.rectifications.setObjectName("rectifications")
        self.rectifications.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("整改事类"),
                self.tr("整改时限"),
                self.tr("整改负责人"),
                self.tr("状态"),
            ]
        )
        self.rectifications.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.rectifications.verticalHeader().hide()
        self.history = QTextBrowser()
        self.history.setObjectName("history")

        self.pages = QTabWidget()
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.addWidget(self.results)
        results_layout.addWidget(self.counts)
        self.pages.addTab(results_page, self.tr("检查结果"))
        self.pages.addTab(closing_page, self.tr("结论与建议"))
        self.pages.addTab(self.rectifications, self.tr("整改事项"))
        self.pages.addTab(self.history, self.tr("更正记录"))

        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            self.tr("更正理由（必填），如：企业补交了劳动合同，A01 复核为合规")
        )
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        self.save_button = QPushButton(self.tr("保存草稿"))
        self.save_button.setObjectName("save")
        self.finalise_button = QPushButton(self.tr("保存并定稿"))
        self.finalise_button.setObjectName("finalise")
        self.amend_button = QPushButton(self.tr("更正…"))
        self.amend_button.setObjectName("amend")
        self.close_button = QPushButton(self.tr("关闭"))
        self.save_button.clicked.connect(self.save)
        self.finalise_button.clicked.connect(self.save_and_finalise)
        self.amend_button.clicked.connect(self.start_amending)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 3)
        buttons.addStretch(1)
        for b in (self.amend_button, self.save_button, self.finalise_button, self.close_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(upper)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # -- data in --------------------------------------------------------------------------
    def _load(self, data: CheckInput) -> None:
        self._show_enterprise()
        day = data.check_date or date.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        edition = self.tr("体检清单第 %1 版").replace("%1", str(self.spec.edition))
        if self.spec.owner and self.spec.owner != self.db.office_code:
            # At the city: a county's check was made with that county's own edition.
            from app.services.office import known_office_codes

            owner = known_office_codes().get(self.spec.owner, self.spec.owner)
            edition = self.tr("%1（%2的版本）").replace("%1", edition).replace("%2", owner)
        self.edition_label.setText(edition)
        self.team.set_members(data.team)
        for name, edit in self.snapshot.items():
            value = getattr(data, name)
            edit.setText("" if value is None else str(value))
        entries = {r.item_code: r for r in data.results}
        if self.detail:
            lines = [
                ResultLine(r.item_code, r.group, r.question, r.basis, r.result, r.note)
                for r in self.detail.results
            ]
        else:
            lines = [
                ResultLine(
                    i.code,
                    i.group,
                    i.question,
                    i.basis,
                    entries[i.code].result if i.code in entries else "unchecked",
                    entries[i.code].note if i.code in entries else "",
                )
                for i in self.spec.live_items()
            ]
        self.results.fill(lines)
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
            self.enterprise_label.setText(f"{ent.get('name', '')}（{ent.get('credit_code', '')}）")
        else:
            self.enterprise_label.setText(self.tr("（尚未选择）"))

    def _show_rectifications(self) -> None:
        rows = self.detail.rectifications if self.detail else []
        self.rectifications.setRowCount(len(rows))
        for r, item in enumerate(rows):
            for c, text in enumerate(
                (
                    item.item_code,
                    item.matter,
                    item.deadline.isoformat(),
                    item.enterprise_person,
                    rectification_status.label(item.status, self.english),
                )
            ):
                self.rectifications.setItem(r, c, QTableWidgetItem(text))
        self.pages.setTabText(2, self.tr("整改事项（%1）").replace("%1", str(len(rows))))

    def _show_history(self) -> None:
        detail = self.detail
        if not detail or not detail.amendments:
            self.history.setPlainText(self.tr("无更正。"))
            return
        lines = []
        for a in detail.amendments:
            lines.append(f"{a.at:%Y-%m-%d %H:%M}  {a.author}：{a.reason}")
            for key, change in a.changes.items():
                if key == "results":
                    for code, (old, new) in change.items():
                        lines.append(
                            f"    {code}：{RESULTS.get((old or ['unchecked'])[0], '')} → {RESULTS.get(new[0], '')}"
                        )
                else:
                    lines.append(
                        f"    {self.snapshot_labels.get(key, key)}：{change[0]} → {change[1]}"
                    )
        if detail.original:
            lines.append("")
            lines.append(self.tr("定稿时的原始结果："))
            bad = [
                code
                for code, (result, _note) in detail.original["results"].items()
                if result == "noncompliant"
            ]
            lines.append("    " + self.tr("不合规：") + ("、".join(bad) or "—"))
        self.history.setPlainText("\n".join(lines))

    # -- behaviour --------------------------------------------------------------------------
    def _editable(self) -> bool:
        return not self.detail or self.detail.status != "final" or self.amending

    def _update_mode(self) -> None:
        final = bool(self.detail and self.detail.status == "final")
        editable = self._editable()
        for widget in (
            self.date,
            self.conclusion,
            self.advice,
            self.enterprise_person,
            self.office_person,
            *self.snapshot.values(),
        ):
            widget.setEnabled(editable)
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
        applicable = health_checks.applicable_codes(self.spec, context)
        for entry in self.results.entries():
            if entry.item_code in self.results.touched:
                continue
            wanted = "unchecked" if entry.item_code in applicable else "na"
            if entry.result in ("unchecked", "na") and entry.result != wanted:
                self.results.set_result(entry.item_code, wanted, by_user=False)
        self._update_counts()

    def _int_or_none(self, name: str) -> int | None:
        try:
            return parse_int(self.snapshot[name].text())
        except FieldError:
            return None

    def _update_counts(self) -> None:
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

    # -- data out and saving -----------------------------------------------------------------
    def collect(self) -> CheckInput:
        errors: dict[str, str] = {}
        numbers: dict[str, int | None] = {}
        for name, edit in self.snapshot.items():
            if name == "wages_paid_through":
                continue
            try:
                numbers[name] = parse_int(edit.text())
            except FieldError as exc:
                errors[name] = f"{self.snapshot_labels[name]}：{exc}"
        if errors:
            raise ValidationError(errors)
        qd = self.date.date()
        return CheckInput(
            self.enterprise_id,
            date(qd.year(), qd.month(), qd.day()),
            self.team.members(),
            wages_paid_through=self.snapshot["wages_paid_through"].text().strip(),
            results=self.results.entries(),
            conclusion=self.conclusion.toPlainText().strip(),
            advice=self.advice.toPlainText().strip(),
            enterprise_person=self.enterprise_person.text().strip(),
            office_person=self.office_person.text().strip(),
            checklist_id=self.spec.id,
            **numbers,
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.error.setText("\n".join(errors.values()))
        for name, edit in self.snapshot.items():
            edit.setStyleSheet("border: 1px solid #b00020;" if name in errors else "")

    def save(self) -> bool:
        self.error.clear()
        try:
            data = self.collect()
            if self.amending and self.check_id:
                warnings = health_checks.amend(self.db, self.check_id, data, self.reason.text())
            elif self.check_id:
                warnings = health_checks.update(self.db, self.check_id, data)
            else:
                self.check_id = health_checks.create(self.db, data)
                warnings = []
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        self._show_errors({})
        if warnings:
            QMessageBox.warning(self, self.tr("请注意"), "\n".join(warnings))
        self.amending = False
        assert self.check_id
        self.detail = health_checks.get(self.db, self.check_id)
        self._show_rectifications()
        self._show_history()
        self._update_mode()
        self.saved.emit(self.check_id)
        return True

    def save_and_finalise(self) -> None:
        if not self.save():
            return
        assert self.check_id
        try:
            health_checks.finalise(self.db, self.check_id)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        self.detail = health_checks.get(self.db, self.check_id)
        self._update_mode()
        self.saved.emit(self.check_id)
        self.accept()
