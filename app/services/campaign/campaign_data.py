"""A campaign as plain values (no SQLAlchemy): what campaigns.py stores and reads,
and what the summary report's own process reads through report_file (issue 17:
`hexie report` on a SQLite file imports neither SQLAlchemy nor the models)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.services.campaign import campaign_spec

CURRENT_KEY = "campaign.current"
NOT_FOUND = "找不到该专项行动，可能已被删除。"


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    start: date
    end: date


@dataclass
class PlanRow:
    measure: str
    units: str = ""
    schedule: str = ""


@dataclass
class CampaignInput:
    name: str
    starts_on: date
    ends_on: date
    issuer: str = ""
    doc_number: str = ""
    issued_on: date | None = None
    report_due: date | None = None
    phases: list[Phase] = field(default_factory=list)
    plan: list[PlanRow] = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)  # county code → planned checks


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    starts_on: date
    ends_on: date
    report_due: date | None
    doc_number: str
    owner: str = ""  # the office that made it (each county makes its own from the notice)
    label: str = ""  # the name, and whose it is when it is another office's

    @property
    def own(self) -> bool:
        return self.label == self.name


def input_of(row: Mapping[str, Any]) -> CampaignInput:
    """A campaign's stored columns (by name) as its input."""
    return CampaignInput(
        # The spec's fields are the campaign's columns by name; its tables are JSON.
        **{spec.name: row[spec.name] for spec in campaign_spec.FIELDS},
        phases=[
            Phase(p["key"], p["name"], date.fromisoformat(p["start"]), date.fromisoformat(p["end"]))
            for p in json.loads(row["phases_json"] or "[]")
        ],
        plan=[PlanRow(**p) for p in json.loads(row["plan_json"] or "[]")],
        targets={k: int(v) for k, v in json.loads(row["targets_json"] or "{}").items()},
    )


def info_of(row: Sequence[Any], own: str, names: Mapping[str, str]) -> CampaignInfo:
    """(id, name, starts_on, ends_on, report_due, doc_number, origin_office) as the
    list shows it: another office's campaign labelled with that office's name."""
    cid, name, starts, ends, due, number, origin = row
    label = name if origin in (own, "") else f"{name}（{names.get(origin, origin)}）"
    return CampaignInfo(cid, name, starts, ends, due, number, origin, label)


def current_of(
    found: Sequence[CampaignInfo], chosen: str, today: date | None = None
) -> CampaignInfo | None:
    """The campaign chosen as current; else this office's campaign under way today;
    else its newest; another office's only when this office has none."""
    if not found:
        return None
    for c in found:
        if c.id == chosen:
            return c
    today = today or date.today()
    for group in ([c for c in found if c.own], found):
        for c in group:
            if c.starts_on <= today <= (c.report_due or c.ends_on):
                return c
        if group:
            return group[0]
    return found[0]
