"""`hexie` — the command line. With no subcommand it starts the window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app import __version__

EXIT_OK, EXIT_ERROR, EXIT_UNREADABLE, EXIT_REJECTED = 0, 1, 2, 3


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=os.environ.get("HEXIE_DB"), help="数据库文件（也可用环境变量 HEXIE_DB）"
    )
    parser.add_argument(
        "--operator",
        default=None,
        help="操作员姓名，记入操作日志（也可用环境变量 HEXIE_OPERATOR）",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hexie", description="和谐台账 Hexie Desk")
    parser.add_argument("--version", action="version", version=f"hexie {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="创建数据库并设置本单位")
    _db_arg(p)
    p.add_argument("--office", required=True, help="本单位行政区划代码（GB/T 2260），如 410482")
    p.add_argument("--name", default="", help="本单位名称")
    p.add_argument(
        "--level", choices=("county", "city"), default="", help="级别：county 县级 / city 市级"
    )

    p = sub.add_parser("demo", help="生成演示数据")
    _db_arg(p)
    p.add_argument("--enterprises", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)

    p = sub.add_parser("import-enterprises", help="从 .xlsx/.xls/.csv 导入企业名录")
    p.add_argument("file")
    _db_arg(p)
    p.add_argument("--sheet", default=None, help="工作表名称（默认自动识别）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--json", action="store_true")
    p.add_argument("--problems", default=None, help="把问题清单另存为 .xlsx")

    p = sub.add_parser(
        "layoff-check", help="裁员是否达到第41条标准、提前说明是否满30日（不需要数据库）"
    )
    p.add_argument("--staff", type=int, required=True, help="企业职工总数")
    p.add_argument("--laid-off", type=int, required=True, help="拟裁减人数")
    p.add_argument("--explained", required=True, help="向工会或全体职工说明情况的日期 YYYY-MM-DD")
    p.add_argument("--layoff-date", required=True, help="计划裁员日期 YYYY-MM-DD")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("offer-clock", help="要约答复期限、报送期限、审查期（不需要数据库）")
    p.add_argument("--received", required=True, help="收到要约的日期 YYYY-MM-DD")
    p.add_argument("--rules", choices=("henan", "national"), default="henan")
    p.add_argument("--signed", default=None, help="双方首席代表签字日期 YYYY-MM-DD")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "import-risk-data",
        help="导入其他部门共享的数据（税务、社保、水电气、法院、经营异常、投诉）",
    )
    p.add_argument("file")
    _db_arg(p)
    p.add_argument(
        "--source",
        required=True,
        choices=("tax", "social", "utility", "court", "abnormal", "complaint"),
    )
    p.add_argument("--sheet", default=None)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("grade", help="风险评级：各等级企业数、上升数；或某企业的等级和理由")
    _db_arg(p)
    p.add_argument("--enterprise", default=None, metavar="CODE", help="企业统一社会信用代码")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="各类记录数与各县区企业数")
    _db_arg(p)
    p.add_argument("--json", action="store_true")
    from app import cli_campaign, cli_forms, cli_scans, cli_sync

    cli_forms.add_parsers(sub, _db_arg)
    cli_sync.add_parsers(sub, _db_arg)
    cli_campaign.add_parsers(sub, _db_arg)
    cli_scans.add_parsers(sub, _db_arg)
    return parser


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    from app.models.db import open_database
    from app.settings import AppSettings

    if not args.db:
        raise CliError("请用 --db 指定数据库文件，或设置环境变量 HEXIE_DB。")
    settings = AppSettings.load()
    return open_database(
        Path(args.db),
        operator=_operator(args, settings),
        create=create,
        backup_folder=settings.backup_dir(),
    )


def _operator(args: argparse.Namespace, settings: Any) -> str:
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


def _backup_before_import(db: Any) -> None:
    from app.services.core import backups
    from app.settings import AppSettings

    made = backups.before_import(db.path, AppSettings.load().backup_dir())
    if made:
        print(f"已备份到 {made}", file=sys.stderr)


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.core import office
    from app.settings import AppSettings

    operator = (args.operator or os.environ.get("HEXIE_OPERATOR", "")).strip()
    settings = AppSettings.load()
    if operator and not settings.operator:
        # The PC's operator, so the window does not have to ask for it.
        settings.operator = operator
        settings.save()
    with _open(args, create=True) as db:
        try:
            o = office.configure(db, args.office, name=args.name, level=args.level)
        except office.OfficeError as exc:
            raise CliError(str(exc)) from exc
        print(f"已创建 {db.path}：{o.name}（{o.code}，{office.LEVELS[o.level]}）")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.core.progress import drain
    from app.services.demo import demo

    with _open(args) as db:
        try:
            made = drain(demo.generate(db, enterprises=args.enterprises, seed=args.seed))
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        from app.services.core.stats import RECORD_TYPE_NAMES

        print(
            "已生成演示数据："
            + "，".join(f"{RECORD_TYPE_NAMES.get(k, k)} {v}" for k, v in made.items())
        )
    return EXIT_OK


def cmd_import_enterprises(args: argparse.Namespace) -> int:
    from app.services.core.progress import drain
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.register.enterprise_import import apply_import, plan_import, save_problems

    with _open(args) as db:
        try:
            plan = drain(plan_import(db, args.file, sheet=args.sheet))
            if not args.dry_run:
                _backup_before_import(db)
            result = plan.summary() if args.dry_run else drain(apply_import(db, plan))
        except SpreadsheetError as exc:
            raise CliError(str(exc), EXIT_UNREADABLE) from exc
        if args.problems:
            save_problems(plan, args.problems)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        verb = "将" if args.dry_run else "已"
        print(
            f"{verb}新增 {result['added']}，{verb}更新 {result['updated']}，"
            f"无变化 {result['unchanged']}，跳过 {result['skipped']}（工作表“{plan.sheet_name}”）"
        )
        for p in result["problems"]:
            print(f"  第 {p['row']} 行：{p['reason']}")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from app.services.core import stats
    from app.services.core.stats import RECORD_TYPE_NAMES

    with _open(args) as db:
        data = stats.counts(db)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    for key, n in data["records"].items():
        print(f"{RECORD_TYPE_NAMES.get(key, key)}：{n}")
    for code, row in data["by_county"].items():
        print(f"  {row['name']}（{code}）：企业 {row['enterprise']}")
    return EXIT_OK


def _date_arg(text: str, what: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{what}“{text}”不是日期，请写作 2023-03-31。") from None


def cmd_layoff_check(args: argparse.Namespace) -> int:
    from app.services.layoffs import layoff_rules

    explained = _date_arg(args.explained, "说明情况日期")
    layoff_on = _date_arg(args.layoff_date, "裁员日期")
    if args.staff <= 0 or args.laid_off <= 0:
        raise CliError("职工总数和拟裁减人数应为正整数。")
    if args.laid_off > args.staff:
        raise CliError(f"拟裁减 {args.laid_off} 人，超过职工总数 {args.staff} 人，请核对。")
    threshold = layoff_rules.threshold_met(args.staff, args.laid_off)
    notice = layoff_rules.notice_finding(explained, layoff_on)
    result = {
        "threshold_reached": threshold.ok,
        "threshold": threshold.text,
        "notice_days": layoff_rules.notice_days(explained, layoff_on),
        "notice_ok": notice.ok,
        "notice": notice.text,
        "rehire_priority_until": layoff_rules.rehire_until(layoff_on).isoformat(),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(threshold.text)
        print(notice.text)
        print(
            f"六个月内（{result['rehire_priority_until']} 前）重新招用人员的，应优先招用被裁减人员。"
        )
    return EXIT_OK


def cmd_offer_clock(args: argparse.Namespace) -> int:
    from app.services.core.workdays import WorkCalendar
    from app.services.negotiation import negotiation_rules

    received = _date_arg(args.received, "收到日期")
    signed = _date_arg(args.signed, "签字日期") if args.signed else None
    if signed and signed < received:
        raise CliError(f"签字日期 {signed} 早于收到要约的日期 {received}，请核对。")
    calendar = WorkCalendar()
    clock = negotiation_rules.offer_clock(received, calendar, rules=args.rules, signed_on=signed)
    result = clock.as_dict()
    result["calendar_warning"] = calendar.warning_for(
        [d for d in (clock.reply_due, clock.review_ends) if d]
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"答复期限：{clock.reply_due}（{clock.reply_basis}）")
        if clock.filing_due:
            print(f"报送期限：{clock.filing_due}（{clock.filing_basis}）")
            print(f"审查期届满：{clock.review_ends}（按报送期限最后一天计；{clock.review_basis}）")
        if result["calendar_warning"]:
            print(result["calendar_warning"])
    return EXIT_OK


def cmd_import_risk_data(args: argparse.Namespace) -> int:
    from app.services.core.progress import drain
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.risk import risk_import

    with _open(args) as db:
        try:
            plan = drain(risk_import.plan_import(db, args.file, args.source, sheet=args.sheet))
        except SpreadsheetError as exc:
            raise CliError(str(exc), EXIT_UNREADABLE) from exc
        result = plan.summary()
        if not args.dry_run:
            _backup_before_import(db)
            result["batch"] = drain(risk_import.apply_import(db, plan))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{risk_import.source_label(args.source)}：{result['rows']} 行，按代码匹配 {result['matched_by_code']}，"
            f"按名称匹配 {result['matched_by_name']}，未匹配 {len(result['unmatched'])}，数据 {result['facts']} 条"
        )
        for p in result["problems"]:
            print(f"  第 {p['row']} 行：{p['reason']}")
    return EXIT_OK


def cmd_grade(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models import Enterprise
    from app.services.core.progress import drain
    from app.services.risk import risk_grading
    from app.services.risk.risk_rules import LEVEL_LABELS

    with _open(args) as db:
        if args.enterprise:
            with db.session() as session:
                eid = session.execute(
                    select(Enterprise.id).where(
                        Enterprise.credit_code == args.enterprise.strip().upper(),
                        Enterprise.deleted.is_(False),
                    )
                ).scalar()
            if eid is None:
                raise CliError(f"找不到信用代码为 {args.enterprise} 的企业。")
            if risk_grading.latest_summary(db) is None:
                drain(risk_grading.grade(db))
            result = {
                "credit_code": args.enterprise.upper(),
                **risk_grading.enterprise_grade(db, eid),
            }
            if args.json:
                print(json.dumps(result, ensure_ascii=False))
            else:
                print(
                    f"风险等级：{LEVEL_LABELS.get(result['level'], '')}，得分 {result['score']}（{result['graded_on']} 评级）"
                )
                for reason in result["reasons"]:
                    print(f"  {reason}")
            return EXIT_OK
        result = drain(risk_grading.grade(db))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"高 {result['high']}，中 {result['medium']}，低 {result['low']}；等级上升 {result['rose']} 家（数据截至 {result['reference_period'] or '—'}）"
        )
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "import-enterprises": cmd_import_enterprises,
    "stats": cmd_stats,
    "layoff-check": cmd_layoff_check,
    "offer-clock": cmd_offer_clock,
    "import-risk-data": cmd_import_risk_data,
    "grade": cmd_grade,
}


def _command(name: str) -> Any:
    from app import cli_campaign, cli_forms, cli_scans, cli_sync

    return {
        **COMMANDS,
        **cli_forms.COMMANDS,
        **cli_sync.COMMANDS,
        **cli_campaign.COMMANDS,
        **cli_scans.COMMANDS,
    }[name]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from app.__main__ import run_gui

        return run_gui()
    from app.models.db import DatabaseError, DatabaseInUseError

    try:
        return _command(args.command)(args)
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exc.code
    except (DatabaseError, DatabaseInUseError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    # `python -m app.cli` runs this file as __main__, a second copy of the module:
    # the command modules raise app.cli.CliError, which only app.cli's own main()
    # catches (this copy's would let a rejection end in a traceback, exit 1).
    from app.cli import main as app_main

    sys.exit(app_main())
