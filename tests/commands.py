"""Running `hexie` commands in-process and reading what they printed."""

from __future__ import annotations

from typing import Any

from app.cli import main


def run(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `hexie *argv`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
