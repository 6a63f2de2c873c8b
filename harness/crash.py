"""Crash harness: real `hexie` processes killed with SIGKILL at random points.

    python3 -m harness.crash [--kills N] [--seed S] [--keep DIR]

For every operation (harness/scenarios.py) a template is prepared once and the
operation run to its end once, which gives the "after" state and its duration.
Then each trial copies the template, starts the command, kills it at a random
moment inside that duration and checks the file the way the next start would
meet it: SQLite's integrity and foreign-key checks, the app opening it, the
rows of every table (audit log included) equal to the before or the after
state — never in between — and no temporary file left but the documented ones
(harness/common.DOCUMENTED). A process that ends before its kill is started
again with another moment; only real kills are counted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness.common import (
    ROOT,
    State,
    child_env,
    files_under,
    leftovers,
    orphans,
    pending,
    run_cli,
    soundness_problems,
    state_of,
    unfinished_backup,
)
from harness.scenarios import Operation, default_cache, prepare

# The suite's size (tests/harness): one kill per operation over a 2,000-row import
# and 40-enterprise demos, so tests/harness stays near a minute on two shared
# cores. The command line's default is the full run: 30 kills, the 50k-row import
# and 150-enterprise demos (HEXIE_HARNESS=full runs that size in the suite too).
CI_KILLS = 6
CI_IMPORT_ROWS = 2_000
CI_ENTERPRISES = 40
FULL_KILLS = 30


@dataclass
class Tally:
    operation: str
    kills: int = 0
    intact: int = 0
    all_or_nothing: int = 0
    partial: int = 0
    corrupt: int = 0
    leftover: int = 0
    orphan_files: int = 0  # kills after which evidence files nothing refers to stayed
    before: int = 0  # kills that left the before state …
    after: int = 0  # … and the after state
    recovered: int = 0  # kills that cut a migration off, put right at the next open
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def _trial_folder(op: Operation, work: Path, name: str) -> Path:
    trial = work / name
    shutil.copytree(op.template, trial)
    (trial / "data").mkdir(exist_ok=True)
    return trial


def _next_start_problem(path: Path, data: Path) -> str:
    """The app opening the file as its next start would (migrating it if older, and
    first putting the pre-migration copy back when a `.migrating` marker says an
    upgrade was cut off)."""
    from app.services.core.storage import open_office_database

    marker = path.with_name(path.name + ".migrating")
    interrupted = marker.exists()
    try:
        db = open_office_database(path, operator="检查", create=False, backup_folder=data / "备份")
        notices = list(db.notices)
        db.close()
    except Exception as exc:  # the finding is the message itself
        return f"the app cannot open it: {type(exc).__name__}: {exc}"
    if marker.exists():
        return "the .migrating marker is still there after the next open"
    if interrupted and not any("中断" in str(n) for n in notices):
        return "an interrupted migration was recovered without telling the user"
    return ""


def calibrate(op: Operation, work: Path) -> tuple[State, State, float]:
    trial = _trial_folder(op, work, "calibration")
    before = state_of(trial / op.database)
    started = time.monotonic()
    done = run_cli(op.command(trial), trial / "data")
    duration = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"{op.name} failed without a kill ({done.returncode}):\n{done.stderr}")
    after = state_of(trial / op.database)
    if after == before:
        raise RuntimeError(f"{op.name} changed nothing: the trial would prove nothing")
    shutil.rmtree(trial)
    return before, after, duration


def kill_trial(
    op: Operation, work: Path, n: int, delay: float, before: State, after: State, tally: Tally
) -> bool:
    """One run killed after `delay` seconds; False when it ended first."""
    trial = _trial_folder(op, work, f"trial-{n}")
    present = files_under(trial)
    child = subprocess.Popen(
        op.command(trial),
        cwd=ROOT,
        env=child_env(trial / "data"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
    else:
        if child.returncode != 0:
            tally.problems.append(
                f"ended with {child.returncode} unkilled: {child.stderr.read()[-400:]!r}"
            )
        child.stderr.close()
        shutil.rmtree(trial)
        return False
    child.stderr.close()
    tally.kills += 1
    path = trial / op.database
    label = f"kill {n} at {delay:.2f}s"
    # A migration cut off leaves <db>.migrating (README.md, 备份与恢复): the file is
    # only judged after the next open has put the pre-migration copy back and
    # upgraded it again, as a user meets it.
    opened = ""
    if path.with_name(path.name + ".migrating").exists():
        opened = _next_start_problem(path, trial / "data")
        tally.recovered += not opened
    sound = soundness_problems(path)
    if sound:
        tally.corrupt += 1
        tally.problems.append(f"{label}: corrupt: {'; '.join(sound)}")
        return True  # kept for a look: not removed
    now = state_of(path)
    if now == before or now == after:
        tally.all_or_nothing += 1
        tally.before += now == before
        tally.after += now == after
    else:
        tally.partial += 1
        tally.problems.append(f"{label}: partial: {', '.join(now.differs_from(before)[:6])}")
    stray = leftovers(present, trial)
    if stray:
        tally.leftover += 1
        tally.problems.append(f"{label}: left {', '.join(map(str, stray))}")
    if now != after and orphans(present, trial):
        tally.orphan_files += 1
        tally.problems.append(f"{label}: orphans {', '.join(map(str, orphans(present, trial)))}")
    # What waits in 待提交 is settled by the next writer's open once ten minutes old
    # (app/services/core/pending_files.py): aged here, as a start on a later day meets it.
    waiting = [trial / p for p in files_under(trial) - present if pending(p)]
    for copy in waiting:
        old = time.time() - 3600
        os.utime(copy, (old, old))
    opened = opened or _next_start_problem(path, trial / "data")
    if not opened and any(c.exists() for c in waiting):
        opened = "the next open left evidence copies in 待提交"
    # A backup killed mid-copy leaves its .part, a restore its .restoring; aged as a
    # later day's start meets them, the sweep the window's start-up and every backup
    # run must remove them.
    from app.services.core import backups

    cut_off = [trial / p for p in files_under(trial) - present if unfinished_backup(p)]
    for part in cut_off:
        old = time.time() - 3600
        os.utime(part, (old, old))
        backups.clean_stale_parts(part.parent)
    if not opened and any(p.exists() for p in cut_off):
        opened = "an unfinished backup (.part) or restore (.restoring) was not swept once stale"
    if opened:
        tally.problems.append(f"{label}: {opened}")
    else:
        tally.intact += 1
    if not (opened or stray or now not in (before, after)):
        shutil.rmtree(trial)
    return True


def run(
    kills: int,
    seed: int,
    work: Path,
    cache: Path,
    *,
    import_rows: int | None = None,
    enterprises: int | None = None,
) -> list[Tally]:
    rng = random.Random(seed)
    began = time.monotonic()
    sizes = {"import_rows": import_rows, "enterprises": enterprises}
    ops = prepare(work / "templates", cache, **{k: v for k, v in sizes.items() if v})
    print(f"  templates ready in {time.monotonic() - began:.0f}s", file=sys.stderr)
    share = [kills // len(ops) + (i < kills % len(ops)) for i in range(len(ops))]
    tallies = []
    for op, wanted in zip(ops, share, strict=True):
        started = time.monotonic()
        tally = Tally(op.name)
        folder = work / op.template.name / op.name.split()[0]
        folder.mkdir(parents=True)
        before, after, duration = calibrate(op, folder)
        n = 0
        while tally.kills < wanted and n < wanted * 4:
            n += 1
            # Most of a short command is start-up; the moments spread over all of it.
            kill_trial(op, folder, n, rng.uniform(0.05, 0.98) * duration, before, after, tally)
        tally.seconds = time.monotonic() - started
        print(
            f"  {op.name}: run alone {duration:.1f}s, {tally.kills} kills in {tally.seconds:.0f}s",
            file=sys.stderr,
        )
        tallies.append(tally)
    return tallies


def table(tallies: list[Tally]) -> str:
    head = f"{'operation':36} {'kills':>6} {'intact':>7} {'all-or-nothing':>15} {'partial':>8} {'corrupt':>8} {'leftover':>9} {'orphans':>8}  (before/after)"
    lines = [head, "-" * len(head)]
    for t in tallies:
        lines.append(
            f"{t.operation:36} {t.kills:6d} {t.intact:7d} {t.all_or_nothing:15d} {t.partial:8d} "
            f"{t.corrupt:8d} {t.leftover:9d} {t.orphan_files:8d}  ({t.before}/{t.after})"
            + (f", {t.recovered} migration(s) put back at the next open" if t.recovered else "")
        )
    total = Tally("total")
    for t in tallies:
        for key in (
            "kills",
            "intact",
            "all_or_nothing",
            "partial",
            "corrupt",
            "leftover",
            "orphan_files",
            "before",
            "after",
        ):
            setattr(total, key, getattr(total, key) + getattr(t, key))
    lines.append(
        f"{'total':36} {total.kills:6d} {total.intact:7d} {total.all_or_nothing:15d} "
        f"{total.partial:8d} {total.corrupt:8d} {total.leftover:9d} {total.orphan_files:8d}  ({total.before}/{total.after})"
    )
    for t in tallies:
        for p in t.problems[:10]:
            lines.append(f"  {t.operation}: {p}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m harness.crash", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--kills", type=int, default=FULL_KILLS, help=f"kills in all (default {FULL_KILLS})"
    )
    parser.add_argument(
        "--ci", action="store_true", help="the suite's small size (rows, demos; --kills kept)"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="the random moments (default: from the clock)"
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)"
    )
    parser.add_argument(
        "--cache", type=Path, default=default_cache(), help="where the 50k-row xlsx is kept"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hexie-crash-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        small = {"import_rows": CI_IMPORT_ROWS, "enterprises": CI_ENTERPRISES} if args.ci else {}
        tallies = run(args.kills, seed, work, args.cache, **small)
        print(table(tallies))
        print(f"seed {seed}, {time.monotonic() - started:.0f} s")
        if args.json:
            args.json.write_text(
                json.dumps([asdict(t) for t in tallies], ensure_ascii=False, indent=1)
            )
    bad = any(t.partial or t.corrupt or t.leftover or t.intact != t.kills for t in tallies)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
