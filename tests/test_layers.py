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


# -- inside app/services -------------------------------------------------------------------

SERVICES = APP / "services"


def _service_modules() -> dict[str, Path]:
    """{dotted name: file} of every module of app/services (a package by its __init__)."""
    found = {}
    for path in sorted(SERVICES.rglob("*.py")):
        parts = path.relative_to(APP.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _service_arrows() -> dict[str, set[str]]:
    """{module: the app/services modules it imports}, at the top or inside a function.
    `from app.services.core import office` is an arrow to core.office (and to the
    package core only for a name that is not one of its modules)."""
    known = _service_modules()

    def owner(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    arrows: dict[str, set[str]] = {}
    for module, path in known.items():
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(owner(a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets.update(owner(f"{node.module}.{a.name}") for a in node.names)
        arrows[module] = {t for t in targets if t and t != module}
    return arrows


def _circles(arrows: dict[str, set[str]]) -> list[list[str]]:
    """One circle through each strongly connected group of `arrows` (Tarjan), as
    the path a → b → … → a, so a failure names the modules to untangle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(arrows.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                top = stack.pop()
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(arrows):
        if node not in index:
            visit(node)

    circles = []
    for group in groups:
        start = min(group)
        paths = {start: [start]}  # shortest way back to `start` inside the group
        queue = [start]
        while queue:
            node = queue.pop(0)
            for nxt in sorted(arrows[node] & group):
                if nxt == start:
                    circles.append(paths[node] + [start])
                    queue = []
                    break
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    queue.append(nxt)
    return sorted(circles)


def test_the_circle_finder_names_a_circle():
    arrows = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    assert _circles(arrows) == [["a", "b", "c", "a"], ["e", "e2", "e"]]
    assert _circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_circle_among_service_modules():
    """A module of app/services never imports, even late inside a function, a
    module that imports it back: what both need lives in the lower one."""
    arrows = _service_arrows()
    assert "app.services.checks.checklists" in arrows  # the graph is read at all
    assert [" → ".join(c) for c in _circles(arrows)] == []


def _domain(module: str) -> str:
    """The domain package (core, register, checks…) a module of app/services belongs
    to; a module at the top of app/services (record_types…) is its own unit."""
    return module.split(".")[2] if module.count(".") >= 2 else module


def test_domain_packages_import_in_one_direction():
    """The domains of docs/architecture.md ("Packages inside app/services") import one way: core at
    the bottom, each domain from the ones below it, record_types and the whole-
    database modules above them all."""
    arrows: dict[str, set[str]] = {}
    for module, targets in _service_arrows().items():
        if module == "app.services":
            continue
        for target in targets:
            if target != "app.services" and _domain(target) != _domain(module):
                arrows.setdefault(_domain(module), set()).add(_domain(target))
    assert {"checks", "ledger", "documents", "campaign", "sync"} <= set(arrows)
    assert [" → ".join(c) for c in _circles(arrows)] == []
    assert arrows.get("core", set()) == set(), "core imports no domain"
    assert "documents" not in arrows["documents"] and {"checks", "campaign"}.isdisjoint(
        arrows["documents"]
    ), "documents renders; the domains build their documents"
