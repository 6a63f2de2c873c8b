"""Rules of the suite itself (README.md, "Tests"): a test taken off the PostgreSQL pass
with `one_engine` names the test that runs the same reads and writes on both engines,
and that test exists and is not itself taken off."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _marks(name: str) -> dict[str, tuple[Path, str]]:
    """test function name → (file, the mark's reason) for every `@pytest.mark.<name>`."""
    found: dict[str, tuple[Path, str]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for deco in node.decorator_list:
                if (
                    isinstance(deco, ast.Call)
                    and isinstance(deco.func, ast.Attribute)
                    and deco.func.attr == name
                ):
                    reason = deco.args[0].value if deco.args else ""
                    found[node.name] = (path, str(reason))
    return found


def _defined_tests() -> dict[str, set[Path]]:
    tests: dict[str, set[Path]] = {}
    for path in sorted(TESTS.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                tests.setdefault(node.name, set()).add(path)
    return tests


def test_every_one_engine_test_names_its_both_engine_twin():
    marked = _marks("one_engine")
    assert marked, "the rule checks nothing when no test is marked"
    defined = _defined_tests()
    for test, (path, reason) in marked.items():
        named = set(re.findall(r"test_\w+", reason))
        assert named, f"{path.name}::{test}: the reason names no test: {reason!r}"
        for twin in named:
            twin = twin.removesuffix(".py")
            exists = twin in defined or any(
                p.stem == twin for paths in defined.values() for p in paths
            )
            assert exists, f"{path.name}::{test} names {twin}, which is not a test"
            assert twin not in marked, f"{path.name}::{test} names {twin}, also one_engine"
        assert path.parts[-3:-1] != ("tests", "views"), "the views run on SQLite anyway"
