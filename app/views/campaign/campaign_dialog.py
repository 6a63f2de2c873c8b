"""设置 → 专项行动: campaigns as data — phases, the implementation plan, planned
checks per county — which one is current, and the plan printed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import county
from app.services.campaign import campaign_stats, campaigns
from app.services.campaign.campaigns import CampaignInput, Phase, PlanRow
from app.services.core import edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.core.fields import ValidationError, parse_date
from app.services.core.storage import Database
from app.views.campaign import campaign_merge
from app.views.common.layouts import form_rows, hbox, vbox
from app.views.common.merge_dialog import MergeDialog
from app.views.common.messages import error_label, tr_lines
from app.views.common.unsaved import KeepsTyped, confirm_discard
from app.views.common.widgets import headed_table, named, push_button


class DateError(ValueError):
    """A date typed in the dialog could not be read; the message says which."""


def _date(text: str, what: str, *, required: bool = True) -> date | None:
    text = text.strip()
    if not text:
        if required:
            raise DateError(f"请填写{what}。")
        return None
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise DateError(f"{what}“{text}”无法识别，请按 2023-06-15 的格式填写。")
    return day


def _table(headers: list[str], name: str) -> QTableWidget:
    t = headed_table(name, headers)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _cell(t: QTableWidget, row: int, col: int) -> str:
    item = t.item(row, col)
    return item.text().strip() if item else ""


class CampaignDialog(KeepsTyped, QDialog):
    changed = Signal()

    def __init__(
        self, db: Database, *, english: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
        self.editing: str | None = None
        self.loaded: int | None = None
        self.loaded_input: CampaignInput | None = None
        self.merge_view: MergeDialog | None = None
        self.setWindowTitle(self.tr("专项行动"))
        self.setObjectName("campaign_dialog")

        self.list = named(QListWidget(), "campaign_list")
        self.list.currentRowChanged.connect(self._chosen)
        # A campaign's full name (and its （当前）mark) wraps instead of running off
        # the list's right edge.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        new = push_button(
            self.tr("按 2023 年通知新建…"),
            "campaign_new",
            lambda _c=False: self.new_from_template(),
        )
        self.current_button = push_button(
            self.tr("设为当前"), "campaign_set_current", lambda _c=False: self.make_current()
        )
        delete = push_button(self.tr("删除"), slot=lambda _c=False: self.delete_current())
        left = vbox((self.list, 1), *(new, self.current_button, delete))

        self.name = named(QLineEdit(), "campaign_name")
        self.issuer = QLineEdit()
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("平协调三方办〔2023〕3号"))
        self.issued_on = QLineEdit()
        self.starts_on = named(QLineEdit(), "campaign_starts")
        self.ends_on = named(QLineEdit(), "campaign_ends")
        self.report_due = QLineEdit()
        form = form_rows(
            (self.tr("名称"), self.name),
            (self.tr("发文机关"), self.issuer),
            (self.tr("文号"), self.doc_number),
            (self.tr("发文日期"), self.issued_on),
            (self.tr("开始日期"), self.starts_on),
            (self.tr("结束日期"), self.ends_on),
            (self.tr("总结报送截止"), self.report_due),
        )

        self.phases = _table([self.tr("阶段"), self.tr("开始"), self.tr("结束")], "campaign_phases")
        self.plan = _table(
            [self.tr("工作措施"), self.tr("责任单位"), self.tr("时间进度")], "campaign_plan"
        )
        self.targets = _table(
            [self.tr("县（市、区）"), self.tr("计划体检企业数")], "campaign_targets"
        )
        self.detail_tabs = QTabWidget()
        for table, title in (
            (self.phases, self.tr("阶段安排")),
            (self.plan, self.tr("实施方案")),
            (self.targets, self.tr("体检任务")),
        ):
            page = QWidget()
            lay = QVBoxLayout(page)
            lay.addWidget(table)
            if table is not self.targets:
                row = QHBoxLayout()
                add = push_button(
                    self.tr("增加一行"), slot=lambda _c=False, t=table: t.insertRow(t.rowCount())
                )
                remove = QPushButton(self.tr("删除所选行"))
                remove.clicked.connect(
                    lambda _c=False, t=table: (
                        t.removeRow(t.currentRow()) if t.currentRow() >= 0 else None
                    )
                )
                row.addWidget(add)
                row.addWidget(remove)
                row.addStretch(1)
                lay.addLayout(row)
            self.detail_tabs.addTab(page, title)

        self.error = error_label("campaign_error")
        self.save_button = push_button(
            self.tr("保存"), "campaign_save", lambda _c=False: self.save()
        )
        self.print_button = push_button(
            self.tr("打印实施方案…"), "campaign_print", lambda _c=False: self.print_plan()
        )
        close = push_button(self.tr("关闭"), slot=self.reject)  # asks first when edited
        buttons = hbox(self.print_button, 1, self.save_button, close)
        right = vbox(form, (self.detail_tabs, 1), self.error, buttons)
        hbox((left, 1), (right, 3), owner=self)
        self.resize(1060, 680)
        self.reload()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        dates = (self.issued_on, self.starts_on, self.ends_on, self.report_due)
        return (self.name, self.issuer, self.doc_number, *dates, *self.tables())

    def tables(self) -> tuple[QTableWidget, ...]:
        return (self.phases, self.plan, self.targets)

    # -- list -----------------------------------------------------------------------------------
    def _chosen(self, _row: int) -> None:
        """Another campaign picked in the list: the one being edited is only dropped
        when the user says so (No goes back to it, with what was typed)."""
        if self.unsaved() and not confirm_discard(self):
            back = next(
                r for r in range(self.list.count()) if self.list.item(r).data(256) == self.editing
            )
            self.list.blockSignals(True)
            self.list.setCurrentRow(back)
            self.list.blockSignals(False)
            return
        self.load_current()

    def reload(self, select: str | None = None, *, keep_form: bool = False) -> None:
        current = campaigns.current(self.db)
        self.list.blockSignals(True)
        self.list.clear()
        for c in campaigns.all_campaigns(self.db):
            mark = self.tr("（当前）") if current and c.id == current.id else ""
            item = QListWidgetItem(f"{c.label}{mark}")
            item.setData(256, c.id)
            self.list.addItem(item)
        wanted = select or self.editing or (current.id if current else None)
        for row in range(self.list.count()):
            if self.list.item(row).data(256) == wanted:
                self.list.setCurrentRow(row)
                break
        else:
            if self.list.count():
                self.list.setCurrentRow(0)
        self.list.blockSignals(False)  # the form follows below, loaded once
        has = self.list.count() > 0
        for w in (self.save_button, self.print_button, self.current_button):
            w.setEnabled(has)
        if not keep_form:
            self.load_current()

    def load_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.editing = None
            return
        self.editing = item.data(256)
        # The version first, then the campaign: what a save or a delete is checked against.
        self.loaded = edit_lock.version_of(self.db, campaigns.RECORD_TYPE, self.editing)
        self.loaded_input = campaigns.get(self.db, self.editing)
        self.show_input(self.loaded_input)

    def show_input(self, data: CampaignInput) -> None:
        self.name.setText(data.name)
        self.issuer.setText(data.issuer)
        self.doc_number.setText(data.doc_number)
        for edit, day in (
            (self.issued_on, data.issued_on),
            (self.starts_on, data.starts_on),
            (self.ends_on, data.ends_on),
            (self.report_due, data.report_due),
        ):
            edit.setText(day.isoformat() if day else "")
        self.phases.setRowCount(0)
        for p in data.phases:
            r = self.phases.rowCount()
            self.phases.insertRow(r)
            for c, v in enumerate((p.name, p.start.isoformat(), p.end.isoformat())):
                item = QTableWidgetItem(v)
                item.setData(256, p.key)
                self.phases.setItem(r, c, item)
        self.plan.setRowCount(0)
        for p in data.plan:
            r = self.plan.rowCount()
            self.plan.insertRow(r)
            for c, v in enumerate((p.measure, p.units, p.schedule)):
                self.plan.setItem(r, c, QTableWidgetItem(v))
        self.plan.setColumnWidth(0, 420)
        self.phases.setColumnWidth(0, 220)
        self.phases.setColumnWidth(1, 120)
        self.targets.setRowCount(0)
        for code in campaign_stats.office_counties(self.db):
            r = self.targets.rowCount()
            self.targets.insertRow(r)
            name = QTableWidgetItem(county(code))
            name.setData(256, code)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.targets.setItem(r, 0, name)
            self.targets.setItem(r, 1, QTableWidgetItem(str(data.targets.get(code, 0))))
        self.targets.setColumnWidth(0, 220)
        self.error.clear()
        self.keep_typed()

    # -- reading the form -------------------------------------------------------------------------
    def read_input(self) -> CampaignInput:
        """The form as a campaign; DateError or ValidationError with what to fix."""
        phases = []
        for r in range(self.phases.rowCount()):
            name = _cell(self.phases, r, 0)
            if not name and not _cell(self.phases, r, 1):
                continue
            key_item = self.phases.item(r, 0)
            key = (key_item.data(256) if key_item else None) or f"phase{r + 1}"
            phases.append(
                Phase(
                    key,
                    name,
                    _date(_cell(self.phases, r, 1), f"阶段“{name}”的开始日期"),  # type: ignore[arg-type]
                    _date(_cell(self.phases, r, 2), f"阶段“{name}”的结束日期"),  # type: ignore[arg-type]
                )
            )
        plan = [
            PlanRow(_cell(self.plan, r, 0), _cell(self.plan, r, 1), _cell(self.plan, r, 2))
            for r in range(self.plan.rowCount())
            if _cell(self.plan, r, 0)
        ]
        targets: dict[str, int] = {}
        for r in range(self.targets.rowCount()):
            text = _cell(self.targets, r, 1) or "0"
            if not text.isdigit():
                raise DateError(f"{_cell(self.targets, r, 0)}的计划体检数“{text}”应为整数。")
            targets[self.targets.item(r, 0).data(256)] = int(text)
        return CampaignInput(
            name=self.name.text(),
            starts_on=_date(self.starts_on.text(), "开始日期"),  # type: ignore[arg-type]
            ends_on=_date(self.ends_on.text(), "结束日期"),  # type: ignore[arg-type]
            issuer=self.issuer.text(),
            doc_number=self.doc_number.text(),
            issued_on=_date(self.issued_on.text(), "发文日期", required=False),
            report_due=_date(self.report_due.text(), "总结报送截止日期", required=False),
            phases=phases,
            plan=plan,
            targets=targets,
        )

    def save(self) -> bool:
        if self.editing is None:
            return False
        try:
            data = self.read_input()
            campaigns.save(self.db, data, self.editing, loaded=self.loaded)
        except EditConflict as exc:  # a colleague saved first: the merge view
            self.error.setText(tr_lines(exc.errors.values()))
            self.merge_view = campaign_merge.open_merge(self, exc, data)
            return False
        except DateError as exc:
            self.error.setText(str(exc))
            return False
        except ValidationError as exc:
            self.error.setText(tr_lines(exc.errors.values()))
            return False
        self.error.setText(self.tr("已保存。"))
        self.reload(self.editing)
        self.changed.emit()
        return True

    # -- actions ----------------------------------------------------------------------------------
    def new_from_template(self, year: int | None = None) -> str | None:
        if self.unsaved() and not confirm_discard(self):
            return None  # the new campaign would replace the form being edited
        if year is None:
            year, ok = QInputDialog.getInt(
                self,
                self.tr("新建专项行动"),
                self.tr("年度（按 2023 年通知的阶段和措施生成，可再修改）："),
                date.today().year,
                2000,
                2100,
            )
            if not ok:
                return None
        new_id = campaigns.save(self.db, campaigns.load_template(year=year))
        self.reload(new_id)
        self.changed.emit()
        return new_id

    def make_current(self) -> None:
        if self.editing:
            campaigns.set_current(self.db, self.editing)
            self.reload(self.editing, keep_form=True)  # what was typed stays, unsaved
            self.changed.emit()

    def delete_current(self) -> None:
        if (
            self.editing
            and QMessageBox.question(
                self, self.tr("删除"), self.tr("删除这个专项行动？已登记的体检等记录不会被删除。")
            )
            == QMessageBox.StandardButton.Yes
        ):
            try:
                campaigns.delete(self.db, self.editing, loaded=self.loaded)
            except EditConflict as exc:  # changed by a colleague since it was shown
                self.error.setText(tr_lines(exc.errors.values()))
                self.load_current()
                return
            self.editing = None
            self.reload()
            self.changed.emit()

    def print_plan(self) -> None:
        if not self.editing or not self.save():
            return
        from app.views.printing import actions, output

        document = output.build_document(self.db, "campaign-plan", self.editing)
        self.preview = actions.preview(
            self,
            self.tr("实施方案"),
            lambda printer: actions.paint_documents_on(printer, [document]),
        )
