"""`hexie campaign`, `hexie report` and `hexie self-test`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.shared import (
    EXIT_OK,
    CliError,
    Command,
    date_arg,
    db_options,
    open_db,
    operator_of,
    use_password_prompt,
)
from app.process_end import collector_paused


def _report_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument(
        "--campaign", default="", metavar="ID", help="专项行动编号（默认为当前专项行动）"
    )
    p.add_argument("-o", "--out", required=True, help="输出 .docx 文件")
    p.add_argument("--annex", default=None, help="统计表附件 .xlsx 文件")
    p.add_argument("--today", default=None, help="统计截止日期（默认为今天），如 2023-12-01")


def cmd_report(args: argparse.Namespace) -> int:
    # The report's work is bounded (counts, one document): no collector at all.
    with collector_paused():
        return _report(args)


NO_CAMPAIGN = "数据库中还没有专项行动。请先用“hexie campaign --new-year 年份”或在程序中新建。"


def _report(args: argparse.Namespace) -> int:
    from app.services.campaign import report_file

    today = (
        date_arg(args.today, f"统计截止日期“{args.today}”不是日期，请写作 2023-12-01。")
        if args.today
        else None
    )
    # A current SQLite file is read without SQLAlchemy (report_file; issue 17).
    reader = report_file.open_from(args.db) if args.db else None
    if reader is None:
        return _printed(_report_through_storage(args, today))
    from app.settings import AppSettings

    operator_of(args, AppSettings.load())  # said on stderr when not given, as open_db does
    try:
        campaign_id = args.campaign or report_file.current_campaign(reader, today)
        if not campaign_id:
            raise CliError(NO_CAMPAIGN)
        try:
            result = report_file.write(reader, campaign_id, args.out, annex=args.annex, today=today)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    finally:
        reader.conn.close()
    return _printed(result)


def _report_through_storage(args: argparse.Namespace, today: date | None) -> Any:
    from app.services.campaign import campaign_report, campaigns

    use_password_prompt()
    with open_db(args, write=False) as db:
        campaign_id = args.campaign
        if not campaign_id:
            found = campaigns.current(db, today)
            if found is None:
                raise CliError(NO_CAMPAIGN)
            campaign_id = found.id
        try:
            return campaign_report.write(db, campaign_id, args.out, annex=args.annex, today=today)
        except ValueError as exc:
            raise CliError(str(exc)) from exc


def _printed(result: Any) -> int:
    print(f"已生成工作总结 {result.docx}")
    if result.annex:
        print(f"已生成统计表 {result.annex}")
    for line in result.font_notes:
        print(f"字体：{line}")
    return EXIT_OK


def _self_test_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--keep",
        default=None,
        metavar="DIR",
        help="在此文件夹中进行并保留结果（默认用临时文件夹并删除）",
    )


def cmd_self_test(args: argparse.Namespace) -> int:
    from app import selftest

    return selftest.run(Path(args.keep) if args.keep else None)


def _campaign_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument(
        "--new-year",
        type=int,
        default=None,
        metavar="YEAR",
        help="按 2023 年通知新建该年的专项行动",
    )


def cmd_campaign(args: argparse.Namespace) -> int:
    from app.services.campaign import campaigns

    with open_db(args, write=bool(args.new_year)) as db:
        if args.new_year:
            data = campaigns.load_template(year=args.new_year)
            new_id = campaigns.save(db, data)
            print(f"已新建专项行动：{data.name}（{new_id}）")
        current = campaigns.current(db)
        for c in campaigns.all_campaigns(db):
            mark = "＊" if current and c.id == current.id else "　"
            print(f"{mark}{c.id}  {c.starts_on}—{c.ends_on}  {c.label}")
    return EXIT_OK


COMMANDS = {
    "report": Command(
        "生成专项行动工作总结（GB/T 9704 格式 .docx，可附 .xlsx 统计表）",
        _report_arguments,
        cmd_report,
        light=True,
    ),
    "self-test": Command(
        "自检：建库、写入各类记录、生成 PDF 和 Word、同步包往返、备份",
        _self_test_arguments,
        cmd_self_test,
    ),
    "campaign": Command(
        "专项行动：列出，或按 2023 年通知新建某年的专项行动", _campaign_arguments, cmd_campaign
    ),
}
