"""Realistic synthetic data so a new user sees populated tabs (`hexie demo`).

Deterministic for a given seed and reference date. Every later record type
adds its own generator here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.models.db import Database
from app.services import credit_code, reference
from app.services.enterprise_import import ImportPlan, apply_import
from app.services.office import current
from app.services.progress import Progress, Work

_CORE_CHARS = "鑫源恒达华美宏兴盛泰瑞丰金鼎顺发永安天成中原新昌隆嘉禾博远长城汇通卓越宇辉建业正阳鹏程佳和振东德信明远"
_INDUSTRY_WORDS: list[tuple[str, str, int]] = [
    # (word in the name, GB/T 4754 section, weight)
    ("煤业", "采矿业", 3),
    ("矿业", "采矿业", 2),
    ("煤矿", "采矿业", 2),
    ("机械制造", "制造业", 6),
    ("纺织", "制造业", 4),
    ("服饰", "制造业", 4),
    ("食品", "制造业", 5),
    ("化工", "制造业", 3),
    ("新材料", "制造业", 3),
    ("电气", "制造业", 3),
    ("陶瓷", "制造业", 2),
    ("建筑工程", "建筑业", 8),
    ("建设", "建筑业", 4),
    ("装饰工程", "建筑业", 3),
    ("路桥工程", "建筑业", 2),
    ("商贸", "批发和零售业", 8),
    ("超市", "批发和零售业", 4),
    ("医药连锁", "批发和零售业", 2),
    ("物流", "交通运输、仓储和邮政业", 4),
    ("运输", "交通运输、仓储和邮政业", 3),
    ("快递", "交通运输、仓储和邮政业", 2),
    ("餐饮管理", "住宿和餐饮业", 5),
    ("酒店", "住宿和餐饮业", 2),
    ("网络科技", "信息传输、软件和信息技术服务业", 4),
    ("软件", "信息传输、软件和信息技术服务业", 2),
    ("物业服务", "房地产业", 3),
    ("置业", "房地产业", 2),
    ("人力资源", "租赁和商务服务业", 2),
    ("劳务", "租赁和商务服务业", 3),
    ("检测技术", "科学研究和技术服务业", 1),
    ("家政服务", "居民服务、修理和其他服务业", 2),
    ("职业培训学校", "教育", 1),
    ("康养", "卫生和社会工作", 1),
    ("农业开发", "农、林、牧、渔业", 3),
    ("热力", "电力、热力、燃气及水生产和供应业", 1),
]
_FORMS = ["有限公司", "有限责任公司", "股份有限公司", "有限公司", "有限公司"]
_PLATFORM_WORDS = [
    ("网约车", "交通运输、仓储和邮政业"),
    ("同城配送", "交通运输、仓储和邮政业"),
    ("货运平台", "交通运输、仓储和邮政业"),
]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华国庆志红卫东海燕俊峰"
_ROADS = [
    "建设路",
    "中兴路",
    "开源路",
    "矿工路",
    "新华路",
    "光明路",
    "凌云路",
    "湛河路",
    "人民路",
    "文化路",
    "青石山路",
    "工业大道",
]


def org_code_check(body8: str) -> str:
    """GB 11714 check character for an 8-character organisation code body."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c, 36) * w for c, w in zip(body8, weights, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_credit_code(division: str, serial: int) -> str:
    body = f"{serial:08d}"
    first17 = "91" + division + body + org_code_check(body)
    return first17 + credit_code.check_character(first17)


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def enterprise_rows(
    count: int, seed: int, divisions: list[str], today: date
) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    words, weights = zip(*[((w, s), n) for w, s, n in _INDUSTRY_WORDS], strict=True)
    serials = rng.sample(range(10_000_000, 99_999_999), count)
    rows = []
    for i in range(count):
        division = rng.choice(divisions)
        place = reference.division_name(division)
        place = place if len(place) <= 4 else "平顶山"
        core = rng.choice(_CORE_CHARS) + rng.choice(_CORE_CHARS)
        platform = rng.random() < 0.01
        word, industry = rng.choice(_PLATFORM_WORDS) if platform else rng.choices(words, weights)[0]
        employees = max(1, int(rng.lognormvariate(3.3, 1.2)))
        new = rng.random() < 0.12
        registered = today - timedelta(
            days=rng.randint(10, 360) if new else rng.randint(400, 30 * 365)
        )
        rows.append(
            {
                "name": f"{place}{core}{word}{rng.choice(_FORMS)}",
                "credit_code": make_credit_code(division, serials[i]),
                "county_code": division,
                "address": f"河南省平顶山市{place if place != '平顶山' else ''}{rng.choice(_ROADS)}{rng.randint(1, 999)}号",
                "industry": industry,
                "legal_representative": _person(rng),
                "contact_person": _person(rng),
                "contact_phone": f"1{rng.choice('35789')}{rng.randint(0, 999_999_999):09d}",
                "employee_count": employees,
                "has_union": rng.random() < min(0.95, 0.15 + employees / 300),
                "registration_date": registered,
                "is_platform": platform,
                "notes": "",
            }
        )
    return rows


