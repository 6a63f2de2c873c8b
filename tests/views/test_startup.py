"""Start-up through the real entry point (app.gui.run_gui): the frame is painted
before any database work, the window then fills in, and SQLite's full check runs
in the background — a damaged file is reported in the window and opened
read-only (issue 17)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.services.core.storage import open_office_database
from app.settings import AppSettings
from app.views.startup_frame import StartupFrame
from tests.records import plain_enterprise as add


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    from app.services.core import office

    path = tmp_path / "county.sqlite3"
    with open_office_database(path, operator="测试员") as db:
        office.configure(db, "410482", level="county")
        for n in range(1, 4):
            add(db, n)
    AppSettings(operator="测试员", backup_folder=str(tmp_path / "备份")).save()
    return path


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Iterator[list[str]]:
    """What start-up did, in order; app.exec() runs until the main window is shown
    (and, when the test asks, until the background check has answered)."""
    import app.gui as gui
    from app.services.core import storage
    from app.startup import StartUp

    seen: list[str] = []
    original_paint = StartupFrame.paintEvent

    def paint(self: StartupFrame, event: Any) -> None:
        if not self.first_paint_done:
            seen.append("first paint")
        original_paint(self, event)

    def spy(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            seen.append(name)
            return fn(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(StartupFrame, "paintEvent", paint)
    monkeypatch.setattr(gui, "check_file", spy("cheap checks", gui.check_file))
    monkeypatch.setattr(
        storage, "open_office_database", spy("open database", storage.open_office_database)
    )
    monkeypatch.setattr(StartUp, "_checked", spy("full check answered", StartUp._checked))
    started: list[StartUp] = []
    original_begin = StartUp.begin

    def begin(self: StartUp) -> None:
        started.append(self)
        original_begin(self)

    monkeypatch.setattr(StartUp, "begin", begin)

    def run_loop(_app: Any) -> int:
        qtbot.waitUntil(lambda: "full check answered" in seen, timeout=20000)
        window = started[0].window
        assert window is not None
        seen.append("window shown" if window.isVisible() else "window hidden")
        steps_window.append(window)
        return 0

    steps_window: list[Any] = []
    monkeypatch.setattr(QApplication, "exec", run_loop)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handlers = list(logging.getLogger().handlers)
    yield seen
    for window in steps_window:
        window.close()
    for handler in logging.getLogger().handlers[:]:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_first_paint_comes_before_any_database_work(qtbot, office_file, steps, messages):
    from app.gui import run_gui

    assert run_gui(str(office_file)) == 0
    assert steps[:3] == ["first paint", "cheap checks", "open database"]
    assert steps[-2:] == ["full check answered", "window shown"]
    assert messages == []  # a sound file: nothing to report


def test_background_check_reports_a_damaged_file_and_opens_it_read_only(
    qtbot, office_file, steps, messages
):
    from app.gui import run_gui
    from app.services.core import file_check

    with open_office_database(office_file, operator="测试员") as db:
        for n in range(4, 400):
            add(db, n)
    # Break the last pages (records and indexes): the header, page size and schema
    # — what the cheap checks read before the first paint — stay sound.
    data = bytearray(office_file.read_bytes())
    for offset in range(len(data) - 4096 * 6, len(data), 4096):
        data[offset + 8 : offset + 4000] = b"\x5a" * 3992
    office_file.write_bytes(bytes(data))
    assert file_check.inspect(office_file) is not None  # passes the cheap checks

    assert run_gui(str(office_file)) == 0
    assert steps[:3] == ["first paint", "cheap checks", "open database"]
    kind, title, text = messages[-1]
    assert kind == "warning" and title == "数据库文件有损坏"
    assert str(office_file) in text and "备份与恢复" in text and "只读" in text
    window = qtbot_window(steps)
    assert window.db.read_only  # nothing more is written into the damaged file
    assert office_file.read_bytes() == bytes(data)


def qtbot_window(steps: list[str]) -> Any:
    from app.views.main_window import MainWindow

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    visible = [w for w in shown if w.isVisible()]
    assert steps[-1] == "window shown" and len(visible) == 1
    return visible[0]


def test_cheap_checks_refuse_a_file_cut_short(office_file):
    from app.services.core import file_check, storage_errors

    data = office_file.read_bytes()
    office_file.write_bytes(data[: len(data) - 1000])
    with pytest.raises(storage_errors.DamagedDatabaseError) as caught:
        file_check.inspect(office_file)
    assert "not whole pages" in str(caught.value.message)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["county.sqlite3"], (True, "county.sqlite3")),
        (["/data/county"], (True, "/data/county")),
        (
            ["postgresql://coordinator@office/hexie"],
            (True, "postgresql://coordinator@office/hexie"),
        ),
        (["--db", "county.sqlite3"], (True, "county.sqlite3")),
        (["--db=county.sqlite3"], (True, "county.sqlite3")),
        (["stats"], (False, None)),
        (["--db", "county.sqlite3", "stats"], (False, None)),
        (["--version"], (False, None)),
        (["--db"], (False, None)),
        (["county"], (False, None)),  # no folder, no suffix: app.cli decides
    ],
)
def test_a_window_start_is_told_apart_before_the_command_line_loads(argv, expected):
    from app.launch import window_target

    assert window_target(argv) == expected


def test_a_window_start_never_imports_the_command_line(tmp_path):
    """`hexie FILE` goes to the window without argparse and the command groups (about
    20 ms before the first paint); a command still goes through app.cli."""
    import subprocess

    script = (
        "import sys, app.gui\n"
        "app.gui.run_gui = lambda target: print('window', target) or 0\n"
        "from app.launch import main\n"
        "main(sys.argv[1:])\n"
        "print('app.cli' in sys.modules)\n"
    )
    window = subprocess.run(
        [sys.executable, "-c", script, "county.sqlite3"], capture_output=True, text=True, check=True
    )
    assert window.stdout.split() == ["window", "county.sqlite3", "False"]
    env = {**__import__("os").environ, "HEXIE_DATA_DIR": str(tmp_path)}
    command = subprocess.run(
        [sys.executable, "-c", script, "--version"], capture_output=True, text=True, env=env
    )
    assert command.returncode == 0 and command.stdout.startswith("hexie ")


def test_closing_after_the_loop_lets_background_work_finish_first(qtbot, tmp_path):
    """The event loop can end without the window closing (the benchmark probe quits
    at once while the day's first backup runs): the work finishes before the database
    is closed, and no thread is left running at exit."""
    import threading

    from app.startup import StartUp
    from app.tasks import TaskRunner

    order: list[str] = []
    release = threading.Event()
    started = threading.Event()

    class Database:
        def close(self) -> None:
            order.append("database closed")

    class Window:
        tasks = TaskRunner()
        db = Database()

    def work() -> None:
        started.set()
        release.wait(5)
        order.append("work finished")

    startup = StartUp(tmp_path / "county.sqlite3", AppSettings(), gui=None)  # type: ignore[arg-type]
    startup.holder[:] = [Window()]  # type: ignore[list-item]
    worker = Window.tasks.quietly(work, lambda _r: None, lambda _e: None)
    # Under way, as the day's backup is when the probe quits (work not yet begun is
    # cancelled by wait_all and never runs).
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()
    startup.close()
    assert order == ["work finished", "database closed"]
    assert worker.isFinished()
