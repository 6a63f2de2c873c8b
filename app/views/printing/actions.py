"""The print menu's three ways out: print preview (then the printer), PDF, Word."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.documents import Document
from app.services.forms import BlankForm
from app.views.printing import blank_form_pdf, document_pdf


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("和谐台账")
    return printer


def paint_documents_on(printer: QPrinter, documents: Sequence[Document]) -> None:
    document_pdf.setup_device(printer, documents[0].landscape if documents else False)
    document_pdf.paint(documents, printer)


def paint_blank_forms_on(printer: QPrinter, forms: Sequence[BlankForm]) -> None:
    printer.setFullPage(True)  # the form's coordinates are paper coordinates
    blank_form_pdf.setup_device(printer)
    painter = QPainter(printer)
    try:
        for _ in blank_form_pdf.paint_forms(painter, printer, forms):
            pass
    finally:
        painter.end()


def preview(parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> QPrintPreviewDialog:
    """Print preview, from which the user prints on any installed printer."""
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
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
