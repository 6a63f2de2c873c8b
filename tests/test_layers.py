"""The house rules of docs/architecture.md, read from the source: models and
services never use Qt, services never reach up into the views or the task runner,
views never touch SQL or sessions, and the app's packages import in one direction
only (no circle)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def _imports(path: Path) -> set[str]:
    """Every module `path` imports (at the top or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((APP / folder).rglob("*.py"))


def test_models_and_services_never_import_qt():
    bad = [
        f"{p.relative_to(APP)}: {m}"
        for folder in ("models", "services")
        for p in _modules(folder)
        for m in _imports(p)
        if m.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert bad == []


def test_services_never_import_views_or_the_window():
    bad = [
        f"{p.relative_to(APP)}: {m}"
        for p in _modules("services")
        for m in _imports(p)
        if m.startswith(("app.views", "app.tasks", "app.gui", "app.cli"))
    ]
    assert bad == []


def test_doors_never_write_sql_or_open_sessions():
    """A view or a command asks a service; the service owns the unit of work."""
    bad = []
    for path in _modules("views") + _modules("cli"):
        text = path.read_text("utf-8")
        for m in _imports(path):
            if m.split(".")[0] == "sqlalchemy" or m.startswith("app.models"):
                bad.append(f"{path.relative_to(APP)}: imports {m}")
        for call in (".session(", ".reader(", ".execute(", ".engine", 'text("SELECT'):
            if call in text:
                bad.append(f"{path.relative_to(APP)}: {call}")
    assert bad == []


def _unit(module: str) -> str | None:
    """The package (app.models, app.services, app.views, app.cli) or the top-level
    module (app.tasks, app.gui…) a module belongs to; None outside the app."""
    parts = module.split(".")
    if parts[0] != "app" or len(parts) == 1:
        return None
    if (APP / parts[1]).is_dir() or (APP / f"{parts[1]}.py").exists():
        return f"app.{parts[1]}"
    return None  # `from app import __version__`


def test_no_import_circle_among_app_packages():
    arrows: dict[str, set[str]] = {}
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(APP.parent).with_suffix("")
        source = _unit(".".join(rel.parts))
        if source is None:
            continue
        for module in _imports(path):
            target = _unit(module)
            if target and target != source:
                arrows.setdefault(source, set()).add(target)

    circles: list[list[str]] = []

    def walk(unit: str, trail: list[str]) -> None:
        for nxt in sorted(arrows.get(unit, ())):
            if nxt in trail:
                circles.append(trail[trail.index(nxt) :] + [nxt])
            elif len(trail) < 12:
                walk(nxt, trail + [nxt])

    for unit in sorted(arrows):
        walk(unit, [unit])
    assert circles == []
    # The layers as drawn in docs/architecture.md ("The application core").
    assert "app.services" not in arrows.get("app.models", set())
    assert {"app.views", "app.cli", "app.tasks", "app.gui"}.isdisjoint(arrows["app.services"])
