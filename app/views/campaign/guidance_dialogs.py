"""Dialogs for a guidance activity (with the enterprises reached, new ones
marked, and its photos) and for a typical case (with its files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.campaign import guidance
from app.services.campaign.guidance import ReachedEnterprise
from app.services.core import edit_lock, record_files
from app.services.core.storage import Database
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.record_dialog import RecordDialog


def _specs(specs: tuple[Any, ...], english: bool) -> list[Any]:
    """English choice labels in the English interface."""
    from dataclasses import replace

    if not english:
        return list(specs)
    return [replace(s, choices=s.choices_en) if s.choices_en else s for s in specs]


class FilesBox(QGroupBox):
    """A record's files: add (copied beside the database), open, state shown."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.db = db
        self.files: list[dict[str, Any]] = []
        self.pending: list[Path] = []  # chosen before the record was first saved
        self.list = QListWidget()
        self.list.setObjectName("files_list")
        self.list.setMaximumHeight(90)
        add = QPushButton(self.tr("添加照片或材料…"))
        add.setObjectName("add_file")
        add.clicked.connect(lambda _c=False: self.choose())
        open_button = QPushButton(self.tr("打开"))
        open_button.clicked.connect(lambda _c=False: self.open_current())
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

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


class ActivityDialog(RecordDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        campaign_id: str,
        activity_id: str | None = None,
        english: bool = False,
        new_months: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        self.db = db
        self.activity_id = activity_id
        self.campaign_id = campaign_id
        self.new_months = new_months
        self.reached: list[ReachedEnterprise] = []
        values: dict[str, Any] = {}
        files: list[dict[str, Any]] = []
        if activity_id:
            version = edit_lock.version_of(
                db, "guidance_activity", activity_id
            )  # before the values
            values, self.reached, files = guidance.activity(db, activity_id, new_months=new_months)
            values["version"] = version
            self.campaign_id = values.get("campaign_id") or campaign_id
        self.reached_loaded = sorted(e.id for e in self.reached)
        super().__init__(
            _specs(guidance.ACTIVITY_FIELDS, english),
            self._save_values,
            title=self.tr("指导服务活动"),
            values=values,
            english=english,
            check=guidance.activity_problems,
            reload=lambda: guidance.activity(db, self.activity_id or "")[0],
            parent=parent,
        )
        self.setObjectName("activity_dialog")
        box = QGroupBox(self.tr("覆盖的企业（名录内，“新办”为近期新登记）"))
        self.enterprise_list = QListWidget()
        self.enterprise_list.setObjectName("reached_list")
        self.enterprise_list.setMaximumHeight(120)
        add = QPushButton(self.tr("添加企业…"))
        add.setObjectName("add_enterprise")
        add.clicked.connect(lambda _c=False: self.pick_enterprise())
        remove = QPushButton(self.tr("移除"))
        remove.clicked.connect(lambda _c=False: self.remove_enterprise())
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.enterprise_list)
        inner.addLayout(row)
        self.files_box = FilesBox(db, self.tr("照片和材料"))
        self.files_box.show_files(files)
        layout = self.layout()
        layout.insertWidget(layout.count() - 2, box)  # type: ignore[attr-defined]
        layout.insertWidget(layout.count() - 2, self.files_box)  # type: ignore[attr-defined]
        self.resize(640, 900)
        self._show_reached()

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
        from app.services.core.fields import parse_date

        try:
            on = parse_date(held) if held else None
        except ValueError:
            on = None
        from datetime import date

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

    def _save_values(self, values: dict[str, Any]) -> str:
        ids = sorted(e.id for e in self.reached)
        record_id = guidance.save_activity(
            self.db,
            values,
            campaign_id=self.campaign_id,
            # Sent only when changed here: a colleague's change to the list is then kept.
            enterprise_ids=None if ids == self.reached_loaded else ids,
            activity_id=self.activity_id,
            loaded=self.loaded,
        )
        self.activity_id = record_id
        for path in self.files_box.pending:
            guidance.add_activity_file(self.db, record_id, path)
        self.files_box.pending = []
        self.saved.emit(record_id)
        return record_id


class CaseDialog(RecordDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        campaign_id: str,
        case_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.db = db
        self.case_id = case_id
        self.campaign_id = campaign_id
        self.enterprise_id = ""
        values: dict[str, Any] = {}
        files: list[dict[str, Any]] = []
        if case_id:
            version = edit_lock.version_of(db, "typical_case", case_id)  # before the values
            values, files = guidance.case(db, case_id)
            values["version"] = version
            self.enterprise_id = values.get("enterprise_id", "")
            self.campaign_id = values.get("campaign_id") or campaign_id
        super().__init__(
            _specs(guidance.CASE_FIELDS, english),
            self._save_values,
            title=self.tr("典型案例"),
            values=values,
            english=english,
            check=guidance.case_problems,
            reload=lambda: guidance.case(db, self.case_id or "")[0],
            parent=parent,
        )
        self.setObjectName("case_dialog")
        self.editors["body"].setFixedHeight(220)
        self.enterprise_button = QPushButton()
        self.enterprise_button.setObjectName("case_enterprise")
        self.enterprise_button.clicked.connect(lambda _c=False: self.pick_enterprise())
        self._show_enterprise()
        self.files_box = FilesBox(db, self.tr("附件"))
        self.files_box.show_files(files)
        layout = self.layout()
        layout.insertWidget(layout.count() - 2, self.enterprise_button)  # type: ignore[attr-defined]
        layout.insertWidget(layout.count() - 2, self.files_box)  # type: ignore[attr-defined]
        self.resize(640, 720)

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

    def _save_values(self, values: dict[str, Any]) -> str:
        record_id = guidance.save_case(
            self.db,
            values,
            campaign_id=self.campaign_id,
            enterprise_id=self.enterprise_id,
            case_id=self.case_id,
            loaded=self.loaded,
        )
        self.case_id = record_id
        for path in self.files_box.pending:
            guidance.add_case_file(self.db, record_id, path)
        self.files_box.pending = []
        self.saved.emit(record_id)
        return record_id
