"""Reading what a person reads in a window, and telling interface text from record data.

`interface_texts(widget)` collects every piece of text a widget tree shows or offers:
window titles, labels, buttons, tooltips, placeholders, combo items, group titles, tab
names, table headers and the cells of the first rows, menus, and the text a chart
paints (its title, legend and axes). `DataWords(path)` reads every text value stored
in the database file (enterprise names, addresses, the checklist's items…), and
`chinese_left(text)` removes those from a text before looking for Chinese: an
enterprise's name in an English window is data, 劳动合同 on a button is not.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

HAN = re.compile(r"[\u3400-\u9fff\uff08\uff09\uff1a\uff0c\u3001\u3002]+")
TAGS = re.compile(r"<[^>]+>")
# A file's path (a folder the app names 备份, a file the user named) and an example
# of what to type, in quotation marks ('e.g. "汝协三办"'), are not interface words.
PATHS = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\]+)+[/\\]?")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# A statute cited in its own words after this English lead-in (app/i18n.py, basis_tip).
BASIS_LEAD = "Legal basis (Chinese original): "
ROWS_READ = 12  # cells of the first rows of every table (status words, units)
# A language offered under its own name, as every program does.
OWN_NAMES = ("简体中文",)


class RecordingPainter(QPainter):
    """A painter that keeps every text drawn with it (a chart's axes and legend)."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args: object) -> None:  # noqa: N802 - Qt API
        self.texts.extend(a for a in args if isinstance(a, str))
        super().drawText(*args)


def chart_texts(chart: QWidget) -> list[str]:
    image = QImage(max(chart.width(), 600), max(chart.height(), 300), QImage.Format.Format_RGB32)
    painter = RecordingPainter(image)
    try:
        chart.draw(painter, QRectF(image.rect()))  # type: ignore[attr-defined]
    finally:
        painter.end()
    return painter.texts


def _menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        out += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            out += _menu_texts(action.menu())
    return out


def interface_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything `root` and its children show or offer."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            if action.menu() is not None:
                found += [("menu", t) for t in _menu_texts(action.menu())]
    for w in [root, *root.findChildren(QWidget)]:
        kind = type(w).__name__
        name = f"{kind} {w.objectName()}".strip()
        found.append((f"{name} tooltip", w.toolTip()))
        for action in w.actions():
            found.append((f"{name} action", action.text()))
        if isinstance(w, QLabel):
            found.append((name, TAGS.sub("", w.text())))
        elif isinstance(w, QAbstractButton):
            found.append((name, w.text()))
            menu = getattr(w, "menu", lambda: None)()
            if menu is not None:
                found += [(f"{name} menu", t) for t in _menu_texts(menu)]
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        elif isinstance(w, QComboBox):
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                found += [(f"{name} tab", w.tabText(i)), (f"{name} tab tip", w.tabToolTip(i))]
        elif isinstance(w, QDockWidget):
            found.append((name, w.windowTitle()))
        elif isinstance(w, QAbstractSpinBox):
            found.append((f"{name} special", w.specialValueText()))
            for part in ("prefix", "suffix"):
                if hasattr(w, part):
                    found.append((f"{name} {part}", getattr(w, part)()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root_index = w.rootIndex()
            files = isinstance(model, QFileSystemModel) or isinstance(
                getattr(model, "sourceModel", lambda: None)(), QFileSystemModel
            )
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # a list model keeps its column count private
                columns = 1
            for c in range(columns):
                header = model.headerData(c, Qt.Orientation.Horizontal)
                found.append((f"{name} header", str(header or "")))
            # A file dialog's list shows the files' own names: read only its headers.
            for r in range(0 if files else min(model.rowCount(root_index), ROWS_READ)):
                for c in range(columns):
                    index = model.index(r, c, root_index)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            found.append((f"{name} cell {r},{c}", value))
        if hasattr(w, "draw") and hasattr(w, "hits"):  # a chart of app/views/common/charts.py
            found += [(f"{name} painted", t) for t in chart_texts(w)]
    return [(where, text) for where, text in found if text]


class DataWords:
    """Every text a database file holds (and the strings inside its JSON values)."""

    def __init__(self, path: Path) -> None:
        words: set[str] = set()
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            tables = [
                r[0] for r in con.execute("select name from sqlite_master where type='table'")
            ]
            for table in tables:
                if table.startswith("enterprise_fts"):
                    continue
                for row in con.execute(f'select * from "{table}"'):  # noqa: S608 - names from sqlite_master
                    for value in row:
                        if isinstance(value, str) and HAN.search(value):
                            words.update(_strings(value))
        # Two characters at least: a one-character value (高, 男) must not excuse the
        # same character on a button.
        self.words = {w for w in words if len(w) >= 2}
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)

    def chinese_left(self, text: str) -> str:
        """The Chinese in `text` once record data is taken out ('' when none is left):
        from each position the longest stored value starting there is skipped."""
        if text in OWN_NAMES or not HAN.search(text):
            return ""
        text = text.split(BASIS_LEAD)[0]
        kept: list[str] = []
        i = 0
        while i < len(text):
            for length in self.lengths:
                if text[i : i + length] in self.words:
                    i += length
                    kept.append(" ")
                    break
            else:
                kept.append(text[i])
                i += 1
        rest = QUOTED.sub(" ", PATHS.sub(" ", "".join(kept)))
        return "".join(HAN.findall(rest))


def _strings(value: str) -> set[str]:
    out = {value}
    for line in value.splitlines():
        out.add(line.strip())
    if value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            return out
        stack = [parsed]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out |= _strings(item)
            elif isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return {s for s in out if s}


def untranslated(root: QWidget, data: DataWords) -> list[tuple[str, str]]:
    """(where, text) of every interface text in `root` that still holds Chinese."""
    return [(where, text) for where, text in interface_texts(root) if data.chinese_left(text)]
