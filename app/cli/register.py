"""`hexie init`, `demo`, `import-enterprises` and `stats`: the database, demo data,
the enterprise register and what the file holds."""

from __future__ import annotations

import argparse
import os

from app.cli import shared
from app.cli.output import print_result
from app.cli.shared import EXIT_OK, CliError, Command, db_options, open_db, run_work


def _init_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--office", required=True, help="本单位行政区划代码（GB/T 2260），如 410482")
    p.add_argument("--name", default="", help="本单位名称")
    p.add_argument(
        "--level", choices=("county", "city"), default="", help="级别：county 县级 / city 市级"
    )


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.core import office
    from app.settings import AppSettings

    operator = (args.operator or os.environ.get("HEXIE_OPERATOR", "")).strip()
    settings = AppSettings.load()
    if operator and not settings.operator:
        # The PC's operator, so the window does not have to ask for it.
        settings.operator = operator
        settings.save()
    with open_db(args, create=True) as db:
        try:
            o = office.configure(db, args.office, name=args.name, level=args.level)
        except office.OfficeError as exc:
            raise CliError(str(exc)) from exc
        print(f"已创建 {db.address}：{o.name}（{o.code}，{office.LEVELS[o.level]}）")
    return EXIT_OK


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--enterprises", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.core.stats import RECORD_TYPE_NAMES
    from app.services.demo import demo

    with open_db(args) as db:
        try:
            made = run_work(demo.generate(db, enterprises=args.enterprises, seed=args.seed))
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        print(
            "已生成演示数据："
            + "，".join(f"{RECORD_TYPE_NAMES.get(k, k)} {v}" for k, v in made.items())
        )
    return EXIT_OK


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    db_options(p)
    p.add_argument("--sheet", default=None, help="工作表名称（默认自动识别）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--json", action="store_true")
    p.add_argument("--problems", default=None, help="把问题清单另存为 .xlsx")


def cmd_import_enterprises(args: argparse.Namespace) -> int:
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.documents.import_problems import save_problems
    from app.services.register.enterprise_import import apply_import, plan_import

    with open_db(args, write=not args.dry_run) as db:  # a dry run only reads
        try:
            plan = run_work(plan_import(db, args.file, sheet=args.sheet))
            # A real import backs the database up first (inside apply_import).
            result = plan.summary() if args.dry_run else run_work(apply_import(db, plan))
        except SpreadsheetError as exc:
            raise CliError(str(exc), shared.EXIT_UNREADABLE) from exc
        if args.problems:
            save_problems(plan, args.problems)
    verb = "将" if args.dry_run else "已"
    counts = f"{verb}新增 {result['added']}，{verb}更新 {result['updated']}，"
    rest = f"无变化 {result['unchanged']}，跳过 {result['skipped']}（工作表“{plan.sheet_name}”）"
    print_result(args, result, counts + rest)
    return EXIT_OK


def _stats_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--json", action="store_true")


def cmd_stats(args: argparse.Namespace) -> int:
    from app.services.core import stats
    from app.services.core.stats import RECORD_TYPE_NAMES

    with open_db(args, write=False) as db:
        data = stats.counts(db)
    if args.json:
        shared.print_json(data)
        return EXIT_OK
    for key, n in data["records"].items():
        print(f"{RECORD_TYPE_NAMES.get(key, key)}：{n}")
    for code, row in data["by_county"].items():
        print(f"  {row['name']}（{code}）：企业 {row['enterprise']}")
    return EXIT_OK


COMMANDS = {
    "init": Command("创建数据库并设置本单位", _init_arguments, cmd_init),
    "demo": Command("生成演示数据", _demo_arguments, cmd_demo),
    "import-enterprises": Command(
        "从 .xlsx/.xls/.csv 导入企业名录", _import_arguments, cmd_import_enterprises
    ),
    "stats": Command("各类记录数与各县区企业数", _stats_arguments, cmd_stats),
}
