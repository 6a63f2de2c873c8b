"""Tab 总览: where the campaign stands, as charts. Every bar, point and number
opens the matching list with the very filter it was counted with."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.i18n import paren
from app.services.campaign import campaign_stats, campaigns, guidance
from app.services.campaign.campaign_stats import CampaignStats
from app.services.core import reference
from app.services.core.storage import Database
from app.services.negotiation import offers
from app.tasks import SyncTaskRunner, TaskRunner, show_error
from app.views.campaign.dashboard_clicks import DashboardClicks
from app.views.common.charts import PALETTE, Bar, BarChart, LineChart, Series, Timeline
from app.views.common.layouts import hbox, scrolled, vbox
from app.views.common.widgets import named, push_button


class DashboardTab(DashboardClicks, QWidget):
    # target tab ("checks", "ledger", "enterprises", "offers", "layoffs", "risks",
    # "guidance"), the filter object, and a label for the chip above the list
    navigate = Signal(str, object, str)
    campaign_requested = Signal()
    new_campaign_requested = Signal()
    report_requested = Signal()

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner | None = None,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks or SyncTaskRunner()
        self.english = english
        self.stats: CampaignStats | None = None
        self.today = date.today()

        self.campaign = named(QComboBox(), "dashboard_campaign")
        # The campaign's full name: not one of the narrow filter boxes (window_layout.py).
        self.campaign.setProperty("keep_width", True)
        self.campaign.setMinimumWidth(300)
        self.campaign.currentIndexChanged.connect(lambda _i: self.refresh_stats())
        self.refresh_button = push_button(
            self.tr("刷新"), "dashboard_refresh", lambda _c=False: self.refresh()
        )
        self.export_button = push_button(
            self.tr("导出图表…"), "dashboard_export", lambda _c=False: self.export_charts()
        )
        self.campaign_button = push_button(
            self.tr("专项行动设置…"), slot=lambda _c=False: self.campaign_requested.emit()
        )
        self.report_button = push_button(
            self.tr("工作总结…"), "dashboard_report", lambda _c=False: self.report_requested.emit()
        )
        top = hbox(QLabel(self.tr("专项行动：")), (self.campaign, 1))
        for b in (
            self.refresh_button,
            self.export_button,
            self.campaign_button,
            self.report_button,
        ):
            top.addWidget(b)

        self.empty = QLabel(
            self.tr(
                "还没有专项行动。新建本年度的专项行动后，这里显示各阶段进度和各项统计。（按 2023 年通知的阶段和措施生成，可再修改。）"
            )
        )
        self.empty.setObjectName("dashboard_empty")
        self.empty.setWordWrap(True)
        self.create_button = push_button(
            self.tr("新建本年度专项行动…"),
            "dashboard_create",
            lambda _c=False: self.new_campaign_requested.emit(),
        )
        self.empty_box = QWidget()
        vbox(
            self.empty, (self.create_button, 0, Qt.AlignmentFlag.AlignLeft), 1, owner=self.empty_box
        )

        self.tiles: dict[str, QPushButton] = {}
        tiles = QHBoxLayout()
        for key in ("checks", "ledger", "risk", "offers", "layoffs", "events", "guidance"):
            b = named(QPushButton(), f"tile_{key}")
            b.setMinimumHeight(64)
            b.setStyleSheet("QPushButton { text-align: center; font-size: 13px; padding: 6px; }")
            b.clicked.connect(lambda _c=False, k=key: self.tile_clicked(k))
            self.tiles[key] = b
            tiles.addWidget(b)

        self.timeline = Timeline(self.tr("阶段安排"))
        self.checks_chart = BarChart(
            self.tr("体检进度（虚线为计划数）"),
            # Enterprises (家), as the plan and the annex's 已体检 count them.
            [Series("checks", self.tr("已体检企业（家）"), PALETTE["blue"])],
        )
        self.risk_chart = BarChart(
            self.tr("企业风险等级"),
            [
                Series("high", self.tr("高风险"), PALETTE["red"]),
                Series("medium", self.tr("中风险"), PALETTE["orange"]),
            ],
            stacked=True,
        )
        self.ledger_chart = BarChart(
            self.tr("整改事项"),
            [
                Series("open", self.tr("未销号（含逾期）"), PALETTE["orange"]),
                Series("overdue", self.tr("逾期"), PALETTE["red"]),
                Series("closed", self.tr("已销号"), PALETTE["green"]),
            ],
        )
        self.closure_chart = LineChart(
            self.tr("整改进度（累计）"),
            [
                Series("found", self.tr("发现问题"), PALETTE["orange"]),
                Series("closed", self.tr("已销号"), PALETTE["green"]),
            ],
        )
        self.offers_chart = BarChart(
            self.tr("集体协商要约（按阶段）"),
            [Series("offers", self.tr("份数"), PALETTE["purple"])],
        )
        self.layoffs_chart = BarChart(
            self.tr("裁员备案"),
            [
                Series("people", self.tr("裁减人数"), PALETTE["grey"]),
                Series("reemployed", self.tr("已再就业"), PALETTE["teal"]),
            ],
        )
        self.events_chart = BarChart(
            self.tr("重大风险隐患（处置中）"), [Series("open", self.tr("处置中"), PALETTE["red"])]
        )
        self.guidance_chart = BarChart(
            self.tr("指导服务（按方式）"),
            [Series("activities", self.tr("活动次数"), PALETTE["teal"])],
        )
        self.charts = [
            self.timeline,
            self.checks_chart,
            self.risk_chart,
            self.ledger_chart,
            self.closure_chart,
            self.offers_chart,
            self.layoffs_chart,
            self.events_chart,
            self.guidance_chart,
        ]
        for n, chart in enumerate(self.charts):
            chart.setObjectName(
                (
                    "timeline",
                    "checks",
                    "risk",
                    "ledger",
                    "closure",
                    "offers",
                    "layoffs",
                    "events",
                    "guidance",
                )[n]
                + "_chart"
            )
        self.timeline.clicked.connect(self.phase_clicked)
        self.checks_chart.clicked.connect(self.checks_clicked)
        self.risk_chart.clicked.connect(self.risk_clicked)
        self.ledger_chart.clicked.connect(self.ledger_clicked)
        self.closure_chart.clicked.connect(self.closure_clicked)
        self.offers_chart.clicked.connect(self.offers_clicked)
        self.layoffs_chart.clicked.connect(self.layoffs_clicked)
        self.events_chart.clicked.connect(self.events_clicked)
        self.guidance_chart.clicked.connect(self.guidance_clicked)

        grid = QGridLayout()
        grid.addWidget(self.timeline, 0, 0, 1, 2)
        for n, chart in enumerate(self.charts[1:]):
            grid.addWidget(chart, 1 + n // 2, n % 2)
        inner = QWidget()
        vbox(tiles, grid, 1, owner=inner)
        self.scroll = scrolled(inner)
        vbox(top, (self.empty_box, 1), (self.scroll, 1), owner=self)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the campaign list (keeping the choice) and the numbers."""
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        current = campaigns.current(self.db, self.today)
        for c in campaigns.all_campaigns(self.db):
            self.campaign.addItem(paren(c.label, f"{c.starts_on} — {c.ends_on}"), c.id)
        wanted = chosen or (current.id if current else None)
        index = self.campaign.findData(wanted)
        self.campaign.setCurrentIndex(max(index, 0))
        self.campaign.blockSignals(False)
        self.refresh_stats()

    def refresh_stats(self) -> None:
        campaign_id = self.campaign.currentData()
        has = bool(campaign_id)
        self.empty_box.setVisible(not has)
        self.scroll.setVisible(has)
        self.export_button.setEnabled(has)
        self.report_button.setEnabled(has)
        if not has:
            self.stats = None
            return
        self.today = date.today()
        today = self.today
        # Counted off the GUI thread: on 100,000 records the window opens at once
        # and the charts fill in a moment later.
        self.tasks.quietly(
            lambda: campaign_stats.collect(self.db, campaign_id, today=today),
            self._collected,
            lambda exc: show_error(self, self.tr("无法统计本次行动"), exc),
        )

    def _collected(self, stats: CampaignStats) -> None:
        if stats.campaign_id != self.campaign.currentData():
            return  # the user chose another campaign meanwhile
        self.stats = stats
        self._fill(stats)

    def _county(self, code: str) -> str:
        for d in reference.divisions():
            if d.code == code:
                return d.name_en if self.english else d.name
        return code

    def _fill(self, s: CampaignStats) -> None:
        t = s.total
        counties = [(c, self._county(c)) for c in s.counties]
        checks, planned = sum(s.checks.values()), sum(s.targets.values())
        found, closed = t(s.ledger, "found"), t(s.ledger, "closed")
        # Each card names what it counts — 本期 (the campaign's period), 本行动 (this
        # campaign), 全部 (every record, now) — and its first number is the length of
        # the list a click opens (dashboard_clicks.py builds it with the same filter).
        texts = {
            "checks": self.tr("本期体检 %1 次\n计划 %2 家")
            .replace("%1", str(checks))
            .replace("%2", str(planned)),
            "ledger": self.tr("本期发现整改 %1 项\n已销号 %2 · 逾期 %3")
            .replace("%1", str(found))
            .replace("%2", str(closed))
            .replace("%3", str(t(s.ledger, "overdue"))),
            "risk": self.tr("高风险企业 %1 家（全部）\n中风险 %2 家")
            .replace("%1", str(t(s.risk, "high")))
            .replace("%2", str(t(s.risk, "medium"))),
            "offers": self.tr("本期要约 %1 份\n签订集体合同 %2 份")
            .replace("%1", str(t(s.offers, "offers")))
            .replace("%2", str(t(s.offers, "signed"))),
            "layoffs": self.tr("本期裁员备案 %1 件\n涉及 %2 人")
            .replace("%1", str(t(s.layoffs, "filings")))
            .replace("%2", str(t(s.layoffs, "people"))),
            "events": self.tr("处置中的重大风险隐患\n%1 起（全部）").replace(
                "%1", str(t(s.events, "open"))
            ),
            "guidance": self.tr("本行动指导服务 %1 次\n覆盖企业 %2 家")
            .replace("%1", str(t(s.guidance_by_kind, "activities")))
            .replace("%2", str(t(s.guidance_by_kind, "enterprises"))),
        }
        period = f"{s.period.start} — {s.period.end}"
        tips = {
            "checks": self.tr("专项行动期间（%1）已定稿的体检（不含草稿）；点击查看这些体检"),
            "ledger": self.tr("专项行动期间（%1）发现的整改事项；点击查看"),
            "offers": self.tr("专项行动期间（%1）发出或收到的要约；点击查看"),
            "layoffs": self.tr("专项行动期间（%1）的裁员备案；点击查看"),
        }
        for key, tip in tips.items():
            self.tiles[key].setToolTip(tip.replace("%1", period))
        for key, text in texts.items():
            self.tiles[key].setText(text)
        self.timeline.set_data(
            [Bar(p.key, p.name, p.start, p.end) for p in s.campaign.phases], self.today
        )
        self.checks_chart.set_data(
            counties, {c: {"checks": n} for c, n in s.checked.items()}, s.targets
        )
        self.risk_chart.set_data(counties, s.risk)
        self.ledger_chart.set_data(counties, s.ledger)
        running_found, running_closed, found_line, closed_line = 0, 0, [], []
        for _month, f, c in s.closure_by_month:
            running_found += f
            running_closed += c
            found_line.append(running_found)
            closed_line.append(running_closed)
        self.closure_chart.set_data(
            [m for m, _, _ in s.closure_by_month], {"found": found_line, "closed": closed_line}
        )
        names = offers.STAGES_EN if self.english else offers.STAGES
        stages = [(k, names[k]) for k, n in s.offers_by_stage.items() if n] or [
            (k, names[k]) for k in list(names)[:4]
        ]
        self.offers_chart.set_data(stages, {k: {"offers": n} for k, n in s.offers_by_stage.items()})
        self.layoffs_chart.set_data(counties, s.layoffs)
        self.events_chart.set_data(counties, s.events)
        kinds = guidance.ACTIVITY_KINDS_EN if self.english else guidance.ACTIVITY_KINDS
        self.guidance_chart.set_data(list(kinds.items()), s.guidance_by_kind)

    # -- export ----------------------------------------------------------------------------------
    def export_charts(self, folder: Path | None = None) -> list[Path]:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("选择保存图表的文件夹"))
            if not chosen:
                return []
            folder = Path(chosen)
        written = []
        try:
            for n, chart in enumerate(self.charts, 1):
                written.append(chart.save_png(folder / f"{n:02d}-{chart.title}.png"))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("导出图表"),
                self.tr("无法写入图片：%1。请换一个文件夹。").replace("%1", str(exc)),
            )
            return written
        return written
