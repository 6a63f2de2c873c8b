"""The print menu's three ways out: print preview (then the printer), PDF, Word."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from app.services.checks.check_forms import BlankForm
from app.services.documents.documents import Document
from app.settings import AppSettings
from app.views.common.widgets import named
from app.views.printing import blank_form_pdf, document_pdf


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("和谐台账")
    return printer


def odd_pages() -> bool:
    """Whether each form of a multi-form print starts on an odd page (duplex printers)."""
    return AppSettings.load().duplex_odd_pages


def add_duplex_option(menu: QMenu) -> QAction:
    """A check box in a print menu: every form starts on an odd page, so a duplex
    printer never prints the start of one form on the back of another; remembered."""
    action = named(
        QAction(QCoreApplication.translate("PrintActions", "双面打印：每份从奇数页开始"), menu),
        "duplex_odd_pages",
    )
    action.setCheckable(True)
    action.setChecked(odd_pages())

    def remember(on: bool) -> None:
        settings = AppSettings.load()
        settings.duplex_odd_pages = on
        settings.save()

    action.toggled.connect(remember)
    menu.addSeparator()
    menu.addAction(action)
    return action


def paint_documents_on(printer: QPrinter, documents: Sequence[Document]) -> None:
    document_pdf.setup_device(printer, documents[0].landscape if documents else False)
    document_pdf.paint(documents, printer, odd_pages=odd_pages())


def paint_blank_forms_on(printer: QPrinter, forms: Sequence[BlankForm]) -> None:
    printer.setFullPage(True)  # the form's coordinates are paper coordinates
    blank_form_pdf.setup_device(printer)
    painter = QPainter(printer)
    try:
        for _ in blank_form_pdf.paint_forms(painter, printer, forms, odd_pages=odd_pages()):
            pass
    finally:
        painter.end()


def preview_built(parent: QWidget, tasks: Any, title: str, build: Callable[[], Any]) -> None:
    """The documents `build` makes (a Work) built on the task runner — progress and
    Cancel for a selection of hundreds — then the preview opened on them."""
    tasks.start(
        parent,
        title,
        build,
        lambda documents: preview(
            parent, title, lambda printer: paint_documents_on(printer, documents)
        ),
    )


def preview(parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> QPrintPreviewDialog:
    """Print preview, from which the user prints on any installed printer."""
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog does not own its printer: kept on the dialog, or Python frees it
    # while the preview is open and the next repaint crashes the program.
    dialog.printer_kept = printer  # type: ignore[attr-defined]
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 1000)
    dialog.open()
    return dialog


def ask_path(parent: QWidget, title: str, suggested: str, suffix: str) -> Path | None:
    filters = {".pdf": "PDF (*.pdf)", ".docx": "Word (*.docx)", ".xlsx": "Excel (*.xlsx)"}
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested + suffix, filters[suffix])
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == suffix else out.with_suffix(suffix)
