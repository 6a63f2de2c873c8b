"""What the list tabs do with their selected records: open one in its dialog (kept
alive while open), add one, delete some (refused when a colleague changed them after
the list was read), print their forms, and follow a save in the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app.services.core.fields import parse_date
from app.services.core.storage import Database
from app.views.common import after_save
from app.views.common.messages import warn_if_refused
from app.views.printing import actions, output


class ListActions:
    """Mixed into ListTab (app/views/common/list_tab.py), which provides db, table,
    dialogs, selected_ids(), apply_filter(), the signals and the class attributes."""

    db: Any
    english: bool
    dialogs: list[QDialog]
    DIALOG: Any
    SERVICE: Any
    SPEC: Any
    columns: Any
    model: Any
    filter: Any
    cells: Callable[[Any], list[tuple[Any, ...]]]
    read_page: Callable[..., Any]
    changed: Any
    exported: Any
    risk_requested: Any
    table: Any
    tasks: Any
    enterprise_id: str
    seen_seq: int | None
    selected_ids: Callable[[], list[str]]
    apply_filter: Callable[[], None]
    tr: Callable[..., str]

    # -- hooks a tab may override ----------------------------------------------------------
    def pick_first(self) -> tuple[str, str]:
        """The title and text shown when 打开 finds nothing selected."""
        return self.tr("打开"), self.tr("请先在列表中选中一条记录。")

    def delete_question(self) -> str:
        return self.tr("确定删除选中的记录吗？")

    def saved_what(self) -> str:
        """What the status bar says was saved."""
        label = self.SPEC.label if self.SPEC is not None else None
        return (label.en if self.english else label.zh) if label is not None else ""

    # -- opening -------------------------------------------------------------------------------
    def new_record(self, enterprise_id: str | None = None) -> QDialog | None:
        return self.keep(
            self.DIALOG(
                self.db,
                enterprise_id=enterprise_id or self.enterprise_id or None,
                english=self.english,
                parent=self,
            )
        )

    def open_record(self, record_id: str) -> QDialog | None:
        kwargs = {self.DIALOG.RECORD_ARG: record_id}
        return self.keep(self.DIALOG(self.db, english=self.english, parent=self, **kwargs))

    def open_selected(self) -> QDialog | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, *self.pick_first())  # type: ignore[arg-type]
            return None
        return self.open_record(ids[0])

    def keep(self, dialog: QDialog, saved: Any = None) -> QDialog:
        """Open the dialog, kept alive while open; its `saved` signal (or the one given)
        brings the list up to date."""
        saved = saved if saved is not None else getattr(dialog, "saved", None)
        if saved is not None:
            saved.connect(self.after_save)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if getattr(dialog, "save_and_new", False):  # 保存并新建
            self.new_record()

    # -- after a change ------------------------------------------------------------------------
    def after_change(self) -> None:
        self.apply_filter()
        self.changed.emit()

    def after_save(self, record_id: str) -> None:
        """The list follows, the saved record selected and scrolled to, and the status
        bar says what was saved (app/views/common/after_save.py)."""
        self.after_change()
        found = after_save.select_record(self.table, record_id)
        after_save.announce(self, after_save.saved_message(self.saved_what(), found))  # type: ignore[arg-type]

    # -- deleting ------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        self.delete_selected_with(self.SERVICE.delete, self.delete_question())

    def delete_selected_with(
        self, delete: Callable[..., None], question: str, title: str = ""
    ) -> None:
        """Delete the selected records; one a colleague changed after this list was read
        is refused with a message (and the list shows the change)."""
        ids = self.selected_ids()
        title = title or self.tr("删除")
        if (
            ids
            and QMessageBox.question(self, title, question)  # type: ignore[arg-type]
            == QMessageBox.StandardButton.Yes
        ):

            def each() -> None:
                for record_id in ids:
                    delete(self.db, record_id, seen_seq=self.seen_seq)

            warn_if_refused(self, title, each)  # type: ignore[arg-type]
            self.after_change()

    # -- the enterprise's major risks ----------------------------------------------------------
    def show_risks(self) -> None:
        self.show_risks_with(self.SERVICE.get)

    def show_risks_with(self, get: Callable[[Database, str], tuple[Any, dict[str, Any]]]) -> None:
        """Major-risk events of the selected record's enterprise (all of them with nothing selected)."""
        ids = self.selected_ids()
        if not ids:
            self.risk_requested.emit("", "")
            return
        data, facts = get(self.db, ids[0])
        self.risk_requested.emit(data.enterprise_id or "", facts["enterprise"])

    # -- printing forms ------------------------------------------------------------------------
    def print_selected(self, kind: str, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self,  # type: ignore[arg-type]
                self.tr("打印"),
                self.tr("请先在列表中选中要打印的记录。"),
            )
            return
        title = output.form_title(kind)
        options = self._print_options(kind)
        if options is None:
            return
        if how == "preview":
            db = self.db
            actions.preview_built(
                self,  # type: ignore[arg-type]
                self.tasks,
                title,
                lambda: output.documents_built(db, kind, ids, **options),
            )
            return
        out = actions.ask_path(self, title, f"{output.FORM_KINDS[kind]}-{date.today():%Y%m%d}", how)  # type: ignore[arg-type]
        if out is None:
            return
        db, odd = self.db, actions.odd_pages()

        def work() -> Any:
            return output.documents_work(db, kind, ids, out, odd_pages=odd, **options)

        # On the worker, with progress and Cancel: a selection may be hundreds of forms.
        self.tasks.start(self, title, work, lambda path: self.exported.emit(str(path)))

    def _print_options(self, kind: str) -> dict[str, Any] | None:
        """The layoff receipt is dated the day the report was received, or a date the
        user gives here; None when the user cancels or the date cannot be read."""
        if kind != "layoff-receipt":
            return {}
        text, ok = QInputDialog.getText(
            self,  # type: ignore[arg-type]
            self.tr("回执日期"),
            self.tr("回执落款日期（如 2023-12-01；空着为收到报告之日）："),
        )
        if not ok:
            return None
        if not text.strip():
            return {}
        try:
            return {"receipt_date": parse_date(text.strip())}
        except ValueError:
            QMessageBox.warning(
                self,  # type: ignore[arg-type]
                self.tr("回执日期"),
                self.tr("日期“%1”无法识别，请按 2023-12-01 的格式填写。").replace("%1", text),
            )
            return None

    # -- exporting the list --------------------------------------------------------------------
    def export_title(self) -> str:
        """The exported sheet's title after the office's name (the record spec's)."""
        return str(self.SPEC.printed_title)

    def export_list(self) -> None:
        """导出 Excel…: the list as filtered and sorted now — every row, not only those
        read into the table — as a printed .xlsx (app/services/documents/list_xlsx.py),
        written on a worker with progress and Cancel; in Chinese whatever the window's
        language. Pages are read by key (a million rows read each row once)."""
        from app.services.core import office
        from app.services.core.record_spec import export_width
        from app.services.documents import list_xlsx

        title = self.export_title()
        out = actions.ask_path(self, self.tr("导出列表"), f"{title}-{date.today():%Y%m%d}", ".xlsx")  # type: ignore[arg-type]
        if out is None:
            return
        db, service, spec, flt = self.db, self.SERVICE, self.SPEC, self.filter
        sort, descending = self.model.sort_field, self.model.descending
        shown = [n for n, c in enumerate(self.columns) if export_width(c)]
        columns = [self.columns[n] for n in shown]
        current = office.current(db)

        def values(rows: Any) -> list[list[Any]]:
            return [
                [list_xlsx.exported(columns[k], row[n + 1]) for k, n in enumerate(shown)]
                for row in self.cells(rows)
            ]

        self.tasks.start(
            self,
            self.tr("正在导出列表"),
            lambda: list_xlsx.export(
                spec,
                lambda: service.count(db, flt),
                lambda seek, limit: self.read_page(flt, seek, limit, sort, descending),
                out,
                title=f"{current.name if current else ''}{title}",
                columns=columns,
                values=values,
            ),
            lambda path: self.exported.emit(str(path)),
        )
