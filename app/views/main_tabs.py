"""The main window's tabs, each built the first time it is shown or used.

`window.ledger_tab` and the others are properties that build on access, so the
window opens on the overview without building eight other tabs and their
queries; refreshes after a change reach only the tabs already built (the others
read fresh data when they are built). Mixed into MainWindow, which owns the
QTabWidget, the unbuilt slots and the handlers the tabs' signals connect to.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QTableView, QWidget

from app.views.campaign.dashboard_tab import DashboardTab
from app.views.campaign.guidance_tab import GuidanceTab
from app.views.checks.health_check_tab import HealthCheckTab
from app.views.common import read_only
from app.views.common.column_fit import fit_contents
from app.views.layoffs.layoffs_tab import LayoffsTab
from app.views.ledger.ledger_tab import LedgerTab
from app.views.negotiation.offers_tab import OffersTab
from app.views.register.enterprise_tab import EnterpriseTab
from app.views.risk.risk_grading_tab import RiskGradingTab
from app.views.risk.risk_tab import RiskTab
from app.views.window_layout import compact_combos, fit_headers, wrap_rows

T = TypeVar("T", bound=QWidget)


class LazyTab(Generic[T]):
    """A tab read as an attribute, built by MainTabs._tab(key) the first time."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, window: MainTabs, owner: type | None = None) -> T:
        return window._tab(self.key)  # type: ignore[no-any-return]


