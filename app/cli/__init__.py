"""`hexie` — the command line. With no subcommand it starts the window.

One module per command group (register, rules, risk, sync, documents, campaign,
scans) and a shared module (errors and exit codes, opening the database, JSON,
dates, long work). The groups import from app.cli.shared, never from here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import backup, campaign, documents, register, risk, rules, scans, shared, sync
from app.cli.shared import EXIT_ERROR, STORAGE_EXIT_CODES, CliError, Command, report_error

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
}

__all__ = ["COMMANDS", "CliError", "build_parser", "main", "shared"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hexie", description="和谐台账 Hexie Desk")
    parser.add_argument("--version", action="version", version=f"hexie {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, command in COMMANDS.items():
        command.arguments(sub.add_parser(name, help=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.gui import run_gui

        return run_gui()
    from app.services.core.storage import DatabaseError, DatabaseInUseError
    from app.services.core.storage_errors import classify

    try:
        return COMMANDS[args.command].run(args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except Exception as exc:
        # The office file (damaged, foreign, held by a writer, read-only, a full
        # disk) as a message and a documented exit code, never a traceback.
        problem = classify(exc, getattr(args, "db", None))
        if problem is not None:
            return report_error(
                args, problem.message, STORAGE_EXIT_CODES[problem.kind], problem.kind
            )
        if isinstance(exc, DatabaseError | DatabaseInUseError):
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_ERROR
        raise
