"""The demo's cost grows linearly with the number of enterprises (issue 17: a
million in a few minutes). Not a timed test: the work is counted — SQLite's
virtual-machine steps (a full read or sort of the register shows there), SQL
statements, and calls of the program's own Python functions — at two sizes four
times apart, with fresh files of the same shape."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from sqlalchemy import event

from app.models.db import open_database
from app.services.core import office
from app.services.core.progress import drain
from app.services.demo import demo

APP = str(Path(demo.__file__).resolve().parents[2])
STEPS_PER_TICK = 1000


def demo_work(tmp_path: Path, enterprises: int) -> dict[str, int]:
    counts = {"vm_ticks": 0, "statements": 0, "python_calls": 0}
    path = tmp_path / f"demo-{enterprises}.sqlite3"
    with open_database(path, operator="测试员") as db:
        office.configure(db, "410400", level="city")
        db.engine.dispose()  # new connections, each with the counters below

        def tick() -> int:
            counts["vm_ticks"] += 1
            return 0  # go on

        def connected(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.set_progress_handler(tick, STEPS_PER_TICK)

        def executed(*_args: Any) -> None:
            counts["statements"] += 1

        event.listen(db.engine, "connect", connected)
        event.listen(db.engine, "before_cursor_execute", executed)

        def profile(frame: FrameType, what: str, _arg: Any) -> None:
            if what == "call" and frame.f_code.co_filename.startswith(APP):
                counts["python_calls"] += 1

        sys.setprofile(profile)
        try:
            drain(demo.generate(db, enterprises=enterprises, seed=3, today=date(2024, 9, 20)))
        finally:
            sys.setprofile(None)
    return counts


def test_demo_cost_grows_linearly(tmp_path):
    small = demo_work(tmp_path, 100)
    large = demo_work(tmp_path, 400)
    for measure in small:
        # Four times the enterprises: at most four times the work (a little slack for
        # the fixed part's sampling); a quadratic step would be sixteen times.
        assert large[measure] <= 4.4 * small[measure], (measure, small, large)


def test_demo_enterprises_are_made_a_chunk_at_a_time():
    """A million enterprises never sit in memory at once: generating 20,000 in
    chunks of 1,000 peaks near one chunk's size (the whole list is ~20 MB), and
    the names stay unique across chunks."""
    import tracemalloc

    def chunks() -> Any:
        return demo.enterprise_chunks(20_000, 7, ["410482"], date(2024, 9, 20), 1000)

    tracemalloc.start()
    try:
        sizes = [len(chunk) for chunk in chunks()]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sizes == [1000] * 20
    assert peak < 4_000_000, peak
    names = [row["name"] for chunk in chunks() for row in chunk]
    assert len(set(names)) == 20_000


def test_names_never_run_out_where_one_combination_is_busiest(monkeypatch):
    """A county's 65,000 enterprises: on average the two-character cores were sparse,
    but 建筑工程有限公司 (the likeliest word and form) needed more than its 2,601 and
    the demo drew cores for ever. Refusals are counted here instead of hanging."""
    from app.services.demo import demo_names

    refused = [0]
    take = demo_names.NameSpace.take

    def counted(self: Any, *args: Any) -> bool:
        if take(self, *args):
            return True
        refused[0] += 1
        assert refused[0] < 65_000, "the demo keeps drawing names that are taken"
        return False

    monkeypatch.setattr(demo_names.NameSpace, "take", counted)
    names = [
        row["name"]
        for chunk in demo.enterprise_chunks(65_000, 7, ["410482"], date(2024, 9, 20))
        for row in chunk
    ]
    assert len(set(names)) == 65_000
