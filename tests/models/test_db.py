from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models import Enterprise, migrate
from app.models.db import DatabaseError, DatabaseInUseError, NewerDatabaseError, open_database
from app.services.register import enterprises
from tests.builders import code


@pytest.mark.sqlite_file
def test_every_connection_has_foreign_keys_and_wal(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10000


def test_models_match_migrations(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.models import Base

    with db.engine.connect() as conn:
        # SQL-only: the FTS5 trigram index and its shadow tables, and on a server the
        # pg_trgm index (0014_search); the short-fragment tables (0016_scale); the
        # name-order snapshot (0019_name_order).
        sql_only = (
            "enterprise_fts",
            "ix_enterprise_name_trgm",
            "enterprise_gram",
            "search_position",
            "name_order",
        )
        context = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, kind, _p: not str(name).startswith(sql_only)},
        )
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_database_made_by_first_migration_is_upgraded_with_backup(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    from app.models.db import make_engine

    engine = make_engine(path)
    migrate.upgrade(engine, "0001_register")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO enterprise (id, created_at, updated_at, version, origin_office, author, deleted,"
                " change_seq, name, credit_code, county_code, address, industry, legal_representative,"
                " contact_person, contact_phone, has_union, is_platform, notes, name_pinyin, name_initials)"
                " VALUES ('a1', '2023-01-01', '2023-01-01', 1, '410482', 'x', 0, 1, '老企业', :code,"
                " '410482', '', '', '', '', '', 0, 0, '', 'laoqiye', 'lqy')"
            ),
            {"code": code(9)},
        )
    engine.dispose()
    from app.services.core import backups
    from app.services.core.storage import open_office_database

    database = open_office_database(path, backup_folder=tmp_path / "备份")
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        assert enterprises.get(database, "a1")["name"] == "老企业"
        made = backups.list_backups(tmp_path / "备份", "old")
        assert [b.reason for b in made] == ["migration"]
        con = sqlite3.connect(made[0].path)
        assert con.execute("SELECT name FROM enterprise").fetchone() == ("老企业",)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_register",
        )
        con.close()
    finally:
        database.close()


def test_file_from_newer_version_is_refused_and_untouched(tmp_path: Path):
    path = tmp_path / "new.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as err:
        open_database(path)
    assert "更新版本" in str(err.value)
    assert path.read_bytes() == before


@pytest.mark.sqlite_file
def test_second_instance_is_refused(db):
    with pytest.raises(DatabaseInUseError) as err:
        open_database(db.path)
    assert "另一个" in str(err.value)


def _lock_is_free(path: Path) -> bool:
    """Whether another process could take the lock beside `path` now (flock locks
    belong to one open file, so a second open in this process competes like one)."""
    import fcntl

    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return True


@pytest.mark.skipif(sys.platform == "win32", reason="flock is the POSIX lock")
def test_lock_is_released_on_close(tmp_path: Path):
    path = tmp_path / "a.sqlite3"
    first = open_database(path)
    assert not _lock_is_free(path)
    first.close()
    assert _lock_is_free(path)
    second = open_database(path)  # the next window opens the file the first one closed
    try:
        assert not _lock_is_free(path)
        with pytest.raises(DatabaseInUseError):
            open_database(path)
    finally:
        second.close()
    assert _lock_is_free(path)


