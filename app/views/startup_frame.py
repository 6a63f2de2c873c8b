"""The window frame painted before the database is opened.

Process start to first paint is what a coordinator feels as "the program
starts": this frame imports nothing but PySide6 (no SQLAlchemy, no models, no
tabs), shows "正在打开数据库…" at once, and app/gui.py opens the file and builds
the main window only after the frame's first paint (README, "Start-up").
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget


class StartupFrame(QMainWindow):
    """A frame the size and place of the main window, with the loading state."""

    painted = Signal()  # once, after the first paint

    def __init__(self, geometry_hex: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startup_frame")
        self.setWindowTitle(self.tr("和谐台账"))
        self.resize(1280, 800)
        if geometry_hex:
            self.restoreGeometry(QByteArray.fromHex(geometry_hex.encode()))
        self.state = QLabel(self.tr("正在打开数据库…"))
        self.state.setObjectName("startup_state")
        # Centred by stretches around it, not setAlignment: the alignment enum is in
        # the Qt namespace, whose first use costs ~15 ms before the first paint.
        centre = QWidget(self)
        column = QVBoxLayout(centre)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.state)
        row.addStretch(1)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.setCentralWidget(centre)
        self.statusBar().showMessage(self.tr("正在打开数据库…"))
        self.first_paint_done = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self.first_paint_done:
            self.first_paint_done = True
            self.painted.emit()

    def show_state(self, text: str) -> None:
        self.state.setText(text)
        self.statusBar().showMessage(text)
