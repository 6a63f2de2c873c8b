"""Progress of long CLI work (demo, imports, exports, grading) on the terminal.

On a terminal (stderr is a TTY) one line is rewritten in place — “正在生成演示企业… 42%”;
redirected to a file or a pipe, a line is printed when the step changes and at every
tenth of the way, so a log shows the work moving without thousands of lines. With
`--json` nothing but the notes worth keeping (where the pre-import backup went) is
printed: stdout holds the JSON and stderr stays quiet for the script reading it.
"""

from __future__ import annotations

import sys
from typing import TextIO

from app.services.core.progress import Progress

# Printed lines in a log: at most one per tenth of the way (and one per step change).
LOG_STEPS = 10


class TerminalProgress:
    """A `drain` callback that shows Progress on stderr (see the module's docstring)."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self._message = ""
        self._shown = -1  # the percent (TTY) or tenth (log) last shown
        self._open_line = False

    def __call__(self, step: Progress) -> None:
        if step.note:
            self._end_line()
            print(step.note, file=self.stream)
            if step.message == step.note:
                return  # the window's label says it once more; the line above said it
        if self.quiet or not (step.message or step.total):
            return
        message = step.message or self._message
        percent = int(100 * min(step.done, step.total) / step.total) if step.total > 0 else 0
        changed = message != self._message
        self._message = message
        if self.tty:
            if changed or percent != self._shown:
                self._shown = percent
                # \r back to the start, \x1b[K clears what a longer message left.
                self.stream.write(f"\r{message} {percent}%\x1b[K")
                self.stream.flush()
                self._open_line = True
            return
        tenth = percent * LOG_STEPS // 100
        if changed or tenth > self._shown:
            self._shown = tenth
            print(f"{message} {percent}%", file=self.stream, flush=True)

    def finish(self) -> None:
        """The in-place line ends, so what the command prints next starts on its own."""
        self._end_line()

    def _end_line(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self.stream.flush()
            self._open_line = False
