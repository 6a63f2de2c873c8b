"""Opening the one SQLite file: pragmas, the instance lock, migrations, sessions.

docs/architecture.md, "Storage": foreign keys on, WAL, busy timeout on every connection; Alembic
migrations at open with a copy of the file taken first; a file written by a
newer version refused; one unit of work per user action.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from app.models.base import SyncMixin, utcnow
from app.models.lock import DatabaseInUseError, FileLock
from app.models.setting import Setting, SyncCounter

log = logging.getLogger(__name__)

__all__ = [
    "Actor",
    "Database",
    "DatabaseError",
    "DatabaseInUseError",
    "NewerDatabaseError",
    "fast_insert",
    "next_change_seq",
    "open_database",
]


class DatabaseError(RuntimeError):
    """A database file that cannot be opened; the message says what to do."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer Hexie Desk; opening it could lose data."""


@dataclass(frozen=True)
class Actor:
    """Who is writing: stamped on records (author, origin office) and the audit log."""

    operator: str
    office_code: str


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{NORMAL_CACHE_KB}")
    cursor.close()


NORMAL_CACHE_KB = 8_000
BULK_CACHE_KB = 64_000


@contextmanager
def bulk_cache(session: Session) -> Iterator[None]:
    """A larger page cache for one bulk write: 100,000 rows go into several
    indexes, and the default cache turns that into page churn. Everyday
    connections keep a small cache so the open window stays light."""
    session.execute(text(f"PRAGMA cache_size=-{BULK_CACHE_KB}"))
    try:
        yield
    finally:
        session.execute(text(f"PRAGMA cache_size=-{NORMAL_CACHE_KB}"))


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def next_change_seq(session: Session, count: int = 1) -> int:
    """Reserve `count` change sequence numbers; returns the first of them."""
    session.execute(
        update(SyncCounter).where(SyncCounter.id == 1).values(value=SyncCounter.value + count)
    )
    last = session.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar_one()
    return int(last) - count + 1


def _memo(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Bulk rows share their timestamps: convert a repeated value once."""
    last: list[Any] = [object(), None]

    def run(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return run


def fast_insert(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    stored_as_is: Collection[str] = (),
) -> None:
    """executemany of many plain rows, with each column type's own bind
    processing but without SQLAlchemy's per-row statement machinery (twice as
    fast on 100,000 rows). The statement is compiled for the connection's
    dialect, so it stays portable."""
    if not rows:
        return
    dialect = connection.dialect
    keys = list(rows[0])
    compiled = table.insert().compile(dialect=dialect, column_keys=keys)
    processors = {
        key: _memo(proc)
        for key in keys
        if key not in stored_as_is and (proc := table.c[key].type._cached_bind_processor(dialect))
    }
    if compiled.positional:
        order = list(compiled.positiontup or ())
        # Pull each row's values in one C call, then convert only the columns
        # that need it (dates, booleans): most columns are plain text or numbers.
        pick = itemgetter(*order)
        convert = [(i, processors[k]) for i, k in enumerate(order) if k in processors]
        params: list[Any] = []
        for row in rows:
            values = pick(row)
            if len(order) == 1:
                values = (values,)
            if convert:
                changed = list(values)
                for i, process in convert:
                    changed[i] = process(changed[i])
                values = tuple(changed)
            params.append(values)
    else:
        params = [
            {k: (processors[k](v) if k in processors else v) for k, v in row.items()}
            for row in rows
        ]
    connection.exec_driver_sql(str(compiled), params)


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


class Database:
    """An open database file, holding its instance lock until closed."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock | None, operator: str) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.operator = operator
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()

    @property
    def office_code(self) -> str:
        return self.get_setting("office.code", "")

    def actor(self) -> Actor:
        return Actor(operator=self.operator, office_code=self.office_code)

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
        session.info["actor"] = Actor(self.operator, self._office_code_raw(session))
        event.listen(session, "before_flush", _stamp_sync_fields)
        self._local.session = session
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            self._local.session = None
            session.close()

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
        with self._factory() as session:
            row = session.get(Setting, key)
            return row.value if row else default

    def set_settings(self, values: dict[str, str]) -> None:
        with self.session() as session:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))

    def release_file(self) -> None:
        """Close every connection but keep the instance lock: the file may now be
        replaced (a restore) and opened again with reconnect()."""
        self.engine.dispose()

    def reconnect(self, backup_folder: Path | None = None) -> None:
        """Open the (possibly replaced) file again, migrating it if it is older."""
        self.engine.dispose()
        engine = make_engine(self.path)
        bring_up_to_date(self.path, engine, backup_folder)
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


def _backup_file(path: Path, revision: str | None) -> Path:
    """Copy the live file with SQLite's online backup before a migration."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision or 'none'}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(
    path: str | Path,
    *,
    operator: str = "",
    create: bool = True,
    lock: bool = True,
    migrate: bool = True,
    backup_folder: Path | None = None,
) -> Database:
    """Open (and if needed create and upgrade) the database at `path`.

    Raises DatabaseInUseError, NewerDatabaseError or DatabaseError with a
    message that tells the user what to do.
    """

    path = Path(path).expanduser().resolve()
    if not path.exists() and not create:
        raise DatabaseError(f"找不到数据库文件：{path}\n请检查路径，或先运行 hexie init 创建。")
    path.parent.mkdir(parents=True, exist_ok=True)
    file_lock = FileLock(path) if lock else None
    if file_lock:
        file_lock.acquire()
    try:
        _check_is_sqlite(path)
        engine = make_engine(path)
        if migrate:
            bring_up_to_date(path, engine, backup_folder)
        return Database(path, engine, file_lock, operator)
    except BaseException:
        if file_lock:
            file_lock.release()
        raise


def bring_up_to_date(path: Path, engine: Engine, backup_folder: Path | None = None) -> None:
    """Refuse a file from a newer version; back up and migrate an older one."""
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
            if backup_folder is not None:
                from app.services.core import backups

                backup = backups.make_backup(path, backup_folder, "migration")
            else:
                backup = _backup_file(path, current)
            log.info("backed up %s to %s before migrating", path, backup)
        migrations.upgrade(engine, head)
    _ensure_counter(engine)


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def _check_is_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"该文件不是和谐台账的数据库（也不是 SQLite 文件）：{path}\n请选择正确的 .sqlite3 文件。"
        )


def _ensure_counter(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        if session.get(SyncCounter, 1) is None:
            session.add(SyncCounter(id=1, value=0))
