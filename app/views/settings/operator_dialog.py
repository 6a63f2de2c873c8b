"""Who is working at this PC: asked at start whenever this PC has no operator
yet (a database made with `hexie init`, a new PC, a reinstall), so the audit
trail names a person and never the login account."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.views.common.layouts import button_box
from app.views.common.messages import ERROR_STYLE
from app.views.common.widgets import named


class OperatorDialog(QDialog):
    def __init__(self, office_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作员"))
        intro = QLabel(
            self.tr(
                "请填写在这台电脑上使用和谐台账的人的姓名。每条修改都会记下操作员，操作日志中不会再出现电脑的登录名。"
            )
        )
        intro.setWordWrap(True)
        self.office = QLabel(office_name)
        self.operator = named(QLineEdit(), "operator")
        self.operator.setPlaceholderText(self.tr("如：张三"))
        self.error = named(QLabel(), "error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = button_box(QDialogButtonBox.StandardButton.Ok, self.try_accept, self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("本单位"), self.office)
        form.addRow(self.tr("操作员姓名"), self.operator)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def name(self) -> str:
        return self.operator.text().strip()

    def try_accept(self) -> None:
        if len(self.name()) < 2:
            self.error.setText(self.tr("请填写操作员的姓名（至少 2 个字）。"))
            return
        self.accept()
