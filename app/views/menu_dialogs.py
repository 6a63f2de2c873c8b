"""The dialogs the main window's menus open: backups, office, campaigns and the
campaign report, holidays, the checklist, and 关于.

Mixed into MainWindow, which provides db, settings, tasks, english, the tabs,
refresh_all(), update_status() and show_exported(). Each dialog is kept on the
window (`_campaign_dialog`…) so it lives while open and tests can reach it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__
from app.services.core import office
from app.views.campaign.campaign_dialog import CampaignDialog
from app.views.campaign.report_dialog import ReportDialog
from app.views.common.widgets import ask_open_file
from app.views.settings.office_dialog import OfficeDialog


class MenuDialogs:
    db: Any
    settings: Any
    tasks: Any
    english: bool
    dashboard: Any
    refresh_all: Any
    update_status: Any
    show_exported: Any
    _refresh_built: Any
    # Opens another database in this window's place; True when it opened (app.gui).
    reopen: Any = None

    def open_database_file(self, path: str | None = None) -> bool:
        """文件 → 打开 → 数据库文件…: another office's or another year's file on this
        PC opens in this window's place, as `hexie FILE` would (README, 命令行); the
        window stays on its own database when the file cannot be opened (why was said)."""
        if path is None:
            path = ask_open_file(
                self,  # type: ignore[arg-type]
                self.tr("打开数据库文件"),  # type: ignore[attr-defined]
                self.tr("和谐台账数据库"),  # type: ignore[attr-defined]
                "*.sqlite3 *.sqlite *.db",
            )
            if not path:
                return False
        if not self.db.is_server and Path(path).resolve() == self.db.path.resolve():
            QMessageBox.information(
                self,  # type: ignore[arg-type]
                self.tr("打开数据库文件"),  # type: ignore[attr-defined]
                self.tr("这个文件已在本窗口中打开。"),  # type: ignore[attr-defined]
            )
            return False
        return bool(self.reopen is not None and self.reopen(path))

    def connect_server(self) -> QWidget:
        """文件 → 打开 → 连接办公室服务器…: the chosen server opens in this window's
        place (through `reopen`, which the start-up code provides)."""
        from app.views.settings.server_dialog import ServerDialog, remember

        dialog = ServerDialog(list(self.settings.recent_servers), self)  # type: ignore[arg-type]

        def chosen() -> None:
            address = dialog.address()
            if self.reopen is not None and self.reopen(address):
                self.settings.recent_servers = remember(self.settings.recent_servers, address)
                self.settings.save()

        dialog.accepted.connect(chosen)
        dialog.open()
        self._server_dialog = dialog
        return dialog

    def edit_backups(self) -> QWidget | None:
        from app.views.settings.backup_dialog import BackupDialog

        if self.db.is_server:
            # The dialog copies and swaps files; a server's backups are its own
            # (README: 办公室服务器 → 服务器上的备份).
            QMessageBox.information(
                self,  # type: ignore[arg-type]
                self.tr("备份与恢复"),  # type: ignore[attr-defined]
                self.tr(  # type: ignore[attr-defined]
                    "这是办公室服务器上的数据库，不在本机备份。请在服务器上定时运行"
                    " hexie backup --db %1（或 pg_dump），恢复用 hexie restore 备份文件 --db %1。"
                ).replace("%1", self.db.address),
            )
            return None

        dialog = BackupDialog(self.db, self.settings, self)
        dialog.restored.connect(lambda _p: self.refresh_all())
        dialog.open()
        self._backup_dialog = dialog
        return dialog

    def edit_campaigns(self) -> CampaignDialog:
        dialog = CampaignDialog(self.db, english=self.english, parent=self)
        dialog.changed.connect(self.dashboard.refresh)
        dialog.changed.connect(lambda: self._refresh_built("guidance", "check"))
        dialog.open()
        self._campaign_dialog = dialog
        return dialog

    def new_campaign(self) -> CampaignDialog:
        """This year's campaign from the 2023 notice, shown in the dialog to adjust."""
        from datetime import date

        dialog = self.edit_campaigns()
        dialog.new_from_template(date.today().year)
        return dialog

    def write_report(self) -> ReportDialog | None:
        campaign_id = self.dashboard.campaign.currentData()
        if not campaign_id:
            QMessageBox.information(
                self,
                self.tr("工作总结"),
                self.tr("还没有专项行动。请先在“设置 → 专项行动…”中新建。"),
            )
            return None
        dialog = ReportDialog(self.db, self.tasks, campaign_id, english=self.english, parent=self)
        dialog.written.connect(self.show_exported)
        dialog.open()
        self._report_dialog = dialog
        return dialog

    def edit_holidays(self) -> None:
        from app.views.settings.holidays_dialog import HolidaysDialog

        dialog = HolidaysDialog(self.db, self)
        dialog.finished.connect(lambda _r: self._refresh_built("ledger"))
        dialog.open()
        self._holidays_dialog = dialog

    def edit_checklist(self) -> None:
        from app.views.checks.checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.db, self)
        dialog.open()
        self._checklist_dialog = dialog

    def edit_office(self) -> None:
        dialog = OfficeDialog(
            office.current(self.db),
            self.settings.operator_name(),
            self,
            letterhead=office.letterhead(self.db),
        )
        if dialog.exec() != OfficeDialog.DialogCode.Accepted:
            return
        self.apply_office_dialog(dialog)

    def apply_office_dialog(self, dialog: OfficeDialog) -> None:
        code, name, level = dialog.values()
        office.configure(self.db, code, name=name, level=level)
        office.set_letterhead(self.db, dialog.letterhead())
        self.settings.operator = dialog.operator.text().strip()
        self.db.operator = self.settings.operator
        self.settings.save()
        self.update_status()

    def show_about(self) -> None:
        from app.paths import data_dir, log_dir

        # On a server office the records are on the office's server, not this PC.
        where = (
            self.tr("数据保存在办公室服务器上；本程序只连接这台服务器，不连接互联网。")
            if self.db.is_server
            else self.tr("本程序不联网，所有数据保存在本机。")
        )
        QMessageBox.about(
            self,
            self.tr("关于和谐台账"),
            self.tr(
                "和谐台账 %1\n县级协调劳动关系工作台账\n\n数据库：%2\n数据文件夹：%3\n备份文件夹：%5\n日志：%4\n\n%6"
            )
            .replace("%6", where)
            .replace("%1", __version__)
            .replace("%2", self.db.address)
            .replace("%3", str(data_dir()))
            .replace("%4", str(log_dir()))
            .replace("%5", str(self.settings.backup_dir())),
        )
