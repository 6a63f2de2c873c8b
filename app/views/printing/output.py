"""Making the health-check documents: PDF (Qt) or Word (python-docx), one or many.

Used by the tabs (with a progress dialog) and by `hexie print-form`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.core.progress import Progress, Work

# The builders, the renderers and Qt are imported when first used: a Word file
# needs neither Qt's painting nor the other forms' services, and a blank form's
# PDF no python-docx (together about 40 MB and a tenth of a second of a print
# run's start; docs/architecture.md, "Printing and documents").
if TYPE_CHECKING:
    from app.services.core.storage import Database
    from app.services.documents.documents import Document

FORM_KINDS = {
    "blank-check": "体检现场记录表（空白）",
    "check-report": "体检报告",
    "rectification-notice": "整改建议书",
    "offer-letter": "集体协商要约书",
    "offer-reply": "集体协商要约回复书",
    "layoff-receipt": "裁减人员方案报告回执",
    "campaign-plan": "专项行动实施方案",
}

# The same titles in the English window (print preview and save dialogs); the
# documents themselves stay Chinese.
FORM_KINDS_EN = {
    "blank-check": "Blank check form",
    "check-report": "Health check report",
    "rectification-notice": "Rectification notice",
    "offer-letter": "Negotiation offer letter",
    "offer-reply": "Reply to the offer",
    "layoff-receipt": "Layoff report receipt",
    "campaign-plan": "Campaign implementation plan",
}


def form_title(kind: str) -> str:
    """A form's name in the window's language (its file name keeps the Chinese)."""
    from app.i18n import current_language

    return (FORM_KINDS_EN if current_language() == "en" else FORM_KINDS)[kind]


# kind → the module and function that build the document for one record.
BUILDERS: dict[str, tuple[str, str]] = {
    "check-report": ("app.services.checks.check_forms", "check_report"),
    "rectification-notice": ("app.services.checks.check_forms", "rectification_notice"),
    "offer-letter": ("app.services.documents.negotiation_forms", "offer_letter"),
    "offer-reply": ("app.services.documents.negotiation_forms", "reply_form"),
    "layoff-receipt": ("app.services.documents.negotiation_forms", "layoff_receipt"),
    "campaign-plan": ("app.services.campaign.campaigns", "plan_document"),
}


def builder(kind: str) -> Callable[..., Document]:
    """The function that builds a `kind` document for one record."""
    where = BUILDERS.get(kind)
    if where is None:
        raise OutputError(f"未知的表单类型：{kind}")
    return getattr(import_module(where[0]), where[1])


class OutputError(ValueError):
    """A print request that cannot be made (an unknown form kind), said in Chinese."""


def _suffix(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise OutputError(f"输出文件应以 .pdf 或 .docx 结尾：{out.name}")
    return suffix


def build_document(db: Database, kind: str, record_id: str, **options: object) -> Document:
    return builder(kind)(db, record_id, **options)


def write_documents(
    db: Database,
    kind: str,
    record_ids: Sequence[str],
    out: str | Path,
    *,
    odd_pages: bool = False,
    **options: object,
) -> Path:
    """One file holding the form for each record, each starting on a new page (an odd
    one with `odd_pages`) and numbering its own pages. `options` go to the builder
    (the layoff receipt's `receipt_date`)."""
    out = Path(out)
    _suffix(out)
    build = builder(kind)
    documents = [build(db, rid, **options) for rid in record_ids]
    return _render(documents, out, out, odd_pages)


def documents_work(
    db: Database,
    kind: str,
    record_ids: Sequence[str],
    out: str | Path,
    *,
    odd_pages: bool = False,
    **options: object,
) -> Work[Path]:
    """write_documents for the window's worker: progress as each record's form is
    built; written beside `out` and moved into place whole, so Cancel or a failure
    leaves no file (the window never waits for many forms: README, printing)."""
    out = Path(out)
    _suffix(out)
    documents = yield from documents_built(db, kind, record_ids, **options)
    total = len(record_ids)
    yield Progress(total, total + 1, "正在写入文件…")
    tmp = out.with_name(out.name + ".part")
    try:
        _render(documents, tmp, out, odd_pages)
        tmp.replace(out)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out


def documents_built(
    db: Database, kind: str, record_ids: Sequence[str], **options: object
) -> Work[list[Document]]:
    """Each record's form built on the worker, with progress: what a file is written
    from, and what a print preview opens on (actions.preview_built)."""
    build = builder(kind)
    total = len(record_ids)
    documents = []
    for n, rid in enumerate(record_ids, start=1):
        documents.append(build(db, rid, **options))
        yield Progress(n, total + 1, f"正在准备 {n}/{total}…")
    return documents


def _render(documents: list[Document], path: Path, out: Path, odd_pages: bool) -> Path:
    """The documents into `path`, in the format `out`'s suffix names."""
    if _suffix(out) == ".docx":
        from app.services.documents.docx_render import render_docx

        return render_docx(documents[0], path, documents=documents, odd_pages=odd_pages)
    from app.views.printing import document_pdf

    return document_pdf.write_pdf(documents, path, odd_pages=odd_pages)


BLANK_FORM_PDF_ONLY = (
    "空白现场记录表只生成 PDF：扫描后机读要求二维码、定位块和勾选框位置与记录一致，"
    "Word 打开时会按本机字体重排，位置无法保证。请改存为 .pdf。"
)


def blank_forms(
    db: Database, enterprise_ids: Sequence[str], out: str | Path, *, odd_pages: bool = False
) -> Work[Path]:
    """Blank field forms for many enterprises in one PDF; Cancel removes the file
    and records nothing. Not offered as Word: see BLANK_FORM_PDF_ONLY."""
    out = Path(out)
    suffix = _suffix(out)
    if suffix != ".pdf":
        raise OutputError(BLANK_FORM_PDF_ONLY)
    from PySide6.QtGui import QPainter

    from app.services.checks import check_forms, checklists, printed_forms
    from app.services.core.office import office_name
    from app.views.printing import blank_form_pdf

    spec, office = checklists.active(db), office_name(db)  # once for the batch
    total = len(enterprise_ids)
    made = []
    form_ids = [printed_forms.new_form_id() for _ in enterprise_ids]
    batch = check_forms.blank_form_batch(db, enterprise_ids, form_ids, spec, office)
    with contextlib.closing(batch):  # Cancel ends its unit of work (it only reads)
        for n, form in enumerate(batch):
            made.append(form)
            if n % 10 == 0:
                yield Progress(n, total * 2, f"正在准备 {n + 1}/{total}…")
    tmp = out.with_name(out.name + ".part")
    writer = blank_form_pdf.new_writer(tmp)
    painter = QPainter(writer)
    layouts = []
    finished = False
    try:
        for n, (form, layout) in enumerate(
            blank_form_pdf.paint_forms(painter, writer, made, odd_pages=odd_pages), start=1
        ):
            layouts.append((form, layout))
            yield Progress(
                total + n, total * 2, f"正在生成 {n}/{total}：{form.enterprise.get('name', '')}"
            )
        painter.end()
        tmp.replace(out)
        finished = True
    finally:
        if painter.isActive():
            painter.end()
        if not finished:
            with contextlib.suppress(OSError):
                tmp.unlink()
    printed_forms.record(
        db, [(f.form_id, f.enterprise["id"], spec.id, layout) for f, layout in layouts]
    )
    return out
