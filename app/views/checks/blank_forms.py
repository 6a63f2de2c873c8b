"""Blank field forms (体检现场记录表) for chosen enterprises, from the checks tab and the
main window's menu: previewed, or written to one PDF / Word file in the background."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.services.checks import check_forms
from app.services.core.storage import Database
from app.services.register import enterprises
from app.tasks import TaskRunner
from app.views.printing import actions, output


def print_blank_forms(
    parent: QWidget, db: Database, tasks: TaskRunner, enterprise_ids: list[str], how: str, done: Any
) -> None:
    """Blank field forms for the given enterprises: preview, or one PDF / Word file in the background."""
    from app.services.checks import checklists, printed_forms

    title = parent.tr("体检现场记录表")
    if how == "preview":
        spec = checklists.active(db)
        made = [
            check_forms.blank_form(db, eid, printed_forms.new_form_id(), spec)
            for eid in enterprise_ids
        ]
        actions.preview(parent, title, lambda printer: actions.paint_blank_forms_on(printer, made))
        return
    name = enterprises.get(db, enterprise_ids[0]) or {}
    suggested = (
        f"{title}-{name.get('name', '')}"
        if len(enterprise_ids) == 1
        else f"{title}-{len(enterprise_ids)}家"
    )
    out = actions.ask_path(parent, title, suggested, how)
    if out is None:
        return
    tasks.start(
        parent,
        parent.tr("正在生成空白记录表"),
        lambda: output.blank_forms(db, enterprise_ids, out, odd_pages=actions.odd_pages()),
        lambda path: done.emit(str(path)),
    )
