"""`hexie import-scans`: read scanned field forms; with --confirm, make draft checks
of what was read with high confidence."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from app.cli import shared
from app.cli.shared import EXIT_OK, Command, date_arg, db_options, open_db, run_work

if TYPE_CHECKING:
    from app.services.scans.confirm import ConfirmedForm


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="扫描件，可多个，页面顺序和企业可混杂")
    db_options(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出每页每项的读数和可信度")
    p.add_argument(
        "--confirm",
        action="store_true",
        help="把读数可信的项写成体检草稿（无法确定的项留作“未查”并列出，待人工核对）",
    )
    p.add_argument(
        "--check-date",
        metavar="YYYY-MM-DD",
        help="--confirm 时的体检日期（默认今天，请按纸质表核对）",
    )


def cmd_import_scans(args: argparse.Namespace) -> int:
    from app.services.scans import batch, confirm, report

    check_date = (
        date_arg(args.check_date, f"体检日期“{args.check_date}”应写作 2023-07-20 这样的格式。")
        if args.check_date
        else date.today()
    )
    # Reading scans writes nothing: without --confirm the file is opened as a reader,
    # so a coordinator can check a stack of scans while the window holds the file.
    with open_db(args, write=bool(args.confirm)) as db:
        scans = run_work(batch.read_scans(db, args.files))
        out = report.as_json(scans)
        saved: list[dict[str, Any]] = []
        if args.confirm:
            # One backup before the drafts are written (inside save_clear_readings).
            confirmed = run_work(confirm.save_clear_readings(db, scans.forms, check_date))
            saved = [_entry(c, check_date) for c in confirmed]
    if args.json:
        if args.confirm:
            out["saved"] = saved
        shared.print_json(out, indent=2)
    else:
        print("\n".join(report.batch_lines(scans)))
        for entry in saved:
            print(_saved_line(entry))
        if not args.confirm and scans.forms:
            print(
                "未写入数据库。加 --confirm 把读数可信的项写成体检草稿；"
                "或在程序中用“文件 → 导入扫描件…”逐项核对后保存。"
            )
    if scans.pages_read and not scans.forms:
        print("没有可导入的表单页（原因见上）。", file=sys.stderr)
        return shared.EXIT_UNREADABLE
    return EXIT_OK


def _entry(confirmed: ConfirmedForm, check_date: date) -> dict[str, Any]:
    """One form's outcome as the JSON output lists it."""
    from app.services.scans.report import TO_TYPE

    form = confirmed.form
    entry: dict[str, Any] = {"form": form.info.form_id, "enterprise": form.info.enterprise_name}
    if confirmed.saved is None:
        return entry | {"saved": False, "error": confirmed.error}
    return entry | {
        "saved": True,
        "check": confirmed.saved.check_id,
        "status": confirmed.saved.status,
        "check_date": check_date.isoformat(),
        "written": confirmed.written,
        "left_unchecked": confirmed.left_unchecked,
        "rectifications": confirmed.saved.rectifications,
        "to_type": list(TO_TYPE),
    }


def _saved_line(entry: dict[str, Any]) -> str:
    if not entry["saved"]:
        return f"未保存 {entry['enterprise']}（表单 {entry['form']}）：{entry['error']}"
    left = entry["left_unchecked"]
    rest = f"{len(left)} 项无法确定，记为“未查”待核对：{'、'.join(left)}；" if left else ""
    return (
        f"已保存为体检草稿：{entry['enterprise']}（表单 {entry['form']}），写入 {entry['written']} 项读数，"
        f"{rest}整改事项 {entry['rectifications']} 条。体检日期记为 {entry['check_date']}；"
        f"请打开该体检核对日期，并照扫描件填写{'、'.join(entry['to_type'])}。"
    )


COMMANDS = {
    "import-scans": Command(
        "读取扫描的体检现场记录表（PDF、JPEG、PNG、TIFF），可直接生成体检草稿",
        _arguments,
        cmd_import_scans,
    ),
}
