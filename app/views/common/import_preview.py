"""What an import shows before anything is written (the enterprise register, a
department's shared risk data): the file's columns and the field each is imported as
(ColumnMapping), a summary of what the import would do or why the file cannot be
imported, the problem rows, and 按新的对应关系重新检查 / 导入 / 取消.

The base keeps the database, the file, the task runner and the plan the last check
made; a subclass adds its own widgets and layout, checks the file (`check`, on the
task runner) and imports the plan (connected to `import_button`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableWidget, QWidget

from app.services.core.storage import Database
from app.tasks import TaskRunner
from app.views.common.column_mapping import ColumnMapping
from app.views.common.messages import ERROR_STYLE
from app.views.common.required_hooks import refuse_without
from app.views.common.widgets import headed_table, named, push_button


class ImportPreview(QDialog):
    # check(*, mapping=None): read the file (with `mapping`, the columns as the person
    # chose) into a plan. Every subclass defines it; a class without one is refused
    # when it is defined.
    check: Callable[..., None]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        refuse_without(cls, "check")

    def __init__(
        self, db: Database, path: Path, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path
        self.tasks = tasks
        self.plan: Any = None
        self.summary = named(QLabel(self.tr("正在读取文件…")), "summary")
        self.summary.setWordWrap(True)
        self.mapping = ColumnMapping()
        self.recheck_button = push_button(
            self.tr("按新的对应关系重新检查"), "recheck", self.recheck
        )
        self.import_button = push_button(self.tr("导入"), "do_import")
        self.cancel_button = push_button(self.tr("取消"), slot=self.reject)

    def recheck(self) -> None:
        """With the columns as chosen; when a refused file left no columns to choose
        from (another source's file), the file is read afresh."""
        self.check(mapping=self.current_mapping() if self.mapping.rowCount() else None)

    def current_mapping(self) -> dict[int, str]:
        return self.mapping.chosen()

    def refuse(self, reason: str) -> None:
        """The file cannot be imported: why, in red; nothing is left to import."""
        self.plan = None
        self.summary.setText(self.tr("无法导入：%1").replace("%1", reason))
        self.summary.setStyleSheet(ERROR_STYLE)

    def take_plan(self, plan: Any) -> None:
        """A check's plan, to show and import (the summary back in its own colour)."""
        self.plan = plan
        self.summary.setStyleSheet("")


def problem_table(headers: list[str]) -> QTableWidget:
    """The problem rows of a preview: a row number first, the last column stretched."""
    table = headed_table("problems", headers)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    return table
