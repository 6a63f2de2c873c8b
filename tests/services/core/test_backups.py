"""Backups: online copy while another connection writes, rotation, restore
round trip, a damaged backup refused, migration backups into the folder."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.services.core import backups
from app.services.core.backups import BackupFile
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.records import plain_enterprise

# The SQLite file's own backups (online copy, WAL, file swap); the server's are in
# tests/services/core/test_server_backups.py.
pytestmark = pytest.mark.sqlite_file


def test_backup_while_another_connection_writes(db, tmp_path):
    for n in range(1, 50):
        plain_enterprise(db, n)
    stop = threading.Event()
    written = []

    def writer() -> None:
        conn = sqlite3.connect(db.path, timeout=30)
        n = 0
        while not stop.is_set():
            with conn:
                conn.execute(
                    "INSERT INTO setting(key, value) VALUES (?, ?)", (f"noise.{n}", "x" * 500)
                )
            n += 1
        written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        made = [
            backups.make_backup(
                db.path, tmp_path / "b", "manual", now=datetime(2023, 9, 1, 10, 0, n)
            )
            for n in range(3)
        ]
    finally:
        stop.set()
        thread.join()
    assert written[0] > 0  # the other connection really wrote during the backups
    for path in made:
        info = backups.describe(path)
        assert info.ok and info.counts["企业"] == 49 and info.office.endswith("办公室")


def test_rotation_keeps_seven_days_and_four_weekly():
    today = date(2023, 12, 1)
    made = [
        BackupFile(
            Path(f"x-{n}.sqlite3"),
            datetime.combine(today - timedelta(days=n), datetime.min.time()),
            "daily",
        )
        for n in range(60)
    ]
    removed = {(today - b.made_at.date()).days for b in backups.to_remove(made, today)}
    kept = set(range(60)) - removed
    assert set(range(7)) <= kept  # every backup of the last week
    older = sorted(kept - set(range(7)))
    assert len(older) == 4  # one per week for four weeks
    assert older == [7, 14, 21, 28]  # the newest of each seven-day span
    assert max(older) < 7 + 28


def test_daily_backup_once_a_day(db, tmp_path):
    folder = tmp_path / "备份"
    first = backups.daily_backup_if_due(db.path, folder, now=datetime(2023, 9, 1, 8, 0))
    assert first is not None and first.exists()
    assert backups.daily_backup_if_due(db.path, folder, now=datetime(2023, 9, 1, 17, 0)) is None
    assert backups.daily_backup_if_due(db.path, folder, now=datetime(2023, 9, 2, 8, 0)) is not None


def test_restore_round_trip(db, tmp_path):
    folder = tmp_path / "备份"
    plain_enterprise(db, 1)
    saved = backups.make_backup(db.path, folder, "manual")
    plain_enterprise(db, 2)
    assert enterprises.count(db, EnterpriseFilter()) == 2
    db.release_file()
    safety = backups.restore(saved, db.path, folder)
    db.reconnect()
    assert enterprises.count(db, EnterpriseFilter()) == 1
    assert backups.describe(safety).counts["企业"] == 2  # what was replaced is kept
    plain_enterprise(db, 3)  # the restored file is writable
    assert enterprises.count(db, EnterpriseFilter()) == 2


def test_damaged_backup_is_refused(db, tmp_path):
    folder = tmp_path / "备份"
    for n in range(1, 200):
        plain_enterprise(db, n)
    saved = backups.make_backup(db.path, folder, "manual")
    data = bytearray(saved.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):
        data[offset + 100 : offset + 400] = b"\x00\xff" * 150  # scribble over every page
    saved.write_bytes(bytes(data))
    info = backups.describe(saved)
    assert not info.ok
    db.release_file()
    with pytest.raises(backups.BackupError, match="不能恢复"):
        backups.restore(saved, db.path, folder)
    db.reconnect()
    assert enterprises.count(db, EnterpriseFilter()) == 199  # untouched
    not_db = tmp_path / "x-20230901-100000-manual.sqlite3"
    not_db.write_text("hello")
    assert "文件头" in backups.describe(not_db).problems[0]


def test_migration_backup_goes_to_the_folder(tmp_path):
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from app.models.migrate import MIGRATIONS_DIR
    from app.services.core.storage import open_office_database

    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008_sent_bundle")
    engine.dispose()
    folder = tmp_path / "备份"
    db = open_office_database(path, backup_folder=folder)
    db.close()
    assert [b.reason for b in backups.list_backups(folder, "old")] == ["migration"]


def _wal_file(path: Path, rows: int) -> sqlite3.Connection:
    """A file whose last commits are only in its WAL (the connection stays open)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE t (n INTEGER)")
    con.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(rows)])
    con.commit()
    return con


def test_a_wal_without_its_file_is_never_replayed_into_the_restored_one(db, tmp_path):
    """A restore killed between moving the old file and its WAL (before the swap was
    one rename) left `<db>-wal` beside no file; SQLite would replay it into the next
    file of that name. The next restore keeps it aside instead."""
    folder = tmp_path / "备份"
    plain_enterprise(db, 1)
    saved = backups.make_backup(db.path, folder, "manual")
    db.release_file()
    other = tmp_path / "other.sqlite3"
    con = _wal_file(other, 500)
    stray = Path(f"{other}-wal").read_bytes()
    con.close()
    db.path.unlink()
    Path(f"{db.path}-wal").write_bytes(stray)
    assert backups.restore(saved, db.path, folder) is None  # there was no file to keep
    assert not Path(f"{db.path}-wal").exists()
    assert [p.name[len(db.path.name) :] for p in tmp_path.glob(f"{db.path.name}.before-restore-*")]
    assert backups.integrity_problems(db.path) == []
    db.reconnect()
    assert enterprises.count(db, EnterpriseFilter()) == 1


def test_a_restore_cut_off_before_the_swap_leaves_the_old_file_whole(db, tmp_path, monkeypatch):
    """The swap is one rename: until it happens the database is the old file with every
    commit, its WAL's included, and the copy kept beside it is whole too."""
    folder = tmp_path / "备份"
    saved = backups.make_backup(db.path, folder, "manual")
    for n in range(1, 40):
        plain_enterprise(db, n)
    db.release_file()
    real = backups.os.replace

    def killed(src, dst):  # noqa: ANN001 - os.replace's own signature
        if str(src).endswith(".restoring"):
            raise OSError("killed")
        return real(src, dst)

    monkeypatch.setattr(backups.os, "replace", killed)
    with pytest.raises(OSError, match="killed"):
        backups.restore(saved, db.path, folder)
    monkeypatch.undo()
    assert backups.integrity_problems(db.path) == []
    [kept] = [p for p in tmp_path.glob(f"{db.path.name}.before-restore-*") if "wal" not in p.name]
    assert backups.describe(kept).counts["企业"] == 39
    db.reconnect()
    assert enterprises.count(db, EnterpriseFilter()) == 39
