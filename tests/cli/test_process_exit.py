"""The `hexie` process freezes its objects out of the garbage collector when the
command is done (app.launch.run, issue 17); `main`, which tests call, does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _child(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_the_entry_point_freezes_what_is_alive_when_the_command_ends() -> None:
    """`python -m app.cli` (as `python -m app`, the console script and the frozen app)
    ends through run(): everything alive is frozen, so the collections at exit skip it."""
    out = _child(
        "import gc, runpy, sys\n"
        "sys.argv = ['hexie', '--version']\n"
        "try:\n"
        "    runpy.run_module('app.cli', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "print(gc.get_freeze_count())\n"
    )
    assert int(out.splitlines()[-1]) > 10_000


def test_main_leaves_the_collector_alone() -> None:
    out = _child(
        "import gc\n"
        "from app.cli import main\n"
        "from app.launch import main as launch\n"
        "for entry in (main, launch):\n"
        "    try:\n"
        "        entry(['--version'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(gc.get_freeze_count())\n"
    )
    assert out.splitlines()[-1] == "0"


def test_every_entry_point_ends_through_run() -> None:
    for path in ("app/__main__.py", "installer/hexie_entry.py"):
        assert "sys.exit(run())" in (ROOT / path).read_text("utf-8"), path
    assert 'hexie = "app.launch:run"' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_a_reader_that_went_away_ends_the_command_quietly() -> None:
    """`hexie … | head -1`: the reader closes the pipe; the command ends with exit
    code 1 and no BrokenPipeError traceback."""
    import os

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", "offer-clock", "--received", "2023-09-27"],
            cwd=ROOT,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
