"""`hexie` — the command line. With no subcommand it starts the window: on the
file given by `--db FILE` or as the only argument (`hexie FILE`), else HEXIE_DB or
the file opened last.

One module per command group (register, rules, risk, sync, documents, campaign,
scans) and a shared module (errors and exit codes, opening the database, JSON,
dates, long work). The groups import from app.cli.shared, never from here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.cli import (
    backup,
    campaign,
    documents,
    register,
    risk,
    rules,
    scans,
    server,
    shared,
    sync,
)
from app.cli.shared import EXIT_ERROR, STORAGE_EXIT_CODES, CliError, Command, report_error
from app.process_end import collector_paused

# Every command, in the order `hexie --help` lists them.
COMMANDS: dict[str, Command] = {
    **{k: register.COMMANDS[k] for k in ("init", "demo", "import-enterprises")},
    **rules.COMMANDS,
    **risk.COMMANDS,
    "stats": register.COMMANDS["stats"],
    **documents.COMMANDS,
    **sync.COMMANDS,
    **campaign.COMMANDS,
    **scans.COMMANDS,
    **backup.COMMANDS,
    **server.COMMANDS,
}

__all__ = ["COMMANDS", "CliError", "build_parser", "main", "shared"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hexie", description="和谐台账 Hexie Desk")
    parser.add_argument("--version", action="version", version=f"hexie {__version__}")
    # `hexie --db FILE` opens the window on FILE (README: 命令行); before a
    # subcommand it is that command's --db.
    parser.add_argument("--db", dest="window_db", default=None, help="打开窗口时使用的数据库文件")
    sub = parser.add_subparsers(dest="command")
    for name, command in COMMANDS.items():
        command.arguments(sub.add_parser(name, help=command.help))
    return parser


def _database_path(argv: list[str]) -> str | None:
    """`hexie FILE`: a lone argument that names a file (has a folder or a suffix, or
    exists) rather than a command; a mistyped command still gets argparse's message."""
    if len(argv) != 1 or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    text = argv[0]
    looks_like_file = os.sep in text or "/" in text or Path(text).suffix or Path(text).exists()
    return text if looks_like_file else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lone_path = _database_path(argv)
    if lone_path is not None:
        from app.gui import run_gui

        return run_gui(lone_path)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.gui import run_gui

        return run_gui(args.window_db)
    if args.window_db and getattr(args, "db", None) in (None, os.environ.get("HEXIE_DB")):
        args.db = args.window_db  # `hexie --db FILE stats`: the command's --db
    shared.QUIET_PROGRESS["quiet"] = bool(getattr(args, "json", False))
    command = COMMANDS[args.command]
    if not command.light:
        with collector_paused():  # app/process_end.py: imports without the collector
            shared.use_password_prompt()

    try:
        return command.run(args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except Exception as exc:
        from app.services.core.server_login import LoginCancelled
        from app.services.core.storage import DatabaseError, DatabaseInUseError
        from app.services.core.storage_errors import classify

        # The office file (damaged, foreign, held by a writer, read-only, a full
        # disk) as a message and a documented exit code, never a traceback.
        problem = classify(
            exc,
            getattr(args, "db", None),
            server=getattr(args, "target", None),  # migrate-db's --to
            command=True,
        )
        if problem is not None:
            return report_error(
                args, problem.message, STORAGE_EXIT_CODES[problem.kind], problem.kind
            )
        if isinstance(exc, DatabaseError | DatabaseInUseError | LoginCancelled):
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_ERROR
        raise
