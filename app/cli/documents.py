"""`hexie print-form` and `hexie ledger-export`: forms to PDF or Word, and the
rectification ledger as .xlsx."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.shared import EXIT_OK, CliError, Command, date_arg, db_options, open_db, run_work

FORM_KINDS = (
    "blank-check",
    "check-report",
    "rectification-notice",
    "offer-letter",
    "offer-reply",
    "layoff-receipt",
    "campaign-plan",
)


def _print_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=FORM_KINDS)
    db_options(p)
    target = p.add_mutually_exclusive_group()
    target.add_argument(
        "--campaign", metavar="ID", help="专项行动编号（campaign-plan，默认为当前专项行动）"
    )
    target.add_argument("--offer", metavar="ID", help="要约记录编号（offer-letter、offer-reply）")
    target.add_argument("--filing", metavar="ID", help="裁员备案编号（layoff-receipt）")
    target.add_argument(
        "--enterprise",
        action="append",
        metavar="CODE",
        help="企业统一社会信用代码（blank-check 可多次给出）",
    )
    target.add_argument("--check", metavar="ID", help="体检记录编号")
    p.add_argument("-o", "--out", required=True, help="输出文件 .pdf 或 .docx")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="落款日期：layoff-receipt 默认为收到报告之日，campaign-plan 默认留空手填",
    )
    p.add_argument(
        "--odd-pages", action="store_true", help="多份表单时每份从奇数页开始（双面打印）"
    )


def _qt_for_printing() -> Any:
    """PDF rendering needs a QGuiApplication; without a screen it runs offscreen."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not just QGuiApplication), so that widgets can still be
    # made in the same process afterwards (the test suite does).
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _date_option(args: argparse.Namespace) -> date | None:
    if not args.date:
        return None
    return date_arg(args.date, f"日期“{args.date}”无法识别，请写成 2023-12-01 的形式。")


def cmd_print_form(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        _qt_for_printing()
    from app.views.printing import output

    try:
        if args.kind == "campaign-plan":
            _print_plan(args, out)
        elif args.kind in ("offer-letter", "offer-reply", "layoff-receipt"):
            _print_case_form(args, out)
        else:
            _print_check_form(args, out)
    except (output.OutputError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    print(f"已生成 {out}")
    return EXIT_OK


def _print_plan(args: argparse.Namespace, out: Path) -> None:
    from app.services.campaign import campaigns
    from app.views.printing import output

    with open_db(args, write=False) as db:
        campaign_id = args.campaign or getattr(campaigns.current(db), "id", "")
        if not campaign_id:
            raise CliError("数据库中还没有专项行动。请先用“hexie campaign --new-year 年份”新建。")
        output.write_documents(db, args.kind, [campaign_id], out, issued_on=_date_option(args))


def _print_case_form(args: argparse.Namespace, out: Path) -> None:
    """An offer letter or reply (--offer), or a layoff receipt (--filing)."""
    from app.views.printing import output

    _refuse_campaign(args)
    record = args.offer if args.kind != "layoff-receipt" else args.filing
    if not record:
        raise CliError(
            "offer-letter、offer-reply 须用 --offer 指定要约，layoff-receipt 须用 --filing 指定备案。"
        )
    options = {"receipt_date": _date_option(args)} if args.kind == "layoff-receipt" else {}
    with open_db(args, write=False) as db:
        output.write_documents(db, args.kind, [record], out, **options)


def _print_check_form(args: argparse.Namespace, out: Path) -> None:
    """Blank field forms (of enterprises, or again for a check's enterprise), or a
    check's report or notice (of --check, or of the enterprise's latest check)."""
    from app.services.documents import print_targets
    from app.views.printing import output

    _refuse_campaign(args)
    if args.offer or args.filing:
        raise CliError("--offer 和 --filing 只用于 offer-letter、offer-reply、layoff-receipt。")
    # Blank forms record their layout (printed_form) for reading scans back: a writer.
    with open_db(args, write=args.kind == "blank-check") as db:
        enterprise_ids = print_targets.enterprise_ids(db, args.enterprise or [])
        if args.kind == "blank-check":
            if args.check:
                enterprise_ids = [print_targets.enterprise_of_check(db, args.check)]
            run_work(output.blank_forms(db, enterprise_ids, out, odd_pages=args.odd_pages))
            return
        check_id = args.check or print_targets.latest_check(db, enterprise_ids[0])
        output.write_documents(db, args.kind, [check_id], out)


def _refuse_campaign(args: argparse.Namespace) -> None:
    if args.campaign:
        raise CliError("--campaign 只用于 campaign-plan。")
    if not (args.offer or args.filing or args.enterprise or args.check):
        raise CliError("请用 --enterprise、--check、--offer 或 --filing 指定要打印的记录。")


def _ledger_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("-o", "--out", required=True, help="输出文件 .xlsx")
    p.add_argument("--county", default="", help="县区区划代码")
    p.add_argument(
        "--status",
        default="",
        choices=("", "open", "pending", "in_progress", "awaiting_verification", "closed"),
        help="状态：open 未销号，或 pending/in_progress/awaiting_verification/closed",
    )
    p.add_argument("--overdue", action="store_true", help="只导出逾期事项")


def cmd_ledger_export(args: argparse.Namespace) -> int:
    from app.services.ledger import ledger_export
    from app.services.ledger.ledger import LedgerFilter

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应以 .xlsx 结尾：{out.name}")
    with open_db(args, write=False) as db:
        flt = LedgerFilter(county_code=args.county, status=args.status, overdue=args.overdue)
        run_work(ledger_export.export(db, flt, out))
    print(f"已导出 {out}")
    return EXIT_OK


COMMANDS = {
    "print-form": Command("打印表单到 PDF 或 Word", _print_arguments, cmd_print_form),
    "ledger-export": Command("导出整改台账 .xlsx", _ledger_arguments, cmd_ledger_export),
}
