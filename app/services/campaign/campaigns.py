"""Campaigns (专项行动) as data: phases with dates, the county's implementation
plan, planned checks per county, and which campaign is current.

A record belongs to the campaign whose period (starts_on … ends_on) holds its
date — the check date, the offer's receipt, the layoff report, the date a risk
was found, the date a finding was made. That rule needs nothing stored on the
record, so it holds for records received from other offices too, and the
dashboard and the lists it opens count the same rows (they share the filters).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import false, select

from app.models import Campaign, Setting
from app.models.db import Database
from app.paths import resource_path
from app.services.campaign import campaign_rules as campaign_rules
from app.services.campaign.campaign_data import (  # noqa: F401 (the campaign as values)
    CURRENT_KEY,
    NOT_FOUND,
    CampaignInfo,
    CampaignInput,
    Phase,
    PlanRow,
    current_of,
    info_of,
    input_of,
)
from app.services.core import edit_lock, reference
from app.services.core.fields import ValidationError, parse_date
from app.services.core.record_store import delete_audited, save_audited
from app.services.documents import documents as doc

RECORD_TYPE = "campaign"
TEMPLATE_2023 = resource_path("campaigns", "2023.json")


def _date(raw: Any) -> date | None:
    return raw if isinstance(raw, date) else parse_date(raw)


def load_template(path: Path = TEMPLATE_2023, year: int | None = None) -> CampaignInput:
    """A campaign from a JSON file; with `year`, its dates moved to that year
    (the 2023 notice as next year's starting point). The document number is
    kept only when the year is the template's own."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    own_year = _date(raw["starts_on"]).year  # type: ignore[union-attr]
    shift = 0 if year is None else year - own_year

    def moved(text: str | None) -> date | None:
        day = _date(text)
        if day is None or not shift:
            return day
        try:
            return day.replace(year=day.year + shift)
        except ValueError:  # 29 February
            return day.replace(year=day.year + shift, day=28)

    name = raw["name"]
    if shift:
        name = name.replace(str(own_year), str(own_year + shift), 1)
    return CampaignInput(
        name=name,
        starts_on=moved(raw["starts_on"]),  # type: ignore[arg-type]
        ends_on=moved(raw["ends_on"]),  # type: ignore[arg-type]
        issuer=raw.get("issuer", ""),
        doc_number=raw.get("doc_number", "") if not shift else "",
        issued_on=moved(raw.get("issued_on")),
        report_due=moved(raw.get("report_due")),
        phases=[
            Phase(p["key"], p["name"], moved(p["start"]), moved(p["end"]))  # type: ignore[arg-type]
            for p in raw.get("phases", [])
        ],
        plan=[
            PlanRow(p["measure"], p.get("units", ""), p.get("schedule", ""))
            for p in raw.get("plan", [])
        ],
        targets={str(k): int(v) for k, v in raw.get("targets", {}).items()},
    )


def problems(data: CampaignInput) -> dict[str, str]:
    """What is wrong with a campaign, per field (empty when it can be saved)."""
    return dict(campaign_rules.check(vars(data)))


def _row_values(data: CampaignInput) -> dict[str, Any]:
    return {
        "name": data.name.strip(),
        "issuer": data.issuer.strip(),
        "doc_number": data.doc_number.strip(),
        "issued_on": data.issued_on,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "report_due": data.report_due,
        "phases_json": json.dumps(
            [
                {
                    "key": p.key,
                    "name": p.name.strip(),
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                }
                for p in data.phases
            ],
            ensure_ascii=False,
        ),
        "plan_json": json.dumps(
            [
                {
                    "measure": p.measure.strip(),
                    "units": p.units.strip(),
                    "schedule": p.schedule.strip(),
                }
                for p in data.plan
                if p.measure.strip()
            ],
            ensure_ascii=False,
        ),
        "targets_json": json.dumps(
            {k: v for k, v in sorted(data.targets.items()) if v}, ensure_ascii=False
        ),
    }


def save(
    db: Database,
    data: CampaignInput,
    campaign_id: str | None = None,
    *,
    loaded: int | None = None,
) -> str:
    """Create or change a campaign; `loaded`: the version the dialog was loaded from."""
    errors = problems(data)
    if errors:
        raise ValidationError(errors)
    values = _row_values(data)
    with edit_lock.guarded(db) as session:
        row = save_audited(
            session,
            Campaign,
            RECORD_TYPE,
            campaign_id,
            values,
            summary="name",
            gone=("name", "该专项行动已被删除，无法保存。"),
            loaded=loaded,
        )
        current_setting = session.get(Setting, CURRENT_KEY)
        if current_setting is None or not current_setting.value:
            session.merge(Setting(key=CURRENT_KEY, value=row.id))  # the first campaign is current
        return row.id


def get(db: Database, campaign_id: str) -> CampaignInput:
    with db.session() as session:
        row = session.get(Campaign, campaign_id)
        if row is None or row.deleted:
            raise ValueError(NOT_FOUND)
        return _input_of(row)


def _input_of(row: Campaign) -> CampaignInput:
    return input_of({c.key: getattr(row, c.key) for c in Campaign.__table__.columns})


def all_campaigns(db: Database) -> list[CampaignInfo]:
    """This office's campaigns first, newest first; then those other offices made
    (at the city, each county's copy of the notice), labelled with the office, so
    ten counties' "2023 专项行动" are not ten identical lines."""
    own = db.office_code
    names = _office_names()
    with db.session() as session:
        rows = session.execute(
            select(Campaign)
            .where(Campaign.deleted == false())
            .order_by((Campaign.origin_office == own).desc(), Campaign.starts_on.desc())
        ).scalars()
        return [
            info_of(
                (r.id, r.name, r.starts_on, r.ends_on, r.report_due, r.doc_number, r.origin_office),
                own,
                names,
            )
            for r in rows
        ]


def _office_names() -> dict[str, str]:
    from app.services.core.office import known_office_codes

    return known_office_codes()


def current(db: Database, today: date | None = None) -> CampaignInfo | None:
    """The campaign chosen as current; else this office's campaign under way today;
    else its newest; another office's only when this office has none."""
    found = all_campaigns(db)
    return current_of(found, db.get_setting(CURRENT_KEY) if found else "", today)


def set_current(db: Database, campaign_id: str) -> None:
    db.set_settings({CURRENT_KEY: campaign_id})


def delete(
    db: Database, campaign_id: str, *, loaded: int | None = None, seen_seq: int | None = None
) -> None:
    """Tombstone; refused when another coordinator changed it since (edit_lock)."""
    delete_audited(
        db, Campaign, RECORD_TYPE, campaign_id, summary="name", loaded=loaded, seen_seq=seen_seq
    )
    if db.get_setting(CURRENT_KEY) == campaign_id:
        db.set_settings({CURRENT_KEY: ""})


def phase_on(data: CampaignInput, day: date) -> list[Phase]:
    """The phases under way on `day` (phases may overlap, as in 2023)."""
    return [p for p in data.phases if p.start <= day <= p.end]


def plan_document(db: Database, campaign_id: str, issued_on: date | None = None) -> doc.Document:
    """The county's implementation plan (实施方案) as a printable document."""
    from app.services.core.office import current as current_office

    data = get(db, campaign_id)
    office = current_office(db)
    office_name = office.name if office else ""
    blocks: list[Any] = [
        doc.Paragraph(
            f"根据{data.issuer or '上级'}{('《' + data.name + '》（' + data.doc_number + '）') if data.doc_number else '《' + data.name + '》'}"
            f"部署，结合本地实际，制定本实施方案。专项行动时间为{doc.chinese_date(data.starts_on)}至"
            f"{doc.chinese_date(data.ends_on)}。"
        ),
        doc.Heading("一、工作步骤"),
        doc.Table(
            ["阶段", "起始日期", "截止日期"],
            [[p.name, doc.chinese_date(p.start), doc.chinese_date(p.end)] for p in data.phases],
            [3, 2, 2],
            ["left", "center", "center"],
        ),
        doc.Heading("二、主要措施与责任分工"),
        doc.Table(
            ["序号", "工作措施", "责任单位", "时间进度"],
            [[str(n), p.measure, p.units, p.schedule] for n, p in enumerate(data.plan, 1)],
            [1, 7, 3, 2],
            ["center", "left", "left", "center"],
        ),
    ]
    if data.targets:
        blocks += [
            doc.Heading("三、体检任务分解"),
            doc.Table(
                ["县（市、区）", "计划体检企业数"],
                [[reference.division_name(k), str(v)] for k, v in sorted(data.targets.items())]
                + [["合计", str(sum(data.targets.values()))]],
                [3, 2],
                ["left", "center"],
            ),
        ]
    if data.report_due:
        blocks.append(
            doc.Paragraph(
                f"{doc.chinese_date(data.report_due)}前，梳理总结工作情况，将书面材料及电子版报送上级。"
            )
        )
    # Issuing body, date and the place for its seal; dated when it is signed.
    blocks += [
        doc.Spacer(),
        doc.Seal(office_name, doc.chinese_date(issued_on) or "　　　　年　　月　　日"),
    ]
    return doc.Document(title=f"{data.name}实施方案", blocks=blocks, office=office_name)