def generate(
    db: Database, *, enterprises: int, seed: int = 1, today: date | None = None
) -> Work[dict[str, int]]:
    office = current(db)
    if office is None:
        raise ValueError("请先设置本单位（hexie init 或首次启动时的单位设置），再生成演示数据。")
    today = today or date.today()
    yield Progress(0, enterprises, "正在生成演示企业…")
    rows = enterprise_rows(enterprises, seed, office.division_codes, today)
    plan = ImportPlan(Path("演示数据"), "", [], 0, [], {}, to_add=rows)
    with db.session():  # one transaction: Cancel leaves nothing behind
        result = yield from apply_import(db, plan, source="演示数据")
        made = {"enterprise": result["added"]}
        made["health_check"] = yield from demo_checks(
            db, seed=seed, today=today, count=min(max(enterprises // 10, 1), 300)
        )
        made["rectification_event"] = yield from demo_ledger(db, seed=seed, today=today)
        made.update(
            (yield from demo_offers_layoffs(db, seed=seed, today=today, enterprises=enterprises))
        )
        from app.services.demo_risk import demo_shared_data

        made["risk_fact"] = yield from demo_shared_data(db, seed=seed, today=today)
        from app.services import risk_grading

        yield from risk_grading.grade(db, today=today)
        from app.services.demo_campaign import demo_campaign

        made.update((yield from demo_campaign(db, seed=seed, today=today)))
    return made


def demo_offers_layoffs(
    db: Database, *, seed: int, today: date, enterprises: int
) -> Work[dict[str, int]]:
    """Offers in every stage, layoff filings that pass and fail the checks, risk events open and closed."""
    from sqlalchemy import select

    from app.models import Enterprise
    from app.services import layoffs, negotiation_rules, offers, risk_events
    from app.services.layoffs import FilingInput
    from app.services.offers import OfferInput, SessionInput
    from app.services.risk_events import EventInput

    rng = random.Random(seed + 3)
    with db.session() as session:
        rows = list(
            session.execute(
                select(
                    Enterprise.id,
                    Enterprise.employee_count,
                    Enterprise.is_platform,
                    Enterprise.has_union,
                )
                .where(Enterprise.deleted.is_(False))
                .order_by(Enterprise.name_pinyin, Enterprise.credit_code)
            )
        )
    yield Progress(0, 3, "正在生成要约、裁员备案和风险隐患演示数据…")
    n_offers = min(max(enterprises // 40, 6), 120)
    stages = ("draft", "sent", "received", "negotiating", "signed", "filed", "refused")
    for n, (eid, staff, platform, _union) in enumerate(rng.sample(rows, min(n_offers, len(rows)))):
        stage = stages[n % len(stages)]
        situation = (
            "platform"
            if platform
            else rng.choice(("normal", "normal", "difficult", "restructuring"))
        )
        topics = negotiation_rules.topics_for(situation)
        data = OfferInput(eid, situation=situation, topics=topics[:2] + ["g01_pay"], rules="henan")
        start = today - timedelta(days=rng.randint(20, 150))
        if stage != "draft":
            data.sent_on = start
        if stage not in ("draft", "sent"):
            data.received_on = start + timedelta(days=rng.randint(0, 3))
        if stage in ("negotiating", "signed", "filed"):
            data.replied_on, data.reply = (
                data.received_on + timedelta(days=rng.randint(3, 18)),
                "accepted",
            )
        if stage == "refused":
            data.replied_on, data.reply = data.received_on + timedelta(days=5), "refused"
        if stage in ("signed", "filed"):
            data.signed_on = min(data.replied_on + timedelta(days=rng.randint(10, 40)), today)
            members = max(30, (staff or 60) // 2)
            data.congress_members = members
            data.congress_attended = members - rng.randint(0, members // 2)
            data.congress_approved = data.congress_attended - rng.randint(0, 5)
            data.congress_on = data.signed_on
        if stage == "filed":
            data.filed_on = min(data.signed_on + timedelta(days=rng.randint(1, 8)), today)
            data.effective_from = data.filed_on + timedelta(days=16)
            data.expires_on = data.effective_from + timedelta(days=3 * 365 - 1)
        offer_id = offers.save(db, data)
        if stage in ("negotiating", "signed", "filed"):
            reps = rng.choice((3, 3, 5, 7))
            workers = reps if rng.random() < 0.85 else reps - 1
            held = min(data.replied_on + timedelta(days=3), today)
            offers.add_session(
                db,
                offer_id,
                SessionInput(
                    held, reps, workers, 1, 1, 0, rng.choice((0, 0, 1)), _person(rng), _person(rng)
                ),
            )
    yield Progress(1, 3, "正在生成裁员备案演示数据…")
    big = [r for r in rows if (r[1] or 0) >= 60] or rows
    n_filings = min(max(enterprises // 200, 4), 30)
    for eid, staff, _p, _u in rng.sample(big, min(n_filings, len(big))):
        staff = max(staff or 60, 20)
        laid_off = rng.choice((max(1, staff // 12), max(1, staff // 8), min(staff, 25)))
        layoff_on = today - timedelta(days=rng.randint(-20, 120))
        explained = layoff_on - timedelta(days=rng.choice((30, 31, 35, 45, 25)))
        layoffs.save(
            db,
            FilingInput(
                eid,
                rng.choice("1234"),
                staff,
                laid_off,
                explained,
                layoff_on,
                rng.choice(
                    (
                        "工会同意方案，要求依法足额支付经济补偿。",
                        "职工代表对补偿标准有意见，已修改方案。",
                        "",
                    )
                ),
                min(explained + timedelta(days=rng.randint(3, 15)), today),
                "按《劳动合同法》第47条支付经济补偿，另发一个月工资。",
                reemployment_assistance=laid_off // 2,
                psychological_support=laid_off // 4,
                skills_training=laid_off // 3,
                reemployed=laid_off // 5,
            ),
        )
    yield Progress(2, 3, "正在生成风险隐患演示数据…")
    n_events = min(max(enterprises // 300, 4), 20)
    for n, (eid, staff, _p, _u) in enumerate(rng.sample(rows, min(n_events, len(rows)))):
        kind = ("wage_claim", "work_stoppage", "mass_layoff")[n % 3]
        found = today - timedelta(days=rng.randint(5, 120))
        people = rng.randint(10, max(11, (staff or 30)))
        event = risk_events.save(
            db,
            EventInput(
                eid,
                kind,
                people,
                rng.randint(5, 80) * 10000 if kind == "wage_claim" else None,
                found,
                {
                    "wage_claim": "农民工聚集讨要工资",
                    "work_stoppage": "职工因工资调整停工",
                    "mass_layoff": "企业拟关闭生产线",
                }[kind],
                rng.random() < 0.25,
            ),
            today=today,
        )
        risk_events.add_intervention(
            db,
            event,
            found + timedelta(days=1),
            "人社局劳动关系科、县总工会",
            "到场了解情况，约谈企业负责人",
        )
        if n % 2:
            risk_events.close(
                db,
                event,
                min(found + timedelta(days=rng.randint(5, 30)), today),
                "企业已与职工达成协议，工资分期发放到位",
            )
    return {
        "negotiation_offer": min(n_offers, len(rows)),
        "layoff_filing": min(n_filings, len(big)),
        "major_risk_event": min(n_events, len(rows)),
    }


def demo_ledger(db: Database, *, seed: int, today: date) -> Work[int]:
    """Move the demo findings along: every status appears, some overdue, some extended,
    closed ones with an evidence file."""
    import tempfile

    from sqlalchemy import select

    from app.models import RectificationItem
    from app.services import attachments, ledger

    rng = random.Random(seed + 2)
    with db.session() as session:
        items = list(
            session.execute(
                select(RectificationItem.id, RectificationItem.found_on, RectificationItem.deadline)
                .where(RectificationItem.deleted.is_(False))
                .order_by(
                    RectificationItem.found_on,
                    RectificationItem.item_code,
                    RectificationItem.matter,
                )
            )
        )
    moves = 0
    with tempfile.TemporaryDirectory() as tmp:
        evidence = Path(tmp) / "整改情况说明.txt"
        evidence.write_text(
            "企业已按整改建议书完成整改，附工资台账、劳动合同复印件。", encoding="utf-8"
        )
        for n, (item_id, found_on, deadline) in enumerate(items):
            if n % 20 == 0:
                yield Progress(n, len(items), "正在生成整改台账演示数据…")
            roll = rng.random()
            if deadline < today - timedelta(days=30):
                roll = (
                    0.65 + roll * 0.35 if rng.random() < 0.85 else roll
                )  # old findings are mostly closed
            span = max((today - found_on).days, 1)
            step = found_on + timedelta(days=rng.randint(1, max(1, min(span, 20))))
            step = min(step, today)
            if roll < 0.25:
                continue  # still 待整改 (overdue if its deadline has passed)
            ledger.change_status(
                db, item_id, "in_progress", on_date=step, note="企业已制定整改方案", today=today
            )
            moves += 1
            if roll < 0.45:
                if rng.random() < 0.5 and deadline < today + timedelta(days=10):
                    ledger.extend_deadline(
                        db, item_id, deadline + timedelta(days=30), "企业申请延期，需补缴社会保险费"
                    )
                continue
            ledger.change_status(
                db,
                item_id,
                "awaiting_verification",
                on_date=step,
                note="企业报送整改材料",
                today=today,
            )
            moves += 1
            if roll < 0.65:
                continue
            attachments.add(db, item_id, evidence)
            ledger.change_status(
                db,
                item_id,
                "closed",
                on_date=step,
                note="现场核验，整改到位",
                verified_by=_person(rng),
                today=today,
            )
            moves += 1
    return moves


_CONCLUSIONS = (
    "企业劳动用工总体规范，个别事项需完善。",
    "企业劳动合同管理和工资支付存在薄弱环节，存在一定欠薪风险，需限期整改。",
    "企业能遵守劳动保障法律法规，未发现明显风险。",
    "企业规章制度未经民主程序，工资台账不完整，建议加强内部管理。",
)
_ADVICE = (
    "建立劳动合同签订台账，入职一个月内签订书面合同；按月编制工资支付台账并保存三年。",
    "按时足额缴纳社会保险费；规章制度提交职工代表大会讨论后公示。",
    "在施工现场设立维权信息告示牌，落实农民工工资专用账户和总包代发制度。",
    "开展年度工资集体协商，签订工资专项集体合同并报送备案。",
)


def demo_checks(db: Database, *, seed: int, today: date, count: int) -> Work[int]:
    """Health checks with findings on some of the demo enterprises; most finalised."""
    from sqlalchemy import select

    from app.models import Enterprise
    from app.services import health_checks
    from app.services.health_checks import TeamMember

    rng = random.Random(seed + 1)
    with db.session() as session:
        ids = list(
            session.execute(
                select(Enterprise.id)
                .where(Enterprise.deleted.is_(False))
                .order_by(Enterprise.name_pinyin, Enterprise.credit_code)
            ).scalars()
        )
    chosen = rng.sample(ids, min(count, len(ids)))
    for n, enterprise_id in enumerate(chosen):
        if n % 10 == 0:
            yield Progress(n, len(chosen), f"正在生成演示体检 {n + 1}/{len(chosen)}…")
        on = today - timedelta(days=rng.randint(1, 150))
        data = health_checks.template(db, enterprise_id, on)
        staff = data.staff_count or rng.randint(5, 200)
        data.staff_count = staff
        data.contracts_signed = max(0, staff - rng.choice((0, 0, 0, 1, 2, 5)))
        data.migrant_workers = rng.choice((0, 0, staff // 3, staff // 2))
        data.dispatched_workers = rng.choice((0, 0, 0, max(1, staff // 8)))
        owed = rng.random() < 0.12
        behind = on.replace(day=1) - timedelta(days=70)
        data.wages_paid_through = f"{behind:%Y-%m}" if owed else f"{on:%Y-%m}"
        data.wages_owed_yuan = rng.randint(20, 400) * 1000 if owed else 0
        data.wages_owed_people = rng.randint(1, max(1, staff // 2)) if owed else 0
        for r in data.results:
            if r.result == "unchecked":
                r.result = "noncompliant" if rng.random() < 0.12 else "compliant"
        data.team = [
            TeamMember(_person(rng), "劳动关系协调员"),
            TeamMember(_person(rng), rng.choice(health_checks.ROLES[1:])),
        ]
        data.conclusion = rng.choice(_CONCLUSIONS)
        data.advice = rng.choice(_ADVICE)
        data.enterprise_person = _person(rng)
        data.office_person = data.team[0].name
        check_id = health_checks.create(db, data)
        if rng.random() < 0.7:
            health_checks.finalise(db, check_id)
    return len(chosen)
