"""The summary report collects the campaign's figures once (a full count of every
table by county: a third of `hexie report`'s time at 100,000 enterprises, README 基准测试)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.campaign import campaign_report, campaign_stats


def test_report_content_collects_the_figures_once(db: Any, counted: Any, monkeypatch) -> None:
    campaign_id, *_ = counted
    calls: list[str] = []
    collect = campaign_stats.collect

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return collect(*args, **kwargs)

    monkeypatch.setattr(campaign_stats, "collect", counting)
    content = campaign_report.build(db, campaign_id, today=date(2023, 12, 1))
    assert calls == [campaign_id]
    assert content.blocks  # the drafts were written from those figures
