"""No lost updates under load: writer processes editing overlapping records through the
app's services, each edit applied or reported as a conflict (then retried).

    python3 -m benchmarks.bench_lost_updates [--writers 10] [--edits 1000] [--records 50]
                                             [--db URL]

Each edit adds one to an enterprise's employee count, loaded with its version and saved
with `loaded=` (app/services/core/edit_lock.py); a conflict reloads and tries again (up
to MAX_TRIES, then it is counted as given up). At the end every applied edit must be
accounted for, twice over: each enterprise's count is its start plus the edits applied
to it, and its audit log holds one update per applied edit whose old value is the
previous one's new value (an edit saved over a colleague's breaks that chain). The
baseline is the same loop in raw sqlite3: read the version, `UPDATE … WHERE id = ? AND
version = ?`, no services, no audit log.

Without --db it runs on a fresh SQLite file (processes sharing one file, as two windows
on one PC). With --db it runs on that database instead (a scratch PostgreSQL database
once the app opens URLs): its enterprises are made for the run and left there, named
"压测…" with the run's id.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_TRIES = 200
START = 100  # every enterprise's employee count before the run


@dataclass
class WriterResult:
    applied: Counter[str] = field(default_factory=Counter)  # enterprise id → edits applied
    conflicts: int = 0  # saves refused because a colleague saved first (then retried)
    gave_up: int = 0  # edits still conflicting after MAX_TRIES
    seconds: float = 0.0


@dataclass
class Outcome:
    writers: int
    edits: int
    records: int
    applied: int
    conflicts: int
    gave_up: int
    lost: int  # applied edits the final state or the audit log does not account for
    seconds: float
    problems: list[str]

    @property
    def per_second(self) -> float:
        return self.applied / self.seconds if self.seconds else 0.0


def connect(target: str, operator: str) -> Any:
    """The app's Database on `target` without the one-PC instance lock (the point is
    several writers at once): a SQLite file, or a URL the app's open_database accepts."""
    from app.models.db import Database, make_engine, open_database

    if "://" in target:
        return open_database(target, operator=operator)  # type: ignore[arg-type]
    path = Path(target)
    return Database(path, make_engine(path), None, operator)


def edit_once(db: Any, enterprise_id: str, result: WriterResult) -> bool:
    """One edit as a coordinator makes it: load (with its version), add one, save against
    the loaded version; a conflict is counted and the edit tried again from a fresh load.
    False when it gave up."""
    from app.services.core.edit_lock import EditConflict
    from app.services.register import enterprises

    for _ in range(MAX_TRIES):
        shown = enterprises.get(db, enterprise_id)
        assert shown is not None
        try:
            enterprises.update(
                db,
                enterprise_id,
                {"employee_count": shown["employee_count"] + 1},
                loaded=shown["version"],
            )
        except EditConflict:
            result.conflicts += 1
            continue
        result.applied[enterprise_id] += 1
        return True
    result.gave_up += 1
    return False


def _writer(target: str, number: int, ids: list[str], edits: int, ready: Any) -> WriterResult:
    from app.services.register import enterprises

    db = connect(target, f"压测员{number}")
    enterprises.get(db, ids[0])  # imports done, connection open: then all start together
    rng = random.Random(number)
    result = WriterResult()
    ready.wait()
    start = time.perf_counter()
    for _ in range(edits):
        edit_once(db, rng.choice(ids), result)
    result.seconds = time.perf_counter() - start
    db.close()
    return result


def prepare(target: str, records: int) -> tuple[str, list[str]]:
    """The run's enterprises (a fresh SQLite file's schema made first)."""
    from app.models.db import open_database
    from app.services.core import office
    from app.services.register import enterprises

    run = uuid.uuid4().hex[:6]
    if "://" not in target:
        open_database(Path(target), operator="压测").close()  # migrate, then let go
    db = connect(target, "压测")
    if not office.current(db):
        office.configure(db, "410482", level="county")
    ids = [
        enterprises.create(
            db,
            {
                "name": f"压测{run}第{n}号有限公司",
                "credit_code": _credit_code(run, n),
                "county_code": "410482",
                "employee_count": START,
            },
        )
        for n in range(records)
    ]
    db.close()
    return run, ids


def _credit_code(run: str, n: int) -> str:
    from app.services.demo.demo import make_credit_code

    # The run's id in the serial: a second run on the same server makes new codes.
    return make_credit_code("410482", int(run, 16) % 10**5 * 1000 + n)


def verify(db: Any, ids: list[str], applied: Counter[str]) -> tuple[int, list[str]]:
    """(lost updates, what was wrong): each enterprise's count against START plus the
    edits applied to it, and its audit chain (old value = the previous new value)."""
    import json

    from sqlalchemy import select

    from app.models import AuditEntry, Enterprise

    lost, problems = 0, []
    with db.session() as session:
        counts = dict(
            session.execute(
                select(Enterprise.id, Enterprise.employee_count).where(Enterprise.id.in_(ids))
            ).all()
        )
        entries = session.execute(
            select(AuditEntry.record_id, AuditEntry.changes)
            .where(AuditEntry.record_id.in_(ids), AuditEntry.action == "update")
            .order_by(AuditEntry.id)
        ).all()
    chains: dict[str, list[tuple[int, int]]] = {i: [] for i in ids}
    for record_id, changes in entries:
        old, new = json.loads(changes)["employee_count"]
        chains[record_id].append((old, new))
    for eid in ids:
        expected = START + applied[eid]
        if counts[eid] != expected:
            lost += expected - counts[eid]
            problems.append(f"{eid}: count {counts[eid]}, {applied[eid]} edits applied")
        chain = chains[eid]
        if len(chain) != applied[eid]:
            problems.append(f"{eid}: {len(chain)} audit updates for {applied[eid]} edits")
        at = START
        for old, new in chain:
            if old != at or new != old + 1:
                lost += 1
                problems.append(f"{eid}: audit {old}→{new} saved over {at}")
            at = new
    return lost, problems


