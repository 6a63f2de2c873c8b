"""Engines on the office's database: a SQLite file (pragmas on every connection,
read-only and immutable readers) or the office's PostgreSQL server (psycopg 3, the
password from app/models/server_login.py, read-only transactions for readers), and
the errors opening one raises. app/models/db.py builds the Database on these."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from app.models import server_login
from app.models.base import postgresql_predicates
from app.models.bulk import NORMAL_CACHE_KB
from app.models.location import Location


class DatabaseError(RuntimeError):
    """A database file that cannot be opened; the message says what to do."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer Hexie Desk; opening it could lose data."""


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{NORMAL_CACHE_KB}")
    cursor.close()


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    # A reader never changes the file: no journal-mode switch, and query_only
    # turns any write into SQLite's "readonly database" error.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute(f"PRAGMA cache_size=-{NORMAL_CACHE_KB}")
    cursor.execute("PRAGMA query_only=1")
    cursor.close()


def make_engine(
    where: Location | Path | str, *, read_only: bool = False, immutable: bool = False
) -> Engine:
    """An engine on the file or the server. `read_only`: SQLite's mode=ro (WAL readers
    see the last commit and never wait for a writer), a server's read-only
    transactions. `immutable`: for a file in a folder nobody can write, where SQLite
    could not create the WAL index (-shm) a reader needs."""
    location = Location.of(where)
    if location.is_server:
        return _server_engine(location, read_only=read_only)
    path = location.file()
    if not read_only:
        engine = create_engine(f"sqlite:///{path}", future=True)
        event.listen(engine, "connect", _on_connect)
        return engine
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=QueuePool,  # a file, not the in-memory database the bare URL means
    )
    event.listen(engine, "connect", _on_connect_read_only)
    return engine


def _server_engine(location: Location, *, read_only: bool) -> Engine:
    """An engine on the office server, its password found before the first use
    (server_login): a refused password is asked again, at most three times."""
    postgresql_predicates()  # the partial indexes' predicates (app/models/base.py)
    connect_args: dict[str, Any] = {"connect_timeout": 10, "application_name": "hexie-desk"}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(
        location.sqlalchemy_url(), connect_args=connect_args, pool_pre_ping=True, future=True
    )
    if not read_only:
        event.listen(engine, "handle_error", _drop_read_only_connections)
    password: list[str | None] = [server_login.keyring_password(location)]

    @event.listens_for(engine, "do_connect")
    def _with_password(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        if password[0] is not None:
            cparams["password"] = password[0]

    for attempt in range(4):
        try:
            with engine.connect():
                break
        except OperationalError as exc:
            if not server_login.is_password_refusal(exc.orig) or attempt == 3:
                engine.dispose()
                raise server_unreachable(location, exc) from exc
            reason = "refused" if password[0] else "needed"
            try:
                password[0] = server_login.ask(location, reason)
            except BaseException:
                engine.dispose()
                raise
    server_login.note_password(location, password[0])
    return engine


# SQLSTATE of a write refused in a read-only transaction (a standby, or
# default_transaction_read_only on the database).
READ_ONLY_TRANSACTION = "25006"


def _drop_read_only_connections(context: Any) -> None:
    """A write refused as read-only: the pool's connections took the database's
    setting when they opened, so they are all dropped (as after a disconnect) and
    the next save opens a new one, which writes once the administrator turned
    read-only off (README: 办公室服务器 → 出错时)."""
    if getattr(context.original_exception, "sqlstate", None) == READ_ONLY_TRANSACTION:
        context.is_disconnect = True


def server_unreachable(location: Location, exc: BaseException) -> DatabaseError:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()
    reason = detail[0] if detail else ""
    if server_login.is_password_refusal(getattr(exc, "orig", exc)):
        return DatabaseError(
            f"服务器 {location} 拒绝了密码。\n请检查用户名和密码（可在 ~/.pgpass 或系统钥匙串中更新）。"
        )
    return DatabaseError(
        f"无法连接办公室服务器 {location}：{reason}\n"
        "请检查服务器是否开机、地址和端口是否正确、数据库是否已建好（见 README 的“办公室服务器”）。"
    )


def refuse_newer(engine: Engine) -> None:
    from app.models import migrate as migrations

    current = migrations.current_revision(engine)
    if current is not None and current not in migrations.known_revisions():
        raise NewerDatabaseError(
            f"此数据库由更新版本的和谐台账写入（结构版本 {current}），当前程序无法识别。\n"
            "请安装最新版本后再打开。数据库未被修改。"
        )


# pg_advisory_xact_lock key for "migrating the Hexie Desk schema" (any constant).
_MIGRATION_LOCK = 0x48455849


def upgrade_server(engine: Engine) -> None:
    from app.models import migrate as migrations

    refuse_newer(engine)
    if migrations.current_revision(engine) == migrations.head_revision():
        return
    migrations.upgrade(engine, migrations.head_revision(), advisory_lock=_MIGRATION_LOCK)


def check_is_sqlite(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(
            f"该文件不是和谐台账的数据库（也不是 SQLite 文件）：{path}\n请选择正确的 .sqlite3 文件。"
        )