class MainTabs:
    tabs: Any
    db: Any
    tasks: Any
    settings: Any
    english: bool
    reminders: Any
    _titles: dict[str, str]
    _built: dict[str, QWidget]
    _unbuilt: dict[str, QWidget]
    findChildren: Any

    def _tab(self, key: str) -> Any:
        widget = self._built.get(key)
        if widget is not None:
            return widget
        widget = getattr(self, f"_make_{key}")()
        if self.db.read_only:
            read_only.lock_editing(widget)
        self._built[key] = widget
        slot = self._unbuilt.pop(key)
        index = self.tabs.indexOf(slot)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, self._titles[key])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        slot.deleteLater()
        fit_headers(widget)  # before the coordinator's own widths, which win
        fit_contents(widget)  # a date label a little wider than its column, shown whole
        self.restore_column_widths(widget)
        compact_combos(widget)  # filter rows that fit 1280×800 in both languages
        wrap_rows(widget)  # and wrap at 150 % rather than widen the window
        return widget

    def _build_shown(self, index: int) -> None:
        for key, slot in list(self._unbuilt.items()):
            if self.tabs.indexOf(slot) == index:
                self._tab(key)
                return

    def built_tabs(self) -> list[Any]:
        return list(self._built.values())

    def _refresh_built(self, *keys: str) -> None:
        for key in keys:
            tab = self._built.get(key)
            if tab is not None:
                tab.refresh()

    # Each tab built on first access (LazyTab): window.ledger_tab and the others.
    dashboard = LazyTab[DashboardTab]("dashboard")
    enterprise_tab = LazyTab[EnterpriseTab]("enterprise")
    check_tab = LazyTab[HealthCheckTab]("check")
    ledger_tab = LazyTab[LedgerTab]("ledger")
    offers_tab = LazyTab[OffersTab]("offers")
    layoffs_tab = LazyTab[LayoffsTab]("layoffs")
    grading_tab = LazyTab[RiskGradingTab]("grading")
    risk_tab = LazyTab[RiskTab]("risk")
    guidance_tab = LazyTab[GuidanceTab]("guidance")

    def _changed_elsewhere(self) -> None:
        """A record changed: the status bar and the overview follow."""
        self.update_status()
        self.dashboard.refresh_stats()

    def _make_dashboard(self) -> DashboardTab:
        tab = DashboardTab(self.db, self.tasks, english=self.english)
        tab.navigate.connect(self.navigate)
        tab.campaign_requested.connect(self.edit_campaigns)
        tab.new_campaign_requested.connect(self.new_campaign)
        tab.report_requested.connect(self.write_report)
        return tab

    def _make_enterprise(self) -> EnterpriseTab:
        tab = EnterpriseTab(
            self.db,
            self.tasks,  # a long register is counted on a worker (ListTab)
            english=self.english,
            new_months=self.settings.new_enterprise_months,
        )
        tab.changed.connect(self.update_status)
        tab.import_requested.connect(self.import_enterprises)
        tab.show_checks_requested.connect(self.show_checks_of)
        tab.new_check_requested.connect(self.new_check_for)
        tab.blank_forms_requested.connect(self.blank_forms_for)
        tab.ledger_requested.connect(self.show_ledger_of)
        tab.risk_requested.connect(self.show_risks_of)
        return tab

    def _record_tab(self, tab: Any, *others: str) -> Any:
        """A tab of records: its exports named in the status bar; after a change in it
        the built tabs `others` reload, then the status bar and the overview follow."""
        tab.exported.connect(self.show_exported)
        if others:
            tab.changed.connect(lambda: self._refresh_built(*others))
        tab.changed.connect(self._changed_elsewhere)
        return tab

    def _make_check(self) -> HealthCheckTab:
        # Findings made on a check are ledger rows; closing them changes the check list.
        tab = HealthCheckTab(self.db, self.tasks, english=self.english)
        return self._record_tab(tab, "ledger", "enterprise")  # type: ignore[no-any-return]

    def _make_ledger(self) -> LedgerTab:
        tab = self._record_tab(
            LedgerTab(self.db, self.tasks, english=self.english), "check", "enterprise"
        )
        tab.changed.connect(lambda: self.reminders.refresh())
        return tab  # type: ignore[no-any-return]

    def _list_tab(self, tab: Any) -> Any:
        self._record_tab(tab)
        tab.risk_requested.connect(self.show_risks_of)
        return tab

    def _make_offers(self) -> OffersTab:
        return self._list_tab(OffersTab(self.db, self.tasks, english=self.english))  # type: ignore[no-any-return]

    def _make_layoffs(self) -> LayoffsTab:
        return self._list_tab(LayoffsTab(self.db, self.tasks, english=self.english))  # type: ignore[no-any-return]

    def _make_risk(self) -> RiskTab:
        return self._list_tab(RiskTab(self.db, self.tasks, english=self.english))  # type: ignore[no-any-return]

    def _make_grading(self) -> RiskGradingTab:
        tab = RiskGradingTab(self.db, self.tasks, english=self.english)
        tab.exported.connect(self.show_exported)
        tab.changed.connect(lambda: self._refresh_built("enterprise"))
        tab.blank_forms_requested.connect(self.blank_forms_for)
        return tab

    def _make_guidance(self) -> GuidanceTab:
        tab = GuidanceTab(
            self.db,
            self.tasks,
            english=self.english,
            new_months=self.settings.new_enterprise_months,
        )
        for inner in (tab.activities, tab.cases):
            inner.changed.connect(self.dashboard.refresh_stats)
        return tab

    # -- column widths, remembered per table on this PC ------------------------------
    def tables(self, within: QWidget | None = None) -> list[QTableView]:
        return [t for t in (within or self).findChildren(QTableView) if t.objectName()]

    def restore_column_widths(self, within: QWidget | None = None) -> None:
        """Column widths as the coordinator left them (per table, on this PC)."""
        for table in self.tables(within):
            widths = self.settings.column_widths.get(table.objectName())
            if not widths or table.model() is None:
                continue
            for column, width in enumerate(widths[: table.model().columnCount()]):
                if width > 0:
                    table.setColumnWidth(column, width)

    def remember_column_widths(self) -> None:
        for table in self.tables():
            if table.model() is not None:
                self.settings.column_widths[table.objectName()] = [
                    table.columnWidth(c) for c in range(table.model().columnCount())
                ]
