"""Demo data for the campaign: the 2023 notice's campaign placed in the demo's
year (so its period holds the demo's checks, offers and filings), planned checks
per county, guidance activities and typical cases."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import false, select

from app.models import Enterprise
from app.models.db import Database
from app.services.campaign import campaign_stats, campaigns, guidance
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work

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
    with db.session() as session:
        rows = session.execute(
            select(Enterprise.id, Enterprise.county_code, Enterprise.registration_date)
            .where(Enterprise.deleted == false())
            .order_by(Enterprise.name_pinyin, Enterprise.credit_code)
        ).all()
    campaign_id = campaigns.save(db, data)
    # Planned checks: a little above what the demo's checks reach, so the chart shows progress.
    period = campaign_stats.Period(data.starts_on, data.ends_on)
    done = {
        c: campaign_stats.health_checks.count(db, campaign_stats.check_filter(period, c))
        for c in counties
    }
    data.targets = {c: max(5, round(n * 1.25 + rng.randint(0, 3))) for c, n in done.items()}
    campaigns.save(db, data, campaign_id)
    by_county: dict[str, list[tuple[str, date | None]]] = {}
    for r in rows:
        by_county.setdefault(r.county_code, []).append((r.id, r.registration_date))
    made = 0
    last = min(today, data.ends_on)
    guidance_start = data.phases[2].start if len(data.phases) > 2 else data.starts_on
    span = max((last - guidance_start).days, 1)
    for county in counties:
        pool = by_county.get(county, [])
        for n, (kind, title, materials) in enumerate(_ACTIVITIES):
            held = guidance_start + timedelta(days=rng.randint(0, span))
            # New enterprises first (notice 二(三)), then some others.
            new = [e for e, reg in pool if guidance.is_newly_registered(reg, held)]
            others = [e for e, _ in pool if e not in new]
            reached = new[: rng.randint(1, 6)] + rng.sample(
                others, min(len(others), rng.randint(0, 5))
            )
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
            if n == 0 and pool:
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
                    enterprise_id="" if kind_c == "coordinator" else pool[0][0],
                )
    return {"campaign": 1, "guidance_activity": made}
