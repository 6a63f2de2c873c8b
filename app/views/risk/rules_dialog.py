"""The office's risk-scoring rules, edited as JSON text and checked before use."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from app.services.risk import risk_rules
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import error_label
from app.views.common.unsaved import KeepsTyped
from app.views.common.widgets import named, push_button


class RulesDialog(KeepsTyped, DatabaseDialog):
    """The rules as a JSON text the office edits; checked before it is used."""

    def build(self) -> None:
        self.setWindowTitle(self.tr("风险评分规则"))
        note = QLabel(
            self.tr(
                "评分模型是本单位自定的研判办法，国家没有统一的评分公式。每条规则：读取的数据、计算方式、比较、分值、是否红线（红线直接定为高风险）。"
            )
        )
        note.setWordWrap(True)
        self.text = named(QPlainTextEdit(risk_rules.load(self.db).as_json()), "rules_text")
        self.error = error_label()
        save = push_button(self.tr("保存"), "save", self.save)
        reset = push_button(
            self.tr("恢复默认规则"), slot=lambda: self.text.setPlainText(risk_rules.default_text())
        )
        close = push_button(self.tr("关闭"), slot=self.reject)
        buttons = hbox(reset, 1, save, close)
        vbox(note, (self.text, 1), self.error, buttons, owner=self)
        self.resize(820, 640)
        self.keep_typed()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        return (self.text,)  # the rules as edited, or the defaults put back, not yet saved

    def save(self) -> bool:
        try:
            risk_rules.save(self.db, self.text.toPlainText())
        except risk_rules.RulesError as exc:
            self.error.setText(str(exc))
            return False
        self.keep_typed()
        self.accept()
        return True
