"""Issue 18 on the command line: damaged, empty and foreign files refused as they
are; read-only files read but never written; a full disk; readers beside a
writer; backup, restore and check; stale .part files; an interrupted migration."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from app.services.core import backups
from tests.records import plain_enterprise as add

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def enterprise_count(path: Path) -> int:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def office_file(tmp_path, capsys) -> Path:
    """An office database with three enterprises, closed."""
    from app.services.core.storage import open_office_database

    path = tmp_path / "county.sqlite3"
    assert run(capsys, "init", "--db", str(path), "--office", "410482", "--operator", "甲")[0] == 0
    with open_office_database(path, operator="甲") as db:
        for n in (1, 2, 3):
            add(db, n)
    return path


def damage(path: Path) -> None:
    """Scribble over every page after the schema, as a failing disk would."""
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 8 : offset + 600] = b"\xff" * 592
    path.write_bytes(bytes(data))


def kept_files(folder: Path) -> list[Path]:
    """The files a restore kept (<name>.before-restore-<time>), without their WAL."""
    found = folder.glob("county.sqlite3.before-restore-*")
    return [k for k in found if not k.name.endswith(("-wal", "-shm"))]


def child(*argv: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


# -- 1. bad files ---------------------------------------------------------------------


def test_damaged_database_stats_says_restore_and_keeps_the_file(office_file, capsys):
    from app.services.core.storage import open_office_database

    with open_office_database(office_file) as db:  # enough rows for several pages
        for n in range(4, 400):
            add(db, n)
    damage(office_file)
    before = digest(office_file)
    code, out, err = run(capsys, "stats", "--db", str(office_file))
    assert code == 4 and out == ""
    assert "已损坏" in err and "hexie restore" in err and "Traceback" not in err
    code, out, _ = run(capsys, "stats", "--db", str(office_file), "--json")
    error = json.loads(out)
    assert code == 4 and error["error"] == "damaged" and error["exit_code"] == 4
    assert "hexie restore" in error["message"] and "restore" in error["message_en"].lower()
    assert "damaged" in error["message_en"]  # the English of the same message
    assert digest(office_file) == before


@pytest.mark.parametrize(
    "content,what",
    [
        (b"", "空的"),
        (b"name,credit_code\nfoo,bar\n", "不是 SQLite"),
    ],
)
def test_empty_and_foreign_files_are_refused_untouched(tmp_path, capsys, content, what):
    path = tmp_path / "office.sqlite3"
    path.write_bytes(content)
    for argv in (("stats",), ("demo", "--enterprises", "3"), ("init", "--office", "410482")):
        code, out, err = run(capsys, *argv, "--db", str(path))
        assert code == 5, argv
        assert what in err and "hexie restore" in err
        assert path.read_bytes() == content  # never initialised
    assert not Path(str(path) + "-wal").exists()
    code, out, _ = run(capsys, "stats", "--db", str(path), "--json")
    assert json.loads(out)["error"] == "not_a_database"


def test_another_programs_sqlite_file_is_refused(tmp_path, capsys):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    con.execute("INSERT INTO customers VALUES (1, 'x')")
    con.commit()
    con.close()
    before = digest(path)
    code, _, err = run(capsys, "import-enterprises", "none.csv", "--db", str(path))
    assert code == 5 and "不是和谐台账的数据库" in err
    assert digest(path) == before


# -- 2. read-only -------------------------------------------------------------------------


def test_read_only_file_reads_but_refuses_writes(office_file, tmp_path, capsys):
    csv = tmp_path / "list.csv"
    csv.write_text("企业名称,统一社会信用代码,所在县区\n汝州市新企业有限公司,x,410482\n", "utf-8")
    os.chmod(office_file, 0o444)
    try:
        code, out, _ = run(capsys, "stats", "--db", str(office_file), "--json")
        assert code == 0 and json.loads(out)["records"]["enterprise"] == 3
        before = digest(office_file)
        code, out, err = run(capsys, "import-enterprises", str(csv), "--db", str(office_file))
        assert code == 7 and "只读" in err and "Traceback" not in err
        code, out, _ = run(
            capsys, "import-enterprises", str(csv), "--db", str(office_file), "--json"
        )
        assert code == 7 and json.loads(out)["error"] == "read_only"
        assert digest(office_file) == before
    finally:
        os.chmod(office_file, 0o600)


def test_read_only_folder_reads_without_a_lock_file(office_file, capsys):
    folder = office_file.parent
    Path(str(office_file) + ".lock").unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(office_file) + suffix).unlink(missing_ok=True)
    os.chmod(folder, 0o555)
    try:
        code, out, err = run(capsys, "stats", "--db", str(office_file), "--json")
        assert code == 0, err
        assert json.loads(out)["records"]["enterprise"] == 3
        code, _, err = run(capsys, "demo", "--db", str(office_file), "--enterprises", "2")
        assert code == 7 and "只读" in err
        assert not Path(str(office_file) + ".lock").exists()
    finally:
        os.chmod(folder, 0o755)


# -- 3. a full disk ----------------------------------------------------------------------------


def test_full_disk_during_an_import(office_file, tmp_path, capsys, monkeypatch):
    """SQLite's max_page_count makes the file 'full' a few pages on: the import's
    write fails the way ENOSPC does, and its transaction leaves nothing behind."""
    from app.models import engines as db_module  # the SQLite connection hooks

    rows = "\n".join(f"汝州市满盘{n}有限公司,{_code(n)},410482" for n in range(100, 1100))
    csv = tmp_path / "big.csv"
    csv.write_text("企业名称,统一社会信用代码,所在县区\n" + rows + "\n", "utf-8")
    pages = sqlite3.connect(office_file).execute("PRAGMA page_count").fetchone()[0]
    real = db_module._on_connect

    def small_disk(dbapi_connection, record):
        real(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 3}")

    monkeypatch.setattr(db_module, "_on_connect", small_disk)
    code, out, err = run(capsys, "import-enterprises", str(csv), "--db", str(office_file), "--json")
    assert code == 8, err
    error = json.loads(out.splitlines()[-1])
    assert error["error"] == "disk_full" and "磁盘空间不足" in error["message"]
    assert "Traceback" not in err
    assert enterprise_count(office_file) == 3  # intact: nothing of the import


def test_no_space_oserror_is_a_disk_full_message(office_file, capsys, monkeypatch):
    """ENOSPC raised by the OS at a write (the export's file) is the same message."""
    import errno

    from app.services.ledger import ledger_export

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
        yield  # pragma: no cover - a generator, like the real export

    monkeypatch.setattr(ledger_export, "export", no_space)
    code, out, err = run(
        capsys, "ledger-export", "--db", str(office_file), "-o", str(office_file.parent / "l.xlsx")
    )
    assert code == 8 and "磁盘空间不足" in err


def _code(n: int) -> str:
    from tests.builders import code

    return code(n)


# -- 4. backup, restore, check -------------------------------------------------------------


def test_backup_restore_and_check(office_file, tmp_path, capsys):
    from app.services.core.storage import open_office_database

    target = tmp_path / "U盘"
    code, out, _ = run(capsys, "backup", "--db", str(office_file), "--to", str(target), "--json")
    assert code == 0
    made = Path(json.loads(out)["backup"])
    assert made.parent == target and backups.describe(made).counts["企业"] == 3
    with open_office_database(office_file) as db:
        add(db, 4)
    # Without --yes it shows what the backup holds and asks; "n" changes nothing.
    proc = child("restore", str(made), "--db", str(office_file), stdin="n\n")
    assert proc.returncode == 1 and "已取消" in proc.stdout
    assert "企业：3" in proc.stdout and "备份时间" in proc.stdout and "汝州市" in proc.stdout
    assert enterprise_count(office_file) == 4
    proc = child("restore", str(made), "--db", str(office_file), stdin="y\n")
    assert proc.returncode == 0, proc.stderr
    assert enterprise_count(office_file) == 3
    kept = kept_files(tmp_path)
    assert len(kept) == 1 and enterprise_count(kept[0]) == 4  # what was replaced is kept
    code, out, _ = run(capsys, "check", "--db", str(office_file), "--json")
    assert code == 0 and json.loads(out) == {
        "database": str(office_file),
        "ok": True,
        "quick_check": [],
        "integrity_check": [],
    }


def test_restore_over_a_damaged_file_keeps_it(office_file, tmp_path, capsys):
    from app.services.core.storage import open_office_database

    code, out, _ = run(
        capsys, "backup", "--db", str(office_file), "--to", str(tmp_path / "b"), "--json"
    )
    made = Path(json.loads(out)["backup"])
    with open_office_database(office_file) as db:
        for n in range(4, 300):
            add(db, n)
    damage(office_file)
    damaged_bytes = office_file.read_bytes()
    code, out, err = run(capsys, "check", "--db", str(office_file))
    assert code == 4 and "hexie restore" in err
    code, out, err = run(capsys, "restore", str(made), "--db", str(office_file), "--yes")
    assert code == 0, err
    assert [k.read_bytes() == damaged_bytes for k in kept_files(tmp_path)] == [True]
    assert enterprise_count(office_file) == 3
    assert run(capsys, "check", "--db", str(office_file))[0] == 0


def test_restore_refuses_a_damaged_backup(office_file, tmp_path, capsys):
    bad = tmp_path / "county-20230901-100000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = digest(office_file)
    code, _, err = run(capsys, "restore", str(bad), "--db", str(office_file), "--yes")
    assert code == 2 and "不能恢复" in err
    assert digest(office_file) == before
    assert not list(tmp_path.glob("*.before-restore-*"))


# -- 5. stale .part files --------------------------------------------------------------------


def test_stale_part_files_are_cleaned_at_the_next_backup(office_file, tmp_path, capsys):
    folder = tmp_path / "备份"
    folder.mkdir()
    stale = folder / "county-20230901-100000-import.sqlite3.part"
    fresh = folder / "county-20230901-100500-import.sqlite3.part"
    # A copy killed mid-step leaves SQLite's rollback journal beside it (seen in CI).
    journal = folder / "county-20230901-100000-import.sqlite3.part-journal"
    kept = folder / "county-20230901-100000-import.sqlite3.partly-mine.txt"
    stale.write_bytes(b"half a backup")
    journal.write_bytes(b"its journal")
    kept.write_bytes(b"the user's own file")
    fresh.write_bytes(b"being written by another window")
    old = time.time() - 3600
    for path in (stale, journal, kept):
        os.utime(path, (old, old))
    assert run(capsys, "backup", "--db", str(office_file), "--to", str(folder))[0] == 0
    assert not stale.exists() and not journal.exists() and fresh.exists() and kept.exists()
    os.utime(fresh, (old, old))
    backups.daily_backup_if_due(office_file, folder)  # the window's start-up backup
    assert not fresh.exists()


def test_a_killed_restores_copy_is_swept_at_the_next_start(office_file, tmp_path):
    """A restore copies the backup beside the database as <name>.restoring and renames
    it over the database at the end; a kill in between left the copy — as large as
    the database — until the next restore (found by the crash trial)."""
    folder = tmp_path / "备份"
    left = [office_file.with_name(office_file.name + s) for s in (".restoring", ".restoring-wal")]
    for path in left:
        path.write_bytes(b"a restore cut off")
    backups.daily_backup_if_due(office_file, folder)
    assert all(p.exists() for p in left)  # young: a restore may be running now
    old = time.time() - 3600
    for path in left:
        os.utime(path, (old, old))
    backups.daily_backup_if_due(office_file, folder)
    assert not any(p.exists() for p in left)


# -- 6. readers beside a writer ---------------------------------------------------------------


def test_readers_work_while_a_writer_holds_the_file(office_file, tmp_path):
    from sqlalchemy import text

    from app.services.core.storage import open_office_database

    writer = open_office_database(office_file, operator="窗口")
    try:
        with writer.session() as session:  # a long import, mid-transaction
            session.execute(text("UPDATE enterprise SET name = name || '（改）'"))
            proc = child("stats", "--db", str(office_file), "--json")
            assert proc.returncode == 0, proc.stderr
            assert json.loads(proc.stdout)["records"]["enterprise"] == 3
            out = tmp_path / "台账.xlsx"
            proc = child("ledger-export", "--db", str(office_file), "-o", str(out))
            assert proc.returncode == 0 and out.exists(), proc.stderr
            assert child("check", "--db", str(office_file)).returncode == 0
            proc = child("demo", "--db", str(office_file), "--enterprises", "2", "--operator", "乙")
            assert proc.returncode == 6
            assert (
                f"进程 {os.getpid()}" in proc.stderr and "另一个和谐台账窗口或命令" in proc.stderr
            )
            proc = child("import-enterprises", "x.csv", "--db", str(office_file), "--json")
            assert proc.returncode == 6 and json.loads(proc.stdout)["error"] == "in_use"
    finally:
        writer.close()
    assert child("demo", "--db", str(office_file), "--enterprises", "2").returncode == 0


# -- 7. owner-only files ------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_are_owner_only(tmp_path, capsys, data_dir):
    from app.gui import setup_logging
    from app.services.core import record_files
    from app.services.core.storage import open_office_database
    from app.services.sync import keys

    path = tmp_path / "新建" / "county.sqlite3"
    assert run(capsys, "init", "--db", str(path), "--office", "410482", "--operator", "甲")[0] == 0
    with open_office_database(path, operator="甲") as db:
        add(db, 1)
        scan = tmp_path / "整改照片.jpg"
        scan.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
        os.chmod(scan, 0o644)
        stored = record_files.store(db, "owner-1", scan)
        attachment = record_files.folder(db) / stored.stored_name
        keys.init(db, "correct horse 42")
        key_file = keys.export_public(db, tmp_path / "county.pub")
    assert run(capsys, "backup", "--db", str(path))[0] == 0
    log_path = setup_logging()
    import logging

    logging.getLogger("hexie").info("x")
    files = [
        path,
        Path(str(path) + ".lock"),
        *backups.default_folder().glob("*.sqlite3"),
        attachment,
        key_file,
        data_dir / "settings.json",
        log_path,
    ]
    for wal in (Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if wal.exists():
            files.append(wal)
    for f in files:
        assert f.exists(), f
        assert f.stat().st_mode & 0o777 == 0o600, (f, oct(f.stat().st_mode))
    folders = [
        path.parent,  # made by the program for this file
        backups.default_folder(),
        path.parent / "county-附件",
        path.parent / "county-附件" / "owner-1",
        data_dir,
        log_path.parent,
    ]
    for d in folders:
        assert d.stat().st_mode & 0o777 == 0o700, (d, oct(d.stat().st_mode))


# -- 8. a crash in the middle of a migration ------------------------------------------------------


CRASHING_MIGRATION = """
import os, sys
from app.models import migrate

def crash(engine, revision="head"):
    # A step that changed the file outside any transaction, then the process died.
    with engine.connect() as conn:
        conn.exec_driver_sql("DELETE FROM enterprise")
        conn.commit()
    os._exit(9)

migrate.upgrade = crash
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_interrupted_migration_is_undone_at_the_next_start(office_file, tmp_path):
    from sqlalchemy import create_engine

    from app.models import migrate

    engine = create_engine(f"sqlite:///{office_file}")
    migrate.downgrade(engine, migrate.REVISIONS[-2])
    engine.dispose()
    proc = subprocess.run(
        [sys.executable, "-c", CRASHING_MIGRATION, "stats", "--db", str(office_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 9
    assert enterprise_count(office_file) == 0  # the half-done step hit the data
    assert Path(str(office_file) + ".migrating").exists()
    proc = child("stats", "--db", str(office_file), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "上次升级数据库时程序中断" in proc.stderr and "升级前的备份" in proc.stderr
    assert json.loads(proc.stdout)["records"]["enterprise"] == 3
    assert enterprise_count(office_file) == 3
    con = sqlite3.connect(office_file)
    assert (
        con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        == migrate.head_revision()
    )
    con.close()
    assert not Path(str(office_file) + ".migrating").exists()
    kept = kept_files(tmp_path)
    assert len(kept) == 1 and enterprise_count(kept[0]) == 0  # the interrupted file, kept
