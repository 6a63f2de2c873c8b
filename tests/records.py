"""Records written the way the app writes them, for tests of every layer.

Each helper goes through the service a coordinator's action goes through (no
rows inserted behind the services' back), so a record made here has its audit
log, sync fields and derived records exactly as in use.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.checks import health_checks
from app.services.checks.health_checks import CheckInput, TeamMember
from app.services.layoffs import layoffs
from app.services.layoffs.layoffs import FilingInput
from app.services.ledger import attachments, ledger
from app.services.ledger.ledger import ManualItem
from app.services.negotiation import offers
from app.services.negotiation.offers import OfferInput
from app.services.register import enterprises
from tests.builders import code


def enterprise(db: Any, industry: str = "制造业", serial: int = 1) -> str:
    """A manufacturer (or `industry`) in 汝州市 with 120 staff; `serial` makes the
    name and credit code unique."""
    return enterprises.create(
        db,
        {
            "name": f"汝州市测试{serial}有限公司",
            "credit_code": code(serial),
            "county_code": "410482",
            "industry": industry,
            "employee_count": 120,
        },
    )


def plain_enterprise(db: Any, serial: int) -> str:
    """An enterprise with only the fields the register requires."""
    return enterprises.create(
        db,
        {
            "name": f"汝州市备份{serial}有限公司",
            "credit_code": code(serial),
            "county_code": "410482",
        },
    )


def filled(
    db: Any,
    eid: str,
    on: date = date(2023, 6, 20),
    noncompliant: tuple[str, ...] = ("A01", "B03"),
    **extra: Any,
) -> CheckInput:
    """A health check of `eid` ready to finalise: every applicable item answered
    (the `noncompliant` ones not compliant), a team of two, both people, a conclusion."""
    data = health_checks.template(db, eid, on)
    for r in data.results:
        if r.result == "unchecked":
            r.result = "noncompliant" if r.item_code in noncompliant else "compliant"
    data.team = [TeamMember("张三", "劳动关系协调员"), TeamMember("李四", "工会劳动法律监督员")]
    data.enterprise_person = "王厂长"
    data.office_person = "赵科长"
    data.conclusion = "企业存在劳动用工法律风险，须限期整改。" if noncompliant else "未发现风险。"
    for k, v in extra.items():
        setattr(data, k, v)
    return data


def manual(
    db: Any,
    eid: str,
    found: date = date(2023, 9, 1),
    deadline: date = date(2023, 9, 28),
    matter: str = "未签订劳动合同",
) -> str:
    """A rectification item entered by hand (not from a check)."""
    return ledger.add_manual(
        db,
        ManualItem(
            eid, matter, found, deadline, enterprise_person="王厂长", office_person="赵科长"
        ),
    )


def move(db: Any, item_id: str, status: str, on: date, note: str, **more: Any) -> None:
    """One status change of a rectification item, dated `on`, seen from 1 Dec 2023."""
    ledger.change_status(
        db, item_id, status, on_date=on, note=note, today=date(2023, 12, 1), **more
    )


def close(db: Any, item_id: str, evidence: Any, on: date = date(2023, 9, 20)) -> None:
    """Take an item the whole way to 已销号: evidence attached, in progress,
    awaiting verification, verified and closed on `on`."""
    attachments.add(db, item_id, evidence)
    move(db, item_id, "in_progress", on, "企业已着手整改")
    move(db, item_id, "awaiting_verification", on, "企业报送整改材料")
    move(db, item_id, "closed", on, "核验属实", verified_by="李四")


def offer(db: Any, eid: str, **kw: Any) -> str:
    """A wage-negotiation offer to a struggling enterprise, sent 2023-09-25 and
    received two days later."""
    data = OfferInput(
        eid,
        topics=["pay_level", "g01_pay"],
        situation="difficult",
        sent_on=date(2023, 9, 25),
        received_on=date(2023, 9, 27),
        **kw,
    )
    return offers.save(db, data)


def filing(db: Any, eid: str, **kw: Any) -> str:
    """A layoff report: 19 of 200 laid off, explained 30 days ahead, reported in time."""
    values = {
        "total_staff": 200,
        "laid_off": 19,
        "explained_on": date(2023, 3, 1),
        "layoff_on": date(2023, 3, 31),
        "opinions": "工会同意",
        "reported_on": date(2023, 3, 10),
        **kw,
    }
    return layoffs.save(db, FilingInput(eid, **values))