def run_lost_updates(target: str, *, writers: int, edits: int, records: int) -> Outcome:
    _run, ids = prepare(target, records)
    results = _in_processes(_writer, [(target, n, ids, edits) for n in range(writers)])
    seconds = max(r.seconds for r in results)  # the writers start together (a barrier)
    applied: Counter[str] = Counter()
    for r in results:
        applied.update(r.applied)
    db = connect(target, "压测")
    lost, problems = verify(db, ids, applied)
    db.close()
    return Outcome(
        writers,
        edits,
        records,
        sum(applied.values()),
        sum(r.conflicts for r in results),
        sum(r.gave_up for r in results),
        lost,
        seconds,
        problems,
    )


# -- the baseline: the same loop in raw sqlite3 ----------------------------------------------
def _in_processes(work: Any, jobs: list[tuple[Any, ...]]) -> list[Any]:
    """Run `work(*job, barrier)` in one spawned process per job; the barrier lets every
    writer open its connection first and start editing at the same moment."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(len(jobs)) as pool:
        ready = manager.Barrier(len(jobs))
        return pool.starmap(work, [(*job, ready) for job in jobs])


def _raw_writer(
    path: str, number: int, ids: list[str], edits: int, ready: Any
) -> tuple[int, int, float]:
    con = sqlite3.connect(path, timeout=10, isolation_level=None)
    con.execute("PRAGMA busy_timeout=10000")
    rng = random.Random(number)
    applied = conflicts = 0
    ready.wait()
    start = time.perf_counter()
    for _ in range(edits):
        eid = rng.choice(ids)
        for _try in range(MAX_TRIES):
            count, version = con.execute(
                "SELECT employee_count, version FROM enterprise WHERE id = ?", (eid,)
            ).fetchone()
            done = con.execute(
                "UPDATE enterprise SET employee_count = ?, version = ? WHERE id = ? AND version = ?",
                (count + 1, version + 1, eid, version),
            ).rowcount
            if done:
                applied += 1
                break
            conflicts += 1
    seconds = time.perf_counter() - start
    con.close()
    return applied, conflicts, seconds


def run_raw(path: str, *, writers: int, edits: int, records: int) -> tuple[float, int, int]:
    _run, ids = prepare(path, records)
    results = _in_processes(_raw_writer, [(path, n, ids, edits) for n in range(writers)])
    return (
        max(s for _a, _c, s in results),
        sum(a for a, _c, _s in results),
        sum(c for _a, c, _s in results),
    )


def print_outcome(o: Outcome, where: str) -> None:
    print(f"lost updates: {o.writers} writers × {o.edits} edits on {o.records} records ({where})")
    print(
        f"  applied {o.applied}  conflicts {o.conflicts} (retried)  gave up {o.gave_up}  "
        f"lost updates {o.lost}  {o.per_second:,.0f} edits/s in {o.seconds:.1f} s"
    )
    for line in o.problems[:10]:
        print("  ", line)


def run(target: str | None = None, writers: int = 10, edits: int = 1000, records: int = 50) -> bool:
    folder = Path(tempfile.mkdtemp(prefix="hexie-lost-"))
    where = target or str(folder / "shared.sqlite3")
    outcome = run_lost_updates(where, writers=writers, edits=edits, records=records)
    print_outcome(outcome, "PostgreSQL/URL" if "://" in where else "one SQLite file")
    if "://" not in where:
        raw = str(folder / "raw.sqlite3")
        seconds, applied, conflicts = run_raw(raw, writers=writers, edits=edits, records=records)
        print(
            f"  baseline raw sqlite3 guarded UPDATE: applied {applied}  conflicts {conflicts}  "
            f"{applied / seconds:,.0f} edits/s in {seconds:.1f} s"
        )
    if target is None:
        shutil.rmtree(folder, ignore_errors=True)
    ok = outcome.lost == 0 and outcome.applied + outcome.gave_up == writers * edits
    print("  every edit applied or reported as a conflict, 0 lost" if ok else "  LOST UPDATES")
    return ok


def main(argv: list[str] | None = None) -> int:
    # The docstring's first paragraph (its first line alone stopped at "through the").
    about = " ".join(__doc__.split("\n\n")[0].split())
    parser = argparse.ArgumentParser(description=about)
    parser.add_argument(
        "--db",
        help="a database URL, e.g. a scratch PostgreSQL database (default: a fresh SQLite file)",
    )
    parser.add_argument("--writers", type=int, default=10, help="writer processes (default: 10)")
    parser.add_argument("--edits", type=int, default=1000, help="edits per writer (default: 1000)")
    parser.add_argument("--records", type=int, default=50, help="enterprises edited (default: 50)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HEXIE_DATA_DIR", tempfile.mkdtemp(prefix="hexie-bench-"))
    return 0 if run(args.db, args.writers, args.edits, args.records) else 1


if __name__ == "__main__":
    sys.exit(main())
