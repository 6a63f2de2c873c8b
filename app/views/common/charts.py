"""Small charts painted with QPainter: horizontal bars (grouped or stacked), a
line over months, and the campaign's phase timeline. Every bar and point is
clickable (it emits which category and series), and each chart saves as PNG.

Painted by hand rather than with QtCharts: the charts stay a few kB of code,
look the same offscreen and on screen, and the hit-testing that drives the
click-through is ours to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

PALETTE = {
    "blue": "#3b6fb6",
    "green": "#3c9d5d",
    "red": "#c8372d",
    "orange": "#e08a1e",
    "grey": "#9aa3ad",
    "purple": "#7a5cb0",
    "teal": "#2a9d8f",
}


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    color: str


class Chart(QWidget):
    clicked = Signal(str, str)  # category key, series key

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.hits: list[tuple[QRectF, str, str]] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.export_folder: Path | None = None

    def sizeHint(self) -> QSize:
        return QSize(520, max(self.minimumHeight(), 240))

    def _menu(self, pos: object) -> None:
        from PySide6.QtWidgets import QFileDialog

        menu = QMenu(self)
        action = menu.addAction(self.tr("导出图片…"))
        if menu.exec(self.mapToGlobal(pos)) is action:  # type: ignore[arg-type]
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出图片"), f"{self.title}.png", "PNG (*.png)"
            )
            if path:
                self.save_png(Path(path))

    def save_png(self, path: Path) -> Path:
        """The chart as drawn, at twice the screen size so it prints sharply."""
        from PySide6.QtGui import QImage

        size = self.size() if self.width() > 50 else self.sizeHint()
        image = QImage(size.width() * 2, size.height() * 2, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(2)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            self.draw(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        path = path if path.suffix.lower() == ".png" else path.with_suffix(".png")
        if not image.save(str(path), "PNG"):
            raise OSError(f"无法写入 {path}")
        return path

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("white"))
            self.hits = []
            self.draw(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.hit(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        self.setToolTip(self.tr("点击查看明细") if over else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        found = self.hit(event.position())
        if found and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(*found)

    def hit(self, pos: QPointF) -> tuple[str, str] | None:
        for rect, category, series in self.hits:
            if rect.contains(pos):
                return category, series
        return None

    def centre_of(self, category: str, series: str) -> QPointF:
        """Where a bar or point is on screen (tests click there)."""
        for rect, c, s in self.hits:
            if (c, s) == (category, series):
                return rect.center()
        raise KeyError((category, series))

    def draw(self, painter: QPainter, area: QRectF) -> None:
        """Subclasses draw their data below the title."""
        self.draw_title(painter, area)

    def draw_title(self, painter: QPainter, area: QRectF) -> float:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRectF(area.left() + 8, area.top() + 4, area.width() - 16, 24),
            Qt.AlignmentFlag.AlignLeft,
            self.title,
        )
        painter.setFont(self.font())
        return area.top() + 30

    def draw_legend(
        self, painter: QPainter, series: list[Series], area: QRectF, top: float
    ) -> float:
        x = area.left() + 10
        metrics = painter.fontMetrics()
        for s in series:
            painter.fillRect(QRectF(x, top + 4, 10, 10), QColor(s.color))
            painter.setPen(QColor("#333"))
            painter.drawText(QPointF(x + 14, top + 13), s.label)
            x += 24 + metrics.horizontalAdvance(s.label)
        return top + 20


class BarChart(Chart):
    """Categories down the side (county names are long), bars across."""

    def __init__(
        self,
        title: str,
        series: list[Series],
        *,
        stacked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.series = series
        self.stacked = stacked
        self.categories: list[tuple[str, str]] = []
        self.values: dict[str, dict[str, int]] = {}
        self.targets: dict[str, int] = {}
        self.target_label = ""

    def set_data(
        self,
        categories: list[tuple[str, str]],
        values: dict[str, dict[str, int]],
        targets: dict[str, int] | None = None,
        target_label: str = "",
    ) -> None:
        self.categories = categories
        self.values = values
        self.targets = targets or {}
        self.target_label = target_label
        rows = len(categories) * (1 if self.stacked else max(len(self.series), 1))
        self.setMinimumHeight(int(70 + 22 * len(categories) + 6 * rows))
        self.updateGeometry()
        self.update()

    def value(self, category: str, series: str) -> int:
        return self.values.get(category, {}).get(series, 0)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self.draw_title(painter, area)
        top = self.draw_legend(painter, self.series, area, top)
        if not self.categories:
            return
        metrics = painter.fontMetrics()
        label_w = min(
            160.0, max(metrics.horizontalAdvance(label) for _, label in self.categories) + 12
        )
        left = area.left() + label_w
        right = area.right() - 44
        bottom = area.bottom() - 6
        band = (bottom - top) / len(self.categories)
        if self.stacked:
            biggest = max(
                (sum(self.value(c, s.key) for s in self.series) for c, _ in self.categories),
                default=0,
            )
        else:
            biggest = max(
                (self.value(c, s.key) for c, _ in self.categories for s in self.series), default=0
            )
        biggest = max([biggest, *self.targets.values(), 1])
        scale = (right - left) / biggest
        for n, (cat, label) in enumerate(self.categories):
            y = top + n * band
            painter.setPen(QColor("#333"))
            painter.drawText(
                QRectF(area.left() + 4, y, label_w - 10, band),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_w - 10)),
            )
            inner = band * 0.76
            if self.stacked:
                x = left
                for s in self.series:
                    v = self.value(cat, s.key)
                    rect = QRectF(x, y + (band - inner) / 2, v * scale, inner)
                    if v:
                        painter.fillRect(rect, QColor(s.color))
                        self.hits.append(
                            (rect.adjusted(0, 0, max(0, 6 - rect.width()), 0), cat, s.key)
                        )
                    x += v * scale
                total = sum(self.value(cat, s.key) for s in self.series)
                painter.setPen(QColor("#333"))
                painter.drawText(
                    QPointF(x + 4, y + band / 2 + metrics.ascent() / 2 - 1), str(total)
                )
            else:
                h = inner / max(len(self.series), 1)
                for k, s in enumerate(self.series):
                    v = self.value(cat, s.key)
                    rect = QRectF(left, y + (band - inner) / 2 + k * h, v * scale, h - 1)
                    painter.fillRect(rect, QColor(s.color))
                    self.hits.append(
                        (QRectF(left, rect.top(), max(rect.width(), 24), rect.height()), cat, s.key)
                    )
                    painter.setPen(QColor("#333"))
                    painter.drawText(
                        QPointF(left + v * scale + 4, rect.center().y() + metrics.ascent() / 2 - 1),
                        str(v),
                    )
            if cat in self.targets:
                tx = left + self.targets[cat] * scale
                painter.setPen(QPen(QColor("#222"), 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(tx, y + 2), QPointF(tx, y + band - 2))
        painter.setPen(QColor("#999"))
        painter.drawLine(QPointF(left, top), QPointF(left, bottom))


class LineChart(Chart):
    """Running totals over months; clicking a point opens that series."""

    def __init__(self, title: str, series: list[Series], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.series = series
        self.months: list[str] = []
        self.values: dict[str, list[int]] = {}

    def set_data(self, months: list[str], values: dict[str, list[int]]) -> None:
        self.months = months
        self.values = values
        self.update()

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self.draw_title(painter, area)
        top = self.draw_legend(painter, self.series, area, top) + 8
        if not self.months:
            return
        metrics = painter.fontMetrics()
        left, right = area.left() + 44, area.right() - 20
        bottom = area.bottom() - 26
        biggest = max([1, *(v for vals in self.values.values() for v in vals)])
        step = (right - left) / max(len(self.months) - 1, 1)
        painter.setPen(QColor("#999"))
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        painter.drawText(QPointF(area.left() + 6, top + metrics.ascent()), str(biggest))
        for n, month in enumerate(self.months):
            x = left + n * step
            painter.drawText(
                QRectF(x - 30, bottom + 4, 60, 20),
                Qt.AlignmentFlag.AlignHCenter,
                QLocale().standaloneMonthName(int(month[5:]), QLocale.FormatType.ShortFormat),
            )
        for s in self.series:
            vals = self.values.get(s.key, [])
            path = QPainterPath()
            for n, v in enumerate(vals):
                point = QPointF(left + n * step, bottom - (bottom - top) * v / biggest)
                path.moveTo(point) if n == 0 else path.lineTo(point)
            painter.setPen(QPen(QColor(s.color), 2))
            # An open line: with the last point's brush still set, Qt would close the
            # path and fill it (the coloured wedges between the two running totals).
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            for n, v in enumerate(vals):
                point = QPointF(left + n * step, bottom - (bottom - top) * v / biggest)
                painter.setBrush(QColor(s.color))
                painter.drawEllipse(point, 3.5, 3.5)
                self.hits.append(
                    (QRectF(point.x() - 7, point.y() - 7, 14, 14), self.months[n], s.key)
                )
            if vals:
                painter.setPen(QColor(s.color))
                painter.drawText(
                    QPointF(
                        left + (len(vals) - 1) * step - 20,
                        bottom - (bottom - top) * vals[-1] / biggest - 8,
                    ),
                    str(vals[-1]),
                )


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    start: date
    end: date


class Timeline(Chart):
    """The campaign's phases as bars over its period, with today as a red line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: list[Bar] = []
        self.today = date.today()
        self.setMinimumHeight(150)

    def set_data(self, bars: list[Bar], today: date) -> None:
        self.bars = bars
        self.today = today
        self.setMinimumHeight(90 + 28 * len(bars))
        self.update()

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = self.draw_title(painter, area)
        if not self.bars:
            return
        metrics = painter.fontMetrics()
        first = min(b.start for b in self.bars)
        last = max(b.end for b in self.bars)
        days = max((last - first).days, 1)
        label_w = min(160.0, max(metrics.horizontalAdvance(b.label) for b in self.bars) + 14)
        left, right = area.left() + label_w, area.right() - 16
        bottom = area.bottom() - 24
        band = (bottom - top) / len(self.bars)

        def x_of(day: date) -> float:
            return left + (right - left) * (day - first).days / days

        colours = list(PALETTE.values())
        for n, b in enumerate(self.bars):
            y = top + n * band
            painter.setPen(QColor("#333"))
            painter.drawText(
                QRectF(area.left() + 4, y, label_w - 10, band),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                b.label,
            )
            rect = QRectF(
                x_of(b.start), y + band * 0.2, max(x_of(b.end) - x_of(b.start), 3), band * 0.6
            )
            done = self.today > b.end
            painter.fillRect(rect, QColor(colours[n % len(colours)]).lighter(150 if done else 100))
            self.hits.append((rect, b.key, "phase"))
            painter.setPen(QColor("white") if not done else QColor("#333"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{b.start:%m-%d} — {b.end:%m-%d}")
        first_text, last_text = f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"
        last_x = right - metrics.horizontalAdvance(last_text)
        today_span: tuple[float, float] | None = None
        if first <= self.today <= last:
            x = x_of(self.today)
            painter.setPen(QPen(QColor(PALETTE["red"]), 2))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            text = self.tr("今天 %1").replace("%1", f"{self.today:%m-%d}")
            width = metrics.horizontalAdvance(text)
            start = min(max(x - width / 2, left), right - width)
            painter.drawText(QPointF(start, bottom + 16), text)
            today_span = (start, start + width)
        painter.setPen(QColor("#666"))
        # The period's ends, unless today's label sits on them.
        for text, x0 in ((first_text, left), (last_text, last_x)):
            x1 = x0 + metrics.horizontalAdvance(text)
            if today_span is None or x1 < today_span[0] - 6 or x0 > today_span[1] + 6:
                painter.drawText(QPointF(x0, bottom + 16), text)
