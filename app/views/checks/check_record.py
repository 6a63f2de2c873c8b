"""The record pages of the health-check dialog: its rectification items and its
amendments (times in local time)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QTextBrowser, QWidget

from app.services.checks.health_checks import RESULTS, CheckDetail
from app.services.core.local_time import local
from app.services.ledger import rectification_status


class RectificationsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("rectifications")
        self.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("整改事类"),
                self.tr("整改时限"),
                self.tr("整改负责人"),
                self.tr("状态"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()

    def show_items(self, rows: list[Any], english: bool) -> None:
        self.setRowCount(len(rows))
        for r, item in enumerate(rows):
            for c, text in enumerate(
                (
                    item.item_code,
                    item.matter,
                    item.deadline.isoformat(),
                    item.enterprise_person,
                    rectification_status.label(item.status, english),
                )
            ):
                self.setItem(r, c, QTableWidgetItem(text))


class HistoryView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")

    def show_detail(self, detail: CheckDetail | None, labels: dict[str, str]) -> None:
        if not detail or not detail.amendments:
            self.setPlainText(self.tr("无更正。"))
            return
        lines = []
        for a in detail.amendments:
            lines.append(f"{local(a.at):%Y-%m-%d %H:%M}  {a.author}：{a.reason}")
            for key, change in a.changes.items():
                if key == "results":
                    for code, (old, new) in change.items():
                        before = RESULTS.get((old or ["unchecked"])[0], "")
                        lines.append(f"    {code}：{before} → {RESULTS.get(new[0], '')}")
                else:
                    lines.append(f"    {labels.get(key, key)}：{change[0]} → {change[1]}")
        if detail.original:
            lines.append("")
            lines.append(self.tr("定稿时的原始结果："))
            bad = [
                code
                for code, (result, _note) in detail.original["results"].items()
                if result == "noncompliant"
            ]
            lines.append("    " + self.tr("不合规：") + ("、".join(bad) or "—"))
        self.setPlainText("\n".join(lines))
