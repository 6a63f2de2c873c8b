"""A row of widgets that wraps onto a second line when the window is narrow.

The tabs' filter and button rows hold ten or more widgets; in one QHBoxLayout their
widths add up to the window's minimum width (1,100 px and more in English), too wide
for a 1280-pixel screen at 150 % (853 logical pixels). In a flow row they keep their
natural widths and wrap instead (Qt's "Flow Layout" example, in Python)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout ----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = sum(self._width(i) + self._spacing for i in self._shown())
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """As wide as the widest single widget: the rest wraps."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(QSize(self._width(item), item.minimumSize().height()))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing --------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    @staticmethod
    def _width(item: QLayoutItem) -> int:
        return max(item.sizeHint().width(), item.minimumSize().width())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the widgets out in lines; on each line, the room left over goes to the
        widgets that expand (a search box), as in a plain row."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        x = area.x()
        for item in self._shown():
            width = min(self._width(item), area.width())
            if lines[-1] and x + width > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, width))
            x += width + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            used = sum(w for _i, w in line) + self._spacing * (len(line) - 1)
            growing = [i for i, _w in line if _expands(i)]
            extra = max(area.width() - used, 0) // len(growing) if growing else 0
            height = max(i.sizeHint().height() for i, _w in line)
            x = area.x()
            for item, width in line:
                width += extra if _expands(item) else 0
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing
            y += height + self._spacing
        return max(y - self._spacing, area.y()) - rect.y() + margins.bottom()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    policy = widget.sizePolicy().horizontalPolicy()
    return bool(policy.value & QSizePolicy.PolicyFlag.ExpandFlag.value)


def flowing(row: QLayout, within: QWidget) -> FlowLayout:
    """A flow row holding `row`'s widgets (its stretches and spacing dropped); `row`
    stays where it was, empty (an empty layout takes no room)."""
    flow = FlowLayout()
    while row.count():
        item = row.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding:
                # A search box keeps a useful width when it no longer stretches.
                widget.setMinimumWidth(max(widget.minimumWidth(), 220))
            flow.addWidget(widget)
        elif item is not None and item.layout() is not None:
            inner = item.layout()
            inner.setParent(None)  # type: ignore[call-overload]
            holder = QWidget(within)
            holder.setLayout(inner)
            flow.addWidget(holder)
    return flow
