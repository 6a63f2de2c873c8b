"""Demo data a coordinator would believe (issue 19): one name per enterprise,
re-employment never before the layoff nor more than were laid off, dates in order."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from app.models import Enterprise, LayoffFiling, NegotiationOffer
from app.services.core.progress import drain
from app.services.demo import demo


@pytest.mark.one_engine(
    "statistics of 1,500 generated enterprises; the demo's writes on both engines: tests/services/demo/test_demo_truth.py"
)
def test_a_generated_demo_is_believable(db):
    today = date(2024, 5, 10)
    drain(demo.generate(db, enterprises=1500, seed=11, today=today))
    with db.session() as session:
        names = session.execute(select(Enterprise.name)).scalars().all()
        filings = session.execute(select(LayoffFiling)).scalars().all()
        offers = session.execute(select(NegotiationOffer)).scalars().all()
        registered = session.execute(select(Enterprise.registration_date)).scalars().all()
    assert len(names) == 1500
    assert [n for n, c in Counter(names).items() if c > 1] == []
    assert filings
    for f in filings:
        assert 0 < f.laid_off <= f.total_staff
        assert f.explained_on < f.layoff_on
        assert f.reported_on is None or f.reported_on >= f.explained_on
        assert f.reemployed <= f.laid_off
        if f.layoff_on > today:
            assert f.reemployed == 0  # nobody re-employed before the layoff
    for o in offers:
        steps = [o.sent_on, o.received_on, o.replied_on, o.signed_on, o.filed_on]
        known = [d for d in steps if d is not None]
        assert known == sorted(known) and all(d <= today for d in known)
    assert all(d is None or d <= today for d in registered)


def test_names_stay_unique_when_the_name_space_is_crowded():
    rows = demo.enterprise_rows(4000, 5, ["410482"], date(2024, 5, 10))
    names = [r["name"] for r in rows]
    assert len(set(names)) == len(names) == 4000
