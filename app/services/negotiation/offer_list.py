"""The list of negotiation offers: the filter (stage, overdue, county, topic,
situation, period), its SQL conditions (shared with the overview's counts),
counting and one page of rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_

from app.models import NegotiationOffer
from app.models.db import Database
from app.services.core import keyset, record_lists
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER


@dataclass
class OfferFilter(record_lists.ListFilter):
    stage: str = ""
    overdue: bool = False
    county_code: str = ""
    topic: str = ""
    situation: str = ""
    enterprise_id: str = ""
    today: date = field(default_factory=date.today)
    # date_from/date_to apply to `date_basis`: "offer" — the offer's date (when the
    # other side received it, else when it was sent); "signed" — the date the collective
    # contract was signed; "filed" — the date it was filed for review.
    date_from: date | None = None
    date_to: date | None = None
    date_basis: str = "offer"


def offer_date() -> ColumnElement[date]:
    return func.coalesce(NegotiationOffer.received_on, NegotiationOffer.sent_on)


def basis_date(basis: str) -> ColumnElement[date]:
    if basis == "signed":
        return NegotiationOffer.signed_on
    if basis == "filed":
        return NegotiationOffer.filed_on
    return offer_date()


def _conditions(flt: OfferFilter) -> list[ColumnElement[bool]]:
    o = NegotiationOffer
    equal = ("county_code", "situation", "enterprise_id", "origin_office")
    conds = record_lists.matching(
        o, flt, equal, dated=basis_date(flt.date_basis), by_enterprise=True
    )
    today = flt.today
    if flt.stage:
        conds.append(in_stage(flt.stage, today))
    if flt.overdue:
        conds.append(
            or_(
                and_(o.stage == "received", o.reply_due_on < today),
                and_(o.stage == "signed", o.filing_due_on < today),
            )
        )
    if flt.topic:
        conds.append(o.topics_json.like(f'%"{flt.topic}"%'))
    return conds


def in_stage(stage: str, today: date) -> ColumnElement[bool]:
    """The offers at `stage` on `today` (a filed contract is in review, effective or expired)."""
    o = NegotiationOffer
    if stage == "effective":
        return and_(
            o.stage == "filed",
            o.review_ends_on < today,
            or_(o.expires_on.is_(None), o.expires_on >= today),
        )
    if stage == "expired":
        return and_(o.stage == "filed", o.review_ends_on < today, o.expires_on < today)
    if stage == "filed":
        return and_(o.stage == "filed", o.review_ends_on >= today)
    return o.stage == stage


def count_by_stage(db: Database, flt: OfferFilter, stages: Sequence[str]) -> dict[str, int]:
    """count(db, flt) with each of `stages` as the filter's stage, in one query (the
    summary report's process compiled and ran twelve; issue 17)."""
    found = record_lists.sums_joined(
        db,
        NegotiationOffer,
        _conditions(replace(flt, stage="")),
        *(in_stage(s, flt.today) for s in stages),
    )
    return dict(zip(stages, found, strict=True))


# Newest offers first: by the offer's date (received, else sent, else signed).
count, page = record_lists.lister(
    NEGOTIATION_OFFER,
    NegotiationOffer,
    _conditions,
    [
        keyset.Key(
            func.coalesce(
                NegotiationOffer.received_on, NegotiationOffer.sent_on, NegotiationOffer.signed_on
            ),
            descending=True,
        ),
        keyset.Key(NegotiationOffer.id, descending=True, nullable=False),
    ],
)
