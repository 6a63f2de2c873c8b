"""The lost-update benchmark (benchmarks/bench_lost_updates.py), run small: writer
processes on one SQLite file, every edit applied or reported as a conflict, 0 lost.
And its verifier is shown to count a lost update when the version check is skipped."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.models import AuditEntry, Enterprise
from app.services.register import enterprises
from benchmarks import bench_lost_updates as bench
from tests.colleagues import colleague


def test_two_writers_twenty_edits_each_lose_nothing(tmp_path: Path) -> None:
    target = str(tmp_path / "shared.sqlite3")
    outcome = bench.run_lost_updates(target, writers=2, edits=20, records=3)
    assert outcome.lost == 0, outcome.problems
    assert outcome.applied + outcome.gave_up == 40
    # The figures, counted again straight from the file.
    db = bench.connect(target, "核对")
    with db.session() as session:
        counts = session.execute(select(func.sum(Enterprise.employee_count))).scalar_one()
        updates = session.execute(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "update")
        ).scalar_one()
    db.close()
    assert counts == 3 * bench.START + outcome.applied
    assert updates == outcome.applied


def test_the_verifier_counts_an_edit_saved_over_a_colleagues(db: Any) -> None:
    """Two coordinators interleave: A loads, B saves, A saves. With the loaded version
    A's save is a conflict and nothing is lost; saved without it (what removing the
    version check amounts to), B's edit is overwritten and the verifier finds it."""
    from app.services.core import office

    office.configure(db, "410482", level="county")
    eid = enterprises.create(
        db,
        {
            "name": "汝州市压测有限公司",
            "credit_code": bench._credit_code("00000a", 1),
            "county_code": "410482",
            "employee_count": bench.START,
        },
    )
    other = colleague(db)
    mine, theirs = bench.WriterResult(), bench.WriterResult()
    shown = enterprises.get(db, eid)
    assert shown is not None
    assert bench.edit_once(other, eid, theirs)
    from app.services.core.edit_lock import EditConflict

    try:
        enterprises.update(db, eid, {"employee_count": shown["employee_count"] + 1}, loaded=1)
    except EditConflict:
        mine.conflicts += 1
    applied = Counter(theirs.applied) + Counter(mine.applied)
    assert bench.verify(db, [eid], applied)[0] == 0 and mine.conflicts == 1

    # The same interleaving with the check skipped: one applied edit is lost.
    shown = enterprises.get(db, eid)
    assert shown is not None
    assert bench.edit_once(other, eid, theirs)
    enterprises.update(db, eid, {"employee_count": shown["employee_count"] + 1})
    mine.applied[eid] += 1
    lost, problems = bench.verify(db, [eid], Counter(theirs.applied) + Counter(mine.applied))
    other.close()
    assert lost >= 1 and problems
