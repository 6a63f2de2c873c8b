"""`hexie report`, `hexie campaign` and `hexie self-test`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any


def add_parsers(sub: Any, db_arg: Any) -> None:
    p = sub.add_parser(
        "report", help="生成专项行动工作总结（GB/T 9704 格式 .docx，可附 .xlsx 统计表）"
    )
    db_arg(p)
    p.add_argument(
        "--campaign", default="", metavar="ID", help="专项行动编号（默认为当前专项行动）"
    )
    p.add_argument("-o", "--out", required=True, help="输出 .docx 文件")
    p.add_argument("--annex", default=None, help="统计表附件 .xlsx 文件")
    p.add_argument("--today", default=None, help="统计截止日期（默认为今天），如 2023-12-01")

    p = sub.add_parser(
        "self-test", help="自检：建库、写入各类记录、生成 PDF 和 Word、同步包往返、备份"
    )
    p.add_argument(
        "--keep",
        default=None,
        metavar="DIR",
        help="在此文件夹中进行并保留结果（默认用临时文件夹并删除）",
    )

    p = sub.add_parser("campaign", help="专项行动：列出，或按 2023 年通知新建某年的专项行动")
    db_arg(p)
    p.add_argument(
        "--new-year",
        type=int,
        default=None,
        metavar="YEAR",
        help="按 2023 年通知新建该年的专项行动",
    )


def cmd_report(args: argparse.Namespace) -> int:
    from app.cli import EXIT_OK, CliError, _open
    from app.services.campaign import campaign_report, campaigns

    today = date.fromisoformat(args.today) if args.today else None
    with _open(args) as db:
        campaign_id = args.campaign
        if not campaign_id:
            found = campaigns.current(db, today)
            if found is None:
                raise CliError(
                    "数据库中还没有专项行动。请先用“hexie campaign --new-year 年份”或在程序中新建。"
                )
            campaign_id = found.id
        try:
            result = campaign_report.write(db, campaign_id, args.out, annex=args.annex, today=today)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    print(f"已生成工作总结 {result.docx}")
    if result.annex:
        print(f"已生成统计表 {result.annex}")
    for line in result.font_notes:
        print(f"字体：{line}")
    return EXIT_OK


def cmd_campaign(args: argparse.Namespace) -> int:
    from app.cli import EXIT_OK, _open
    from app.services.campaign import campaigns

    with _open(args) as db:
        if args.new_year:
            data = campaigns.load_template(year=args.new_year)
            new_id = campaigns.save(db, data)
            print(f"已新建专项行动：{data.name}（{new_id}）")
        current = campaigns.current(db)
        for c in campaigns.all_campaigns(db):
            mark = "＊" if current and c.id == current.id else "　"
            print(f"{mark}{c.id}  {c.starts_on}—{c.ends_on}  {c.label}")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from app import selftest

    return selftest.run(Path(args.keep) if args.keep else None)


COMMANDS = {"report": cmd_report, "campaign": cmd_campaign, "self-test": cmd_self_test}
