"""Choosing an enterprise by typing part of its name, its code or pinyin initials."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem

from app.i18n import county
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import button_box, vbox
from app.views.common.widgets import named

LIMIT = 50


class EnterprisePicker(DatabaseDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("选择企业"))
        self.chosen: tuple[str, str] | None = None  # (id, name)
        self.search = named(QLineEdit(), "picker_search")
        self.search.setPlaceholderText(self.tr("输入企业名称、信用代码或拼音首字母"))
        self.results = named(QListWidget(), "picker_results")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept_current())
        buttons = button_box(QDialogButtonBox.StandardButton.Ok, self.accept_current, self.reject)
        vbox(self.search, self.results, buttons, owner=self)
        self.resize(520, 420)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self.results.clear()
        rows = enterprises.page(self.db, EnterpriseFilter(text=self.search.text()), limit=LIMIT)
        for row in rows:
            item = QListWidgetItem(f"{row[1]}　{row[2]}　{county(row[3])}")
            item.setData(256, (row[0], row[1]))
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(256)
        self.accept()
