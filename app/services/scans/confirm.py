"""A reviewed form becomes a health check, made through the same service
functions the check dialog uses (app.services.checks.health_checks), so every rule of
a typed check applies: validation, rectification items for 不合规 results with
their deadlines, finalising. One unit of work: the check, its rectification
items and the stored pages are all written, or none."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.models.db import Database
from app.services.checks import checklists, health_checks
from app.services.checks.check_input import applicable_codes, context_for
from app.services.checks.health_checks import CheckInput, ResultEntry, TeamMember
from app.services.core import backups
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.register import enterprises
from app.services.scans import batch, evidence
from app.services.scans.batch import FormReading


@dataclass
class ReviewedForm:
    """What the coordinator confirmed: a reading (or correction) per item, and the
    handwritten values typed from the cut-outs."""

    form: FormReading
    check_date: date | None
    results: dict[str, str]  # item code → compliant / noncompliant / na / unchecked
    touched: set[str] = field(default_factory=set)  # items a person set
    team: list[TeamMember] = field(default_factory=list)
    snapshot: dict[str, int | str | None] = field(default_factory=dict)
    conclusion: str = ""
    advice: str = ""
    finalise: bool = False


@dataclass(frozen=True)
class SavedCheck:
    check_id: str
    enterprise_name: str
    rectifications: int
    pages: int
    status: str
    evidence: int  # rectification items given their page as evidence


def readings(form: FormReading) -> dict[str, str]:
    """Only what was read clearly: the items a machine may fill in on its own."""
    return {item.code: item.reading for item in form.items() if not item.unclear}


def check_input(db: Database, reviewed: ReviewedForm) -> CheckInput:
    """The check as the dialog would collect it. A row left blank on paper whose
    condition is not met (no dispatched workers, not a builder) becomes 不适用, as
    in a new check typed by hand, unless a person chose otherwise."""
    info = reviewed.form.info
    spec = checklists.by_id(db, info.checklist_id)
    data = CheckInput(
        info.enterprise_id,
        reviewed.check_date,
        list(reviewed.team),
        conclusion=reviewed.conclusion.strip(),
        advice=reviewed.advice.strip(),
        checklist_id=spec.id,
    )
    for name, value in reviewed.snapshot.items():
        setattr(data, name, value)
    applicable = applicable_codes(
        spec, context_for(enterprises.get(db, info.enterprise_id) or {}, data)
    )
    # An unclear row stays 未查 for a person; only rows read as blank follow the conditions.
    unclear = {item.code for item in reviewed.form.items() if item.unclear}
    entries = []
    for item in spec.live_items():
        result = reviewed.results.get(item.code, "unchecked") or "unchecked"
        if (
            result == "unchecked"
            and item.code not in reviewed.touched | unclear
            and item.code not in applicable
        ):
            result = "na"
        entries.append(ResultEntry(item.code, result))
    data.results = entries
    return data


def save(db: Database, reviewed: ReviewedForm) -> SavedCheck:
    """Create the check (finalised when asked) with its pages as evidence.
    Raises ValidationError, with nothing written, when the check would not save
    if typed (a date in the future, an unchecked item when finalising…) or the
    form has meanwhile been imported."""
    info = reviewed.form.info
    data = check_input(db, reviewed)
    with db.session():
        current = batch.form_info(db, info.form_id)
        if current is None or current.imported_check:
            raise ValidationError({"form": f"表单 {info.form_id} 已导入为体检记录，没有重复导入。"})
        check_id = health_checks.create(db, data, final=reviewed.finalise)
        attached = evidence.keep(db, check_id, reviewed.form)
        detail = health_checks.get(db, check_id)
    return SavedCheck(
        check_id,
        info.enterprise_name,
        len(detail.rectifications),
        len(reviewed.form.pages),
        detail.status,
        attached,
    )


@dataclass(frozen=True)
class ConfirmedForm:
    """One form of `hexie import-scans --confirm`: saved as a draft check, or why not."""

    form: FormReading
    written: int  # items written from a clear reading
    left_unchecked: list[str]  # unclear items, left 未查 for a person
    saved: SavedCheck | None
    error: str = ""


def save_clear_readings(
    db: Database, forms: list[FormReading], check_date: date
) -> Work[list[ConfirmedForm]]:
    """Every form as a draft check of what was read clearly (unclear items stay
    未查), after one backup of the database. Each form is its own unit of work: a
    form that would not save (already imported, a date in the future…) is
    reported and the others are still saved."""
    if forms:
        yield from backups.before_import_work(db)
    confirmed = []
    for n, form in enumerate(forms):
        yield Progress(n, len(forms), N_("正在保存 {name}…", name=form.info.enterprise_name))
        read = readings(form)
        unclear = [i.code for i in form.items() if i.unclear]
        try:
            saved = save(db, ReviewedForm(form, check_date, read))
        except ValueError as exc:
            confirmed.append(ConfirmedForm(form, len(read), unclear, None, str(exc)))
        else:
            confirmed.append(ConfirmedForm(form, len(read), unclear, saved))
    return confirmed
