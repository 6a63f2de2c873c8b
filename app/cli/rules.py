"""`hexie layoff-check` and `offer-clock`: the law's tests and deadlines for one
case, without a database."""

from __future__ import annotations

import argparse

from app.cli.shared import EXIT_OK, CliError, Command, date_arg, print_json


def _layoff_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--staff", type=int, required=True, help="企业职工总数")
    p.add_argument("--laid-off", type=int, required=True, help="拟裁减人数")
    p.add_argument("--explained", required=True, help="向工会或全体职工说明情况的日期 YYYY-MM-DD")
    p.add_argument("--layoff-date", required=True, help="计划裁员日期 YYYY-MM-DD")
    p.add_argument("--json", action="store_true")


def _not_a_date(text: str, what: str) -> str:
    return f"{what}“{text}”不是日期，请写作 2023-03-31。"


def cmd_layoff_check(args: argparse.Namespace) -> int:
    from app.services.layoffs import layoff_rules

    explained = date_arg(args.explained, _not_a_date(args.explained, "说明情况日期"))
    layoff_on = date_arg(args.layoff_date, _not_a_date(args.layoff_date, "裁员日期"))
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
        # 第41条第3款's re-hire priority is a 第41条 layoff's; below its number each
        # termination follows 第40、43条 (docs/law.md, "Economic layoffs").
        "rehire_priority_until": (
            layoff_rules.rehire_until(layoff_on).isoformat() if threshold.ok else None
        ),
    }
    if args.json:
        print_json(result)
    else:
        print(threshold.text)
        print(notice.text)
        if threshold.ok:
            print(
                f"六个月内（{result['rehire_priority_until']} 前）重新招用人员的，应优先招用被裁减人员。"
            )
        else:
            print(
                "不属于第41条的经济性裁员：逐人解除劳动合同须依第40条提前三十日书面通知本人"
                "或者额外支付一个月工资，并事先将理由通知工会（第43条）。"
            )
    return EXIT_OK


def _clock_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--received", required=True, help="收到要约的日期 YYYY-MM-DD")
    p.add_argument("--rules", choices=("henan", "national"), default="henan")
    p.add_argument("--signed", default=None, help="双方首席代表签字日期 YYYY-MM-DD")
    p.add_argument("--json", action="store_true")


def cmd_offer_clock(args: argparse.Namespace) -> int:
    from app.services.core.workdays import WorkCalendar
    from app.services.negotiation import negotiation_rules

    received = date_arg(args.received, _not_a_date(args.received, "收到日期"))
    signed = date_arg(args.signed, _not_a_date(args.signed, "签字日期")) if args.signed else None
    if signed and signed < received:
        raise CliError(f"签字日期 {signed} 早于收到要约的日期 {received}，请核对。")
    calendar = WorkCalendar()
    clock = negotiation_rules.offer_clock(received, calendar, rules=args.rules, signed_on=signed)
    result = clock.as_dict()
    result["calendar_warning"] = calendar.warning_for(
        [d for d in (clock.reply_due, clock.review_ends) if d]
    )
    if args.json:
        print_json(result)
    else:
        print(f"答复期限：{clock.reply_due}（{clock.reply_basis}）")
        if clock.filing_due:
            print(f"报送期限：{clock.filing_due}（{clock.filing_basis}）")
            print(f"审查期届满：{clock.review_ends}（按报送期限最后一天计；{clock.review_basis}）")
        if result["calendar_warning"]:
            print(result["calendar_warning"])
    return EXIT_OK


COMMANDS = {
    "layoff-check": Command(
        "裁员是否达到第41条标准、提前说明是否满30日（不需要数据库）",
        _layoff_arguments,
        cmd_layoff_check,
    ),
    "offer-clock": Command(
        "要约答复期限、报送期限、审查期（不需要数据库）", _clock_arguments, cmd_offer_clock
    ),
}
