"""The main window: menus, the tabs, and a status bar with the file and record counts."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from app.i18n import paren
from app.services.core import office, stats
from app.services.core.storage import Database
from app.services.ledger import ledger_reminders
from app.settings import AppSettings
from app.tasks import TaskRunner
from app.views.checks.health_check_tab import print_blank_forms
from app.views.common import read_only, shortcuts
from app.views.common.colleague_changes import ChangeWatch
from app.views.common.widgets import named
from app.views.main_tabs import MainTabs
from app.views.menu_dialogs import MenuDialogs
from app.views.menu_imports import MenuImports
from app.views.menus import MainMenus
from app.views.sync.sync_actions import SyncActions
from app.views.window_layout import RemindersLayout, fit_window, keep_dialogs_on_screen


class MainWindow(MainMenus, MenuDialogs, MenuImports, MainTabs, SyncActions, QMainWindow):
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
        keep_dialogs_on_screen()

        # Tabs are built the first time they are shown (or used): the window opens
        # on the overview without building eight other tabs and their queries.
        self.tabs = named(QTabWidget(), "tabs")
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
            slot = named(QWidget(), f"unbuilt_{key}")
            self._unbuilt[key] = slot
            self.tabs.addTab(slot, title)
        self.tabs.currentChanged.connect(self._build_shown)
        self.setCentralWidget(self.tabs)

        self.db_label = named(QLabel(), "db_label")
        self.counts_label = named(QLabel(), "counts_label")
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
        # Colleagues' saves appear in the lists (app/views/common/colleague_changes.py).
        self.change_watch = ChangeWatch(self)
        if db.read_only:
            read_only.apply_to_window(self)

    # -- status -------------------------------------------------------------------
    def update_status(self) -> None:
        o = office.current(self.db)
        name = paren(o.name, o.code) + "  " if o else ""
        self.db_label.setText(
            self.tr("%1数据库：%2").replace("%1", name).replace("%2", self.db.address)
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

    def _show_in(self, tab: Any, enterprise: tuple[str, str] | None) -> None:
        """`tab` in front, showing one enterprise's records (None: all of them)."""
        tab.show_enterprise(enterprise)
        self.tabs.setCurrentWidget(tab)

    def show_risks_of(self, enterprise_id: str, name: str) -> None:
        self._show_in(self.risk_tab, (enterprise_id, name) if enterprise_id else None)

    def show_ledger_of(self, enterprise_id: str, name: str) -> None:
        self._show_in(self.ledger_tab, (enterprise_id, name))

    def open_ledger_item(self, item_id: str) -> None:
        self.tabs.setCurrentWidget(self.ledger_tab)
        self.ledger_tab.open_item(item_id)

    def toggle_reminders(self) -> None:
        self.reminder_layout.toggle()

    def show_checks_of(self, enterprise_id: str, name: str) -> None:
        self._show_in(self.check_tab, (enterprise_id, name))

    def new_check_for(self, enterprise_id: str) -> None:
        self.tabs.setCurrentWidget(self.check_tab)
        self.check_tab.new_check(enterprise_id)

    def blank_forms_for(self, enterprise_ids: list[str], how: str) -> None:
        print_blank_forms(self, self.db, self.tasks, enterprise_ids, how, self.check_tab.exported)

    def show_exported(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("已生成：%1").replace("%1", path), 15000)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.enterprise_tab)
        self.enterprise_tab.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.enterprise_tab.search.selectAll()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.change_watch.timer.stop()
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
