"""Start-up in the order a coordinator sees it: paint first, load after.

1. The frame (app/views/startup_frame.py, PySide6 only) is shown and painted with
   "正在打开数据库…" — before SQLAlchemy, the models or any tab is imported.
2. After that first paint: the cheap checks of the file (header, page size,
   schema revision: app/services/core/file_check.py), the open, the main window
   in the frame's place, the daily backup and the reminders.
3. SQLite's full check of every page runs on a worker thread. A damaged file is
   reported in the window with what to do, and the file is opened again
   read-only so nothing more is written into it (README, "Start-up").

HEXIE_STARTUP_PROBE=<file>: the benchmarks (benchmarks/bench_startup.py) measure
process start → first paint as a whole process; the probe writes the wall-clock
time of the first paint and of the filled window there, then quits.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.views.startup_frame import StartupFrame

if TYPE_CHECKING:
    from app.settings import AppSettings
    from app.views.main_window import MainWindow

log = logging.getLogger("hexie")


class StartUp:
    """The frame, then the window on the opened file, then the background check."""

    def __init__(self, target: str | Path, settings: AppSettings, gui: ModuleType) -> None:
        self.path = target  # a database file, or an office server's URL (app/models/location.py)
        # app.gui, handed in by its run_gui: the dialogs and the window are built
        # there, and app.gui importing this module must not be answered by an import.
        self.gui = gui
        self.settings = settings
        self.frame: StartupFrame | None = None
        # The current window: a language switch or 文件 → 打开 puts another in its
        # place (app.gui.watch keeps this list up to date).
        self.holder: list[MainWindow] = []
        self.exit_code: int | None = None  # set when start-up stops before the window
        self.integrity: list[str] | None = None  # the background check's findings
        self._probe = os.environ.get("HEXIE_STARTUP_PROBE", "")
        self._marks: dict[str, float] = {}

    # -- 1. the frame ------------------------------------------------------------------
    def begin(self) -> None:
        self.frame = StartupFrame(self.settings.window_geometry)
        self.frame.painted.connect(self._after_first_paint)
        self.frame.show()

    def _after_first_paint(self) -> None:
        self._mark("first_paint")
        # The icon is drawn from the bundled font (~15 ms), after the first paint:
        # the installers give the program file and the menu entry their own icon.
        from app.views.common.app_icon import app_icon

        QApplication.setWindowIcon(app_icon())
        # The next turn of the event loop: the painted frame reaches the screen first.
        QTimer.singleShot(0, self.load)

    # -- 2. the file and the window ----------------------------------------------------
    @property
    def window(self) -> MainWindow | None:
        return self.holder[0] if self.holder else None

    def load(self) -> None:
        from app.models.location import Location
        from app.services.core.server_login import set_prompt
        from app.views.settings.server_dialog import ask_password

        gui = self.gui
        set_prompt(ask_password)  # a server's password, when neither keyring nor PGPASSFILE has it
        target = str(self.path)
        where = Location.of(target) if "://" in target else Location.of(Path(target))
        if where.is_file and not gui.check_file(where.file(), self.settings, full=False):
            self._stop()
            return
        window = gui.open_main_window(
            str(where) if where.is_server else where.file(), self.settings
        )
        if window is None:
            self._stop()
            return
        self._show(window)
        gui.daily_backup(window)
        window.reminders.show_if_needed()  # overdue and due-soon items, at start-up
        self._mark("window")
        if self._probe:
            self._write_probe()
            QApplication.quit()
            return
        self.check_in_background()

    def _show(self, window: MainWindow) -> None:
        self.holder[:] = [window]
        self.gui.watch(self.holder, self.settings)
        window.show()  # before the frame closes: the app never has no window
        if self.frame is not None:
            self.frame.close()
            self.frame.deleteLater()
            self.frame = None

    def _stop(self) -> None:
        self.exit_code = 1
        if self.frame is not None:
            self.frame.close()
        QApplication.quit()

    # -- 3. the full check, off the GUI thread -----------------------------------------
    def check_in_background(self) -> None:
        from app.services.core import backups

        window = self.window
        if window is None or window.db.read_only or window.db.is_server:
            return  # a server checks its own storage
        path = window.db.path

        def read() -> list[str]:
            return backups.integrity_problems(path, quick=True)

        def failed(exc: BaseException) -> None:
            log.warning("background integrity check could not run: %s", exc)

        window.tasks.quietly(read, self._checked, failed)

    def _checked(self, problems: list[str]) -> None:
        self.integrity = problems
        if not problems:
            log.info("integrity check of %s: ok", self.path)
            return
        log.error("integrity check of %s found damage: %s", self.path, problems)
        self._reopen_read_only(problems)

    def _reopen_read_only(self, problems: list[str]) -> None:
        """Nothing more is written into a damaged file: the window is built again on a
        read-only connection, and says what was found and what to do."""
        from PySide6.QtWidgets import QMessageBox

        old = self.window
        if old is None:
            return
        geometry = old.saveGeometry()
        old.tasks.wait_all()
        old.db.close()
        window = self.gui.open_main_window(self.path, self.settings, access="read")
        if window is None:  # the reason was shown; nothing is left open on the file
            old.close()
            return
        window.restoreGeometry(geometry)
        self.holder[:] = [window]
        self.gui.watch(self.holder, self.settings)
        window.show()
        old.hide()
        old.deleteLater()
        window.statusBar().showMessage(
            QApplication.translate("main", "数据库文件有损坏，已只读打开。"), 0
        )
        QMessageBox.warning(
            window,
            QApplication.translate("main", "数据库文件有损坏"),
            QApplication.translate(
                "main",
                "后台完整性检查发现数据库“%1”有损坏：\n%2\n\n"
                "为免损坏扩大，已改为只读打开：可以查看、打印和导出，不能修改。"
                "请用“文件 → 备份与恢复…”从最新的完好备份恢复，"
                "或关闭程序后把该文件和日志交给技术人员。",
            )
            .replace("%1", str(self.path))
            .replace("%2", _shortened("；".join(problems))),
        )

    def close(self) -> None:
        """After the event loop: the window's background work (the day's first backup,
        the full check) is let finish, then the database it holds is closed. The loop
        can end without the window closing (the benchmark probe quits at once), and a
        thread still running at exit aborts the process."""
        if self.window is not None:
            self.window.tasks.wait_all()
            self.window.db.close()

    # -- the benchmark probe -------------------------------------------------------------
    def _mark(self, name: str) -> None:
        self._marks[name] = time.time()

    def _write_probe(self) -> None:
        data: dict[str, Any] = dict(self._marks)
        Path(self._probe).write_text(json.dumps(data), "utf-8")


def _shortened(detail: str, limit: int = 400) -> str:
    """SQLite lists every broken cell; the message shows the start (the log has all)."""
    return detail if len(detail) <= limit else detail[:limit] + " …"
