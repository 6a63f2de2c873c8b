"""app.models declares a model's module when its name is first asked for (issue 17: a
reading command such as `hexie report` declares only what it reads). Whatever walks
every table must still see every table: a writable database, the bundle's record types,
the migrations. Each check runs in a fresh process, where nothing is declared yet."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import app.models

ROOT = Path(__file__).resolve().parents[2]


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return (done.stdout.strip().splitlines() or [""])[-1]


def _declared_in_files() -> dict[str, set[str]]:
    """Each model module's mapped classes (a class body naming __tablename__)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "app" / "models").glob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.ClassDef) and any(
                isinstance(s, ast.Assign)
                and any(getattr(t, "id", "") == "__tablename__" for t in s.targets)
                for s in node.body
            ):
                found.setdefault(path.stem, set()).add(node.name)
    return found


def test_every_model_module_is_listed_with_its_classes() -> None:
    """declare_all imports MODULES: a model module left out would be missing from
    bundles, copies and a writer's flush order."""
    listed = {module: set(names) for module, names in app.models.MODULES.items()}
    assert listed == _declared_in_files()


def test_a_writable_database_declares_every_model(tmp_path: Path) -> None:
    code = (
        "from app.models.db import open_database\n"
        f"db = open_database({str(tmp_path / 'w.sqlite3')!r}, operator='t')\n"
        "from app.models.base import Base\n"
        "print(len(Base.metadata.tables), len(list(Base.registry.mappers)))\n"
        "db.close()\n"
    )
    tables = sum(len(names) for names in app.models.MODULES.values())
    assert _fresh(code) == f"{tables} {tables}"


def test_a_reader_declares_only_the_models_it_names(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite3"
    _fresh(f"from app.models.db import open_database\nopen_database({str(path)!r}).close()")
    code = (
        "from app.models.db import open_database\n"
        f"db = open_database({str(path)!r}, read_only=True)\n"
        "from app.models import Enterprise\n"
        "from app.models.base import Base\n"
        "print(sorted(m.class_.__name__ for m in Base.registry.mappers))\n"
    )
    # The settings (the database's own) and the enterprise asked for; nothing else.
    assert _fresh(code) == str(["Enterprise", "Setting", "SyncCounter"])


def test_the_bundles_record_types_are_every_travelling_model_in_a_fresh_process() -> None:
    code = (
        "from app.models.base import sync_record_types\n"
        "from app.services.sync.bundle_format import record_tables\n"
        "print(len(sync_record_types()), len(record_tables()))\n"
    )
    app.models.declare_all()
    from app.models.base import sync_record_types

    travelling = len(sync_record_types())
    assert travelling > 20
    assert _fresh(code) == f"{travelling} {travelling}"
