"""Dialogs for a guidance activity (with the enterprises reached, new ones
marked, and its photos) and for a typical case (with its files): SpecDialogs
(app/views/common/spec_dialog.py) on the guidance service's doors, laid out as
these dialogs always were (a form of the spec's fields, the type's own widgets,
the files, 保存 and 取消)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.i18n import tr_message
from app.services.campaign import guidance
from app.services.campaign.guidance import ReachedEnterprise
from app.services.campaign.guidance_spec import GUIDANCE_ACTIVITY, TYPICAL_CASE
from app.services.core import record_files
from app.services.core.fields import FieldSpec, Kind, parse_date
from app.services.core.storage import Database
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.layouts import button_box, scrolled, vbox
from app.views.common.list_box import ListBox
from app.views.common.required_hooks import refuse_without
from app.views.common.spec_dialog import SpecDialog
from app.views.common.widgets import named


class FilesBox(ListBox):
    """A record's files: add (copied beside the database), open, state shown."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title,
            "files_list",
            90,
            [
                (self.tr("添加照片或材料…"), "add_file", self.choose),
                (self.tr("打开"), "", self.open_current),
            ],
            parent,
        )
        self.db = db
        self.files: list[dict[str, Any]] = []
        self.pending: list[Path] = []  # chosen before the record was first saved

    def show_files(self, files: list[dict[str, Any]]) -> None:
        self.files = files
        self.list.clear()
        for f in files:
            state = record_files.state_of(self.db, f, f.get("owner", ""))
            mark = {
                "ok": "",
                "missing": self.tr("（文件缺失）"),
                "altered": self.tr("（文件已被改动）"),
            }[state]
            self.list.addItem(f"{f['file_name']}{mark}")
        for p in self.pending:
            self.list.addItem(self.tr("%1（保存后添加）").replace("%1", p.name))

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("添加照片或材料"))
        for p in paths:
            self.add_path(Path(p))

    def add_path(self, path: Path) -> None:
        try:
            record_files.check_source(path)
        except record_files.RecordFileError as exc:
            QMessageBox.warning(self, self.tr("添加附件"), tr_message(exc.args[0]))
            return
        self.pending.append(path)
        self.show_files(self.files)

    def open_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.files):
            chosen = self.files[row]
            path = record_files.local_path(self.db, chosen, chosen.get("owner", ""))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CampaignRecordDialog(SpecDialog):
    """A record kept under a campaign, with files: its spec's fields in rows (a
    required one starred) in a scroll area, the type's own widgets, the files, and
    保存 (which closes the dialog once saved) and 取消. Saved with its campaign, then
    the files chosen before the first save; a type adds its own widgets above the
    files and their values (custom_values)."""

    OBJECT_NAME = ""
    SIZE = (640, 720)

    def __init__(
        self,
        db: Database,
        *,
        campaign_id: str,
        english: bool = False,
        new_months: int = 12,  # "new" enterprises reached: registered within these months
        parent: QWidget | None = None,
        **record: str | None,
    ) -> None:
        self.campaign_id = campaign_id
        self.new_months = new_months
        self.first_refusal = True  # the first refused save puts the focus on its field
        super().__init__(db, english=english, parent=parent, **record)

    # -- what a type provides ----------------------------------------------------------------
    # Every dialog type defines title() (the window's), files_title() (the files' box)
    # and add_file(record_id, path); a type without one is refused when it is defined
    # (app/views/common/required_hooks.py).
    title: Callable[[], str]
    files_title: Callable[[], str]
    add_file: Callable[[str, Path], None]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        refuse_without(cls, "title", "files_title", "add_file")

    def own_widgets(self) -> list[QWidget]:
        return []

    # -- shared ------------------------------------------------------------------------------
    def build(self) -> None:
        self.campaign_id = self._first.get("campaign_id") or self.campaign_id
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(self.title())
        rows = QFormLayout()
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in self.SPEC.fields:
            _sized(spec, self.form.editors[spec.name])
            label = self.form.label(spec) + ("*" if spec.required else "")
            field = self.form.wrapped(spec.name)
            field.layout().setSpacing(2)  # its message 2 px below, as these dialogs had it
            rows.addRow(label, field)
        scroll = scrolled(rows)
        self.files_box = FilesBox(self.db, self.files_title())
        self.files_box.show_files(self._first.get("files", []))
        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, self.try_save, self.reject)
        self.error.hide()
        vbox(scroll, *self.own_widgets(), self.files_box, self.error, self.buttons, owner=self)
        self.resize(*self.SIZE)
        self.load()

    def save(self) -> bool:
        """Saved (from 保存 or the merge view): the list hears of it, the dialog closes."""
        if not super().save():
            return False
        self.accept()
        return True

    def unsaved(self) -> bool:
        return super().unsaved() or bool(self.files_box.pending)  # files chosen, not yet kept

    def try_save(self) -> None:
        """保存: saved, the dialog closes; refused the first time, the first field with a
        problem takes the focus, as these dialogs always did."""
        if self.save() or not self.rechecking or not self.first_refusal:
            return
        self.first_refusal = False
        for name in self.form.editors:
            if self.errors.text(name):
                self.form.editors[name].setFocus()
                return

    def after_save(self) -> None:
        assert self.record_id
        for path in self.files_box.pending:
            self.add_file(self.record_id, path)
        self.files_box.pending = []


