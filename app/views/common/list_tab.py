"""The one list tab every record type's list is made of: a search box, filters, a
paged table, an enterprise filter chip, buttons, a count, and the dashboard's preset.

A tab of one record type names its record spec (SPEC: the table's columns, or
COLUMNS), its service module (SERVICE: count, page, get, delete, each taking the
database and the tab's filter or a record's id), its filter (FILTER, made by
make_filter() from the tab's widgets through filter_of()) and its dialog (DIALOG,
opened with the record's id under the dialog's own RECORD_ARG); a SpecDialog's
SPEC and SERVICE are the tab's unless it names others. What is its own it
adds in build(): filter widgets (choice(), tick()), buttons (button(),
record_buttons(), print_menu_button()), and the hooks below (count_text, pick_first,
saved_what, row_colour, filtered). The actions on the selected records are in
app/views/common/list_actions.py."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from app.services.core import edit_lock
from app.services.core.fields import FieldSpec
from app.services.core.keyset import Seek, carried
from app.services.core.record_spec import RecordSpec
from app.services.core.storage import Database
from app.tasks import TaskRunner
from app.views.common import print_menu
from app.views.common.column_fit import grow_to_contents
from app.views.common.enter_opens import EnterOpens
from app.views.common.layouts import vbox
from app.views.common.list_actions import ListActions
from app.views.common.paged_model import PagedTableModel, spec_row
from app.views.common.widgets import OriginFilter, PresetFilter, named, push_button

log = logging.getLogger("hexie")


class ListTab(ListActions, PresetFilter, QWidget):
    seen_seq: int | None = None  # the change counter when the list was last read
    changed = Signal()
    exported = Signal(str)  # path of a file just written
    risk_requested = Signal(str, str)  # enterprise id, name: show its major-risk events

    SPEC: RecordSpec | None = None
    COLUMNS: Sequence[FieldSpec] = ()  # when the list has no record spec
    SERVICE: Any = None
    DIALOG: Any = None
    FILTER: Any = None
    NAME = ""  # object names: <NAME>_search, <NAME>_table, <NAME>_count
    SEARCH_DELAY_MS = 150
    SEARCH_STRETCH = 2
    ALTERNATING_ROWS = True
    SORT_FIELD = "name"  # the list's first order (the service reads it)
    SORT_DESCENDING = False
    SORT_COLUMN: int | None = None  # its column when a click on a header sorts; None: no sorting
    ENTERPRISE_CHIP = True  # the 企业：… × chip of a list filtered to one enterprise
    EXPORT = True  # a 导出 Excel… button for the list as shown (the ledger has its own)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A tab lists the records its dialog edits: a SpecDialog's SPEC and SERVICE are
        the tab's too, unless the tab names its own (docs/architecture.md, "View: the list")."""
        super().__init_subclass__(**kwargs)
        if cls.SPEC is None:
            cls.SPEC = getattr(cls.DIALOG, "SPEC", None)
        if cls.SERVICE is None:
            cls.SERVICE = getattr(cls.DIALOG, "SERVICE", None)

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner | None = None,
        columns: Sequence[FieldSpec] = (),
        *,
        english: bool = False,
        new_months: int = 12,  # "newly registered" in months (register filter, pickers)
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        columns = columns or self.COLUMNS or (self.SPEC.table_columns if self.SPEC else ())
        self.columns = tuple(columns)
        self.db = db
        self.tasks = tasks
        self.english = english
        self.new_months = new_months
        self.today = date.today()
        self.filter = self.FILTER() if self.FILTER is not None else None
        self.enterprise_filter: tuple[str, str] | None = None
        self.dialogs: list[QDialog] = []
        self._built = False
        name = self.list_name = name or self.NAME
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.search_hint())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.enterprise_chip = QPushButton()
        self.enterprise_chip.setVisible(False)
        self.enterprise_chip.clicked.connect(lambda: self.show_enterprise(None))
        self.model = PagedTableModel(
            self.columns,
            self._count,
            self._fetch,
            english=english,
            background=self.row_colour,  # type: ignore[attr-defined]
            count_later=self._count_later if tasks is not None else None,
        )
        self.model.counted.connect(self._show_count)
        self.model.sort_field = self.SORT_FIELD
        self.model.descending = self.SORT_DESCENDING
        self.table = QTableView()
        self.table.setModel(self.model)
        if self.SORT_COLUMN is not None:
            # The indicator first: enabling sorting re-applies it, and the model runs
            # no query for the order it already has.
            self.table.horizontalHeader().setSortIndicator(
                self.SORT_COLUMN, Qt.SortOrder.AscendingOrder
            )
            self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(self.ALTERNATING_ROWS)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self._enter_opens = EnterOpens(self.table, self.open_selected)
        for column, spec in enumerate(self.columns):
            self.table.setColumnWidth(column, spec.width)
        self.count_label = QLabel()
        if name:
            self.search.setObjectName(f"{name}_search")
            self.table.setObjectName(f"{name}_table")
            self.count_label.setObjectName(f"{name}_count")
            self.enterprise_chip.setObjectName(f"{name}_enterprise_chip")
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, self.SEARCH_STRETCH)
        self.buttons = QHBoxLayout()
        self.body = vbox(self.filters, self.buttons, owner=self)
        self.build()
        self.finish_layout()

    # -- what a tab adds ----------------------------------------------------------------------
    def build(self) -> None:
        """The tab's own filter widgets and buttons (into self.filters, self.buttons)."""

    def search_hint(self) -> str:
        return self.tr("企业名称或拼音首字母")

    def make_filter(self) -> Any:
        """The tab's filter from its widgets (called on every change)."""
        return self.filter

    def filter_of(self, **own: Any) -> Any:
        """FILTER from the tab's own filter values and what every list tab keeps itself:
        the search box's text, the enterprise chip, the origin office and the day the
        list is read, each for a filter that has such a field."""
        kept = {
            "text": self.search.text(),
            "enterprise_id": self.enterprise_id,
            "origin_office": self.origin_office,
            "today": self.today,
        }
        fields = {f.name for f in dataclasses.fields(self.FILTER)}
        return self.FILTER(**{k: v for k, v in kept.items() if k in fields}, **own)

    def count_text(self, count: int) -> str:
        return self.tr("共 %n 条", "", count)

    def filtered(self) -> None:
        """After the list is read again (the ledger's calendar warning)."""

    def row_colour(self, values: tuple[Any, ...]) -> Any:
        return None

    def extra(self, row: Any) -> tuple[Any, ...]:
        """Values after the columns that row_colour reads."""
        return ()

    # -- building blocks ----------------------------------------------------------------------
    def finish_layout(self) -> None:
        """The origin filter (unless the tab placed it), the chip, the preset, the count."""
        if not hasattr(self, "origin"):
            self.filters.addWidget(self.add_origin())
        if self.ENTERPRISE_CHIP:
            self.filters.addWidget(self.enterprise_chip)
        self.install_preset()
        if self.EXPORT and self.SPEC is not None and self.tasks is not None:
            self.export_button = self.button(
                self.tr("导出 Excel…"), f"{self.list_name or 'list'}_export", self.export_list
            )
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count_label)
        self.body.addWidget(self.table)
        self._built = True
        self.apply_filter()

    def add_origin(self) -> OriginFilter:
        """At the city office, the county a record came from."""
        self.origin = OriginFilter(self.db)
        self.origin.currentIndexChanged.connect(self.apply_filter)
        return self.origin

    def choice(
        self, name: str, items: Iterable[tuple[str, Any]], combo: QComboBox | None = None
    ) -> QComboBox:
        """A filter list of (text, value), the first usually 全部…, added to the filters."""
        combo = combo if combo is not None else QComboBox()
        if name:
            combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self.apply_filter)
        self.filters.addWidget(combo)
        return combo

    def tick(self, name: str, text: str, row: QHBoxLayout | None = None) -> QCheckBox:
        """A filter tick box added to the filters (or to `row`)."""
        box = named(QCheckBox(text), name)
        box.toggled.connect(self.apply_filter)
        (row if row is not None else self.filters).addWidget(box)
        return box

    def date_range(
        self,
        first: date,
        last: date,
        row: QHBoxLayout | None = None,
        names: tuple[str, str] = ("", ""),
    ) -> tuple[QDateEdit, QDateEdit]:
        """Two calendars, from — to, added to the filters (or to `row`)."""
        edits = (QDateEdit(), QDateEdit())
        for edit, day, name in zip(edits, (first, last), names, strict=True):
            if name:
                edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(self.apply_filter)
        target = row if row is not None else self.filters
        target.addWidget(edits[0])
        target.addWidget(QLabel("—"))
        target.addWidget(edits[1])
        return edits

    def button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        b = push_button(text, name, lambda _c=False: slot())
        self.buttons.addWidget(b)
        return b

    def record_buttons(self, name: str, new_text: str, delete_text: str = "") -> None:
        """新建… / 打开 / 删除, named new_<name>, open_<name>, delete_<name>."""
        self.button(new_text, f"new_{name}", self.new_record)
        self.button(self.tr("打开"), f"open_{name}", self.open_selected)
        self.button(delete_text or self.tr("删除"), f"delete_{name}", self.delete_selected)

    def print_menu_button(self, kinds: Sequence[tuple[str, str]]) -> QToolButton:
        """打印 ▾ with the forms of the selected records (print_selected)."""
        menu = print_menu.form_menu(self, kinds, self.print_selected)
        self.more_print(menu)
        self.print_button = print_menu.menu_button(self.tr("打印 ▾"), "print_menu", menu)
        self.buttons.addWidget(self.print_button)
        return self.print_button

    def more_print(self, menu: Any) -> None:
        """Entries a tab adds to its print menu before the duplex option."""

    # -- reading the list ---------------------------------------------------------------------
    def apply_filter(self) -> None:
        if not self._built:
            return  # a filter widget's signal while the tab is being built
        self._timer.stop()
        self.today = date.today()
        self.filter = self.with_preset(self.make_filter())
        # What a delete from this list is checked against (app/services/core/edit_lock.py).
        self.seen_seq = edit_lock.current_seq(self.db)
        self.model.reload()
        grow_to_contents(self.table)  # the first rows read: short labels shown whole
        if self.model.counting:
            self.count_label.setText(self.tr("正在计数…"))
        self.filtered()

    refresh = apply_filter

    def _show_count(self, rows: int) -> None:
        self.count_label.setText(self.count_text(rows))

    def _count(self) -> int:
        return int(self.SERVICE.count(self.db, self.filter))

    def _count_later(self, deliver: Callable[[int], None]) -> None:
        """A list longer than a page is counted on a worker (PagedTableModel); the
        filter is the one read now, whatever the user types meanwhile."""
        assert self.tasks is not None
        db, flt, service = self.db, self.filter, self.SERVICE

        def failed(exc: BaseException) -> None:
            log.warning("counting the list failed: %s", exc)
            self.count_label.setText(self.tr("无法计数"))

        self.tasks.quietly(lambda: int(service.count(db, flt)), deliver, failed)

    def _fetch(
        self, offset: Seek, limit: int, sort: str, descending: bool
    ) -> list[tuple[Any, ...]]:
        rows = self.read_page(self.filter, offset, limit, sort, descending)
        return carried(rows, self.cells(rows))

    def read_page(self, flt: Any, offset: Seek, limit: int, sort: str, descending: bool) -> Any:
        """One page of the list's rows under `flt` (a service that sorts by a header
        click is also handed the sort). Called on a worker too (the export), so it
        reads no widget."""
        return self.SERVICE.page(self.db, flt, offset=offset, limit=limit)

    def cells(self, rows: Any) -> list[tuple[Any, ...]]:
        """The rows as the table shows them: the spec's columns, then extra()."""
        return [spec_row(self.columns, r, self.today, *self.extra(r)) for r in rows]

    @property
    def origin_office(self) -> str:
        origin = getattr(self, "origin", None)
        return origin.value() if origin is not None else ""

    @property
    def enterprise_id(self) -> str:
        return self.enterprise_filter[0] if self.enterprise_filter else ""

    def show_enterprise(self, enterprise: tuple[str, str] | None) -> None:
        """Show only one enterprise's records (from the register), or all again."""
        self.enterprise_filter = enterprise
        self.enterprise_chip.setVisible(enterprise is not None)
        if enterprise:
            self.enterprise_chip.setText(self.tr("企业：%1　×").replace("%1", enterprise[1]))
        self.apply_filter()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid]
