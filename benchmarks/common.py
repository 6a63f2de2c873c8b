"""Shared set-up for benchmarks: a 100,000-enterprise database and files built once."""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
N = int(os.environ.get("HEXIE_BENCH_N", "100000"))


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, baseline: float, limit: float, unit: str = "s") -> bool:
    ratio = ours / baseline if baseline else float("inf")
    ok = ratio <= limit
    print(
        f"{name:<48} ours {ours:8.3f}{unit}  baseline {baseline:8.3f}{unit}  ratio {ratio:5.2f}×  (target ≤{limit}×) {'OK' if ok else 'OVER'}"
    )
    return ok


def register_db(n: int = N) -> Path:
    """A database with n demo enterprises, built once and reused."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"register-{n}.sqlite3"
    if path.exists():
        return path
    from app.models.db import open_database
    from app.services.core import office
    from app.services.core.progress import drain
    from app.services.demo import demo

    with scratch_db(path) as tmp, open_database(tmp, operator="bench") as db:
        office.configure(db, "410400", level="city")
        drain(demo.generate(db, enterprises=n, seed=2023))
    return path


@contextmanager
def scratch_db(path: Path, copy_of: Path | None = None) -> Iterator[Path]:
    """A database built beside `path` (name.tmp.sqlite3; what a broken run left
    there removed first) and moved into place only when the block ends without an
    error, its WAL, shared memory and lock file left behind: a benchmark never
    reuses a half-built database. With `copy_of`, the build starts from a copy of
    that database (the register)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.sqlite3")
    # The evidence files the build writes sit in `<stem>-附件` beside the database
    # (app/services/core/record_files.py): moved with it.
    evidence, tmp_evidence = (p.with_name(f"{p.stem}-附件") for p in (path, tmp))
    for old in tmp.parent.glob(tmp.name + "*"):
        old.unlink()
    shutil.rmtree(tmp_evidence, ignore_errors=True)
    if copy_of is not None:
        shutil.copyfile(copy_of, tmp)
    yield tmp
    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    if tmp_evidence.exists():
        shutil.rmtree(evidence, ignore_errors=True)
        tmp_evidence.rename(evidence)
