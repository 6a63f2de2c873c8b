"""修改记录: a record's audit log — who changed which fields, when, from what to what."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from app.services.core import local_time
from app.services.core.audit import AuditRow
from app.services.core.fields import FieldSpec
from app.views.common.layouts import vbox
from app.views.common.widgets import headed_table


def _show(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return str(value)


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        rows: Sequence[AuditRow],
        specs: Sequence[FieldSpec],
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改记录：%1").replace("%1", title))
        actions = {"create": self.tr("新建"), "update": self.tr("修改"), "delete": self.tr("删除")}
        labels = {s.name: (s.label_en if english else s.label_zh) for s in specs}
        self.table = headed_table(
            "history", [self.tr("时间（UTC）"), self.tr("操作员"), self.tr("操作"), self.tr("内容")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for row in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            if row.changes:
                detail = "；".join(
                    f"{labels.get(name, name)}：{_show(old)} → {_show(new)}"
                    if row.action == "update"
                    else f"{labels.get(name, name)}：{_show(new)}"
                    for name, (old, new) in row.changes.items()
                )
            else:
                detail = row.summary
            for c, text in enumerate(
                (
                    local_time.text(row.at, seconds=True),
                    row.operator,
                    actions.get(row.action, row.action),
                    detail,
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        vbox(self.table, buttons, owner=self)
        self.resize(820, 420)
