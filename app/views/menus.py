"""The main window's menu bar: 文件, 编辑, 设置, 查看, 帮助, and the language choice.

Mixed into MainWindow, which provides the handlers each action calls (its own,
and those of MenuDialogs, MenuImports, SyncActions and MainTabs); the actions are
kept as attributes (`window.import_action`, `window.language_actions`…) so the
read-only mode and the tests reach them by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from app.i18n import LANGUAGES


class MainMenus:
    settings: Any
    language_changed: Any
    menuBar: Any  # noqa: N815 - Qt API

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
        bar: QMenuBar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        open_menu = file_menu.addMenu(self.tr("打开(&O)"))
        # Another office file on this PC (as `hexie FILE` opens it), or the server.
        self.open_file_action = self._action(
            self.tr("数据库文件…"), lambda: self.open_database_file(), "Ctrl+O", "open_file"
        )
        open_menu.addAction(self.open_file_action)
        self.connect_server_action = self._action(
            self.tr("连接办公室服务器…"), self.connect_server, None, "connect_server"
        )
        open_menu.addAction(self.connect_server_action)
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

    def choose_language(self, code: str) -> None:
        for c, action in self.language_actions.items():
            action.setChecked(c == code)
        if code == self.settings.language:
            return
        self.settings.language = code
        self.settings.save()
        self.language_changed.emit(code)
