"""`hexie backup`, `restore` and `check`: the office file's safety net on the
command line, through the same functions the window uses (backups.make_backup,
storage.restore_file, SQLite's own checks)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.shared import (
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_UNREADABLE,
    CliError,
    Command,
    db_options,
    operator_of,
    print_json,
)


def _db_path(args: argparse.Namespace) -> Path:
    if not args.db:
        raise CliError("请用 --db 指定数据库文件，或设置环境变量 HEXIE_DB。")
    path = Path(args.db).expanduser().resolve()
    if not path.exists():
        raise CliError(f"找不到数据库文件：{path}\n请检查路径。")
    return path


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument(
        "--to", default=None, metavar="DIR", help="备份到此文件夹（默认为本机的备份文件夹）"
    )
    p.add_argument("--json", action="store_true")


def _url_like(text: str | None) -> bool:
    return bool(text) and "://" in str(text)


def cmd_backup(args: argparse.Namespace) -> int:
    """A reader: SQLite's online backup works while the window or an import writes."""
    from app.services.core import backups, file_check
    from app.services.core.storage_errors import classify
    from app.settings import AppSettings

    if _url_like(args.db):
        return _server_backup(args)
    path = _db_path(args)
    file_check.inspect(path)
    folder = Path(args.to).expanduser() if args.to else AppSettings.load().backup_dir()
    try:
        made = backups.make_backup(path, folder, "manual")
    except backups.BackupError as exc:
        raise classify(exc, path, command=True) or CliError(str(exc)) from exc
    if not args.to:
        backups.rotate(folder, path.stem)
    if args.json:
        print_json({"backup": str(made), "size": made.stat().st_size})
    else:
        print(f"已备份到 {made}")
    return EXIT_OK


def _server_backup(args: argparse.Namespace) -> int:
    """A database on the office server: the app's logical export (and pg_dump's file
    when pg_dump is on PATH), app/services/core/server_backup.py."""
    from app.cli.shared import open_db
    from app.services.core import server_backup
    from app.settings import AppSettings

    folder = Path(args.to).expanduser() if args.to else AppSettings.load().backup_dir()
    with open_db(args, write=False) as db:
        made = server_backup.make_backup(db, folder)
    if args.json:
        print_json(
            {
                "backup": str(made.export),
                "size": made.export.stat().st_size,
                "pg_dump": str(made.dump) if made.dump else None,
            }
        )
    else:
        print(f"已备份到 {made.export}")
        if made.dump:
            print(f"pg_dump 备份：{made.dump}（用 pg_restore 恢复）")
    return EXIT_OK


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", help="备份文件（.sqlite3）")
    db_options(p)
    p.add_argument("--yes", action="store_true", help="不询问，直接恢复")
    p.add_argument("--json", action="store_true")


def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.core import backups, storage
    from app.settings import AppSettings

    if not args.db:
        raise CliError("请用 --db 指定要恢复到的数据库文件，或设置环境变量 HEXIE_DB。")
    if _url_like(args.db):
        return _server_restore(args)
    target = Path(args.db).expanduser().resolve()
    source, info = _described(
        args,
        backups.describe,
        "该备份已损坏或不是和谐台账的备份，不能恢复：{}。请选择其他备份；数据库未改动。",
    )
    replaces = f"将替换：{target}（原文件另存为 {target.name}.before-restore-时间，不会删除）"
    question = "用这个备份替换当前数据库吗？"
    if not _confirmed(args, source, info, "（文件名中没有时间）", replaces, question, "数据库"):
        return EXIT_ERROR
    settings = AppSettings.load()
    kept = storage.restore_file(source, target, settings.backup_dir())
    # A backup from an older version is brought up to date now (backed up first).
    storage.open_office_database(
        target, operator=operator_of(args, settings), backup_folder=settings.backup_dir()
    ).close()
    if args.json:
        print_json(
            {
                "restored": str(target),
                "backup": str(source),
                "made_at": info.made_at.isoformat() if info.made_at else None,
                "office": info.office,
                "counts": info.counts,
                "kept": str(kept) if kept else None,
            }
        )
    else:
        print(f"已恢复 {target}。" + (f"原文件另存为 {kept}" if kept else ""))
    return EXIT_OK


