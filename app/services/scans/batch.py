"""Reading a pile of scans: files of many pages, several enterprises mixed, in any
order. Pages are sorted into forms by their QR codes; pages that cannot be used
are set aside with the reason. Nothing is written to the database here."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import false, select

from app.models import Checklist, Enterprise, HealthCheck, PrintedForm, ScannedPage
from app.models.db import Database
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.scans.pages import PageSourceError, count_pages, read_pages
from app.services.scans.reading import FormInfo, ItemReading, PageReading, SetAside, read_page


@dataclass
class FormReading:
    info: FormInfo
    pages: dict[int, PageReading] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.info.layout.get("pages", []))

    def missing_pages(self) -> list[int]:
        return [n for n in range(1, self.page_count + 1) if n not in self.pages]

    def items(self) -> list[ItemReading]:
        """Every item of the form in printed order; those on pages not scanned are unclear."""
        out: list[ItemReading] = []
        for n, page_layout in enumerate(self.info.layout.get("pages", []), start=1):
            if n in self.pages:
                out.extend(self.pages[n].items)
                continue
            seen: list[str] = []
            for box in page_layout.get("boxes", []):
                if box["item"] not in seen:
                    seen.append(box["item"])
            out.extend(ItemReading(code, n, "", "", "page_missing", 0.0, []) for code in seen)
        return out

    def unclear_first(self) -> list[ItemReading]:
        """The review order: unclear items first, each group in printed order."""
        items = self.items()
        return [i for i in items if i.unclear] + [i for i in items if not i.unclear]


@dataclass
class ScanBatch:
    forms: list[FormReading]
    set_aside: list[SetAside]
    pages_read: int
    seconds: float


def form_info(db: Database, form_id: str) -> FormInfo | None:
    """The printing record of `form_id`, with the check already made from it if any."""
    with db.session() as session:
        form = session.get(PrintedForm, form_id)
        if form is None:
            return None
        ent = session.get(Enterprise, form.enterprise_id)
        checklist = session.get(Checklist, form.checklist_id)
        imported = session.execute(
            select(ScannedPage.check_id)
            .join(HealthCheck, HealthCheck.id == ScannedPage.check_id)
            .where(ScannedPage.form_id == form_id, HealthCheck.deleted == false())
            .limit(1)
        ).scalar()
        return FormInfo(
            form.id,
            form.kind,
            form.enterprise_id,
            ent.name if ent else "",
            ent.credit_code if ent else "",
            bool(ent and not ent.deleted),
            form.checklist_id,
            checklist.edition if checklist else 0,
            json.loads(form.layout_json or "{}"),
            imported,
        )


def read_scans(db: Database, paths: Sequence[str | Path]) -> Work[ScanBatch]:
    """Read every page of `paths`; yields progress per page. Cancel (closing the
    generator) leaves nothing behind: this only reads."""
    started = time.perf_counter()
    files = [Path(p) for p in paths]
    total = sum(max(1, count_pages(p)) for p in files)
    cache: dict[str, FormInfo | None] = {}

    def lookup(form_id: str) -> FormInfo | None:
        if form_id not in cache:
            cache[form_id] = form_info(db, form_id)
        return cache[form_id]

    forms: dict[str, FormReading] = {}
    set_aside: list[SetAside] = []
    done = 0
    yield Progress(0, total, N_("正在读取 {name}…", name=files[0].name) if files else "")
    for path in files:
        try:
            for source in read_pages(path):
                result = read_page(source, lookup)
                done += 1
                yield Progress(
                    done,
                    total,
                    N_(
                        "已读 {done}/{total} 页：{label}",
                        done=done,
                        total=total,
                        label=source.label,
                    ),
                )
                if isinstance(result, SetAside):
                    set_aside.append(result)
                    continue
                info = lookup(result.form_id)
                assert info is not None
                if info.imported_check:
                    set_aside.append(
                        SetAside(result.source, "already_imported", info.form_id, info.form_id)
                    )
                    continue
                form = forms.setdefault(info.form_id, FormReading(info))
                if result.page in form.pages:
                    set_aside.append(
                        SetAside(
                            result.source, "duplicate_page", info.form_id, info.form_id, result.page
                        )
                    )
                    continue
                form.pages[result.page] = result
        except PageSourceError as exc:
            set_aside.append(SetAside(path.name, exc.code, exc.detail))
            done += 1
            yield Progress(done, total, path.name)
    ordered = sorted(forms.values(), key=lambda f: (f.info.enterprise_name, f.info.form_id))
    return ScanBatch(ordered, set_aside, done, time.perf_counter() - started)
