"""A command loads what its own work needs and nothing else (issue 17: a command's
time is mostly its start-up, measured as whole processes in benchmarks/). Each
command runs in a process of its own, which then lists the packages it imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run the command as `hexie` runs it, then print the top-level packages imported (and
# SQLAlchemy's dialects: a file's command needs SQLite's, not PostgreSQL's; and the
# program's own modules).
CHILD = (
    "import json, runpy, sys\n"
    "sys.argv = ['hexie', *json.loads(sys.argv[1])]\n"
    "try:\n"
    "    runpy.run_module('app.cli', run_name='__main__', alter_sys=True)\n"
    "except SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "dialects = {m for m in sys.modules if m.startswith(('sqlalchemy.dialects.', 'app.'))}\n"
    "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} | dialects)))\n"
)


def _imported(args: list[str], tmp_path: Path) -> set[str]:
    env = {"HEXIE_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small city register with its campaign, made by the commands themselves."""
    folder = tmp_path_factory.mktemp("imports")
    path = folder / "demo.sqlite3"
    for args in (
        ["init", "--db", str(path), "--office", "410400", "--level", "city"],
        ["demo", "--db", str(path), "--enterprises", "30"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "app.cli", *args, "--operator", "test"],
            cwd=ROOT,
            env={**os.environ, "HEXIE_DATA_DIR": str(folder / "data")},
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
    return path


def test_report_loads_no_qt_spreadsheet_migration_or_id_number_library(
    demo_file: Path, tmp_path: Path
) -> None:
    """`hexie report` writes a .docx from the database: no Qt, no openpyxl (only for
    --annex), no Alembic (the file is current), not python-stdnum, which only checks
    the ID numbers of laid-off workers (imported where one is read), and not
    SQLAlchemy at all (a current file, not a server)."""
    out = tmp_path / "总结.docx"
    args = ["report", "--db", str(demo_file), "-o", str(out), "--operator", "test"]
    imported = _imported([*args, "--today", "2023-12-01"], tmp_path)
    assert out.exists()
    assert "docx" in imported
    assert not imported & {"PySide6", "openpyxl", "alembic", "stdnum", "pydoc", "zxingcpp"}
    # A current SQLite file is read through sqlite3 with the statements compiled
    # ahead (report_sql): importing SQLAlchemy alone is more than the raw report's run.
    assert "sqlalchemy" not in imported and "app.models" not in imported


def test_report_declares_only_the_models_it_reads(demo_file: Path, tmp_path: Path) -> None:
    """The report through the storage layer (a server, or a file at another revision)
    reads the file (no writer): it declares the models of the records it counts, not
    the sync state, checklists, risk data, scans or audit log (app/models/__init__.py),
    and imports the lists it counts with, not the register's search or the records'
    rules (issue 17: a report is mostly its start-up). On a current SQLite file it
    declares none (report_file)."""
    out = tmp_path / "总结.docx"
    args = ["report", "--db", str(demo_file), "-o", str(out), "--operator", "test"]
    imported = _imported([*args, "--today", "2023-12-01"], tmp_path)
    assert out.exists() and "app.services.campaign.report_sql" in imported
    assert not {m for m in imported if m.startswith("app.models")}
    through_storage = (
        "import json, sys\n"
        "from datetime import date\n"
        "from app.services.campaign import campaign_report, campaigns\n"
        "from app.services.core.storage import open_office_database\n"
        "with open_office_database(sys.argv[1], access='read') as db:\n"
        "    today = date(2023, 12, 1)\n"
        "    campaign_report.write(db, campaigns.current(db, today).id, sys.argv[2], today=today)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('app.'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", through_storage, str(demo_file), str(tmp_path / "orm.docx")],
        cwd=ROOT,
        env={**os.environ, "HEXIE_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {
        "app.models.campaign",
        "app.models.health_check",
        "app.services.checks.check_list",
    } <= imported
    not_read = {
        "app.models.audit",
        "app.models.calendar",
        "app.models.check_result",
        "app.models.checklist",
        "app.models.printed_form",
        "app.models.rectification_records",
        "app.models.risk_data",
        "app.models.scanned_page",
        "app.models.stored_file",
        "app.models.sync_state",
        "app.services.checks.health_checks",
        "app.services.register.enterprises",
        "app.services.register.pinyin_keys",
    }
    assert not imported & not_read


def test_a_blank_form_pdf_loads_no_word_or_spreadsheet_library(
    demo_file: Path, tmp_path: Path
) -> None:
    """`hexie print-form blank-check` paints with Qt: no python-docx, openpyxl, Alembic
    or python-stdnum."""
    import sqlite3

    con = sqlite3.connect(demo_file)
    code = con.execute("SELECT credit_code FROM enterprise WHERE deleted = 0").fetchone()[0]
    con.close()
    out = tmp_path / "空白.pdf"
    args = ["print-form", "blank-check", "--db", str(demo_file), "--enterprise", code]
    imported = _imported([*args, "-o", str(out), "--operator", "test"], tmp_path)
    assert out.exists()
    assert {"PySide6", "zxingcpp"} <= imported
    assert not imported & {"docx", "openpyxl", "alembic", "stdnum", "jieba", "segno"}
    assert "sqlalchemy.dialects.postgresql" not in imported
