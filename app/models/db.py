"""Opening the office's database: the SQLite file, or the PostgreSQL database on
the office server (app/models/location.py); migrations, sessions.

For a file: foreign keys on, WAL, busy timeout on every connection and the
instance lock beside it. For a server: psycopg 3, the password from the keyring,
~/.pgpass or a prompt (app/models/server_login.py), readers in read-only
transactions; the server itself serialises writers. For both: Alembic migrations at
open; a file written by a newer version refused; one unit of work per user action
(docs/architecture.md). The models only migrate: the copy taken before a migration is
the caller's `before_upgrade` (app/services/core/storage.py passes the one backup path).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models import declare_all
from app.models.base import SyncMixin, utcnow
from app.models.engines import (
    DatabaseError,
    NewerDatabaseError,
    check_is_sqlite,
    make_engine,
    refuse_newer,
    server_unreachable,
    upgrade_server,
)
from app.models.location import Location, LocationError
from app.models.lock import DatabaseInUseError, FileLock
from app.models.setting import Setting, SyncCounter

log = logging.getLogger(__name__)

__all__ = [
    "Actor",
    "Database",
    "DatabaseError",
    "DatabaseInUseError",
    "Location",
    "LocationError",
    "NewerDatabaseError",
    "next_change_seq",
    "open_database",
    "server_unreachable",
]


@dataclass(frozen=True)
class Actor:
    """Who is writing: stamped on records (author, origin office) and the audit log."""

    operator: str
    office_code: str
    session_id: str = ""  # this opened database (window): own saves vs colleagues'


def next_change_seq(session: Session, count: int = 1) -> int:
    """Reserve `count` change sequence numbers; returns the first of them. One
    statement a flush: UPDATE … RETURNING (SQLite 3.35+ and PostgreSQL both take it)."""
    c = SyncCounter.__table__.c  # Core: the counter is never loaded as an object
    bump = update(SyncCounter.__table__).where(c.id == 1).values(value=c.value + count)
    last = session.execute(bump.returning(c.value)).scalar_one()
    return int(last) - count + 1


def _stamp_sync_fields(session: Session, _flush_context: Any, _instances: Any) -> None:
    actor: Actor | None = session.info.get("actor")
    new = [o for o in session.new if isinstance(o, SyncMixin)]
    dirty = [o for o in session.dirty if isinstance(o, SyncMixin) and session.is_modified(o)]
    if not new and not dirty:
        return
    seq = next_change_seq(session, len(new) + len(dirty))
    now = utcnow()
    for obj in new:
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.version = obj.version or 1
        if actor and not obj.origin_office:
            obj.origin_office = actor.office_code
        if actor and not obj.author:
            obj.author = actor.operator
        obj.change_seq = seq
        seq += 1
    for obj in dirty:
        obj.updated_at = now
        obj.version = (obj.version or 0) + 1
        if actor:
            obj.author = actor.operator
        obj.change_seq = seq
        seq += 1


BeforeUpgrade = Callable[[Path], object]
"""Called with the file's path before a migration changes an existing file (the backup).
Not called for a server database: its upgrade runs in one transaction there."""


class Database:
    """An open database (a file, holding its instance lock until closed, or a server).

    `operator` and `backup_folder` are how this PC works with the file: who is
    writing (the audit log, each record's author) and where the services put the
    backups they make before an import (None: no pre-import backups, as for a
    scratch file a test or the self-test opens).
    """

    def __init__(
        self,
        where: Location | Path,
        engine: Engine,
        lock: FileLock | None,
        operator: str,
        backup_folder: Path | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        self.location = Location.of(where)
        # Opened read-only (a read-only file or folder, or a reading command): no
        # lock is held and every write is refused by SQLite.
        self.read_only = read_only
        # What the opening did that the user must be told (an automatic restore).
        self.notices: list[str] = []
        self.engine = engine
        self._lock = lock
        self.operator = operator
        self.session_id = uuid.uuid4().hex
        self.backup_folder = backup_folder
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()
        if not read_only:  # a writer's flush orders every table (app/models/__init__.py)
            declare_all()

    @property
    def path(self) -> Path:
        """The file; for a server, the stand-in path in this PC's folder for that
        server (Location.stand_in), so what lives beside a file — the attachments
        folder, the outbox, backup names — has a place for a server too."""
        from app.paths import data_dir

        return self.location.stand_in(data_dir())

    @property
    def is_server(self) -> bool:
        return self.location.is_server

    @property
    def address(self) -> str:
        """What `--db` takes to open this database again: the file's path, or the
        server URL (without a password)."""
        return str(self.location)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql": for the storage module's few engine-specific steps."""
        return self.engine.dialect.name

    @property
    def office_code(self) -> str:
        return self.get_setting("office.code", "")

    def actor(self) -> Actor:
        return Actor(self.operator, self.office_code, self.session_id)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception
        (including a cancelled generator's GeneratorExit).

        Re-entrant per thread: a service called inside another's unit of work
        joins it, so long work made of many service calls (demo data, a bundle
        import) is still one transaction that Cancel rolls back whole.
        """
        outer = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        session = self._factory()
        code = self._office_code_raw(session)
        session.info["actor"] = Actor(self.operator, code, self.session_id)
        event.listen(session, "before_flush", _stamp_sync_fields)
        self._local.session = session
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            _run_outcome(session, committed=False)
            raise
        else:
            _run_outcome(session, committed=True)
        finally:
            self._local.session = None
            session.close()

    def on_outcome(self, committed: Callable[[], None], undone: Callable[[], None]) -> None:
        """Run `committed` once the open unit of work has committed, or `undone` once it
        is rolled back (an error, a Cancel). Files that belong to records are put in
        place this way only after the records are (app.services.core.pending_files).
        With no unit of work open there is nothing to wait for: `committed` runs now."""
        outer = getattr(self._local, "session", None)
        if outer is None:
            committed()
            return
        outer.info.setdefault("on_outcome", []).append((committed, undone))

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """A connection for reading: the open unit of work's own when there is one on
        this thread (so long work sees what it has written so far), else a new one."""
        outer = getattr(self._local, "session", None)
        if outer is not None:
            yield outer.connection()
            return
        with self.engine.connect() as conn:
            yield conn

    def _office_code_raw(self, session: Session) -> str:
        value = session.get(Setting, "office.code")
        return value.value if value else ""

    def get_setting(self, key: str, default: str = "") -> str:
        """A setting stored in the file. Inside an open unit of work it is read through
        that unit's session (it sees what the unit has written, and opens no second
        connection); otherwise as a plain row on a connection of its own (a reading command
        reads twenty: the ORM's get cost each several times as much; issue 17)."""
        outer = getattr(self._local, "session", None)
        if outer is not None:
            row = outer.get(Setting, key)
            return row.value if row else default
        with self.engine.connect() as conn:
            row = conn.execute(select(Setting.value).where(Setting.key == key)).first()
            return row[0] if row is not None else default

    def set_settings(self, values: dict[str, str]) -> None:
        with self.session() as session:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))

    def hold_lock(self, lock: FileLock) -> None:
        """Keep `lock` (taken by the opener before it looked at the file) until close()."""
        self._lock = lock

    def release_file(self) -> None:
        """Close every connection but keep the instance lock: the file may now be
        replaced (a restore) and opened again with reconnect()."""
        self.engine.dispose()

    def reconnect(self, before_upgrade: BeforeUpgrade | None = None) -> None:
        """Open the (possibly replaced) file again, migrating it if it is older."""
        self.engine.dispose()
        engine = make_engine(self.location, read_only=self.read_only)
        if not self.read_only:
            bring_up_to_date(self.location, engine, before_upgrade)
        self.engine = engine
        self._factory = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run_outcome(session: Session, *, committed: bool) -> None:
    """The callbacks Database.on_outcome registered: the transaction's outcome is
    settled, so a callback that fails is logged, never raised (the records stand)."""
    for on_commit, on_undo in session.info.pop("on_outcome", []):
        try:
            (on_commit if committed else on_undo)()
        except Exception:
            log.exception("after the unit of work (%s)", "commit" if committed else "rollback")


