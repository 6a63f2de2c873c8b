"""Realistic synthetic data so a new user sees populated tabs (`hexie demo`).

Deterministic for a given seed and reference date. Every later record type
adds its own generator here.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.models import Enterprise
from app.models.base import utcnow
from app.models.bulk import STATISTICS_AFTER_ROWS, bulk_cache, refresh_statistics
from app.models.db import Database, next_change_seq
from app.models.setting import SyncCounter
from app.services.core import reference
from app.services.core.messages import N_
from app.services.core.office import current
from app.services.core.progress import Progress, Work
from app.services.demo.demo_names import NameSpace, serial_permutation
from app.services.demo.demo_people import person
from app.services.demo.demo_write import chunk_writer
from app.services.register import credit_code, enterprise_search, pinyin_keys
from app.services.register.enterprise_import import insert_chunks

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
PINYIN_PIECES = 20_000  # ~10 MB of cached readings; 2-character cores are 2,601
_FORMS = ["有限公司", "有限责任公司", "股份有限公司", "有限公司", "有限公司"]
_PLATFORM_WORDS = [
    ("网约车", "交通运输、仓储和邮政业"),
    ("同城配送", "交通运输、仓储和邮政业"),
    ("货运平台", "交通运输、仓储和邮政业"),
]
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


def enterprise_rows(
    count: int, seed: int, divisions: list[str], today: date
) -> list[dict[str, Any]]:
    return [row for chunk in enterprise_chunks(count, seed, divisions, today) for row in chunk]


def enterprise_chunks(
    count: int, seed: int, divisions: list[str], today: date, chunk: int = 5000
) -> Iterator[list[dict[str, Any]]]:
    """`count` demo enterprises, `chunk` at a time (memory stays flat to a million)."""
    rng = random.Random(seed)
    choices = [((w, s), n) for w, s, n in _INDUSTRY_WORDS] + [(p, 0) for p in _PLATFORM_WORDS]
    words = [w for w, _ in choices]
    weights = [n for _, n in choices[: len(_INDUSTRY_WORDS)]]
    word_index = {w: i for i, w in enumerate(words)}
    places = {d: _place(d) for d in divisions}
    busiest = _busiest(count, [places[d] for d in divisions], weights)
    names = NameSpace(
        count, list(places.values()), len(words), _CORE_CHARS, _FORMS, busiest=busiest
    )
    step, offset = serial_permutation(rng)
    rows: list[dict[str, Any]] = []
    for i in range(count):
        division = rng.choice(divisions)
        place = places[division]
        platform = rng.random() < 0.01
        word, industry = (
            rng.choice(_PLATFORM_WORDS)
            if platform
            else rng.choices(words[: len(weights)], weights)[0]
        )
        employees = max(1, int(rng.lognormvariate(3.3, 1.2)))
        new = rng.random() < 0.12
        registered = today - timedelta(
            days=rng.randint(10, 360) if new else rng.randint(400, 30 * 365)
        )
        form = rng.choice(_FORMS)
        core = "".join(rng.choice(_CORE_CHARS) for _ in range(names.core_length))
        # A coordinator never sees one name on two enterprises: other core characters,
        # as a real registry would refuse the same name.
        while not names.take(place, core, word_index[(word, industry)], form):
            core = "".join(rng.choice(_CORE_CHARS) for _ in range(names.core_length))
        rows.append(
            {
                "name": f"{place}{core}{word}{form}",
                "credit_code": make_credit_code(
                    division, 10_000_000 + (step * i + offset) % 90_000_000
                ),
                "county_code": division,
                "address": f"河南省平顶山市{place if place != '平顶山' else ''}{rng.choice(_ROADS)}{rng.randint(1, 999)}号",
                "industry": industry,
                "legal_representative": person(rng),
                "contact_person": person(rng),
                "contact_phone": f"1{rng.choice('35789')}{rng.randint(0, 999_999_999):09d}",
                "employee_count": employees,
                "has_union": rng.random() < min(0.95, 0.15 + employees / 300),
                "registration_date": registered,
                "is_platform": platform,
                "notes": "",
            }
        )
        if len(rows) == chunk:
            yield rows
            rows = []
            # A million names' cores are ~130,000 pieces for the pinyin cache: bounded.
            pinyin_keys.bound_cache(PINYIN_PIECES)
    if rows:
        yield rows


def _busiest(count: int, places: list[str], weights: list[int]) -> float:
    """How many names the likeliest (place, word, form) expects: its cores run out
    first (2,601 of two characters; past half, draws slow down; full, no name is left)."""
    place = max(Counter(places).values()) / len(places)
    form = max(Counter(_FORMS).values()) / len(_FORMS)
    return count * place * max(weights) / sum(weights) * form


def _place(division: str) -> str:
    place = reference.division_name(division)
    return place if len(place) <= 4 else "平顶山"


def generate(
    db: Database, *, enterprises: int, seed: int = 1, today: date | None = None
) -> Work[dict[str, int]]:
    office = current(db)
    if office is None:
        raise ValueError("请先设置本单位（hexie init 或首次启动时的单位设置），再生成演示数据。")
    today = today or date.today()
    yield Progress(0, enterprises, N_("正在生成演示企业…"))
    chunks = enterprise_chunks(enterprises, seed, office.division_codes, today)
    try:
        made = yield from _generate(db, chunks, enterprises, seed, today)
    except IntegrityError as exc:
        if "credit_code" not in str(exc.orig):
            raise
        raise ValueError(
            N_(
                "这些演示企业的统一社会信用代码已在数据库中（以前用同一个种子生成过演示数据）。"
                "请换一个 --seed 再生成；这次什么也没有写入。"
            )
        ) from exc
    return made


def _generate(
    db: Database,
    chunks: Iterable[Sequence[dict[str, Any]]],
    enterprises: int,
    seed: int,
    today: date,
) -> Work[dict[str, int]]:
    with db.session() as session:  # one transaction: Cancel leaves nothing behind
        # What this demo writes comes after this: the office's own records (a demo may
        # be added to a file in use, README: 命令行) are never moved along.
        since = session.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar_one()
        added = yield from add_generated(db, chunks, enterprises, "演示数据")
        made = {"enterprise": added}
        from app.services.demo.demo_checks import demo_checks, demo_ledger
        from app.services.demo.demo_offers import demo_offers_layoffs

        made["health_check"] = yield from demo_checks(
            db, seed=seed, today=today, count=min(max(enterprises // 10, 1), 300)
        )
        made["rectification_event"] = yield from demo_ledger(
            db, seed=seed, today=today, since=int(since)
        )
        made.update(
            (yield from demo_offers_layoffs(db, seed=seed, today=today, enterprises=enterprises))
        )
        from app.services.demo.demo_risk import demo_shared_data

        made["risk_fact"] = yield from demo_shared_data(db, seed=seed, today=today)
        from app.services.risk import risk_grading

        yield from risk_grading.grade(db, today=today)
        from app.services.demo.demo_campaign import demo_campaign

        made.update((yield from demo_campaign(db, seed=seed, today=today)))
    return made


def add_generated(
    db: Database, chunks: Iterable[Sequence[dict[str, Any]]], total: int, source: str
) -> Work[int]:
    """Write rows the program made up itself (demo data) chunk by chunk, in the open
    unit of work: a million enterprises never sit in memory at once, and each chunk
    is one executemany for the records and one for their audit rows."""
    with db.session() as session, bulk_cache(session):
        seq = next_change_seq(session, max(total, 1))
        summary = f"导入自 {source}"
        with chunk_writer(session.connection(), Enterprise.__table__) as write:
            done = yield from insert_chunks(
                session, chunks, seq, utcnow(), summary, total, write=write
            )
        if done >= STATISTICS_AFTER_ROWS:
            refresh_statistics(session, Enterprise.__table__)
        yield from enterprise_search.refresh_name_order(session.connection())
        return done
