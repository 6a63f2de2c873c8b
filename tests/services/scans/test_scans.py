"""Reading filled-in field forms back from scans the tests make themselves."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest
from sqlalchemy import func, select

from app.models import Attachment, CheckResult, HealthCheck, RectificationItem, ScannedPage
from app.models.db import open_database
from app.services.checks import health_checks
from app.services.core.fields import ValidationError
from app.services.core.progress import drain
from app.services.scans import batch, boxes, confirm, evidence
from app.services.scans.boxes import BoxMark
from tests import scan_builders as sb


@pytest.fixture
def scanned_db(printed, tmp_path):
    folder, forms, scans = printed
    shutil.copy(folder / "county.sqlite3", tmp_path / "county.sqlite3")
    db = open_database(tmp_path / "county.sqlite3", operator="测试员")
    yield db, forms, scans
    db.close()


def write(images: list[np.ndarray], folder: Path, suffix: str) -> list[Path]:
    return [sb.save(img, folder / f"scan{n}{suffix}") for n, img in enumerate(images)]


def test_layout_records_where_the_handwritten_fields_are(printed):
    _folder, forms, _scans = printed
    layout = forms[0][1]
    first = {f["field"] for f in layout["pages"][0]["fields"]}
    assert {"check_date", "team:劳动关系协调员", "staff_count", "wages_owed_people"} <= first
    assert "conclusion" in {f["field"] for f in layout["pages"][-1].get("fields", [])}


def test_pages_of_two_enterprises_in_any_order_read_right_or_flagged(scanned_db, tmp_path):
    db, forms, scans = scanned_db
    shuffled = scans[:]
    random.Random(3).shuffle(shuffled)
    # One PDF of several pages, a multi-page TIFF, and single JPEG / PNG files.
    pdf = sb.images_to_pdf([s[0] for s in shuffled[:2]], tmp_path / "batch.pdf")
    _ok, tiff = cv2.imencodemulti(".tif", [s[0] for s in shuffled[2:4]])
    (tmp_path / "two.tif").write_bytes(tiff.tobytes())
    singles = write([s[0] for s in shuffled[4:]], tmp_path, ".jpg")
    singles[-1] = sb.save(shuffled[-1][0], tmp_path / "last.png")
    result = drain(batch.read_scans(db, [pdf, tmp_path / "two.tif", *singles]))

    assert result.set_aside == [] and result.pages_read == len(scans)
    assert {f.info.form_id for f in result.forms} == {f for f, _ in forms}
    total = sb.Score()
    truths = {(form_id, page): truth for _img, form_id, page, truth in scans}
    for form in result.forms:
        assert form.missing_pages() == []
        for number, page in form.pages.items():
            total.add(sb.score(page.items, truths[(form.info.form_id, number)]))
    assert total.wrong == 0, total.wrong_items  # never wrong without a flag
    assert total.accuracy >= 0.995
    ambiguous = [c for (f, p), t in truths.items() for c, v in t.items.items() if v == "unclear"]
    assert ambiguous  # the scans do contain rows drawn ambiguous on purpose


@pytest.mark.parametrize(
    "dpi, extra",
    [(150, {"blur": 1.0}), (300, {}), (200, {"perspective": 0.03}), (200, {"upside_down": True})],
)
def test_resolutions_photos_and_pages_upside_down(printed, dpi, extra):
    folder, forms, _scans = printed
    with open_database(folder / "county.sqlite3", operator="测试员") as db:
        page = sb.filled_scans(folder / "blank.pdf", forms[:1], seed=dpi, dpi=dpi, **extra)[0]
        img, form_id, number, truth = page
        from app.services.scans.pages import SourcePage
        from app.services.scans.reading import PageReading, read_page

        reading = read_page(SourcePage(Path("p.jpg"), 0, img), lambda f: batch.form_info(db, f))
        assert isinstance(reading, PageReading), reading
        assert (reading.form_id, reading.page) == (form_id, number)
        score = sb.score(reading.items, truth)
        assert score.wrong == 0, score.wrong_items
        assert score.flagged <= 3


def test_pages_that_cannot_be_used_are_set_aside_with_the_reason(scanned_db, tmp_path):
    import segno

    db, _forms, scans = scanned_db
    blank = np.full((2300, 1650), 255, np.uint8)
    foreign = blank.copy()
    segno.make("https://example.invalid/").save(str(tmp_path / "q.png"), scale=12)
    code = cv2.imread(str(tmp_path / "q.png"), cv2.IMREAD_GRAYSCALE)
    foreign[100 : 100 + code.shape[0], 100 : 100 + code.shape[1]] = code
    stranger = blank.copy()
    qr = "HEXIE1;T=blank-check;F=FZZZZZZZZZ;E=914104821000000X;V=1;P=1/3"
    segno.make(qr, error="m").save(str(tmp_path / "s.png"), scale=8)
    code = cv2.imread(str(tmp_path / "s.png"), cv2.IMREAD_GRAYSCALE)
    stranger[100 : 100 + code.shape[0], 100 : 100 + code.shape[1]] = code
    cropped = scans[0][0][: scans[0][0].shape[0] // 2]  # the bottom marks cut off
    files = write([blank, foreign, stranger, cropped, scans[1][0], scans[1][0]], tmp_path, ".png")
    (tmp_path / "broken.jpg").write_bytes(b"not an image")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = drain(batch.read_scans(db, [*files, tmp_path / "broken.jpg", tmp_path / "notes.docx"]))
    reasons = [s.code for s in result.set_aside]
    assert reasons == [
        "no_qr", "foreign_qr", "unknown_form", "no_marks", "duplicate_page", "unreadable_file",
        "unsupported_file",
    ]  # fmt: skip
    assert all(s.text() and s.text(english=True) for s in result.set_aside)
    assert "FZZZZZZZZZ" in result.set_aside[2].text()
    assert len(result.forms) == 1 and result.forms[0].pages.keys() == {scans[1][2]}


def mark(state: str) -> BoxMark:
    return BoxMark(state, 0.2, 0.0, 0.0, 0.0, 0.8, 1.0 if state in ("empty", "ticked") else 0.0)


@pytest.mark.parametrize(
    "states, reading, suggestion, reason",
    [
        (("ticked", "empty", "empty"), "compliant", "compliant", ""),
        (("empty", "empty", "empty"), "unchecked", "unchecked", ""),
        (("ticked", "ticked", "empty"), "", "", "several"),
        (("filled", "ticked", "empty"), "", "noncompliant", "crossed_out"),
        (("empty", "faint", "empty"), "", "", "faint"),
        (("smudge", "empty", "ticked"), "", "na", "smudge"),
        (("empty", "outside", "empty"), "", "", "outside"),
    ],
)
def test_a_row_is_clear_only_with_one_tick_or_none(states, reading, suggestion, reason):
    row = boxes.judge(
        dict(zip(("compliant", "noncompliant", "na"), map(mark, states), strict=True))
    )
    assert (row.reading, row.suggestion, row.reason) == (reading, suggestion, reason)
    assert (row.confidence >= boxes.HIGH) == (reading != "")


def _read(db, scans, tmp_path):
    files = write([s[0] for s in scans], tmp_path, ".jpg")
    return drain(batch.read_scans(db, files))


def test_confirmed_form_becomes_a_check_as_if_typed_with_pages_as_evidence(scanned_db, tmp_path):
    db, forms, scans = scanned_db
    result = _read(db, scans, tmp_path)
    form = next(f for f in result.forms if f.info.form_id == forms[0][0])
    answers = confirm.readings(form)
    for item in form.items():
        if item.unclear or answers.get(item.code) == "unchecked":
            answers[item.code] = "compliant"
    # Items for builders, dispatched or migrant workers do not apply to this
    # manufacturer (no such workers recorded): ticked on paper or not, the
    # coordinator marks them 不适用, as the check dialog requires.
    spec = __import__("app.services.checks.checklists", fromlist=["by_id"]).by_id(
        db, form.info.checklist_id
    )
    applicable = {i.code for i in spec.live_items() if i.condition is None} | {
        code for code in answers if not code.startswith(("G", "M"))
    }
    ticked_inapplicable = {c for c in answers if c not in applicable}
    reviewed = confirm.ReviewedForm(
        form, date(2023, 7, 20), dict(answers), set(answers),
        [health_checks.TeamMember("张三", "劳动关系协调员")], {"staff_count": 120},
        conclusion="发现劳动用工不合规事项，已提出整改建议。", finalise=True,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:  # as typed: refused, nothing written
        confirm.save(db, reviewed)
    assert "不适用" in str(refused.value)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HealthCheck)) == 0
    for code in ticked_inapplicable:
        reviewed.results[code] = "na"
    saved = confirm.save(db, reviewed)

    typed = confirm.check_input(db, reviewed)
    detail = health_checks.get(db, saved.check_id)
    assert detail.status == "final" and detail.input.check_date == date(2023, 7, 20)
    assert {r.item_code: r.result for r in detail.results} == {
        r.item_code: r.result for r in typed.results
    }
    with db.session() as s:
        bad = s.scalar(
            select(func.count()).where(
                CheckResult.check_id == saved.check_id, CheckResult.result == "noncompliant"
            )
        )
        items = s.scalars(
            select(RectificationItem).where(RectificationItem.check_id == saved.check_id)
        ).all()
        pages = s.scalar(select(func.count()).where(ScannedPage.check_id == saved.check_id))
        evidence_files = s.scalar(
            select(func.count()).where(Attachment.item_id.in_([i.id for i in items]))
        )
    assert bad == len(items) == saved.rectifications > 0
    assert pages == len(forms[0][1]["pages"]) == saved.pages
    assert evidence_files == len(items)  # each finding's page attached to its item
    for item in items:  # deadlines by the same rule as a typed check
        calendar = __import__("app.services.core.workdays", fromlist=["load"]).load(db)
        assert item.deadline == calendar.due_date(item.found_on, item.rectify_days, item.day_kind)
    stored = evidence.pages_of(db, saved.check_id)
    printed_pages = list(range(1, len(forms[0][1]["pages"]) + 1))
    assert [p.page for p in stored] == printed_pages and all(p.state == "ok" for p in stored)

    again = _read(db, scans, tmp_path)  # the same scans a second time
    assert forms[0][0] not in {f.info.form_id for f in again.forms}
    assert "already_imported" in {s.code for s in again.set_aside}


def test_blank_rows_of_items_that_do_not_apply_become_not_applicable(scanned_db, tmp_path):
    db, forms, scans = scanned_db
    form = next(f for f in _read(db, scans, tmp_path).forms if f.info.form_id == forms[0][0])
    reviewed = confirm.ReviewedForm(form, date(2023, 7, 20), {}, snapshot={"dispatched_workers": 0})
    results = {r.item_code: r.result for r in confirm.check_input(db, reviewed).results}
    assert results["M03"] == "na"  # construction item, manufacturer
    assert results["A01"] == "unchecked"


def test_finalising_with_items_unread_writes_nothing(scanned_db, tmp_path):
    db, forms, scans = scanned_db
    form = next(f for f in _read(db, scans, tmp_path).forms if f.info.form_id == forms[0][0])
    reviewed = confirm.ReviewedForm(form, date(2023, 7, 20), {}, finalise=True)
    with pytest.raises(ValidationError):
        confirm.save(db, reviewed)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HealthCheck)) == 0
        assert s.scalar(select(func.count()).select_from(ScannedPage)) == 0


def test_cancelled_reading_stops_and_writes_nothing(scanned_db, tmp_path):
    db, _forms, scans = scanned_db
    files = write([s[0] for s in scans[:3]], tmp_path, ".jpg")
    work = batch.read_scans(db, files)
    steps = [next(work), next(work)]
    work.close()
    assert steps[-1].done == 1 and steps[-1].total == 3
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HealthCheck)) == 0