def _sized(spec: FieldSpec, editor: QWidget) -> None:
    """A long text three lines high; a line a too-long paste gets through, so the user
    sees why it is refused."""
    if spec.kind is Kind.LONGTEXT and isinstance(editor, QPlainTextEdit):
        editor.setFixedHeight(80)
    elif spec.max_length and isinstance(editor, QLineEdit):
        editor.setMaxLength(max(spec.max_length * 2, 100))


class ActivityDialog(CampaignRecordDialog):
    SPEC = GUIDANCE_ACTIVITY
    SERVICE = guidance.ACTIVITY_DOORS
    RECORD_ARG = "activity_id"
    OBJECT_NAME = "activity_dialog"
    SIZE = (640, 900)

    reached: list[ReachedEnterprise] = []

    def title(self) -> str:
        return self.tr("指导服务活动")

    def files_title(self) -> str:
        return self.tr("照片和材料")

    def own_widgets(self) -> list[QWidget]:
        ids = self._first.get("enterprise_ids") or []
        held_on = self._first.get("held_on")
        self.reached = (
            guidance.enterprises_reached(self.db, ids, held_on, self.new_months) if ids else []
        )
        self.reached_loaded = sorted(e.id for e in self.reached)
        box = ListBox(
            self.tr("覆盖的企业（名录内，“新办”为近期新登记）"),
            "reached_list",
            120,
            [
                (self.tr("添加企业…"), "add_enterprise", self.pick_enterprise),
                (self.tr("移除"), "", self.remove_enterprise),
            ],
        )
        self.enterprise_list = box.list
        self._show_reached()
        return [box]

    def custom_values(self) -> dict[str, Any]:
        ids = sorted(e.id for e in self.reached)
        return {
            "campaign_id": self.campaign_id,
            # Sent only when changed here: a colleague's change to the list is then kept.
            "enterprise_ids": None if ids == self.reached_loaded else ids,
        }

    def _show_reached(self) -> None:
        self.enterprise_list.clear()
        for e in self.reached:
            item = QListWidgetItem(
                f"{e.name}　{e.credit_code}" + (self.tr("　【新办】") if e.newly_registered else "")
            )
            self.enterprise_list.addItem(item)

    def add_enterprise(self, enterprise_id: str) -> None:
        ids = [e.id for e in self.reached]
        if enterprise_id in ids:
            return
        held = self.values().get("held_on")
        try:
            on = parse_date(held) if held else None
        except ValueError:
            on = None
        self.reached = guidance.enterprises_reached(
            self.db, [*ids, enterprise_id], on or date.today(), self.new_months
        )
        self._show_reached()

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() and picker.chosen:
            self.add_enterprise(picker.chosen[0])

    def remove_enterprise(self) -> None:
        row = self.enterprise_list.currentRow()
        if 0 <= row < len(self.reached):
            del self.reached[row]
            self._show_reached()

    def add_file(self, record_id: str, path: Path) -> None:
        guidance.add_activity_file(self.db, record_id, path)


class CaseDialog(CampaignRecordDialog):
    SPEC = TYPICAL_CASE
    SERVICE = guidance.CASE_DOORS
    RECORD_ARG = "case_id"
    OBJECT_NAME = "case_dialog"

    enterprise_id = ""

    def title(self) -> str:
        return self.tr("典型案例")

    def files_title(self) -> str:
        return self.tr("附件")

    def own_widgets(self) -> list[QWidget]:
        self.form.editors["body"].setFixedHeight(220)
        self.enterprise_id = self._first.get("enterprise_id") or ""
        self.enterprise_button = named(QPushButton(), "case_enterprise")
        self.enterprise_button.clicked.connect(lambda _c=False: self.pick_enterprise())
        self._show_enterprise()
        return [self.enterprise_button]

    def custom_values(self) -> dict[str, Any]:
        return {"campaign_id": self.campaign_id, "enterprise_id": self.enterprise_id}

    def _show_enterprise(self) -> None:
        name = ""
        if self.enterprise_id:
            from app.services.register import enterprises

            name = (enterprises.get(self.db, self.enterprise_id) or {}).get("name", "")
        self.enterprise_button.setText(
            self.tr("相关企业：%1（点击更换）").replace("%1", name)
            if name
            else self.tr("选择相关企业（可不选）…")
        )

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() and picker.chosen:
            self.enterprise_id = picker.chosen[0]
            self._show_enterprise()

    def add_file(self, record_id: str, path: Path) -> None:
        guidance.add_case_file(self.db, record_id, path)
