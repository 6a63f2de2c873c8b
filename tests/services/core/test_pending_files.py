"""Evidence files reach <db>-附件 only with their records (issue 18): a Cancel or
an error before the commit leaves no file, a commit leaves exactly the referenced
files, and what a killed process left in 待提交 is settled at the next open."""

from __future__ import annotations

import os
import stat
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Attachment, ScannedPage
from app.services.core import pending_files, record_files
from app.services.core.progress import drain
from app.services.core.storage import open_office_database
from app.services.demo import demo
from app.services.ledger import attachments
from tests.records import close, enterprise, manual

# The folder beside a SQLite office; a server keeps evidence in the database
# (tests/services/core/test_shared_files.py).
pytestmark = pytest.mark.sqlite_file


def files_in(db) -> set[str]:
    base = record_files.folder(db)
    return {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}


def referenced(db) -> set[str]:
    with db.session() as session:
        names = set(session.execute(select(Attachment.stored_name)).scalars())
        return names | set(session.execute(select(ScannedPage.stored_name)).scalars())


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "整改报告.pdf"
    path.write_bytes(b"%PDF-1.4 rectification report")
    return path


def test_cancelled_demo_leaves_no_file(db):
    work = demo.generate(db, enterprises=40, seed=3, today=date(2024, 6, 1))
    steps = 0
    for _ in work:
        steps += 1
        if files_in(db):  # evidence copied, not yet committed
            break
    assert files_in(db) and all(n.startswith("待提交/") for n in files_in(db))
    work.close()  # the Cancel button
    assert files_in(db) == set()
    assert not (record_files.folder(db) / pending_files.PENDING_FOLDER).exists() or not any(
        (record_files.folder(db) / pending_files.PENDING_FOLDER).iterdir()
    )
    assert referenced(db) == set()


def test_committed_demo_leaves_exactly_the_referenced_files(db):
    drain(demo.generate(db, enterprises=40, seed=3, today=date(2024, 6, 1)))
    names = referenced(db)
    assert names and files_in(db) == names
    for name in names:
        mode = (record_files.folder(db) / name).stat().st_mode
        assert stat.S_IMODE(mode) == 0o600


def test_ledger_close_undone_leaves_no_file_and_committed_leaves_one(db, evidence):
    item = manual(db, enterprise(db))
    with pytest.raises(RuntimeError), db.session():
        close(db, item, evidence)
        assert files_in(db)  # the copy is in 待提交 while the work runs
        raise RuntimeError("the user's Cancel, a full disk …")
    assert files_in(db) == set() and attachments.list_for(db, item) == []
    with db.session():
        close(db, item, evidence)
    [row] = attachments.list_for(db, item)
    assert row.state == "ok" and files_in(db) == referenced(db) == {
        row.path.relative_to(record_files.folder(db)).as_posix()
    }


def test_same_file_twice_in_one_unit_is_placed(db, evidence):
    item = manual(db, enterprise(db))
    with db.session():
        attachments.add(db, item, evidence)
        attachments.add(db, item, evidence)
    rows = attachments.list_for(db, item)
    assert [r.state for r in rows] == ["ok", "ok"] and files_in(db) == referenced(db)


def _killed_copy(db, relative: str, *, age: float, data: bytes = b"never committed") -> Path:
    """What a process killed between the copy and its commit leaves."""
    staged = pending_files.stage(db, relative)
    staged.write_bytes(data)
    old = time.time() - age
    os.utime(staged, (old, old))
    return staged


def test_next_open_sweeps_what_a_kill_left(tmp_path, db, evidence):
    item = manual(db, enterprise(db))
    attachments.add(db, item, evidence)
    [row] = attachments.list_for(db, item)
    kept = row.path.relative_to(record_files.folder(db)).as_posix()
    stale = _killed_copy(db, f"{item}/abc-未提交.pdf", age=pending_files.STALE_SECONDS + 5)
    fresh = _killed_copy(db, f"{item}/def-正在写.pdf", age=5)
    # A kill after the commit but before the rename: the record holds the name.
    row.path.rename(tmp_path / "moved-away")
    after_commit = _killed_copy(
        db, kept, age=pending_files.STALE_SECONDS + 5, data=evidence.read_bytes()
    )
    users = record_files.folder(db) / "我的说明.txt"
    users.write_text("a file of the user's", encoding="utf-8")
    path = db.address
    db.close()

    reopened = open_office_database(path, operator="测试员", backup_folder=tmp_path / "备份")
    try:
        assert not stale.exists() and not after_commit.exists()
        assert fresh.exists()  # may still be written by someone: stays ten minutes
        assert users.exists()
        [again] = attachments.list_for(reopened, item)
        assert again.state == "ok"
        assert files_in(reopened) == {
            kept,
            "我的说明.txt",
            fresh.relative_to(record_files.folder(reopened)).as_posix(),
        }
    finally:
        reopened.close()


def test_next_open_removes_a_killed_imports_received_part_and_the_empty_pending_folder(
    tmp_path, db
):
    received = record_files.folder(db) / record_files.RECEIVED_FOLDER
    received.mkdir(parents=True)
    stale = received / f"{'a' * 64}.pdf.part"
    fresh = received / f"{'b' * 64}.pdf.part"
    whole = received / f"{'c' * 64}.pdf"
    for path in (stale, fresh, whole):
        path.write_bytes(b"%PDF-1.4")
    old = time.time() - pending_files.STALE_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(whole, (old, old))
    empty_pending = record_files.folder(db) / pending_files.PENDING_FOLDER / "token"
    empty_pending.mkdir(parents=True)
    path = db.path
    db.close()

    reopened = open_office_database(path, operator="测试员", backup_folder=tmp_path / "备份")
    try:
        assert not stale.exists()
        assert fresh.exists() and whole.exists()  # being written now; a received file
        assert not (record_files.folder(reopened) / pending_files.PENDING_FOLDER).exists()
    finally:
        reopened.close()
