"""`hexie import-risk-data` and `grade`: other departments' data, and the risk
grading made from it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.cli import shared
from app.cli.output import print_result
from app.cli.shared import EXIT_OK, CliError, Command, db_options, open_db, run_work

if TYPE_CHECKING:
    from app.services.core.storage import Database


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    db_options(p)
    p.add_argument(
        "--source",
        required=True,
        choices=("tax", "social", "utility", "court", "abnormal", "complaint"),
    )
    p.add_argument("--sheet", default=None)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")


def cmd_import_risk_data(args: argparse.Namespace) -> int:
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.risk import risk_grading, risk_import

    with open_db(args, write=not args.dry_run) as db:  # a dry run only reads
        try:
            plan = run_work(risk_import.plan_import(db, args.file, args.source, sheet=args.sheet))
        except SpreadsheetError as exc:
            raise CliError(str(exc), shared.EXIT_UNREADABLE) from exc
        result = plan.summary()
        if not args.dry_run:
            # apply_import backs the database up before it writes, and grades after.
            result["batch"] = run_work(risk_import.apply_import(db, plan))
            result["grading"] = risk_grading.latest_summary(db)
    matched = f"{result['rows']} 行，按代码匹配 {result['matched_by_code']}，"
    rest = f"按名称匹配 {result['matched_by_name']}，未匹配 {len(result['unmatched'])}，数据 {result['facts']} 条"
    text = f"{risk_import.source_label(args.source)}：{matched}{rest}"
    if result.get("grading"):
        text += "\n" + _grading_text(result["grading"])
    print_result(args, result, text)
    return EXIT_OK


def _grading_text(result: dict[str, Any]) -> str:
    return (
        f"重新评级：高 {result['high']}，中 {result['medium']}，低 {result['low']}；"
        f"等级上升 {result['rose']} 家（数据截至 {result['reference_period'] or '—'}）"
    )


def _rollback_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("batch", nargs="?", default=None, help="批次编号（不填则列出批次）")
    db_options(p)
    p.add_argument("--json", action="store_true")


def cmd_rollback_risk_data(args: argparse.Namespace) -> int:
    """Withdraw a batch of shared data and grade again, as the window's 撤回选中批次."""
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.risk import risk_grading, risk_import

    with open_db(args, write=args.batch is not None) as db:
        if args.batch is None:
            rows = [
                {
                    k: str(b[k])
                    for k in ("id", "source", "file_name", "imported_on", "status", "facts")
                }
                for b in risk_import.batches(db)
            ]
            if args.json:
                shared.print_json(rows)
            else:
                for b in rows:
                    print(
                        f"{b['id']}  {b['imported_on']}  {b['status']}  {b['facts']} 条  {b['file_name']}"
                    )
            return EXIT_OK
        try:
            withdrawn = run_work(risk_import.rollback(db, args.batch))
        except SpreadsheetError as exc:
            raise CliError(str(exc)) from exc
        result = {"batch": args.batch, "withdrawn": withdrawn}
        result["grading"] = risk_grading.latest_summary(db)
    text = f"已撤回 {withdrawn} 条数据"
    if withdrawn and result["grading"]:
        text += "\n" + _grading_text(result["grading"])
    elif not withdrawn:
        text = "该批次已撤回过，未作改动"
    if args.json:
        shared.print_json(result)
    else:
        print(text)
    return EXIT_OK


def _grade_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--enterprise", default=None, metavar="CODE", help="企业统一社会信用代码")
    p.add_argument("--json", action="store_true")


def cmd_grade(args: argparse.Namespace) -> int:
    from app.services.risk import risk_grading

    with open_db(args) as db:
        if args.enterprise:
            return _grade_of_one(db, args)
        result = run_work(risk_grading.grade(db))
    if args.json:
        shared.print_json(result)
    else:
        print(_grading_text(result).removeprefix("重新评级："))
    return EXIT_OK


def _grade_of_one(db: Database, args: argparse.Namespace) -> int:
    """One enterprise's level, score and reasons (grading every enterprise first
    when nothing has been graded yet)."""
    from app.services.register import credit_code, enterprises
    from app.services.risk import risk_grading
    from app.services.risk.risk_rules import LEVEL_LABELS

    enterprise_id = enterprises.id_by_credit_code(db, args.enterprise)
    if enterprise_id is None:
        raise CliError(f"找不到信用代码为 {args.enterprise} 的企业。")
    if risk_grading.latest_summary(db) is None:
        run_work(risk_grading.grade(db))
    result = {
        "credit_code": credit_code.canonical(args.enterprise),
        **risk_grading.enterprise_grade(db, enterprise_id),
    }
    if args.json:
        shared.print_json(result)
    else:
        print(
            f"风险等级：{LEVEL_LABELS.get(result['level'], '')}，得分 {result['score']}（{result['graded_on']} 评级）"
        )
        for reason in result["reasons"]:
            print(f"  {reason}")
    return EXIT_OK


COMMANDS = {
    "import-risk-data": Command(
        "导入其他部门共享的数据（税务、社保、水电气、法院、经营异常、投诉）",
        _import_arguments,
        cmd_import_risk_data,
    ),
    "rollback-risk-data": Command(
        "撤回一批共享数据并重新评级（不带批次编号时列出各批次）",
        _rollback_arguments,
        cmd_rollback_risk_data,
    ),
    "grade": Command(
        "风险评级：各等级企业数、上升数；或某企业的等级和理由", _grade_arguments, cmd_grade
    ),
}
