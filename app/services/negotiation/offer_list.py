"""The list of negotiation offers: the filter (stage, overdue, county, topic,
situation, period), its SQL conditions (shared with the overview's counts),
counting and one page of rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, false, func, or_, select

from app.models import Enterprise, NegotiationOffer
from app.models.db import Database
from app.services.core import keyset, record_lists
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER


@dataclass
class OfferFilter:
    stage: str = ""
    overdue: bool = False
    county_code: str = ""
    topic: str = ""
    situation: str = ""
    enterprise_id: str = ""
    text: str = ""
    today: date = field(default_factory=date.today)
    origin_office: str = ""
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
    conds: list[ColumnElement[bool]] = [o.deleted == false()]
    today = flt.today
    if flt.stage == "effective":
        conds.append(
            and_(
                o.stage == "filed",
                o.review_ends_on < today,
                or_(o.expires_on.is_(None), o.expires_on >= today),
            )
        )
    elif flt.stage == "expired":
        conds.append(and_(o.stage == "filed", o.review_ends_on < today, o.expires_on < today))
    elif flt.stage == "filed":
        conds.append(and_(o.stage == "filed", o.review_ends_on >= today))
    elif flt.stage:
        conds.append(o.stage == flt.stage)
    if flt.overdue:
        conds.append(
            or_(
                and_(o.stage == "received", o.reply_due_on < today),
                and_(o.stage == "signed", o.filing_due_on < today),
            )
        )
    if flt.county_code:
        conds.append(Enterprise.county_code == flt.county_code)
    if flt.topic:
        conds.append(o.topics_json.like(f'%"{flt.topic}"%'))
    if flt.situation:
        conds.append(o.situation == flt.situation)
    if flt.enterprise_id:
        conds.append(o.enterprise_id == flt.enterprise_id)
    if flt.origin_office:
        conds.append(o.origin_office == flt.origin_office)
    if flt.date_from:
        conds.append(basis_date(flt.date_basis) >= flt.date_from)
    if flt.date_to:
        conds.append(basis_date(flt.date_basis) <= flt.date_to)
    if (match := record_lists.enterprise_matches(flt.text)) is not None:
        conds.append(match)
    return conds


def count(db: Database, flt: OfferFilter) -> int:
    return record_lists.count_joined(db, NegotiationOffer, _conditions(flt))


def page(
    db: Database, flt: OfferFilter, *, offset: int | keyset.Seek = 0, limit: int = 200
) -> keyset.Rows:
    o = NegotiationOffer
    stmt = (
        select(*record_lists.selected(NEGOTIATION_OFFER, o))
        .join(Enterprise, Enterprise.id == o.enterprise_id)
        .where(and_(*_conditions(flt)))
    )
    keys = [
        keyset.Key(func.coalesce(o.received_on, o.sent_on, o.signed_on), descending=True),
        keyset.Key(o.id, descending=True, nullable=False),
    ]
    with db.reader() as conn:
        return keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)
