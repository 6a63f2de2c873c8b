"""Dialogs for a guidance activity (with the enterprises reached, new ones
marked, and its photos) and for a typical case (with its files)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMessageBox, QPushButton, QWidget

from app.services.campaign import guidance
from app.services.campaign.guidance import ReachedEnterprise
from app.services.core import edit_lock, record_files
from app.services.core.fields import parse_date
from app.services.core.storage import Database
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.list_box import ListBox
from app.views.common.record_dialog import RecordDialog
from app.views.common.widgets import named


def _specs(specs: tuple[Any, ...], english: bool) -> list[Any]:
    """English choice labels in the English interface."""
    from dataclasses import replace

    if not english:
        return list(specs)
    return [replace(s, choices=s.choices_en) if s.choices_en else s for s in specs]


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
            QMessageBox.warning(self, self.tr("添加附件"), str(exc))
            return
        self.pending.append(path)
        self.show_files(self.files)

    def open_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.files):
            chosen = self.files[row]
            path = record_files.local_path(self.db, chosen, chosen.get("owner", ""))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CampaignRecordDialog(RecordDialog):
    """A record kept under a campaign, with files: its fields (FIELDS, checked by
    CHECK), read with the version it was loaded at (RECORD_TYPE), saved with its
    campaign and then its files; a type adds its own widgets above the files."""

    saved = Signal(str)
    RECORD_TYPE = ""
    RECORD_ARG = ""  # the keyword a list opens a stored record with (activity_id=…)
    OBJECT_NAME = ""
    SIZE = (640, 720)
    FIELDS: tuple[Any, ...] = ()
    CHECK: Any = None

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
        record_id = record.pop(self.RECORD_ARG, None)
        if record:
            raise TypeError(f"{type(self).__name__}: unknown {', '.join(record)}")
        self.new_months = new_months
        self.db = db
        self.record_id = record_id
        self.campaign_id = campaign_id
        values: dict[str, Any] = {}
        files: list[dict[str, Any]] = []
        if record_id:
            version = edit_lock.version_of(db, self.RECORD_TYPE, record_id)  # before the values
            values, files = self.read(record_id)
            values["version"] = version
            self.campaign_id = values.get("campaign_id") or campaign_id
        self.loaded_values(values)
        super().__init__(
            _specs(self.FIELDS, english),
            self._save_values,
            title=self.title(),
            values=values,
            english=english,
            check=type(self).CHECK,
            reload=lambda: self.read(self.record_id or "")[0],
            parent=parent,
        )
        self.setObjectName(self.OBJECT_NAME)
        self.files_box = FilesBox(db, self.files_title())
        self.files_box.show_files(files)
        layout = self.layout()
        for widget in (*self.own_widgets(), self.files_box):
            layout.insertWidget(layout.count() - 2, widget)  # type: ignore[attr-defined]
        self.resize(*self.SIZE)
        self.shown()

    # -- what a type provides ----------------------------------------------------------------
    # title, files_title, read, store and add_file are this base's abstract hooks: every
    # dialog type defines them (tests/views/test_guidance_dialogs.py checks each subclass does).
    # ABCMeta cannot be used: Qt's widgets have Shiboken's metaclass.
    def title(self) -> str:
        raise NotImplementedError

    def files_title(self) -> str:
        raise NotImplementedError

    def shown(self) -> None:
        """Fill the type's own widgets (after the dialog is built)."""

    def read(self, record_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        raise NotImplementedError

    def loaded_values(self, values: dict[str, Any]) -> None:
        """What the type keeps of the stored values beyond the fields."""

    def own_widgets(self) -> list[QWidget]:
        return []

    def store(self, values: dict[str, Any]) -> str:
        raise NotImplementedError

    def add_file(self, record_id: str, path: Path) -> None:
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------------
    def _save_values(self, values: dict[str, Any]) -> str:
        record_id = self.store(values)
        self.record_id = record_id
        for path in self.files_box.pending:
            self.add_file(record_id, path)
        self.files_box.pending = []
        self.saved.emit(record_id)
        return record_id


class ActivityDialog(CampaignRecordDialog):
    RECORD_TYPE = "guidance_activity"
    RECORD_ARG = "activity_id"
    OBJECT_NAME = "activity_dialog"
    SIZE = (640, 900)
    FIELDS = guidance.ACTIVITY_FIELDS
    CHECK = staticmethod(guidance.activity_problems)

    reached: list[ReachedEnterprise] = []

    def title(self) -> str:
        return self.tr("指导服务活动")

    def files_title(self) -> str:
        return self.tr("照片和材料")

    def shown(self) -> None:
        self._show_reached()

    @property
    def activity_id(self) -> str | None:
        return self.record_id

    def read(self, record_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        values, self._read_reached, files = guidance.activity(
            self.db, record_id, new_months=self.new_months
        )
        return values, files

    def loaded_values(self, values: dict[str, Any]) -> None:
        self.reached = self._read_reached if values else []
        self.reached_loaded = sorted(e.id for e in self.reached)

    def own_widgets(self) -> list[QWidget]:
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
        return [box]

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

    def store(self, values: dict[str, Any]) -> str:
        ids = sorted(e.id for e in self.reached)
        return guidance.save_activity(
            self.db,
            values,
            campaign_id=self.campaign_id,
            # Sent only when changed here: a colleague's change to the list is then kept.
            enterprise_ids=None if ids == self.reached_loaded else ids,
            activity_id=self.record_id,
            loaded=self.loaded,
        )

    def add_file(self, record_id: str, path: Path) -> None:
        guidance.add_activity_file(self.db, record_id, path)


class CaseDialog(CampaignRecordDialog):
    RECORD_TYPE = "typical_case"
    RECORD_ARG = "case_id"
    OBJECT_NAME = "case_dialog"
    FIELDS = guidance.CASE_FIELDS
    CHECK = staticmethod(guidance.case_problems)

    enterprise_id = ""

    def title(self) -> str:
        return self.tr("典型案例")

    def files_title(self) -> str:
        return self.tr("附件")

    def shown(self) -> None:
        self.editors["body"].setFixedHeight(220)
        self._show_enterprise()

    @property
    def case_id(self) -> str | None:
        return self.record_id

    def read(self, record_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return guidance.case(self.db, record_id)

    def loaded_values(self, values: dict[str, Any]) -> None:
        self.enterprise_id = values.get("enterprise_id", "")

    def own_widgets(self) -> list[QWidget]:
        self.enterprise_button = named(QPushButton(), "case_enterprise")
        self.enterprise_button.clicked.connect(lambda _c=False: self.pick_enterprise())
        return [self.enterprise_button]

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

    def store(self, values: dict[str, Any]) -> str:
        return guidance.save_case(
            self.db,
            values,
            campaign_id=self.campaign_id,
            enterprise_id=self.enterprise_id,
            case_id=self.record_id,
            loaded=self.loaded,
        )

    def add_file(self, record_id: str, path: Path) -> None:
        guidance.add_case_file(self.db, record_id, path)
