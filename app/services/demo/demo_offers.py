"""Demo offers in every stage, layoff filings that pass and fail the checks, and
major risks open and closed (moved out of demo.py, which keeps the register and
the order of the steps)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.models import Enterprise
from app.models.db import Database
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.demo.demo_people import person


def demo_offers_layoffs(
    db: Database, *, seed: int, today: date, enterprises: int
) -> Work[dict[str, int]]:
    """Offers in every stage, layoff filings that pass and fail the checks, risk events open and closed."""
    from app.services.demo.demo_sample import count_live, sample_rows
    from app.services.layoffs import layoffs
    from app.services.layoffs.layoffs import FilingInput
    from app.services.negotiation import negotiation_rules, offers
    from app.services.negotiation.offers import OfferInput, SessionInput
    from app.services.risk import risk_events
    from app.services.risk.risk_events import EventInput

    rng = random.Random(seed + 3)
    columns = (
        Enterprise.id,
        Enterprise.employee_count,
        Enterprise.is_platform,
        Enterprise.has_union,
    )
    live = count_live(db)
    yield Progress(0, 3, N_("正在生成要约、裁员备案和风险隐患演示数据…"))
    stages = ("draft", "sent", "received", "negotiating", "signed", "filed", "refused")
    # The campaign offers to negotiate at about one enterprise in twenty; at least two
    # rounds of every stage, so a small demo still signs and files several contracts.
    n_offers = min(max(enterprises // 20, 2 * len(stages)), 240)
    chosen = sample_rows(db, rng, n_offers, columns)
    for n, (eid, staff, platform, _union) in enumerate(chosen):
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
                min(data.received_on + timedelta(days=rng.randint(3, 18)), today),
                "accepted",
            )
        if stage == "refused":
            data.replied_on = min(data.received_on + timedelta(days=5), today)
            data.reply = "refused"
        if stage in ("signed", "filed"):
            data.signed_on = min(data.replied_on + timedelta(days=rng.randint(10, 40)), today)
            # The congress adopted the draft (集体合同规定 第36条): two thirds at
            # least attended and more than half of all agreed, before the signing.
            members = max(30, (staff or 60) // 2)
            data.congress_members = members
            data.congress_attended = members - rng.randint(0, members // 3)
            data.congress_approved = rng.randint(members // 2 + 1, data.congress_attended)
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
                    held, reps, workers, 1, 1, 0, rng.choice((0, 0, 1)), person(rng), person(rng)
                ),
            )
    yield Progress(1, 3, N_("正在生成裁员备案演示数据…"))
    bigger = (
        (Enterprise.employee_count >= 60,)
        if count_live(db, Enterprise.employee_count >= 60)
        else ()
    )
    n_filings = min(max(enterprises // 200, 4), 30)
    filers = sample_rows(db, rng, n_filings, columns, *bigger)
    for eid, staff, _p, _u in filers:
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
                # Re-employment comes after the layoff, never before it.
                reemployed=laid_off // 5 if layoff_on <= today else 0,
            ),
        )
    yield Progress(2, 3, N_("正在生成风险隐患演示数据…"))
    n_events = min(max(enterprises // 300, 4), 20)
    for n, (eid, staff, _p, _u) in enumerate(sample_rows(db, rng, n_events, columns)):
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
        "negotiation_offer": len(chosen),
        "layoff_filing": len(filers),
        "major_risk_event": min(n_events, live),
    }
