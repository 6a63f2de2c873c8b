"""List columns a little narrower than what they show grow to show it whole.

The record specs give each column one width, chosen for the Chinese text; an English
rendering of a short label is often a little wider ("Check of 2026-07-18" in a
120-pixel column wrapped, its second line cut off by the row). A column grows, once,
to its widest shown value when that is at most GROW_TO_CONTENT wider (a guidance
activity's kind, a date with a word); a long matter or legal basis stays at its width
and is elided ("…", the full text in its tooltip).
A column the coordinator resized (a remembered width) is left as it is."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QWidget

GROW_TO_CONTENT = 80


def fit_contents(within: QWidget) -> None:
    """Every list in `within`: cells on one line, and each column's width as built
    kept, so that the first rows shown (now or when the list is first read) can widen
    the columns nobody has resized since."""
    for table in within.findChildren(QTableView):
        table.setWordWrap(False)
        header = table.horizontalHeader()
        table.setProperty("built_widths", [header.sectionSize(c) for c in range(header.count())])
        grow_to_contents(table)


def grow_to_contents(table: QTableView) -> None:
    """The first time the table shows rows: columns still as built grow to their
    widest shown value, by at most GROW_TO_CONTENT pixels."""
    built = table.property("built_widths")
    model = table.model()
    if not built or model is None or model.rowCount() == 0:
        return
    table.setProperty("built_widths", None)
    header = table.horizontalHeader()
    for column, width in enumerate(built):
        if column >= header.count() or header.isSectionHidden(column):
            continue
        size = header.sectionSize(column)
        wanted = table.sizeHintForColumn(column)
        if size == width and size < wanted <= size + GROW_TO_CONTENT:
            header.resizeSection(column, wanted)
