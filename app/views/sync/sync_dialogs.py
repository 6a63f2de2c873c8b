"""Sync bundles in the window: keys and trusted offices, export, import with a
preview, conflicts side by side, and what each county has sent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import paren
from app.services.core import local_time
from app.services.core.stats import RECORD_TYPE_NAMES
from app.services.core.storage import Database
from app.services.sync import bundle, keys
from app.tasks import TaskRunner, show_error
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import form_rows, hbox, vbox
from app.views.common.widgets import headed_table, named, push_button
from app.views.sync.keys_dialog import KeysDialog, ask_passphrase, unlock  # noqa: F401


class ExportDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks or getattr(parent, "tasks", None) or TaskRunner()
        self.setWindowTitle(self.tr("导出同步包"))
        self.files: list[Path] = []
        self.recipient = named(QComboBox(), "recipient")
        for p in keys.peers(db):
            self.recipient.addItem(paren(p.name, p.office_code), p.office_code)
        self.full = named(QCheckBox(self.tr("全量（默认只含对方尚未确认收到的变动）")), "full")
        self.part_mb = named(QDoubleSpinBox(), "part_mb")
        self.part_mb.setRange(0.5, 500)
        self.part_mb.setValue(15)
        self.part_mb.setSuffix(" MB")
        self.attachments = named(
            QCheckBox(self.tr("包含佐证材料文件（扫描件、照片等，文件会变大）")), "attachments"
        )
        self.eml = QCheckBox(
            self.tr("同时生成邮件草稿（.eml，Outlook、Foxmail、Thunderbird 可直接打开发送）")
        )
        self.eml.setObjectName("eml")
        self.eml.setChecked(True)
        self.folder = named(QLineEdit(str(Path.home())), "folder")
        browse = push_button(self.tr("选择文件夹…"), slot=self.browse)
        self.result = named(QLabel(), "result")
        self.result.setWordWrap(True)
        export = push_button(self.tr("导出"), "do_export", lambda: self.do_export())
        close = push_button(self.tr("关闭"), slot=self.accept)
        where = hbox((self.folder, 1), browse)
        form = form_rows(
            (self.tr("接收单位"), self.recipient),
            ("", self.full),
            (self.tr("单个文件不超过"), self.part_mb),
            (self.tr("保存到（如 U 盘）"), where),
            ("", self.attachments),
            ("", self.eml),
        )
        buttons = hbox(1, export, close)
        vbox(form, self.result, buttons, owner=self)
        self.resize(640, 300)

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("保存到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def do_export(self, private: keys.PrivateKeys | None = None) -> bool:
        """Export on a worker thread with progress and Cancel (a county's 30,000
        records take seconds); returns whether the export was started."""
        if self.recipient.count() == 0:
            self.result.setText(
                self.tr("还没有信任的单位：请先在“设置 → 密钥与信任的单位”中导入对方公钥。")
            )
            return False
        private = private or unlock(self, self.db)
        if private is None:
            return False
        to = self.recipient.currentData()
        folder = self.folder.text()
        options = {
            "full": self.full.isChecked(),
            "with_attachments": self.attachments.isChecked(),
            "max_part_mb": self.part_mb.value(),
        }
        with_eml = self.eml.isChecked()

        def work() -> Any:
            result = yield from bundle.export_work(self.db, to, folder, private, **options)
            files = list(result.files)
            if with_eml:
                peer = keys.peer(self.db, to)
                me = keys.own_public(self.db)
                eml = Path(folder) / (result.files[0].name.split(".hexie")[0] + ".eml")
                files.append(bundle.write_eml(result.files, peer.email, me.name, peer.name, eml))
            return result, files

        def done(outcome: tuple[bundle.ExportResult, list[Path]]) -> None:
            result, self.files = outcome
            counts = "，".join(
                f"{RECORD_TYPE_NAMES.get(k, k)} {v}" for k, v in result.counts.items()
            ) or self.tr("没有新的变动")
            self.result.setText(
                self.tr("已导出第 %1 号同步包：%2\n%3")
                .replace("%1", str(result.sequence))
                .replace("%2", "、".join(p.name for p in self.files))
                .replace("%3", counts)
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, bundle.BundleError | keys.KeyError_ | OSError):
                self.result.setText(str(exc))
            else:
                show_error(self, self.tr("导出同步包"), exc)

        self.tasks.start(self, self.tr("正在导出同步包"), work, done, failed)
        return True


def preview_text(summary: dict[str, Any]) -> str:
    lines = []
    for b in summary["bundles"]:
        state = "（已导入过，不会重复导入）" if b["already_imported"] else ""
        lines.append(f"{b['name']}　来自 {b['sender']}{state}")
        for name, c in b["counts"].items():
            lines.append(
                f"    {RECORD_TYPE_NAMES.get(name, name)}：新增 {c['added']}，更新 {c['updated']}，删除 {c['deleted']}，"
                f"无变化 {c['unchanged']}，冲突 {c['conflicts']}"
            )
    lines += [f"注意：{g}" for g in summary["gaps"]]
    return "\n".join(lines)


class ConflictsDialog(DatabaseDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("同步冲突"))
        self.list = headed_table(
            "conflicts", [self.tr("记录类型"), self.tr("来自"), self.tr("发现时间")]
        )
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().hide()
        self.list.itemSelectionChanged.connect(self.show_selected)
        self.fields = headed_table(
            "fields", [self.tr("字段"), self.tr("本方"), self.tr("对方"), self.tr("采用对方")]
        )
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        self.ours_button = push_button(
            self.tr("保留本方"), "keep_ours", lambda: self.resolve("ours")
        )
        self.theirs_button = push_button(
            self.tr("采用对方"), "take_theirs", lambda: self.resolve("theirs")
        )
        self.merge_button = push_button(
            self.tr("按勾选逐项合并"), "merge", lambda: self.resolve("merge")
        )
        close = push_button(self.tr("关闭"), slot=self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("双方都修改过的记录：两个版本都保留，请逐条选择。未处理前本方的版本不变。")
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fields, 2)
        row = hbox(self.ours_button, self.theirs_button, self.merge_button, 1, close)
        layout.addLayout(row)
        self.resize(900, 600)
        self.refresh()

    def refresh(self) -> None:
        self.rows = bundle.conflicts(self.db)
        self.list.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            for col, text in enumerate(
                (
                    RECORD_TYPE_NAMES.get(c["table_name"], c["table_name"]),
                    c["peer"],
                    local_time.text(c["detected_at"]),
                )
            ):
                self.list.setItem(r, col, QTableWidgetItem(text))
        self.fields.setRowCount(0)
        if self.rows:
            self.list.selectRow(0)

    def show_selected(self) -> None:
        rows = {i.row() for i in self.list.selectedIndexes()}
        if not rows:
            return
        c = self.rows[min(rows)]
        ours, theirs = json.loads(c["local_json"]), json.loads(c["incoming_json"])
        skip = {"id", "change_seq", "version", "updated_at", "created_at", "author"}
        differing = [k for k in theirs if k not in skip and ours.get(k) != theirs.get(k)]
        self.fields.setRowCount(len(differing))
        self.theirs = theirs
        for r, k in enumerate(differing):
            for col, text in enumerate((k, str(ours.get(k, "")), str(theirs.get(k, "")))):
                self.fields.setItem(r, col, QTableWidgetItem(text))
            pick = QTableWidgetItem()
            pick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            pick.setCheckState(Qt.CheckState.Unchecked)
            self.fields.setItem(r, 3, pick)

    def resolve(self, choice: str) -> None:
        rows = {i.row() for i in self.list.selectedIndexes()}
        if not rows:
            return
        merged = None
        if choice == "merge":
            merged = {
                self.fields.item(r, 0).text(): self.theirs[self.fields.item(r, 0).text()]
                for r in range(self.fields.rowCount())
                if self.fields.item(r, 3).checkState() == Qt.CheckState.Checked
            }
        bundle.resolve(self.db, self.rows[min(rows)]["id"], choice, merged)
        self.refresh()


class ReceivedDialog(DatabaseDialog):
    """At the city office: what each county has sent, and which bundles are missing."""

    def build(self) -> None:
        self.setWindowTitle(self.tr("各单位报送情况"))
        table = headed_table(
            "received",
            [self.tr("单位"), self.tr("最近同步包"), self.tr("导入时间"), self.tr("缺少的同步包")],
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        names = {p.office_code: p.name for p in keys.peers(self.db)}
        rows = bundle.received(self.db)
        table.setRowCount(len(rows))
        for r, info in enumerate(rows):
            missing = "、".join(str(n) for n in info["missing"]) or self.tr("无")
            for c, text in enumerate(
                (
                    names.get(info["sender"], info["sender"]),
                    self.tr("第 %1 号").replace("%1", str(info["last_sequence"])),
                    local_time.text(info["last_imported"]),
                    missing,
                )
            ):
                table.setItem(r, c, QTableWidgetItem(text))
        self.table = table
        close = push_button(self.tr("关闭"), slot=self.accept)
        vbox(table, close, owner=self)
        self.resize(720, 360)
