"""The `hexie` command's first step: a start of the window goes straight to it.

Process start to first paint is what a coordinator feels as "the program starts"
(README, "Start-up"; docs/architecture.md, "Start-up"). Importing the command
line — argparse and every command group's module — costs about 20 ms that the
window never uses, so an argument list that can only mean "open the window"
(none; `--db FILE`; one argument that is a path or a server address) is
recognised here with nothing but `os` imported, and everything else goes to
app.cli, which also opens the window for the cases left to it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def window_target(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, what to open) when `argv` can only start the window; (False, None)
    when the command line must decide. A lone argument with a folder, a suffix or
    `://` in it is a database (as app.cli reads it), never a command (commands are plain words)."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > len("--db="):
        return True, args[0][len("--db=") :]
    if len(args) == 1 and not args[0].startswith("-"):
        text = args[0]
        if os.sep in text or "/" in text or os.path.splitext(text)[1]:
            return True, text
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    window, target = window_target(args)
    if window:
        from app.gui import run_gui

        return run_gui(target)
    from app.cli import main as cli_main

    return cli_main(args)


def run(argv: Sequence[str] | None = None) -> int:
    """The `hexie` process (the console script, `python -m app`, the frozen app):
    `main`, ended as app/process_end.py says."""
    from app.process_end import ended

    return ended(main, argv)