def open_database(
    path: str | Path | Location,
    *,
    operator: str = "",
    create: bool = True,
    lock: bool = True,
    migrate: bool = True,
    backup_folder: Path | None = None,
    before_upgrade: BeforeUpgrade | None = None,
    read_only: bool = False,
    immutable: bool = False,
) -> Database:
    """Open (and if needed create and upgrade) the database at `path`.

    `before_upgrade(path)` runs before a migration changes an existing file; the
    doors open through app.services.core.storage, which backs the file up there.
    Raises DatabaseInUseError, NewerDatabaseError or DatabaseError with a
    message that tells the user what to do. `read_only`: no lock, no migration,
    no write (a reader beside the writer; a read-only file or folder).
    """
    location = Location.of(path)
    if location.is_server:
        return _open_server(location, operator, migrate, backup_folder, read_only)
    path = location.file()
    if read_only:
        engine = make_engine(path, read_only=True, immutable=immutable)
        return Database(path, engine, None, operator, backup_folder, read_only=True)

    if not path.exists() and not create:
        raise DatabaseError(f"找不到数据库文件：{path}\n请检查路径，或先运行 hexie init 创建。")
    path.parent.mkdir(parents=True, exist_ok=True)
    file_lock = FileLock(path) if lock else None
    if file_lock:
        file_lock.acquire()
    try:
        check_is_sqlite(path)
        engine = make_engine(path)
        if migrate:
            bring_up_to_date(path, engine, before_upgrade)
        return Database(path, engine, file_lock, operator, backup_folder)
    except BaseException:
        if file_lock:
            file_lock.release()
        raise


def _open_server(
    location: Location,
    operator: str,
    migrate: bool,
    backup_folder: Path | None,
    read_only: bool,
) -> Database:
    """A server database: no file lock (the server serialises writers; several PCs
    write at once), migrated in one transaction by the first writer that opens it."""
    engine = make_engine(location, read_only=read_only)
    try:
        if read_only:
            refuse_newer(engine)
        elif migrate:
            bring_up_to_date(location, engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine, None, operator, backup_folder, read_only=read_only)


def bring_up_to_date(
    where: Location | Path, engine: Engine, before_upgrade: BeforeUpgrade | None = None
) -> None:
    """Refuse a database from a newer version; migrate an older one (`before_upgrade`
    first, for a file). On a server the upgrade takes an advisory lock so two PCs
    opening a new version at once migrate it once."""
    location = Location.of(where)
    if location.is_server:
        upgrade_server(engine)
        _ensure_counter(engine)
        return
    path = location.file()
    from app.models import migrate as migrations

    current = migrations.current_revision(engine)
    known = migrations.known_revisions()
    if current is not None and current not in known:
        raise NewerDatabaseError(
            f"此数据库由更新版本的和谐台账写入（结构版本 {current}），当前程序无法识别。\n"
            "请安装最新版本后再打开。文件未被修改。"
        )
    head = migrations.head_revision()
    if current != head:
        if current is not None or _has_tables(engine):
            if before_upgrade is not None:
                before_upgrade(path)
            log.info("migrating %s from %s to %s", path, current, head)
        migrations.upgrade(engine, head)
    _ensure_counter(engine)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _ensure_counter(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        if session.get(SyncCounter, 1) is None:
            session.add(SyncCounter(id=1, value=0))
