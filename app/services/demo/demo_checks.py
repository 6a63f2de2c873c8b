"""Demo health checks and the ledger work that follows them (`hexie demo`).

Every check obeys the entry rules: its items apply as its recorded workforce and
the enterprise's industry say, its conclusion and advice are drafted from its
results, and only final checks have rectification items.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import false

from app.models.db import Database
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.demo.demo_people import person
from app.services.demo.demo_sample import sample_rows


def demo_ledger(db: Database, *, seed: int, today: date, since: int = 0) -> Work[int]:
    """Move the demo findings along: every status appears, some overdue, some extended,
    closed ones with an evidence file. `since`: the change counter before the demo
    wrote anything; only the items it made (after it) are moved."""
    import tempfile

    from sqlalchemy import select

    from app.models import RectificationItem
    from app.services.ledger import attachments, ledger

    rng = random.Random(seed + 2)
    with db.session() as session:
        items = list(
            session.execute(
                select(RectificationItem.id, RectificationItem.found_on, RectificationItem.deadline)
                .where(RectificationItem.deleted == false(), RectificationItem.change_seq > since)
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
                yield Progress(n, len(items), N_("正在生成整改台账演示数据…"))
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
                verified_by=person(rng),
                today=today,
            )
            moves += 1
    return moves


_CLEAN_ADVICE = "继续按月编制工资支付台账并保存三年；规章制度修订时经职工代表大会讨论并公示。"


def demo_checks(db: Database, *, seed: int, today: date, count: int) -> Work[int]:
    """Health checks on some of the demo enterprises: most final (with their
    rectification items), some drafts still being filled in."""
    from app.models import Enterprise
    from app.services.checks import check_rules, checklists, health_checks
    from app.services.checks.health_checks import TeamMember

    rng = random.Random(seed + 1)
    spec = checklists.active(db)
    chosen = sample_rows(db, rng, count, (Enterprise.id, Enterprise.industry))
    for n, (enterprise_id, industry) in enumerate(chosen):
        if n % 10 == 0:
            yield Progress(
                n, len(chosen), N_("正在生成演示体检 {n}/{total}…", n=n + 1, total=len(chosen))
            )
        on = today - timedelta(days=rng.randint(1, 150))
        data = health_checks.template(db, enterprise_id, on)
        staff = data.staff_count or rng.randint(5, 200)
        data.staff_count = staff
        data.contracts_signed = max(0, staff - rng.choice((0, 0, 0, 1, 2, 5)))
        data.migrant_workers = rng.choice((0, 0, staff // 3, staff // 2))
        data.dispatched_workers = rng.choice((0, 0, 0, max(1, staff // 10)))
        owed = rng.random() < 0.12
        behind = on.replace(day=1) - timedelta(days=70)
        data.wages_paid_through = f"{behind:%Y-%m}" if owed else f"{on:%Y-%m}"
        data.wages_owed_yuan = rng.randint(20, 400) * 1000 if owed else 0
        data.wages_owed_people = rng.randint(1, max(1, staff // 2)) if owed else 0
        # Which items apply follows what this check recorded (check_rules).
        applicable = health_checks.applicable_codes(
            spec, check_rules.context_for(industry, vars(data))
        )
        final = rng.random() < 0.7
        for r in data.results:
            if r.item_code not in applicable:
                r.result = "na"
            elif not final and rng.random() < 0.3:
                r.result = "unchecked"  # a draft still being filled in
            else:
                r.result = "noncompliant" if rng.random() < 0.12 else "compliant"
        data.team = [
            TeamMember(person(rng), "劳动关系协调员"),
            TeamMember(person(rng), rng.choice(health_checks.ROLES[1:])),
        ]
        facts = check_rules.facts_of(spec, data.results)
        data.conclusion = check_rules.proposed_conclusion(facts, vars(data))
        data.advice = check_rules.proposed_advice(facts) or _CLEAN_ADVICE
        data.enterprise_person = person(rng)
        data.office_person = data.team[0].name
        health_checks.create(db, data, final=final)
    return len(chosen)
