"""`hexie migrate-db`: an office's SQLite file moved to the office server, verified
table by table (app/services/core/server_move.py; README: 办公室服务器)."""

from __future__ import annotations

import argparse
import sys

from app.cli.shared import EXIT_ERROR, EXIT_OK, CliError, Command, operator_of, print_json


def _migrate_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="source", required=True, metavar="FILE", help="本机的数据库文件")
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="服务器上新建的空数据库 postgresql://用户名@服务器:端口/数据库名（密码不写在地址里）",
    )
    p.add_argument("--operator", default=None, help="操作员姓名")
    p.add_argument("--json", action="store_true")


def cmd_migrate_db(args: argparse.Namespace) -> int:
    from app.cli.shared import location_of
    from app.services.core import server_move
    from app.settings import AppSettings

    target = location_of(args.target)
    settings = AppSettings.load()
    try:
        report = server_move.move(
            args.source,
            target,
            operator=operator_of(args, settings),
            backup_folder=settings.backup_dir(),
            progress=None
            if args.json
            else lambda name: print(f"正在复制 {name}…", file=sys.stderr),
        )
    except server_move.MoveRefused as exc:
        raise CliError(str(exc)) from exc
    except server_move.MoveMismatch as exc:
        raise CliError(str(exc), EXIT_ERROR) from exc
    if args.json:
        print_json(
            {
                "source": report.source,
                "target": report.target,
                "ok": report.ok,
                "tables": [
                    {
                        "table": t.table,
                        "source_rows": t.source_rows,
                        "target_rows": t.target_rows,
                        "source_checksum": t.source_checksum,
                        "target_checksum": t.target_checksum,
                    }
                    for t in report.tables
                ],
                "files": {
                    "found": report.files.found,
                    "stored": report.files.stored,
                    "bytes": report.files.bytes,
                    "not_moved": report.files.not_moved,
                },
            }
        )
        return EXIT_OK
    width = max(len(t.table) for t in report.tables)
    print(f"{'表':<{width}}  {'文件行数':>8}  {'服务器行数':>10}  校验和（SHA-256 前 12 位）  核对")
    for t in report.tables:
        same = "一致" if t.ok else "不一致"
        print(
            f"{t.table:<{width}}  {t.source_rows:>8}  {t.target_rows:>10}  "
            f"{t.source_checksum[:12]} / {t.target_checksum[:12]}  {same}"
        )
    files = report.files
    print(
        f"佐证材料等附件：{files.found} 个文件（{files.bytes / 1024 / 1024:.1f} MB）存入服务器，"
        f"服务器核对 {files.stored} 个，SHA-256 一致。"
    )
    if files.not_moved:
        print(
            f"有 {len(files.not_moved)} 个附件在本机文件夹中已缺失或被改动，未能搬走："
            f"{'、'.join(files.not_moved[:10])}。请在窗口中重新添加这些材料。"
        )
    print(f"已把 {report.source} 的 {report.rows} 行记录搬到 {report.target}，逐表核对一致。")
    print(f"以后各电脑用 --db {report.target} 或窗口“文件 → 打开 → 连接办公室服务器…”打开。")
    return EXIT_OK


COMMANDS = {
    "migrate-db": Command(
        "把本机的数据库文件搬到办公室服务器上新建的空数据库（逐表核对行数和校验和）",
        _migrate_arguments,
        cmd_migrate_db,
    ),
}
