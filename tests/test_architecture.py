"""The house rules of docs/architecture.md ("Layers", "Small modules"), checked on the code.

Imports are read from the syntax tree, so an import inside a function counts as
much as one at the top of a module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# Qt for Python and its helper module: only views (and app/__main__, app/tasks) may use them.
QT = ("PySide6", "shiboken6")

MAX_LINES = 400


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (APP / folder).rglob("*.py"))


def imported(path: Path) -> set[str]:
    """Every module name `path` imports, at any depth of its code."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def relative(path: Path) -> str:
    return path.relative_to(APP.parent).as_posix()


@pytest.mark.parametrize("layer", ["models", "services"])
def test_models_and_services_never_import_qt(layer: str) -> None:
    offenders = {
        relative(path): sorted(n for n in imported(path) if any(under(n, q) for q in QT))
        for path in modules(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_services_never_import_views() -> None:
    offenders = {
        relative(path): sorted(n for n in imported(path) if under(n, "app.views"))
        for path in modules("services", "models")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_checks_see_an_import_wherever_it_is(tmp_path: Path) -> None:
    """The reader above finds imports inside functions and `from x import y` alike,
    and not relative ones (app code has none)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "def later():\n"
        "    from PySide6.QtCore import Qt\n"
        "    import shiboken6\n"
        "from . import sibling\n",
        "utf-8",
    )
    assert imported(sample) == {"os", "PySide6.QtCore", "shiboken6"}


def test_no_module_over_400_lines() -> None:
    long = {
        relative(path): n
        for path in modules(".")
        if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
