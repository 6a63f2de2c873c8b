"""What each number of the overview opens: the matching list, filtered exactly as
the number was counted (campaign_stats' filters), with a label for the chip above it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from app.services.campaign import campaign_stats, guidance
from app.services.campaign.campaign_stats import CampaignStats
from app.services.negotiation import offers


class DashboardClicks:
    """Click handlers of DashboardTab (a QWidget with the signals `navigate` and
    `report_requested`, the figures in `stats`, and `today`, `english`, `_county`)."""

    stats: CampaignStats | None
    today: date
    english: bool
    navigate: Any
    report_requested: Any

    if TYPE_CHECKING:  # from the widget this is mixed into (defined there, not here)

        def tr(self, text: str) -> str: ...

        def _county(self, code: str) -> str: ...

    def _go(self, target: str, flt: Any, label: str) -> None:
        self.navigate.emit(target, flt, label)

    def tile_clicked(self, key: str) -> None:
        if self.stats is None:
            return
        p = self.stats.period
        s = campaign_stats
        routes: dict[str, tuple[str, Any, str]] = {
            "checks": ("checks", s.check_filter(p), self.tr("专项行动期间已定稿的体检")),
            "ledger": (
                "ledger",
                s.ledger_filter(p, "found", today=self.today),
                self.tr("专项行动期间发现的整改事项"),
            ),
            "risk": ("enterprises", s.enterprise_filter("high"), self.tr("高风险企业")),
            "offers": (
                "offers",
                s.offer_filter(p, today=self.today),
                self.tr("专项行动期间的要约"),
            ),
            "layoffs": ("layoffs", s.filing_filter(p), self.tr("专项行动期间的裁员备案")),
            "events": ("risks", s.event_filter(), self.tr("处置中的重大风险隐患")),
            "guidance": (
                "guidance",
                s.guidance_filter(self.stats.campaign_id),
                self.tr("本专项行动的指导服务"),
            ),
        }
        self._go(*routes[key])

    def phase_clicked(self, key: str, _series: str) -> None:
        """A phase opens what was done in it: checks while screening, offers while
        offering, guidance while guiding; the summary phase opens the report."""
        if not self.stats:
            return
        phase = next((p for p in self.stats.campaign.phases if p.key == key), None)
        if phase is None:
            return
        period = campaign_stats.Period(phase.start, phase.end)
        label = (
            self.tr("“%1”阶段（%2 至 %3）")
            .replace("%1", phase.name)
            .replace("%2", str(phase.start))
            .replace("%3", str(phase.end))
        )
        if key == "offers":
            self._go("offers", campaign_stats.offer_filter(period, today=self.today), label)
        elif key == "guidance":
            flt = campaign_stats.guidance_filter(self.stats.campaign_id)
            flt.date_from, flt.date_to = phase.start, phase.end
            self._go("guidance", flt, label)
        elif key == "summary":
            self.report_requested.emit()
        else:
            self._go("checks", campaign_stats.check_filter(period), label)

    def _in_county(self, target: str, make: Callable[..., Any], county: str, text: str) -> None:
        """The campaign period's records of one county (`make(period, county)`: the
        filter; `text`: the chip's label, %1 the county)."""
        if self.stats:
            flt = make(self.stats.period, county)
            self._go(target, flt, text.replace("%1", self._county(county)))

    def checks_clicked(self, county: str, _series: str) -> None:
        self._in_county("checks", campaign_stats.check_filter, county, self.tr("%1已定稿的体检"))

    def risk_clicked(self, county: str, level: str) -> None:
        names = {"high": self.tr("高风险"), "medium": self.tr("中风险")}
        self._go(
            "enterprises",
            campaign_stats.enterprise_filter(level, county),
            self.tr("%1的%2企业")
            .replace("%1", self._county(county))
            .replace("%2", names.get(level, level)),
        )

    def ledger_clicked(self, county: str, state: str) -> None:
        if self.stats:
            names = {
                "open": self.tr("未销号"),
                "closed": self.tr("已销号"),
                "overdue": self.tr("逾期"),
            }
            self._go(
                "ledger",
                campaign_stats.ledger_filter(self.stats.period, state, county, self.today),
                self.tr("%1%2的整改事项")
                .replace("%1", self._county(county))
                .replace("%2", names[state]),
            )

    def closure_clicked(self, month: str, series: str) -> None:
        """Items found up to the end of that month (the running total's rows)."""
        if not self.stats:
            return
        year, mon = int(month[:4]), int(month[5:])
        end = date(year + (mon == 12), mon % 12 + 1, 1).toordinal() - 1
        last = date.fromordinal(end)
        period = campaign_stats.Period(self.stats.period.start, min(last, self.stats.period.end))
        state = "closed" if series == "closed" else "found"
        flt = campaign_stats.ledger_filter(period, state, today=self.today)
        self._go("ledger", flt, self.tr("截至%1发现的整改事项").replace("%1", f"{year}年{mon}月"))

    def offers_clicked(self, stage: str, _series: str) -> None:
        if self.stats:
            names = offers.STAGES_EN if self.english else offers.STAGES
            self._go(
                "offers",
                campaign_stats.offer_filter(self.stats.period, stage, today=self.today),
                names.get(stage, stage),
            )

    def layoffs_clicked(self, county: str, _series: str) -> None:
        self._in_county("layoffs", campaign_stats.filing_filter, county, self.tr("%1的裁员备案"))

    def events_clicked(self, county: str, _series: str) -> None:
        self._go(
            "risks",
            campaign_stats.event_filter(county),
            self.tr("%1处置中的重大风险隐患").replace("%1", self._county(county)),
        )

    def guidance_clicked(self, kind: str, _series: str) -> None:
        if self.stats:
            kinds = guidance.ACTIVITY_KINDS_EN if self.english else guidance.ACTIVITY_KINDS
            self._go(
                "guidance",
                campaign_stats.guidance_filter(self.stats.campaign_id, kind),
                kinds.get(kind, kind),
            )
