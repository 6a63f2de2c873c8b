"""The scanned pages kept with the check made from them: each page image copied
beside the database, or on an office server kept in it (app.services.core.record_files,
identified by SHA-256; app.services.core.shared_files) and
listed in `scanned_page`; each rectification item the check produced gets the
page its finding is on as evidence (佐证材料), which travels in sync bundles."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.models import ScannedPage
from app.models.db import Database
from app.services.checks import health_checks
from app.services.core import record_files
from app.services.ledger import attachments
from app.services.scans.batch import FormReading


@dataclass(frozen=True)
class StoredPage:
    form_id: str
    page: int
    file_name: str
    path: Path
    source_name: str
    source_page: int
    imported_at: datetime
    state: str  # ok / missing / altered


def page_file_name(form_id: str, page: int) -> str:
    return f"扫描件-{form_id}-第{page}页.jpg"


def keep(db: Database, check_id: str, form: FormReading) -> int:
    """Store the form's scanned pages with the check and attach the page of each
    finding to its rectification item. Joins the caller's unit of work; returns
    the number of evidence files attached to rectification items."""
    attached = 0
    with tempfile.TemporaryDirectory(prefix="hexie-scan-") as tmp, db.session() as session:
        files: dict[int, Path] = {}
        for number, page in sorted(form.pages.items()):
            path = Path(tmp) / page_file_name(form.info.form_id, number)
            path.write_bytes(page.evidence_jpeg)
            files[number] = path
            stored = record_files.store(db, check_id, path)
            session.add(
                ScannedPage(
                    form_id=form.info.form_id,
                    page=number,
                    check_id=check_id,
                    source_name=page.file.name,
                    source_page=page.index + 1,
                    file_name=stored.file_name,
                    stored_name=stored.stored_name,
                    sha256=stored.sha256,
                    size=stored.size,
                    imported_by=db.operator,
                )
            )
        page_of = {item.code: item.page for item in form.items()}
        for rectification in health_checks.get(db, check_id).rectifications:
            path = files.get(page_of.get(rectification.item_code, 0))
            if path is None:
                continue
            attachments.add(
                db,
                rectification.id,
                path,
                note=f"现场记录表扫描件：表单 {form.info.form_id} 第 {page_of[rectification.item_code]} 页",
            )
            attached += 1
        session.flush()
    return attached


def pages_of(db: Database, check_id: str, *, verify: bool = True) -> list[StoredPage]:
    """The scanned pages a check was made from, in page order."""
    with db.session() as session:
        rows = session.execute(
            select(ScannedPage)
            .where(ScannedPage.check_id == check_id)
            .order_by(ScannedPage.form_id, ScannedPage.page)
        ).scalars()
        out = []
        for r in rows:
            # A file beside a SQLite office; on a server, this PC's copy of the
            # page the database holds (record_files.local_path).
            described = {"stored_name": r.stored_name, "sha256": r.sha256, "file_name": r.file_name}
            state = record_files.state_of(db, described, verify=verify)
            out.append(
                StoredPage(
                    r.form_id,
                    r.page,
                    r.file_name,
                    record_files.local_path(db, described, ""),
                    r.source_name,
                    r.source_page,
                    r.imported_at,
                    state,
                )
            )
        return out
