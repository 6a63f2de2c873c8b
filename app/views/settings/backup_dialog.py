"""文件 → 备份与恢复: the backups in the chosen folder, a backup now, and a
restore that shows what the backup holds before replacing anything.

The dialog only asks and shows: making a backup, and releasing, restoring and
reopening the file, are app/services/core (backups, storage)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.i18n import colon, current_language
from app.services.core import backups, storage
from app.services.core.storage import Database
from app.settings import AppSettings
from app.views.common.layouts import hbox, vbox
from app.views.common.widgets import ask_open_file, headed_table, named, push_button


class BackupDialog(QDialog):
    restored = Signal(str)  # the safety copy made before restoring

    def __init__(self, db: Database, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.folder = named(QLineEdit(str(settings.backup_dir())), "backup_folder")
        self.folder.setReadOnly(True)
        change = push_button(self.tr("更改文件夹…"), slot=lambda _c=False: self.choose_folder())
        open_folder = QPushButton(self.tr("打开文件夹"))
        open_folder.clicked.connect(
            lambda _c=False: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(self.settings.backup_dir()))
            )
        )
        row = hbox(QLabel(self.tr("备份文件夹：")), (self.folder, 1), change, open_folder)
        note = QLabel(
            self.tr(
                "每天首次启动和每次导入前自动备份；保留最近 7 天的全部备份和之前 4 周每周一份。可把文件夹设在另一块硬盘或 U 盘上。"
            )
        )
        note.setWordWrap(True)
        self.table = headed_table(
            "backup_table", [self.tr("时间"), self.tr("原因"), self.tr("大小")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 140)
        self.message = named(QLabel(), "backup_message")
        self.message.setWordWrap(True)
        self.backup_button = push_button(
            self.tr("立即备份"), "backup_now", lambda _c=False: self.backup_now()
        )
        self.restore_button = push_button(
            self.tr("从所选备份恢复…"), "backup_restore", lambda _c=False: self.restore_selected()
        )
        other = push_button(self.tr("从其他文件恢复…"), slot=lambda _c=False: self.restore_other())
        close = push_button(self.tr("关闭"), slot=self.accept)
        buttons = hbox(*(self.backup_button, self.restore_button, other), 1, close)
        vbox(row, note, (self.table, 1), self.message, buttons, owner=self)
        self.resize(720, 460)
        if db.read_only:  # a read-only file cannot be replaced; backing it up still works
            self.restore_button.setEnabled(False)
            other.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        self.items = backups.list_backups(self.settings.backup_dir(), self.db.path.stem)
        self.table.setRowCount(len(self.items))
        for r, b in enumerate(self.items):
            for c, text in enumerate(
                (
                    f"{b.made_at:%Y-%m-%d %H:%M:%S}",
                    _words(backups.REASONS.get(b.reason, b.reason)),
                    f"{b.size / 1024 / 1024:.1f} MB",
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.items:
            self.table.selectRow(0)

    def choose_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("选择备份文件夹"), str(self.settings.backup_dir())
            )
            if not folder:
                return
        self.settings.backup_folder = folder
        self.settings.save()
        storage.use_backup_folder(self.db, self.settings.backup_dir())
        self.folder.setText(folder)
        self.reload()

    def backup_now(self) -> Path | None:
        try:
            made = backups.backup_now(self.db)
        except backups.BackupError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(self.tr("已备份到 %1").replace("%1", str(made)))
        self.reload()
        return made

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("请先选中一个备份。"))
            return
        self.restore_from(self.items[rows[0].row()].path)

    def restore_other(self) -> None:
        path = ask_open_file(self, self.tr("选择备份文件"), self.tr("数据库"), "*.sqlite3 *.db")
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> bool:
        info = backups.describe(path)
        if not info.ok:
            text = self.tr(
                "该备份已损坏或不是和谐台账的备份，不能恢复：%1\n请选择其他备份。"
            ).replace("%1", "；".join(info.problems))
            self.message.setText(text)
            QMessageBox.warning(self, self.tr("恢复"), text)
            return False
        made = f"{info.made_at:%Y-%m-%d %H:%M:%S}" if info.made_at else path.name
        counts = "\n".join("　" + colon(_words(k), v) for k, v in info.counts.items())
        question = (
            self.tr(
                "用这个备份替换当前数据库？\n\n备份时间：%1\n单位：%2\n%3\n\n替换前会先备份当前数据库。"
            )
            .replace("%1", made)
            .replace("%2", info.office)
            .replace("%3", counts)
        )
        if QMessageBox.question(self, self.tr("恢复"), question) != QMessageBox.StandardButton.Yes:
            return False
        try:
            safety = storage.restore(self.db, path)
        except backups.BackupError as exc:
            self.message.setText(str(exc))
            QMessageBox.warning(self, self.tr("恢复"), str(exc))
            return False
        self.message.setText(
            self.tr("已恢复。恢复前的数据库已备份到 %1").replace("%1", str(safety or ""))
        )
        self.reload()
        self.restored.emit(str(safety or ""))
        return True


def _words(text: str) -> str:
    """A reason or a record kind of app/services/core/backups.py in the window's language."""
    return backups.IN_ENGLISH.get(text, text) if current_language() == "en" else text
