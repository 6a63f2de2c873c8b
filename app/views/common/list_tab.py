"""What the record-list tabs share: a search box, filters, a paged table, an
enterprise filter chip, dialogs kept alive while open, and a print menu.

A tab of one record type names its record spec (SPEC: the table's columns), its
service module (SERVICE: count, page, get, delete, each taking the database and
the tab's filter or a record's id) and its dialog (DIALOG, opened with the record's
id under RECORD_ARG); what remains in the tab is its own filters and buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.core import edit_lock
from app.services.core.fields import FieldSpec, ValidationError, parse_date
from app.services.core.keyset import Seek, carried
from app.services.core.record_spec import RecordSpec
from app.services.core.storage import Database
from app.tasks import TaskRunner
from app.views.common import after_save
from app.views.common.messages import tr_lines
from app.views.common.paged_model import PagedTableModel, spec_row
from app.views.common.widgets import OriginFilter, PresetFilter
from app.views.printing import actions, output


class ListTab(PresetFilter, QWidget):
    seen_seq: int | None = None  # the change counter when the list was last read
    changed = Signal()
    exported = Signal(str)
    risk_requested = Signal(str, str)  # enterprise id, name: show its major-risk events

    SPEC: RecordSpec | None = None
    SERVICE: Any = None
    DIALOG: Any = None
    RECORD_ARG = "record_id"

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        columns: Sequence[FieldSpec] = (),
        *,
        english: bool = False,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        if self.SPEC is not None and not columns:
            columns = self.SPEC.table_columns
        self.columns = tuple(columns)
        self.db = db
        self.tasks = tasks
        self.english = english
        self.enterprise_filter: tuple[str, str] | None = None
        self.dialogs: list[QDialog] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("企业名称或拼音首字母"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.enterprise_chip = QPushButton()
        self.enterprise_chip.setVisible(False)
        self.enterprise_chip.clicked.connect(lambda: self.show_enterprise(None))
        self.model = PagedTableModel(
            columns,
            self._count,
            self._fetch,
            english=english,
            background=self.row_colour,  # type: ignore[attr-defined]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for column, spec in enumerate(columns):
            self.table.setColumnWidth(column, spec.width)
        if name:
            self.search.setObjectName(f"{name}_search")
            self.table.setObjectName(f"{name}_table")
        self.count_label = QLabel()
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 2)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table)

    def finish_layout(self) -> None:
        self.origin = OriginFilter(self.db)
        self.origin.currentIndexChanged.connect(self.apply_filter)
        self.filters.addWidget(self.origin)
        self.filters.addWidget(self.enterprise_chip)
        self.install_preset()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count_label)
        self.apply_filter()

    def button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _c=False: slot())
        self.buttons.addWidget(b)
        return b

    def print_button(self, kinds: Sequence[tuple[str, str]]) -> QToolButton:
        button = QToolButton()
        button.setObjectName("print_menu")
        button.setText(self.tr("打印 ▾"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for kind, label in kinds:
            sub = menu.addMenu(label)
            for how, text in (
                ("preview", self.tr("打印预览…")),
                (".pdf", self.tr("另存为 PDF…")),
                (".docx", self.tr("另存为 Word…")),
            ):
                action = QAction(text, self)
                action.setObjectName(f"print_{kind}_{how.strip('.')}")
                action.triggered.connect(lambda _c=False, k=kind, h=how: self.print_selected(k, h))
                sub.addAction(action)
        actions.add_duplex_option(menu)
        button.setMenu(menu)
        self.buttons.addWidget(button)
        return button

    # A tab without SERVICE provides _count(), _fetch(offset, limit, sort, descending)
    # and open_record(record_id); any tab may override row_colour(values).
    def row_colour(self, values: tuple[Any, ...]) -> Any:
        return None

    def apply_filter(self) -> None:
        self._timer.stop()
        self.filter = self.with_preset(self.filter)
        # What a delete from this list is checked against (app/services/core/edit_lock.py).
        self.seen_seq = edit_lock.current_seq(self.db)
        self.model.reload()
        self.count_label.setText(self.tr("共 %n 条", "", self.model.rowCount()))

    # -- one record type's list (SPEC, SERVICE, DIALOG) ----------------------------------------
    def _count(self) -> int:
        return int(self.SERVICE.count(self.db, self.filter))

    def _fetch(
        self, offset: Seek, limit: int, _sort: str, _descending: bool
    ) -> list[tuple[Any, ...]]:
        rows = self.SERVICE.page(self.db, self.filter, offset=offset, limit=limit)
        today = getattr(self, "today", None) or date.today()
        return carried(rows, [spec_row(self.columns, r, today, *self.extra(r)) for r in rows])

    def extra(self, row: Any) -> tuple[Any, ...]:
        """Values after the columns that row_colour reads."""
        return ()

    def new_record(self, enterprise_id: str | None = None) -> QDialog:
        return self.keep(
            self.DIALOG(
                self.db,
                enterprise_id=enterprise_id or self.enterprise_id or None,
                english=self.english,
                parent=self,
            )
        )

    def open_record(self, record_id: str) -> QDialog:
        kwargs = {self.RECORD_ARG: record_id}
        return self.keep(self.DIALOG(self.db, english=self.english, parent=self, **kwargs))

    def delete_question(self) -> str:
        return self.tr("确定删除选中的记录吗？")

    def delete_selected(self) -> None:
        self.delete_selected_with(self.SERVICE.delete, self.delete_question())

    def show_risks(self) -> None:
        self.show_risks_with(self.SERVICE.get)

    # -- shared behaviour ---------------------------------------------------------------------
    refresh = apply_filter

    @property
    def origin_office(self) -> str:
        origin = getattr(self, "origin", None)
        return origin.value() if origin is not None else ""

    @property
    def enterprise_id(self) -> str:
        return self.enterprise_filter[0] if self.enterprise_filter else ""

    def show_enterprise(self, enterprise: tuple[str, str] | None) -> None:
        self.enterprise_filter = enterprise
        self.enterprise_chip.setVisible(enterprise is not None)
        if enterprise:
            self.enterprise_chip.setText(self.tr("企业：%1　×").replace("%1", enterprise[1]))
        self.apply_filter()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid]

    def keep(self, dialog: QDialog) -> QDialog:
        saved = getattr(dialog, "saved", None)
        if saved is not None:
            saved.connect(self.after_save)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def open_selected(self) -> QDialog | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("打开"), self.tr("请先在列表中选中一条记录。"))
            return None
        return self.open_record(ids[0])

    def delete_selected_with(self, delete: Callable[..., None], question: str) -> None:
        """Delete the selected records; one a colleague changed after this list was read
        is refused with a message (and the list shows the change)."""
        ids = self.selected_ids()
        if (
            ids
            and QMessageBox.question(self, self.tr("删除"), question)
            == QMessageBox.StandardButton.Yes
        ):
            try:
                for record_id in ids:
                    delete(self.db, record_id, seen_seq=self.seen_seq)
            except ValidationError as exc:
                QMessageBox.warning(self, self.tr("删除"), tr_lines(exc.errors.values()))
            self.after_change()

    def show_risks_with(self, get: Callable[[Database, str], tuple[Any, dict[str, Any]]]) -> None:
        """Major-risk events of the selected record's enterprise (all of them with nothing selected)."""
        ids = self.selected_ids()
        if not ids:
            self.risk_requested.emit("", "")
            return
        data, facts = get(self.db, ids[0])
        self.risk_requested.emit(data.enterprise_id or "", facts["enterprise"])

    def after_change(self) -> None:
        self.apply_filter()
        self.changed.emit()

    def after_save(self, record_id: str) -> None:
        """The list follows, the saved record selected and scrolled to, and the status
        bar says what was saved (app/views/common/after_save.py)."""
        self.after_change()
        found = after_save.select_record(self.table, record_id)
        label = self.SPEC.label if self.SPEC is not None else None
        what = (label.en if self.english else label.zh) if label is not None else ""
        after_save.announce(self, after_save.saved_message(what, found))

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if getattr(dialog, "save_and_new", False):  # 保存并新建
            self.new_record()

    def print_selected(self, kind: str, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("打印"), self.tr("请先在列表中选中要打印的记录。")
            )
            return
        title = output.form_title(kind)
        options = self._print_options(kind)
        if options is None:
            return
        if how == "preview":
            documents = [output.build_document(self.db, kind, rid, **options) for rid in ids]
            actions.preview(
                self, title, lambda printer: actions.paint_documents_on(printer, documents)
            )
            return
        out = actions.ask_path(self, title, f"{output.FORM_KINDS[kind]}-{date.today():%Y%m%d}", how)
        if out is not None:
            path = output.write_documents(
                self.db, kind, ids, out, odd_pages=actions.odd_pages(), **options
            )
            self.exported.emit(str(path))

    def _print_options(self, kind: str) -> dict[str, Any] | None:
        """The layoff receipt is dated the day the report was received, or a date the
        user gives here; None when the user cancels or the date cannot be read."""
        if kind != "layoff-receipt":
            return {}
        text, ok = QInputDialog.getText(
            self,
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
                self,
                self.tr("回执日期"),
                self.tr("日期“%1”无法识别，请按 2023-12-01 的格式填写。").replace("%1", text),
            )
            return None
