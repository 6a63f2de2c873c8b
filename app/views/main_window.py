"""The main window: menus, the tabs, and a status bar with the file and record counts."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from app import __version__
from app.i18n import LANGUAGES
from app.services.core import office, stats
from app.services.core.spreadsheet import SPREADSHEET_SUFFIXES
from app.services.core.storage import Database
from app.services.demo import demo
from app.services.ledger import ledger_reminders
from app.settings import AppSettings
from app.tasks import TaskRunner
from app.views.campaign.campaign_dialog import CampaignDialog
from app.views.campaign.report_dialog import ReportDialog
from app.views.checks.health_check_tab import print_blank_forms
from app.views.common import read_only, shortcuts
from app.views.main_tabs import MainTabs
from app.views.register.import_dialog import ImportDialog
from app.views.settings.office_dialog import OfficeDialog
from app.views.sync.sync_actions import SyncActions
from app.views.window_layout import RemindersLayout, fit_window


class MainWindow(MainTabs, SyncActions, QMainWindow):
    language_changed = Signal(str)

    def __init__(
        self,
        db: Database,
        settings: AppSettings,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.tasks = tasks or TaskRunner()
        self.english = settings.language == "en"
        self.setWindowTitle(self.tr("和谐台账"))
        self.resize(1280, 800)

        # Tabs are built the first time they are shown (or used): the window opens
        # on the overview without building eight other tabs and their queries.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self._titles = {
            "dashboard": self.tr("总览"),
            "enterprise": self.tr("企业名录"),
            "check": self.tr("法治体检"),
            "ledger": self.tr("整改台账"),
            "offers": self.tr("要约行动"),
            "layoffs": self.tr("裁员备案"),
            "grading": self.tr("风险研判"),
            "risk": self.tr("重大风险隐患"),
            "guidance": self.tr("指导服务"),
        }
        self._built: dict[str, QWidget] = {}
        self._unbuilt: dict[str, QWidget] = {}
        for key, title in self._titles.items():
            slot = QWidget()
            slot.setObjectName(f"unbuilt_{key}")
            self._unbuilt[key] = slot
            self.tabs.addTab(slot, title)
        self.tabs.currentChanged.connect(self._build_shown)
        self.setCentralWidget(self.tabs)

        self.db_label = QLabel()
        self.db_label.setObjectName("db_label")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts_label")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.reminder_layout = RemindersLayout(self)  # the panel and its status-bar badge
        self.reminders = self.reminder_layout.panel
        self._build_menus()
        shortcuts.install()
        self.update_status()
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
        fit_window(self)
        self._tab("dashboard")
        if db.read_only:
            read_only.apply_to_window(self)

    # -- menus ------------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcut: QKeySequence | str | None = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.import_action = self._action(
            self.tr("导入企业名录…"), self.import_enterprises, "Ctrl+I", "import_enterprises"
        )
        self.demo_action = self._action(self.tr("生成演示数据…"), self.generate_demo, None, "demo")
        self.quit_action = self._action(
            self.tr("退出"), self.close, QKeySequence.StandardKey.Quit, "quit"
        )
        file_menu.addAction(self.import_action)
        self.import_scans_action = self._action(
            self.tr("导入扫描件…"), lambda: self.import_scans(), None, "import_scans"
        )
        file_menu.addAction(self.import_scans_action)
        self.export_bundle_action = self._action(
            self.tr("导出同步包…"), self.export_bundle, "Ctrl+E", "export_bundle"
        )
        self.import_bundle_action = self._action(
            self.tr("导入同步包…"), self.import_bundle, None, "import_bundle"
        )
        file_menu.addSeparator()
        file_menu.addAction(self.export_bundle_action)
        file_menu.addAction(self.import_bundle_action)
        self.import_folder_action = self._action(
            self.tr("从文件夹导入同步包…"), self.import_bundle_folder, None, "import_bundle_folder"
        )
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        self.report_action = self._action(
            self.tr("专项行动工作总结…"), self.write_report, "Ctrl+Shift+R", "write_report"
        )
        file_menu.addAction(self.report_action)
        file_menu.addSeparator()
        self.backup_action = self._action(
            self.tr("备份与恢复…"), self.edit_backups, None, "backups"
        )
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.new_action = self._action(
            self.tr("新增企业"),
            lambda: self.enterprise_tab.add_enterprise(),
            QKeySequence.StandardKey.New,
            "new_enterprise",
        )
        self.find_action = self._action(
            self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find, "find"
        )
        self.print_action = self._action(
            self.tr("打印…"), self.print_current, QKeySequence.StandardKey.Print, "print"
        )
        self.export_action = self._action(
            self.tr("导出当前列表…"), self.export_current, "Ctrl+Shift+E", "export_current"
        )
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.print_action)
        edit_menu.addAction(self.export_action)

        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        self.office_action = self._action(self.tr("本单位设置…"), self.edit_office, None, "office")
        settings_menu.addAction(self.office_action)
        self.campaign_action = self._action(
            self.tr("专项行动…"), self.edit_campaigns, None, "campaigns"
        )
        settings_menu.addAction(self.campaign_action)
        self.checklist_action = self._action(
            self.tr("体检清单…"), self.edit_checklist, None, "checklist"
        )
        settings_menu.addAction(self.checklist_action)
        self.holidays_action = self._action(
            self.tr("节假日与提醒…"), self.edit_holidays, None, "holidays"
        )
        settings_menu.addAction(self.holidays_action)
        self.keys_action = self._action(self.tr("密钥与信任的单位…"), self.edit_keys, None, "keys")
        settings_menu.addAction(self.keys_action)
        language_menu = settings_menu.addMenu(self.tr("界面语言 Language"))
        self.language_actions: dict[str, QAction] = {}
        for code, label in LANGUAGES.items():
            action = self._action(
                label, lambda _c=False, c=code: self.choose_language(c), None, f"language_{code}"
            )
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            language_menu.addAction(action)
            self.language_actions[code] = action

        view_menu = bar.addMenu(self.tr("查看(&V)"))
        self.reminders_action = self._action(
            self.tr("整改提醒"), self.toggle_reminders, "Ctrl+R", "reminders"
        )
        view_menu.addAction(self.reminders_action)
        self.conflicts_action = self._action(
            self.tr("同步冲突…"), self.show_conflicts, None, "conflicts"
        )
        self.received_action = self._action(
            self.tr("各单位报送情况…"), self.show_received, None, "received"
        )
        view_menu.addAction(self.conflicts_action)
        view_menu.addAction(self.received_action)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.about_action = self._action(self.tr("关于和谐台账"), self.show_about, None, "about")
        help_menu.addAction(self.about_action)

    # -- status -------------------------------------------------------------------
    def update_status(self) -> None:
        o = office.current(self.db)
        name = f"{o.name}（{o.code}）  " if o else ""
        self.db_label.setText(
            self.tr("%1数据库：%2").replace("%1", name).replace("%2", str(self.db.path))
        )
        records = stats.record_counts(self.db, ("enterprise", "health_check", "rectification_item"))
        self.counts_label.setText(
            self.tr("企业 %1 家　体检 %2 次　整改事项 %3 条（逾期 %4）")
            .replace("%1", str(records.get("enterprise", 0)))
            .replace("%2", str(records.get("health_check", 0)))
            .replace("%3", str(records.get("rectification_item", 0)))
            .replace("%4", str(ledger_reminders.summary(self.db)["overdue"]))
        )

    def refresh_all(self) -> None:
        """After a bundle, a restore or demo data: every built tab reloads (a bundle
        may also have brought another office's records for the origin filters);
        tabs not built yet read fresh data when they are."""
        for tab in self.built_tabs():
            origin = getattr(tab, "origin", None)
            if origin is not None:
                origin.reload()
            tab.refresh()
        self.update_status()

    # -- shortcuts on the current tab ---------------------------------------------------
    def _current_child(self, cls: type, name_part: str) -> Any:
        tab = self.tabs.currentWidget()
        inner = getattr(tab, "inner", None)  # 指导服务 holds two lists
        if inner is not None:
            tab = inner.currentWidget()
        for child in tab.findChildren(cls):
            if name_part in child.objectName() and child.isVisible() and child.isEnabled():
                return child
        return None

    def print_current(self) -> None:
        """Ctrl+P: the current tab's print menu (or, on the overview, the charts)."""
        if self.tabs.currentWidget() is self.dashboard:
            self.dashboard.export_charts()
            return
        button = self._current_child(QToolButton, "print")
        if button is None or button.menu() is None:
            self.statusBar().showMessage(self.tr("此页没有可打印的表单。"), 8000)
            return
        button.menu().popup(button.mapToGlobal(button.rect().bottomLeft()))
        self._print_menu = button.menu()

    def export_current(self) -> None:
        """Ctrl+Shift+E: the current tab's export button."""
        if self.tabs.currentWidget() is self.dashboard:
            self.dashboard.export_charts()
            return
        button = self._current_child(QPushButton, "export")
        if button is None:
            self.statusBar().showMessage(self.tr("此页没有导出功能。"), 8000)
            return
        button.click()

    def choose_language(self, code: str) -> None:
        for c, action in self.language_actions.items():
            action.setChecked(c == code)
        if code == self.settings.language:
            return
        self.settings.language = code
        self.settings.save()
        self.language_changed.emit(code)

    def edit_backups(self) -> QWidget:
        from app.views.settings.backup_dialog import BackupDialog

        dialog = BackupDialog(self.db, self.settings, self)
        dialog.restored.connect(lambda _p: self.refresh_all())
        dialog.open()
        self._backup_dialog = dialog
        return dialog

    # -- campaign -------------------------------------------------------------------------
    def navigate(self, target: str, flt: object, label: str) -> None:
        """Open a list with the filter a dashboard number was counted with."""
        tabs = {
            "checks": self.check_tab,
            "ledger": self.ledger_tab,
            "enterprises": self.enterprise_tab,
            "offers": self.offers_tab,
            "layoffs": self.layoffs_tab,
            "risks": self.risk_tab,
            "guidance": self.guidance_tab,
        }
        tab = tabs[target]
        tab.show_preset(flt, label)
        self.tabs.setCurrentWidget(tab)

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

    def show_risks_of(self, enterprise_id: str, name: str) -> None:
        self.risk_tab.show_enterprise((enterprise_id, name) if enterprise_id else None)
        self.tabs.setCurrentWidget(self.risk_tab)

    def show_ledger_of(self, enterprise_id: str, name: str) -> None:
        self.ledger_tab.show_enterprise((enterprise_id, name))
        self.tabs.setCurrentWidget(self.ledger_tab)

    def open_ledger_item(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.ledger_tab)
        self.ledger_tab.open_item(item_id)

    def toggle_reminders(self) -> None:
        self.reminder_layout.toggle()

    def edit_holidays(self) -> None:
        from app.views.settings.holidays_dialog import HolidaysDialog

        dialog = HolidaysDialog(self.db, self)
        dialog.finished.connect(lambda _r: self._refresh_built("ledger"))
        dialog.open()
        self._holidays_dialog = dialog

    def show_checks_of(self, enterprise_id: str, name: str) -> None:
        self.check_tab.show_enterprise((enterprise_id, name))
        self.tabs.setCurrentWidget(self.check_tab)

    def new_check_for(self, enterprise_id: str) -> None:
        self.tabs.setCurrentWidget(self.check_tab)
        self.check_tab.new_check(enterprise_id)

    def blank_forms_for(self, enterprise_ids: list[str], how: str) -> None:
        print_blank_forms(self, self.db, self.tasks, enterprise_ids, how, self.check_tab.exported)

    def show_exported(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("已生成：%1").replace("%1", path), 15000)

    def edit_checklist(self) -> None:
        from app.views.checks.checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.db, self)
        dialog.open()
        self._checklist_dialog = dialog

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.enterprise_tab)
        self.enterprise_tab.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.enterprise_tab.search.selectAll()

    # -- actions ------------------------------------------------------------------
    def import_enterprises(self) -> ImportDialog | None:
        patterns = " ".join(f"*{s}" for s in SPREADSHEET_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择企业名录文件"), "", self.tr("表格文件") + f" ({patterns})"
        )
        if not path:
            return None
        dialog = ImportDialog(self.db, Path(path), self.tasks, english=self.english, parent=self)
        dialog.accepted.connect(lambda: self._imported(dialog))
        dialog.open()
        dialog.check()
        return dialog

    def import_scans(self, paths: list[str] | None = None) -> None:
        """文件 → 导入扫描件…: filled-in field forms read back (app/views/scans)."""
        from app.views.scans.import_flow import import_scans

        import_scans(self, paths)

    def _imported(self, dialog: ImportDialog) -> None:
        self.refresh_all()
        s = dialog.result_summary or {}
        self.statusBar().showMessage(
            self.tr("导入完成：新增 %1，更新 %2，跳过 %3")
            .replace("%1", str(s.get("added", 0)))
            .replace("%2", str(s.get("updated", 0)))
            .replace("%3", str(s.get("skipped", 0))),
            10000,
        )

    def generate_demo(self) -> None:
        count, ok = QInputDialog.getInt(
            self, self.tr("生成演示数据"), self.tr("生成多少家演示企业？"), 500, 1, 200000, 100
        )
        if not ok:
            return
        self.tasks.start(
            self,
            self.tr("正在生成演示数据"),
            lambda: demo.generate(self.db, enterprises=count, seed=count),
            lambda _result: self.refresh_all(),
            on_cancel=lambda: QMessageBox.information(
                self, self.tr("已取消"), self.tr("已取消，数据库未作任何改动。")
            ),
        )

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

        QMessageBox.about(
            self,
            self.tr("关于和谐台账"),
            self.tr(
                "和谐台账 %1\n县级协调劳动关系工作台账\n\n数据库：%2\n数据文件夹：%3\n备份文件夹：%5\n日志：%4\n\n本程序不联网，所有数据保存在本机。"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.db.path))
            .replace("%3", str(data_dir()))
            .replace("%4", str(log_dir()))
            .replace("%5", str(self.settings.backup_dir())),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.tasks.wait_all()
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.reminder_layout.remember()
        self.remember_column_widths()
        try:
            self.settings.save()
        except OSError:
            # Window geometry is a convenience; a read-only settings folder must not
            # stop the coordinator from closing the app. The log says why it was lost.
            logging.getLogger(__name__).warning("could not save window settings", exc_info=True)
        super().closeEvent(event)
