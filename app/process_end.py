"""How a `hexie` process ends, whichever door it came in by (app/launch.py,
`python -m app.cli`).

- Every object still alive is frozen out of the garbage collector (gc.freeze). The
  interpreter's last collections at exit then skip them instead of walking
  SQLAlchemy's, the models' and python-docx's whole object graph: 50–140 ms of CPU at
  the end of a command (issue 17; benchmarks/ measures whole processes). Objects are
  still freed as their modules are cleared; only cycles left at exit are not
  collected, whose finalizers Python never promises to run at exit anyway. Tests call
  `main`, so a test process's garbage stays collectable.
- `collector_paused`: the cyclic collector off while a command imports its modules
  (and through the summary report, whose work is bounded: counts read back, one
  short document). Importing SQLAlchemy, the models and the services makes hundreds of
  thousands of objects, none of them garbage, and the collector walked them again and
  again: about 20 ms of a report's CPU (issue 17). Nothing is frozen there, so the
  objects stay collectable once the collector is back (tests call `main`).
- A reader that went away (`hexie stats | head -1`) ends the command quietly with
  exit code 1, not with a BrokenPipeError traceback at the interpreter's last flush.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

EXIT_ERROR = 1  # README, "命令行": the general failure code


def ended(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None) -> int:
    try:
        try:
            return main(argv)
        finally:
            sys.stdout.flush()  # a reader that went away is found here, not at exit
    except BrokenPipeError:
        # The rest of the output has nowhere to go: stdout goes to nothing, so the
        # interpreter's own last flush is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    finally:
        gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, back as it was after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
