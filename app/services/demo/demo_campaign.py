"""Demo data for the campaign: the 2023 notice's campaign placed in the demo's
year (so its period holds the demo's checks, offers and filings), planned checks
per county, guidance activities and typical cases."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_

from app.models import Enterprise
from app.models.db import Database
from app.services.campaign import campaign_stats, campaigns, guidance
from app.services.checks import check_list
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.demo.demo_sample import by_credit_code, count_live, first_rows, newest_rows

# 新办企业: registered within the last twelve months (guidance.is_newly_registered's default).
NEW_MONTHS = 12

_ACTIVITIES = (
    (
        "law_into_enterprise",
        "“送法进企业”集中宣讲",
        "《劳动合同法》《保障农民工工资支付条例》宣传册",
    ),
    ("lecture_online", "劳动用工合规线上讲座", "讲座课件、线上问答记录"),
    ("lecture_onsite", "新办企业劳动用工政策宣讲会", "企业用工指南、工资支付制度范本"),
    ("guide", "免费发放《企业劳动用工指南》", "《企业劳动用工指南》"),
    ("rules_help", "指导建立工资支付和民主管理制度", "工资支付制度范本、职代会制度范本"),
)
_CASES = (
    ("practice", "建立欠薪风险“红黄绿”三色预警，提前化解隐患", "县劳动关系协调员"),
    ("model_enterprise", "以集体协商稳岗位促和谐的示范企业", ""),
    ("coordinator", "扎根一线的金牌劳动关系协调员", "王志红"),
    ("negotiation", "平台企业就计件单价和极端天气补贴开展集体协商", ""),
)
_CASE_TEXT = (
    "围绕专项行动部署，坚持预防为先、化解为主，主动上门开展劳动用工法治“体检”，"
    "结合部门共享的缴税、缴费数据研判风险等级，建立整改台账，做到整改一条、消除一条。"
    "通过集体协商“要约行动”，推动企业与职工就工资调整、支付周期等事项达成一致，"
    "有效稳定了工作岗位，劳动关系保持和谐稳定。"
)


def demo_campaign(db: Database, *, seed: int, today: date) -> Work[dict[str, int]]:
    rng = random.Random(seed + 7)
    yield Progress(0, 1, N_("正在生成专项行动、指导服务和典型案例…"))
    data = campaigns.load_template(year=today.year if today.month >= 6 else today.year - 1)
    counties = campaign_stats.office_counties(db)
    campaign_id = campaigns.save(db, data)
    # Planned checks: a little above what the demo's checks reach, so the chart shows progress.
    period = campaign_stats.Period(data.starts_on, data.ends_on)
    done = {c: check_list.count(db, campaign_stats.check_filter(period, c)) for c in counties}
    data.targets = {c: max(5, round(n * 1.25 + rng.randint(0, 3))) for c, n in done.items()}
    campaigns.save(db, data, campaign_id)
    made = 0
    last = min(today, data.ends_on)
    guidance_start = data.phases[2].start if len(data.phases) > 2 else data.starts_on
    span = max((last - guidance_start).days, 1)
    for county in counties:
        pool_size = count_live(db, Enterprise.county_code == county)
        for n, (kind, title, materials) in enumerate(_ACTIVITIES):
            held = guidance_start + timedelta(days=rng.randint(0, span))
            reached = _reached(db, rng, county, held)
            online = kind == "lecture_online"
            guidance.save_activity(
                db,
                {
                    "held_on": held,
                    "kind": kind,
                    "title": title,
                    "county_code": county,
                    "place": "线上直播平台" if online else "企业会议室",
                    "other_enterprises": rng.randint(10, 40) if online else rng.randint(0, 3),
                    "people_reached": rng.randint(30, 260),
                    "materials": materials,
                    "copies_handed_out": 0 if online else rng.randint(20, 200),
                },
                campaign_id=campaign_id,
                enterprise_ids=reached,
            )
            made += 1
            if n == 0 and pool_size:
                kind_c, title_c, person = _CASES[rng.randrange(len(_CASES))]
                guidance.save_case(
                    db,
                    {
                        "kind": kind_c,
                        "title": title_c,
                        "county_code": county,
                        "person": person,
                        "body": _CASE_TEXT,
                        "in_report": True,
                    },
                    campaign_id=campaign_id,
                    enterprise_id="" if kind_c == "coordinator" else _an_enterprise_of(db, county),
                )
    return {"campaign": 1, "guidance_activity": made}


def _reached(db: Database, rng: random.Random, county: str, held: date) -> list[str]:
    """New enterprises first (notice 二(三)), then some others. Each is found through
    an index — the first new ones in pinyin order, the others at random credit codes —
    never by reading a county's enterprises into a list (a membership test on that
    list was quadratic in the county's size)."""
    in_county = Enterprise.county_code == county
    registered = Enterprise.registration_date
    since = held - timedelta(days=round(NEW_MONTHS * 30.44))
    new_condition = and_(registered >= since, registered <= held)
    take_new = rng.randint(1, 6)
    take_others = rng.randint(0, 5)
    # The newest first, through the registration-date index.
    reached = [r[0] for r in newest_rows(db, take_new, (Enterprise.id,), in_county, new_condition)]
    others: list[str] = []
    for _ in range(take_others * 3):  # a few draws more: two may land on one enterprise
        if len(others) == take_others:
            break
        # Demo credit codes are 91 + the county's division + a random serial (demo.py):
        # the first code at or after a random one is a random enterprise of the county.
        code = Enterprise.credit_code
        in_codes = code < f"91{county}\uffff"
        start = code >= f"91{county}{rng.randrange(10**8):08d}"
        found = _first_old(db, since, held, start, in_codes) or _first_old(
            db, since, held, code >= f"91{county}", in_codes
        )
        if found is None:
            break
        if found not in others:
            others.append(found)
    return reached + others


def _first_old(db: Database, since: date, held: date, *codes: Any) -> str | None:
    """The first enterprise in the credit-code range that is not new on `held`. The
    range is walked on the credit-code index alone (a registration-date condition in
    the query made SQLite choose another index and read the whole county)."""
    for enterprise_id, registered in by_credit_code(db, 20, *codes):
        if not guidance.is_newly_registered(registered, held, NEW_MONTHS):
            return str(enterprise_id)
    return None


def _an_enterprise_of(db: Database, county: str) -> str:
    """The county's enterprise with the smallest demo credit code (an index seek),
    or its first in pinyin order when it has none of those."""
    code = Enterprise.credit_code
    found = by_credit_code(db, 1, code >= f"91{county}", code < f"91{county}\uffff")
    if found:
        return str(found[0][0])
    return str(first_rows(db, 1, (Enterprise.id,), Enterprise.county_code == county)[0][0])