def _described(args: argparse.Namespace, describe: Any, refusal: str) -> tuple[Path, Any]:
    """The backup file named on the command line and what it holds; CliError (exit 2)
    when it is missing or unusable (`refusal`, with its problems at {})."""
    source = Path(args.backup).expanduser().resolve()
    if not source.is_file():
        raise CliError(f"找不到备份文件：{source}", EXIT_UNREADABLE)
    info = describe(source)
    if not info.ok:
        raise CliError(refusal.format("；".join(info.problems)), EXIT_UNREADABLE)
    return source, info


def _confirmed(
    args: argparse.Namespace,
    source: Path,
    info: Any,
    no_time: str,
    replaces: str,
    question: str,
    what: str,
) -> bool:
    """The restore's preview (the backup's time, office and counts, and what it
    replaces) and, without --yes, the user's y; False when they declined (`what`,
    the database or the server's data, is then said to be unchanged)."""
    out = sys.stderr if args.json else sys.stdout
    made = f"{info.made_at:%Y-%m-%d %H:%M:%S}" if info.made_at else no_time
    print(f"备份：{source}", file=out)
    print(f"备份时间：{made}", file=out)
    print(f"单位：{info.office or '（未设置）'}", file=out)
    for label, n in info.counts.items():
        print(f"  {label}：{n}", file=out)
    print(replaces, file=out)
    if args.yes:
        return True
    print(f"{question}输入 y 确认：", end="", file=out, flush=True)
    if sys.stdin.readline().strip().lower() in ("y", "yes", "是"):
        return True
    print(f"已取消，{what}未改动。", file=out)
    return False


def _server_restore(args: argparse.Namespace) -> int:
    """Preview (time, office, counts), confirm, then replace every record on the
    server in one transaction, verified against the backup's checksums."""
    from app.cli.shared import open_db
    from app.services.core import server_backup
    from app.services.core.backups import BackupError
    from app.settings import AppSettings

    source, info = _described(
        args, server_backup.describe, "不能用这个备份恢复：{} 服务器上的数据未改动。"
    )
    replaces = f"将替换服务器上的全部记录：{args.db}（先另做一份备份，不会丢失）"
    question = "用这个备份替换服务器上的数据吗？"
    if not _confirmed(args, source, info, "（未知）", replaces, question, "服务器上的数据"):
        return EXIT_ERROR
    with open_db(args) as db:
        try:
            kept = server_backup.restore(db, source, AppSettings.load().backup_dir())
        except BackupError as exc:
            raise CliError(str(exc), EXIT_UNREADABLE) from exc
    if args.json:
        print_json(
            {"restored": args.db, "backup": str(source), "counts": info.counts, "kept": str(kept)}
        )
    else:
        print(f"已恢复 {args.db}。恢复前的数据另存为 {kept}")
    return EXIT_OK


def _check_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--json", action="store_true")


def cmd_check(args: argparse.Namespace) -> int:
    """SQLite's quick_check, then the full integrity_check (every page and index);
    read-only, so it runs beside the window."""
    from app.services.core import backups, file_check

    if _url_like(args.db):
        raise CliError(
            "hexie check 检查的是 SQLite 文件；办公室服务器上的数据库由 PostgreSQL 自己保证完整，"
            "请在服务器上用 PostgreSQL 的工具（如 pg_amcheck）检查。"
        )
    path = _db_path(args)
    file_check.inspect(path)
    quick = backups.integrity_problems(path, quick=True)
    full = backups.integrity_problems(path)
    ok = not quick and not full
    if args.json:
        print_json({"database": str(path), "ok": ok, "quick_check": quick, "integrity_check": full})
    else:
        print(f"快速检查（quick_check）：{'通过' if not quick else '；'.join(quick)}")
        print(f"完整检查（integrity_check）：{'通过' if not full else '；'.join(full)}")
    if ok:
        return EXIT_OK
    print(
        f"错误：数据库已损坏。请用最新的完好备份恢复：hexie restore 备份文件 --db {path}",
        file=sys.stderr,
    )
    return EXIT_DAMAGED


COMMANDS = {
    "backup": Command(
        "备份数据库（SQLite 在线备份，窗口开着也可以）", _backup_arguments, cmd_backup
    ),
    "restore": Command(
        "用备份恢复数据库（先显示备份的时间、单位和记录数；原文件另存）",
        _restore_arguments,
        cmd_restore,
    ),
    "check": Command("检查数据库完整性（先快速检查，再完整检查）", _check_arguments, cmd_check),
}
