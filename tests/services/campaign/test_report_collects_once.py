"""The summary report collects the campaign's figures once (a full count of every
table by county: a third of `hexie report`'s time at 100,000 enterprises, README 基准测试)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.campaign import campaign_report, campaign_stats


def _collections(monkeypatch: Any) -> list[str]:
    """The campaigns campaign_stats.collect is called for, from now on."""
    calls: list[str] = []
    collect = campaign_stats.collect

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return collect(*args, **kwargs)

    monkeypatch.setattr(campaign_stats, "collect", counting)
    return calls


def test_report_content_collects_the_figures_once(db: Any, counted: Any, monkeypatch) -> None:
    campaign_id, *_ = counted
    calls = _collections(monkeypatch)
    content = campaign_report.build(db, campaign_id, today=date(2023, 12, 1))
    assert calls == [campaign_id]
    assert content.blocks  # the drafts were written from those figures


def test_report_with_its_annex_collects_the_figures_once(
    db: Any, counted: Any, monkeypatch, tmp_path
) -> None:
    campaign_id, *_ = counted
    calls = _collections(monkeypatch)
    result = campaign_report.write(
        db, campaign_id, tmp_path / "r.docx", annex=tmp_path / "a.xlsx", today=date(2023, 12, 1)
    )
    assert calls == [campaign_id] and result.annex is not None and result.annex.exists()


def test_guidance_reach_is_read_in_one_query_for_every_activity(db: Any, counted: Any) -> None:
    """Each activity's newly registered enterprises, as guidance.reached_enterprises
    marks them, from one read of the register (one query an activity before)."""
    from sqlalchemy import event

    from app.services.campaign import guidance

    campaign_id, a, b, c = counted
    for n, ids in enumerate(([a, c], [c, b], [], [b]), start=1):
        guidance.save_activity(
            db,
            {
                "held_on": f"2023-08-0{n}",
                "kind": "law_into_enterprise",
                "title": f"送法进企业{n}",
                "county_code": "410482",
                "people_reached": str(10 * n),
            },
            campaign_id=campaign_id,
            enterprise_ids=ids,
        )
    stats = campaign_stats.collect(db, campaign_id, today=date(2023, 12, 1))
    by_hand = sum(
        sum(1 for e in guidance.enterprises_reached(db, ids, on) if e.newly_registered)
        for ids, on in (([a, c], date(2023, 8, 1)), ([c, b], date(2023, 8, 2)))
    )
    assert by_hand == 2 and stats.guidance["410482"]["new_enterprises"] == by_hand
    statements: list[str] = []

    def keep(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        campaign_stats._guidance(db, stats)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    assert sum("registration_date" in s for s in statements) == 1