def test_not_a_database_is_refused(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库")
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "不是" in str(err.value)


def test_missing_file_without_create(tmp_path: Path):
    with pytest.raises(DatabaseError):
        open_database(tmp_path / "none.sqlite3", create=False)


def test_sync_fields_are_stamped_on_create_update_delete(db):
    eid = enterprises.create(
        db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    with db.session() as s:
        e = s.get(Enterprise, eid)
        assert (
            len(e.id) == 32
            and e.version == 1
            and e.origin_office == "410482"
            and e.author == "测试员"
        )
        first_seq, created = e.change_seq, e.created_at
    assert first_seq > 0
    enterprises.update(db, eid, {"name": "汝州市乙公司"})
    with db.session() as s:
        e = s.get(Enterprise, eid)
        assert e.version == 2 and e.change_seq > first_seq and e.created_at == created
        assert e.updated_at >= created
    enterprises.delete(db, [eid])
    with db.session() as s:
        e = s.get(Enterprise, eid)
        assert e.deleted is True and e.version == 3
    assert enterprises.get(db, eid) is None


def test_failed_unit_of_work_rolls_back(db):
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Enterprise(name="半截", credit_code=code(2), county_code="410482"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.query(Enterprise).count() == 0


def test_sync_record_types_found_from_models():
    from app.models.base import sync_record_types

    assert Enterprise in sync_record_types()


def test_revision_list_matches_migration_scripts():
    assert list(migrate.REVISIONS) == migrate.script_revisions()


def test_no_record_type_shadows_a_sync_column():
    from app.models.base import SYNC_COLUMNS, sync_record_types

    for cls in sync_record_types():
        own = set(vars(cls).get("__annotations__", {}))
        assert not set(SYNC_COLUMNS) & own, f"{cls.__name__} redefines a sync column"


def test_0011_withdraws_untouched_items_of_draft_checks(tmp_path: Path):
    """A 0009 database whose drafts made rectification items (as that version did):
    the untouched ones are withdrawn as tombstones that travel; worked-on ones stay."""
    from datetime import date

    from sqlalchemy import select

    from app.models import AuditEntry, RectificationEvent, RectificationItem
    from app.services.checks import health_checks
    from app.services.core import office
    from app.services.core.workdays import WorkCalendar
    from app.services.ledger.check_ledger import sync_rectifications
    from tests.records import enterprise, filled

    path = tmp_path / "old.sqlite3"
    database = open_database(path, operator="老版本")
    office.configure(database, "410482", level="county")
    eid = enterprise(database)
    draft = health_checks.create(database, filled(database, eid, on=date(2023, 6, 20)))
    with database.session() as session:  # what the old version did on saving a draft
        check = session.get(__import__("app.models", fromlist=["HealthCheck"]).HealthCheck, draft)
        sync_rectifications(
            session, check, health_checks.results_of(session, draft), WorkCalendar()
        )
        items = {i.item_code: i for i in session.execute(select(RectificationItem)).scalars()}
        session.add(
            RectificationEvent(
                item_id=items["B03"].id,
                on_date=date(2023, 6, 25),
                from_status="pending",
                to_status="in_progress",
                note="企业已开始整改",
            )
        )
        items["B03"].status = "in_progress"
        before = {code: (i.version, i.change_seq) for code, i in items.items()}
    database.close()
    # Back to the revision before 0011 (later revisions' tables and columns go too);
    # opening the file runs 0011's data step and the rest of the chain.
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    migrate.downgrade(engine, "0010_ownership")
    assert migrate.current_revision(engine) == "0010_ownership"
    engine.dispose()
    database = open_database(path)
    try:
        with database.session() as session:
            items = {i.item_code: i for i in session.execute(select(RectificationItem)).scalars()}
            assert items["A01"].deleted and items["A01"].version == before["A01"][0] + 1
            assert items["A01"].change_seq > max(seq for _v, seq in before.values())
            assert not items["B03"].deleted and items["B03"].status == "in_progress"
            [entry] = session.execute(
                select(AuditEntry)
                .where(AuditEntry.record_id == items["A01"].id)
                .where(AuditEntry.action == "delete")
            ).scalars()
            assert "定稿" in entry.summary
        assert health_checks.get(database, draft).status == "draft"
    finally:
        database.close()


def test_settings_read_inside_a_unit_of_work_join_it(db):
    """A setting read during a user action goes through that action's session: it
    sees what the action has written so far and opens no second connection (a
    second connection would not see the uncommitted write, and could wait on it)."""
    from sqlalchemy import event

    from app.models.setting import Setting
    from app.services.core import office

    db.set_settings({"office.name": "旧名"})
    checkouts: list[object] = []
    event.listen(db.engine, "checkout", lambda *args: checkouts.append(args))
    with db.session() as session:
        session.merge(Setting(key="office.name", value="新名"))
        session.flush()
        opened = len(checkouts)
        assert db.get_setting("office.name") == "新名"
        assert office.current(db).name == "新名"
        assert db.office_code == db.get_setting("office.code")
        assert len(checkouts) == opened
    assert db.get_setting("office.name") == "新名"
