"""What can go wrong with the office server in the middle of work, said once for
every door (README.md, 办公室服务器 → 出错时).

The PostgreSQL counterpart of the file's storage errors (storage_errors.py): the
server stopped or the connection dropped, the database set read-only (a hot
standby, or default_transaction_read_only), the server's disk full, the password
refused, the database missing, every connection slot taken. Each becomes a
StorageError with a message that says what to do and a `kind` the CLI maps to
its exit code (app/cli/shared.py: read-only 7, and a table the office's user may
not write 7 as for a file it may not write, disk full 8, all slots taken 6 as
for a file another writer holds; the rest 1). What was being saved was rolled
back whole by the unit of work (app/models/db.py), so the message can say so,
and the window's form stays open with what was typed.

Recognised by SQLSTATE where the server sent one, else by libpq's words (a
connection that never opened carries no SQLSTATE).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.db import DatabaseError
from app.services.core import error_chain
from app.services.core.messages import N_, Message


class ServerProblem(DatabaseError):
    """The office server cannot do what was asked just now; the message says why
    and what to do. `kind`: the CLI's exit code and --json error (app/cli/shared.py);
    `message` and `path` as storage_errors.StorageError's, which classify() returns
    beside it."""

    def __init__(self, kind: str, message: Message) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.path = None


UNDONE = N_("这次操作没有保存到服务器（已全部撤销），窗口中填写的内容仍在，可稍后再保存。")
# A command has no window: what it was writing is undone, and it can simply be run again.
UNDONE_COMMAND = N_("这条命令没有写入服务器（已全部撤销），可稍后重新运行。")


@dataclass(frozen=True)
class _Problem:
    """One kind of server problem: recognised by its SQLSTATE (`states`: codes, or a
    class's first two digits) or, where none was sent, by libpq's words (`words`:
    any of these groups whose words all stand in the text); said by `message`
    (N_, filled with the server and UNDONE); `kind` is the CLI's exit code."""

    kind: str
    states: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    message: Message

    def matches(self, state: str, text: str) -> bool:
        return (bool(state) and state.startswith(self.states)) or any(
            all(w in text for w in group) for group in self.words
        )


# In this order: the first that matches says what happened.
_PROBLEMS = (
    _Problem(
        "read_only",
        ("25006",),
        (("read-only transaction",),),
        N_(
            "服务器 {server} 上的数据库现在只能查看、不能修改（它是只读的备用服务器，或被管理员设为只读）。{undone}"
            "请联系管理员：改连主服务器，或在服务器上执行 "
            "ALTER DATABASE 数据库名 SET default_transaction_read_only = off，之后再保存即可（不必重新打开）。"
        ),
    ),
    _Problem(
        "disk_full",
        ("53100",),
        (("no space left on device",), ("could not extend file",)),
        N_(
            "服务器 {server} 的磁盘空间不足，写入没有完成。{undone}"
            "请管理员清理服务器磁盘（旧备份、日志）或扩容后再保存。"
        ),
    ),
    _Problem(
        "in_use",
        ("53300",),
        (("too many c",), ("connection slots are reserved",)),
        N_(
            "服务器 {server} 的连接数已满（同时打开的窗口和命令太多）。{undone}"
            "请关闭不用的和谐台账窗口后重试；经常出现时请管理员调大 PostgreSQL 的 max_connections。"
        ),
    ),
    _Problem(
        "server_denied",
        ("42501",),
        (("permission denied",),),
        N_(
            "服务器 {server} 不允许本办公室的用户做这项操作（权限不足）。{undone}"
            "请管理员在服务器上给该用户授权：让它拥有办公室数据库里的表（README 的“办公室服务器”用"
            " createdb -O 建库），或执行 GRANT ALL ON ALL TABLES IN SCHEMA public TO 用户名。"
        ),
    ),
    _Problem(
        "server_login",
        ("28P01", "28000"),
        (("password authentication failed",), ('role "', "does not exist")),
        N_(
            "服务器 {server} 拒绝了用户名或密码。{undone}"
            "请检查用户名和密码（可在 ~/.pgpass 或系统钥匙串中更新），或请管理员确认该账户仍然有效。"
        ),
    ),
    _Problem(
        "server_missing",
        ("3D000",),
        (("database", "does not exist"),),
        N_(
            "服务器 {server} 上没有这个数据库（名称写错，或已被删除、改名）。{undone}"
            "请检查地址中的数据库名；新建办公室数据库见 README 的“办公室服务器”（createdb 后，"
            "从文件搬来用 hexie migrate-db，新办公室用 hexie init）。"
        ),
    ),
    _Problem(
        "server_unreachable",
        ("08", "57P01", "57P02", "57P03"),
        tuple(
            (words,)
            for words in (
                "connection is lost",
                "connection is closed",
                "server closed the connection",
                "terminating connection",
                "connection refused",
                "could not connect",
                "connection failed",
                "connection timeout",
                "timeout expired",
                "the database system is shutting down",
                "the database system is starting up",
                "the database system is in recovery mode",
                "no connection to the server",
                "consuming input failed",
            )
        ),
        N_(
            "与办公室服务器 {server} 的连接断开了（服务器停止、重启，或网络中断）。{undone}"
            "请确认服务器已开机、网线或无线网络正常，然后再保存；程序会自动重新连接。"
        ),
    ),
)


def _server_error(exc: BaseException) -> BaseException | None:
    """psycopg's error behind `exc` (sqlalchemy's .orig, or a cause), if any."""
    try:
        import psycopg
    except ImportError:  # a PC without the server driver never meets one
        return None
    return error_chain.behind(exc, psycopg.Error)


def classify(
    exc: BaseException, where: object = None, *, command: bool = False
) -> ServerProblem | None:
    """The server problem behind `exc`, or None when it is not one. `where`: the
    server's address as the user gave it (--db), when known; `command`: said to a
    command line (no window whose form keeps what was typed)."""
    error = _server_error(exc)
    if error is None:
        return None
    state = str(getattr(error, "sqlstate", "") or "")
    text = str(error).lower()
    for problem in _PROBLEMS:
        if problem.matches(state, text):
            return ServerProblem(
                problem.kind,
                problem.message.filled(
                    server=_shown(where), undone=UNDONE_COMMAND if command else UNDONE
                ),
            )
    return None


def _shown(where: object) -> object:
    """The address without anything but user, host, port and database."""
    from app.models.location import Location, LocationError, is_server_url

    if isinstance(where, Location) and where.is_server:
        return str(where)
    if isinstance(where, str) and is_server_url(where):
        try:
            return str(Location.of(where))
        except LocationError:  # an address that does not parse: named in general words
            return N_("办公室服务器")
    return N_("办公室服务器")
