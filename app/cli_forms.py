"""`hexie print-form` and `hexie ledger-export`: forms to PDF or Word, and the
rectification ledger as .xlsx."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, CliError, _open


def add_parsers(sub: Any, _db_arg: Any) -> None:
    p = sub.add_parser("print-form", help="打印表单到 PDF 或 Word")
    p.add_argument(
        "kind",
        choices=(
            "blank-check",
            "check-report",
            "rectification-notice",
            "offer-letter",
            "offer-reply",
            "layoff-receipt",
            "campaign-plan",
        ),
    )
    _db_arg(p)
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

    p = sub.add_parser("ledger-export", help="导出整改台账 .xlsx")
    _db_arg(p)
    p.add_argument("-o", "--out", required=True, help="输出文件 .xlsx")
    p.add_argument("--county", default="", help="县区区划代码")
    p.add_argument(
        "--status",
        default="",
        choices=("", "open", "pending", "in_progress", "awaiting_verification", "closed"),
        help="状态：open 未销号，或 pending/in_progress/awaiting_verification/closed",
    )
    p.add_argument("--overdue", action="store_true", help="只导出逾期事项")


def _qt_for_printing() -> Any:
    """PDF rendering needs a QGuiApplication; without a screen it runs offscreen."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not just QGuiApplication), so that widgets can still be
    # made in the same process afterwards (the test suite does).
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def cmd_print_form(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models import Enterprise, HealthCheck
    from app.services.core.progress import drain

    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        _qt_for_printing()
    from app.views.printing import output

    if args.kind == "campaign-plan":
        from app.services.campaign import campaigns

        with _open(args) as db:
            campaign_id = args.campaign or getattr(campaigns.current(db), "id", "")
            if not campaign_id:
                raise CliError(
                    "数据库中还没有专项行动。请先用“hexie campaign --new-year 年份”新建。"
                )
            try:
                output.write_documents(
                    db, args.kind, [campaign_id], out, issued_on=_date_option(args)
                )
            except (output.OutputError, ValueError) as exc:
                raise CliError(str(exc)) from exc
        print(f"已生成 {out}")
        return EXIT_OK
    if args.campaign:
        raise CliError("--campaign 只用于 campaign-plan。")
    if not (args.offer or args.filing or args.enterprise or args.check):
        raise CliError("请用 --enterprise、--check、--offer 或 --filing 指定要打印的记录。")
    if args.kind in ("offer-letter", "offer-reply", "layoff-receipt"):
        record = args.offer if args.kind != "layoff-receipt" else args.filing
        if not record:
            raise CliError(
                "offer-letter、offer-reply 须用 --offer 指定要约，layoff-receipt 须用 --filing 指定备案。"
            )
        options = {"receipt_date": _date_option(args)} if args.kind == "layoff-receipt" else {}
        with _open(args) as db:
            try:
                output.write_documents(db, args.kind, [record], out, **options)
            except (output.OutputError, ValueError) as exc:
                raise CliError(str(exc)) from exc
        print(f"已生成 {out}")
        return EXIT_OK
    if args.offer or args.filing:
        raise CliError("--offer 和 --filing 只用于 offer-letter、offer-reply、layoff-receipt。")
    with _open(args) as db:
        enterprise_ids = []
        with db.session() as session:
            for code in args.enterprise or []:
                eid = session.execute(
                    select(Enterprise.id).where(
                        Enterprise.credit_code == code.strip().upper(),
                        Enterprise.deleted.is_(False),
                    )
                ).scalar()
                if eid is None:
                    raise CliError(f"找不到信用代码为 {code} 的企业。")
                enterprise_ids.append(eid)
            check_id = args.check
            if check_id is None and args.kind != "blank-check":
                check_id = session.execute(
                    select(HealthCheck.id)
                    .where(
                        HealthCheck.enterprise_id == enterprise_ids[0],
                        HealthCheck.deleted.is_(False),
                    )
                    .order_by(HealthCheck.check_date.desc())
                    .limit(1)
                ).scalar()
                if check_id is None:
                    raise CliError("该企业还没有体检记录。")
            if args.kind == "blank-check" and check_id:
                check = session.get(HealthCheck, check_id)
                if check is None:
                    raise CliError(f"找不到体检记录 {check_id}。")
                enterprise_ids = [check.enterprise_id]
        try:
            if args.kind == "blank-check":
                drain(output.blank_forms(db, enterprise_ids, out, odd_pages=args.odd_pages))
            else:
                output.write_documents(db, args.kind, [check_id], out)
        except (output.OutputError, ValueError) as exc:
            raise CliError(str(exc)) from exc
    print(f"已生成 {out}")
    return EXIT_OK


def _date_option(args: argparse.Namespace) -> Any:
    from datetime import date

    if not args.date:
        return None
    try:
        return date.fromisoformat(args.date)
    except ValueError as exc:
        raise CliError(f"日期“{args.date}”无法识别，请写成 2023-12-01 的形式。") from exc


def cmd_ledger_export(args: argparse.Namespace) -> int:
    from app.services.core.progress import drain
    from app.services.ledger import ledger_export
    from app.services.ledger.ledger import LedgerFilter

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应以 .xlsx 结尾：{out.name}")
    with _open(args) as db:
        flt = LedgerFilter(county_code=args.county, status=args.status, overdue=args.overdue)
        drain(ledger_export.export(db, flt, out))
    print(f"已导出 {out}")
    return EXIT_OK


COMMANDS = {"print-form": cmd_print_form, "ledger-export": cmd_ledger_export}
