"""The protocol of long work: a generator that yields Progress and returns its result.

The GUI runs such a generator on a worker thread and shows a progress dialog
with Cancel (closing the generator, which rolls back its transaction); the CLI
and the tests simply drain it.

A step's `message` is what the work is doing now (the progress dialog's label);
its `note` is a line worth keeping once the step has passed, such as where the
pre-import backup went (the CLI prints notes on stderr).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    message: str = ""
    note: str = ""


Work = Generator[Progress, None, T]


def drain(work: Work[T], on_progress: Callable[[Progress], Any] | None = None) -> T:
    """Run long work to its end on this thread and return its result."""
    while True:
        try:
            step = next(work)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        if on_progress:
            on_progress(step)


def to_its_end(work: Callable[P, Work[T]]) -> Callable[P, T]:
    """The function of a long work run to its end on this thread (the CLI, tests):
    the same arguments, its result; the GUI runs `work` itself, with progress."""

    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return drain(work(*args, **kwargs))

    run.__doc__ = f"{work.__name__}() run to its end on this thread (the CLI, tests)."
    return run
