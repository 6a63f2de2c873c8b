"""A table model that fetches rows page by page from SQL as the view scrolls.

The first page is read at once; when it is not full it is the whole list and no
COUNT runs. A full first page shows at once and its list is counted off the GUI
thread when the tab can (`count_later`): at a million enterprises counting a
fragment in most names takes a third of a second and more, which a keystroke must
not wait for (docs/architecture.md, "Speed rules"). A row's page is fetched the
first time the view asks for it and kept in a small LRU cache. Pages are keyset pages
(app/services/core/keyset.py): the model keeps the key of each fetched page's
last row as the next page's anchor, so scrolling reads each page from an index
seek, and a far jump walks the index from the nearest anchor it knows. Sorting and filtering are
new queries, never a QSortFilterProxyModel (docs/architecture.md, "Storage": an indexed query with
LIMIT answers in milliseconds where a proxy takes a second).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.services.core.fields import FieldSpec, display
from app.services.core.keyset import KeyValues, Seek
from app.services.core.messages import Label, Message
from app.services.core.record_spec import cell, value_of
from app.views.common.messages import tr_message

PAGE_SIZE = 200
# Plain ints: data() runs for every visible cell and role, and comparing an int
# role with an enum member costs an enum construction each time.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
RIGHT_ALIGNED = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
CACHED_PAGES = 40

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Columns come from the record type's FieldSpecs; rows are (id, *values) tuples.

    `count_later(deliver)`, when given, counts the list off the GUI thread and calls
    deliver(n) on it; until then the model holds the first page's rows and
    `counting` is True. `counted` is emitted with the list's length once known."""

    counted = Signal(int)

    def __init__(
        self,
        specs: Sequence[FieldSpec],
        count: Callable[[], int],
        fetch: Callable[[Seek, int, str, bool], list[tuple[Any, ...]]],
        english: bool = False,
        background: Callable[[tuple[Any, ...]], QColor | None] | None = None,
        count_later: Callable[[Callable[[int], None]], None] | None = None,
    ) -> None:
        super().__init__()
        self._background = background
        self.specs = list(specs)
        self._count = count
        self._count_later = count_later
        self._fetch = fetch
        self.counting = False
        self._generation = 0  # a count delivered for an earlier reload is dropped
        self._english = english
        self._rows = 0
        self._pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        # Page number → key of the row before it (None before the first page).
        self._anchors: dict[int, KeyValues | None] = {0: None}
        self.sort_field = "name"
        self.descending = False

    # -- loading -----------------------------------------------------------
    def reload(self, *, recount: bool = True) -> None:
        """Read the list again. `recount` False: the same records in another order
        (a header click), so the known length stands."""
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._anchors = {0: None}
        first = len(self._page(0))
        later = False
        if first < PAGE_SIZE:
            self._rows = first  # the whole list is on its first page
            self.counting = False
        elif recount or self.counting:
            later = self._count_later is not None
            self._rows = first if later else self._count()
            self.counting = later
        self.endResetModel()
        if later:
            generation = self._generation
            self._count_later(lambda n: self._counted(generation, n))  # type: ignore[misc]
        elif not self.counting:
            self.counted.emit(self._rows)

    def _counted(self, generation: int, rows: int) -> None:
        if generation != self._generation or not self.counting:
            return  # the list was read again meanwhile; its own count follows
        self.counting = False
        # At least the rows already shown (a record added between the page and the count).
        rows = max(rows, self._rows)
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        self.counted.emit(self._rows)

    def count_now(self) -> None:
        """The whole length at once (selecting a record that may sit beyond the first
        page before the background count has answered)."""
        if self.counting:
            self._counted(self._generation, self._count())

    def _page(self, number: int) -> list[tuple[Any, ...]]:
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(self.seek(number), PAGE_SIZE, self.sort_field, self.descending)
            self._pages[number] = page
            last = getattr(page, "last_key", None)
            if last is not None:
                self._anchors[number + 1] = last
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def seek(self, number: int) -> Seek:
        """Where page `number` starts: after the nearest known anchor at or before it."""
        known = max(n for n in self._anchors if n <= number)
        return Seek(self._anchors[known], (number - known) * PAGE_SIZE)

    def row_tuple(self, row: int) -> tuple[Any, ...] | None:
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> str | None:
        values = self.row_tuple(row)
        return values[0] if values else None

    # -- Qt model API ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.specs)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        role = int(role)
        if role == DISPLAY or role == TOOLTIP:
            values = self.row_tuple(index.row())
            if values is None:
                return None
            column = index.column()
            return self.format_cell(self.specs[column], values[column + 1])
        if role == ALIGNMENT and self.specs[index.column()].kind.value == "int":
            return RIGHT_ALIGNED
        if role == BACKGROUND and self._background is not None:
            values = self.row_tuple(index.row())
            colour = self._background(values) if values else None
            return QBrush(colour) if colour else None
        return None

    def format_cell(self, spec: FieldSpec, value: Any) -> str:
        # A computed column's words come in both languages (app/services/core/list_columns.py).
        if isinstance(value, Label):
            return value.en if self._english else value.zh
        if isinstance(value, Message):
            return tr_message(value)
        if self._english and value not in (None, ""):
            if spec.kind.value == "bool":
                return "Yes" if value else "No"
            if spec.choices_en:
                return next((label for v, label in spec.choices_en() if v == value), str(value))
        return display(spec, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            spec = self.specs[section]
            return spec.label_en if self._english else spec.label_zh
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        spec = self.specs[column]
        if not spec.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (spec.name, descending) == (self.sort_field, self.descending):
            return  # setSortingEnabled() re-applies the current order: no new query
        self.sort_field = spec.name
        self.descending = descending
        self.reload(recount=False)


def spec_row(columns: Sequence[FieldSpec], row: Any, today: date, *extra: Any) -> tuple[Any, ...]:
    """A list query's row as the model holds it: its id, then each of the record
    spec's table columns (app/services/core/record_spec.py), then `extra` values a
    tab reads for its colours."""
    return (value_of(row, "id"), *(cell(c, row, today) for c in columns), *extra)
