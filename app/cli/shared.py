"""What every command group shares: errors and exit codes, the --db and --operator
options, opening the database as the operator, JSON output, date arguments, and
running long work to its end.

The command modules import from here, never from the package's __init__ (which
imports them): no import circle.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from app.services.core.progress import Work, drain

if TYPE_CHECKING:
    from app.services.core.storage import Database, Location

EXIT_OK, EXIT_ERROR, EXIT_UNREADABLE, EXIT_REJECTED = 0, 1, 2, 3
# The office file itself (README: 命令行, exit codes): damaged; not a Hexie Desk
# database (0 bytes, not SQLite, another program's); another window or command is
# writing it; read-only and the command writes; the disk filled up.
EXIT_DAMAGED, EXIT_NOT_DATABASE, EXIT_IN_USE, EXIT_READ_ONLY, EXIT_DISK_FULL = 4, 5, 6, 7, 8
STORAGE_EXIT_CODES = {
    "damaged": EXIT_DAMAGED,
    "not_a_database": EXIT_NOT_DATABASE,
    "in_use": EXIT_IN_USE,
    "read_only": EXIT_READ_ONLY,
    "disk_full": EXIT_DISK_FULL,
    # The office server (app/services/core/server_errors.py): read-only, disk full
    # and all connection slots taken share the file's codes above; a server that
    # is away, a refused login and a missing database are 1, as at opening.
    # A table the office's user may not write (REVOKE, a role that owns nothing):
    # as a file this user may not write.
    "server_denied": EXIT_READ_ONLY,
    "server_unreachable": EXIT_ERROR,
    "server_login": EXIT_ERROR,
    "server_missing": EXIT_ERROR,
}

T = TypeVar("T")


class CliError(Exception):
    """A message for the user (printed as “错误：…” on stderr) and the exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Command:
    """One `hexie` subcommand: its help line, its options, and what it does."""

    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    # Opens its database itself, and only then loads the storage layer and sets the
    # password prompt (`hexie report` reads a SQLite file without SQLAlchemy).
    light: bool = False


def db_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get("HEXIE_DB"),
        help="数据库文件，或办公室服务器 postgresql://用户名@服务器:端口/数据库名"
        "（也可用环境变量 HEXIE_DB；密码不写在地址里）",
    )
    parser.add_argument(
        "--operator",
        default=None,
        help="操作员姓名，记入操作日志（也可用环境变量 HEXIE_OPERATOR）",
    )


def open_db(args: argparse.Namespace, *, create: bool = False, write: bool = True) -> Database:
    """The database named by --db, opened as the operator, with this PC's backup
    folder (where a migration's and an import's backups go).

    `write=False` for the commands that only read: they take no lock and read
    SQLite read-only, so they work while the window or an import holds the file,
    and on a read-only file or folder."""
    from app.services.core.storage import open_office_database
    from app.settings import AppSettings

    if not args.db:
        raise CliError("请用 --db 指定数据库文件，或设置环境变量 HEXIE_DB。")
    settings = AppSettings.load()
    db = open_office_database(
        location_of(args.db),
        operator=operator_of(args, settings),
        create=create,
        backup_folder=settings.backup_dir(),
        access="write" if write else "read",
    )
    for notice in db.notices:  # an interrupted upgrade undone, for instance
        print(notice, file=sys.stderr)
    return db


def location_of(text: str) -> Location:
    """--db as a Location: a file path, or a server URL (a password in it refused)."""
    from app.services.core.storage import Location, LocationError

    try:
        return Location.of(text)
    except LocationError as exc:
        raise CliError(str(exc)) from exc


def use_password_prompt() -> None:
    """A server's password is asked on this terminal (server_login)."""
    from app.services.core.server_login import set_prompt

    set_prompt(ask_password)


def ask_password(location: Location, reason: str) -> str | None:
    """The CLI's password prompt (server_login): getpass on the terminal, never echoed;
    no terminal (a script): no prompt, the script is told where a password goes."""
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(
            f"服务器 {location} 要求密码。脚本中请把密码写入 ~/.pgpass（或 PGPASSFILE 指向的文件），"
            "或存入系统钥匙串；密码不能写在命令行上。"
        )
    import getpass

    if reason == "refused":
        print("密码不正确，请重新输入。", file=sys.stderr)
    return getpass.getpass(f"{location} 的密码：")


def operator_of(args: argparse.Namespace, settings: Any) -> str:
    """Who the audit log names: --operator, HEXIE_OPERATOR, this PC's operator, and
    only then the login name (said on stderr, so a script can be corrected)."""
    chosen = (getattr(args, "operator", None) or "").strip()
    chosen = chosen or os.environ.get("HEXIE_OPERATOR", "").strip() or settings.operator.strip()
    if chosen:
        return str(chosen)
    login = settings.operator_name()
    print(
        f"未指定操作员，操作日志记为登录名“{login}”。请用 --operator 姓名 或环境变量 HEXIE_OPERATOR 指定。",
        file=sys.stderr,
    )
    return str(login)


def report_error(args: argparse.Namespace, message: str, code: int, kind: str) -> int:
    """An error as the user sees it: “错误：…” on stderr, and when --json was asked
    also one JSON object on stdout (`error`, `message`, `message_en`, `exit_code`)."""
    from app.services.core.messages import english

    print(f"错误：{message}", file=sys.stderr)
    if getattr(args, "json", False):
        print_json(
            {
                "error": kind,
                "message": str(message),
                "message_en": english(message),
                "exit_code": code,
            }
        )
    return code


def print_json(data: Any, **options: Any) -> None:
    """One JSON document on stdout, Chinese as it is. A value that is neither a dict,
    a list nor a scalar but can be walked (an import's problems, read from a spill
    file: app/services/register/enterprise_check.ProblemRows) is written as a list an
    item at a time, so a million problems are printed without being held."""
    if options or not _has_walked(data):
        print(json.dumps(data, ensure_ascii=False, **options))
        return
    _write_json(data, sys.stdout)
    sys.stdout.write("\n")


def _walked(value: Any) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | dict | list | tuple)


def _has_walked(data: Any) -> bool:
    if isinstance(data, dict):
        return any(_has_walked(v) for v in data.values())
    if isinstance(data, list | tuple):
        return any(_has_walked(v) for v in data)
    return _walked(data)


def _write_json(value: Any, out: TextIO) -> None:
    if isinstance(value, dict):
        out.write("{")
        for i, (key, item) in enumerate(value.items()):
            out.write(("" if i == 0 else ", ") + json.dumps(str(key), ensure_ascii=False) + ": ")
            _write_json(item, out)
        out.write("}")
    elif isinstance(value, list | tuple) or _walked(value):
        out.write("[")
        for i, item in enumerate(value):
            out.write("" if i == 0 else ", ")
            _write_json(item, out)
        out.write("]")
    else:
        out.write(json.dumps(value, ensure_ascii=False))


def date_arg(text: str, problem: str) -> date:
    """An ISO date given on the command line; `problem` is the message when it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(problem) from None


# Set by `main` from the command's --json: progress stays off the terminal then.
QUIET_PROGRESS = {"quiet": False}


def run_work(work: Work[T]) -> T:
    """Long work run to its end, its progress shown on stderr (app/cli/progress.py);
    the notes it leaves (where the pre-import backup went) are printed on stderr, as
    the window shows them in its progress dialog."""
    from app.cli.progress import TerminalProgress

    shown = TerminalProgress(sys.stderr, quiet=QUIET_PROGRESS["quiet"])
    try:
        return drain(work, shown)
    finally:
        shown.finish()
