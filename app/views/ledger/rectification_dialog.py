"""One rectification item: its details, history, evidence, and what can be done
with it next (change status, close with verification, extend the deadline)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import county, paren, tr_message
from app.services.core import edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.core.fields import ValidationError
from app.services.core.local_time import local
from app.services.core.storage import Database
from app.services.ledger import attachments, ledger
from app.services.ledger.rectification_status import label
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import error_label, tr_lines
from app.views.common.unsaved import KeepsTyped
from app.views.common.widgets import headed_table, named, push_button, pydate, qdate


class RectificationDialog(KeepsTyped, DatabaseDialog):
    changed = Signal(str)

    def __init__(
        self, db: Database, item_id: str, *, english: bool = False, parent: QWidget | None = None
    ) -> None:
        self.item_id = item_id  # the item build() shows
        super().__init__(db, parent, english=english)

    def build(self) -> None:
        self.setWindowTitle(self.tr("整改事项"))
        self.details = named(QLabel(), "details")
        self.details.setWordWrap(True)

        self.to_status = named(QComboBox(), "to_status")
        self.on_date = named(QDateEdit(), "on_date")
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setDate(qdate(date.today()))
        self.note = named(QLineEdit(), "note")
        self.note.setPlaceholderText(self.tr("情况说明（必填）；重新打开须写明理由"))
        self.verified_by = named(QLineEdit(), "verified_by")
        self.verified_by.setPlaceholderText(self.tr("销号时填写核验人"))
        self.apply_button = push_button(self.tr("更改状态"), "apply_status", self.apply_status)
        status_box = QGroupBox(self.tr("办理"))
        status_form = QFormLayout(status_box)
        status_form.addRow(self.tr("改为"), self.to_status)
        status_form.addRow(self.tr("日期"), self.on_date)
        status_form.addRow(self.tr("说明"), self.note)
        status_form.addRow(self.tr("核验人"), self.verified_by)
        status_form.addRow("", self.apply_button)

        self.new_deadline = named(QDateEdit(), "new_deadline")
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        self.extend_reason = named(QLineEdit(), "extend_reason")
        self.extend_button = push_button(self.tr("延期"), "extend", self.extend)
        extend_box = QGroupBox(self.tr("延期"))
        extend_form = QFormLayout(extend_box)
        extend_form.addRow(self.tr("新的整改时限"), self.new_deadline)
        extend_form.addRow(self.tr("延期理由"), self.extend_reason)
        extend_form.addRow("", self.extend_button)

        self.files = headed_table("files", [self.tr("文件"), self.tr("大小"), self.tr("校验")])
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.verticalHeader().hide()
        self.add_file_button = push_button(self.tr("添加佐证材料…"), "add_file", self.add_files)
        self.open_file_button = push_button(self.tr("打开"), "open_file", self.open_file)
        self.remove_file_button = push_button(self.tr("移除"), "remove_file", self.remove_file)
        files_box = QGroupBox(self.tr("佐证材料"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.files)
        file_buttons = hbox(
            *(self.add_file_button, self.open_file_button, self.remove_file_button), 1
        )
        files_layout.addLayout(file_buttons)

        self.history = named(QListWidget(), "history")
        history_box = QGroupBox(self.tr("办理记录"))
        QVBoxLayout(history_box).addWidget(self.history)

        self.error = error_label()
        close = push_button(self.tr("关闭"), slot=self.reject)  # asks first when typed in

        left = vbox(self.details, status_box, extend_box)
        right = vbox((files_box, 1), (history_box, 1))
        body = hbox((left, 1), (right, 1))
        layout = vbox(body, self.error, owner=self)
        buttons = hbox(1, close)
        layout.addLayout(buttons)
        self.resize(1000, 640)
        self.reload()
        self.keep_typed()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        """The 办理 and 延期 fields: a status change's note and verifier, a new deadline
        and its reason, typed but not yet applied."""
        return (self.note, self.verified_by, self.new_deadline, self.extend_reason)

    def reload(self) -> None:
        # The version first, then the item: what a status change or an extension is
        # checked against (a colleague's change in between is refused, not overwritten).
        self.loaded = edit_lock.version_of(self.db, ledger.RECORD_TYPE, self.item_id)
        row = ledger.get(self.db, self.item_id)
        before, self.row = getattr(self, "row", None), row
        today = date.today()
        late = row.overdue_days(today)
        lines = [
            paren(f"<b>{row.enterprise}</b>", county(row.county_code)),
            self.tr("整改事类：") + row.matter,
            self.tr("法律依据：") + (row.basis or "—"),
            self.tr("发现日期：") + row.found_on.isoformat(),
            self.tr("整改时限：")
            + row.deadline.isoformat()
            + (
                self.tr("（原定 %1）").replace("%1", row.original_deadline.isoformat())
                if row.original_deadline != row.deadline
                else ""
            ),
            self.tr("整改负责人：")
            + (row.enterprise_person or "—")
            + "　"
            + self.tr("本单位责任人：")
            + (row.office_person or "—"),
            self.tr("状态：")
            + label(row.status, self.english)
            + (
                f"<span style='color:#b00020'>　{self.tr('逾期 %1 天').replace('%1', str(late))}</span>"
                if late
                else ""
            ),
        ]
        self.details.setText("<br/>".join(lines))
        self.to_status.clear()
        for status in ledger.allowed_moves(row.status):
            self.to_status.addItem(label(status, self.english), status)
        if before is None or self.new_deadline.date() == qdate(before.deadline):
            self.new_deadline.setDate(qdate(row.deadline))  # a deadline typed stays typed
        # A closed item has no deadline to extend: nothing to type that could be applied.
        for widget in (self.extend_button, self.new_deadline, self.extend_reason):
            widget.setEnabled(row.status != "closed")
        self.history.clear()
        for line in ledger.history(self.db, self.item_id):
            when = line.on_date.isoformat() if line.on_date else f"{local(line.at):%Y-%m-%d}"
            self.history.addItem(f"{when}　{line.author}　{tr_message(line.text)}")
        self.evidence = attachments.list_for(self.db, self.item_id)
        self.files.setRowCount(len(self.evidence))
        for r, a in enumerate(self.evidence):
            self.files.setItem(r, 0, QTableWidgetItem(a.file_name))
            size = (
                f"{a.size} B"
                if a.size < 1024
                else f"{a.size / 1024:.0f} KB"
                if a.size < 1024 * 1024
                else f"{a.size / 1024 / 1024:.1f} MB"
            )
            self.files.setItem(r, 1, QTableWidgetItem(size))
            states = {
                "ok": self.tr("完好"),
                "missing": self.tr("文件缺失"),
                "altered": self.tr("文件已被改动"),
            }
            self.files.setItem(r, 2, QTableWidgetItem(states[a.state]))

    def _fail(self, exc: Exception) -> None:
        errors = getattr(exc, "errors", None)
        self.error.setText(tr_lines(errors.values()) if errors else str(exc))

    def _conflict(self, exc: EditConflict) -> None:
        """A colleague changed the item first: say who and when, and show the item as
        it now stands (what was typed stays) so the change can be decided again."""
        self.reload()
        self.error.setText(tr_message(exc.shown_again("dialog")))  # nothing to merge here
        self.changed.emit(self.item_id)

    def apply_status(self) -> bool:
        self.error.clear()
        target = self.to_status.currentData()
        if not target:
            return False
        return self._write(
            lambda: ledger.change_status(
                self.db,
                self.item_id,
                target,
                on_date=pydate(self.on_date.date()),
                note=self.note.text(),
                verified_by=self.verified_by.text(),
                loaded=self.loaded,
            ),
            self.note,
        )

    def extend(self) -> bool:
        self.error.clear()
        return self._write(
            lambda: ledger.extend_deadline(
                self.db,
                self.item_id,
                pydate(self.new_deadline.date()),
                self.extend_reason.text(),
                loaded=self.loaded,
            ),
            self.extend_reason,
        )

    def _write(self, change: Callable[[], object], typed: QLineEdit) -> bool:
        """One change of the item (checked against the version shown); what was typed
        for it is cleared once it is stored, kept when it is refused."""
        try:
            change()
        except EditConflict as exc:
            self._conflict(exc)
            return False
        except ValidationError as exc:
            self._fail(exc)
            return False
        typed.clear()
        if typed is self.note:
            self.verified_by.clear()  # stored with the change (办理记录)
        self.reload()
        self.keep_typed()
        self.changed.emit(self.item_id)
        return True

    def add_files(self, paths: list[str] | None = None) -> None:
        if not paths:
            paths, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("选择佐证材料"),
                "",
                self.tr("扫描件、照片、PDF、Word")
                + " (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.wps *.ofd *.xls *.xlsx);;* (*)",
            )
        problems = []
        for path in paths or []:
            try:
                attachments.add(self.db, self.item_id, path, loaded=self.loaded)
            except attachments.AttachmentError as exc:
                problems.append(tr_message(exc.args[0]))  # in the window's language
            except EditConflict as exc:
                # A colleague changed the item since it was shown: nothing added; the
                # item is shown again as stored, the files chosen can be added again.
                self.reload()
                self._conflict(exc)
                self.changed.emit(self.item_id)
                return
            else:
                self.reload()  # our own write moved the item's version
        self.error.setText("\n".join(problems))
        self.reload()
        self.changed.emit(self.item_id)

    def _selected(self) -> attachments.AttachmentRow | None:
        rows = {i.row() for i in self.files.selectedIndexes()}
        return self.evidence[min(rows)] if rows else None

    def open_file(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        if chosen.state == "missing":
            QMessageBox.warning(
                self,
                self.tr("打开"),
                self.tr("文件已不在附件文件夹中：%1").replace("%1", str(chosen.path)),
            )
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(chosen.path)))

    def remove_file(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("移除"), self.tr("从该事项移除“%1”？").replace("%1", chosen.file_name)
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            attachments.remove(self.db, chosen.id, loaded=self.loaded)
        except EditConflict as exc:
            self.reload()
            self._conflict(exc)
            self.changed.emit(self.item_id)
            return
        self.reload()
        self.changed.emit(self.item_id)
