"""The real threaded runner: results, errors and Cancel all reach the GUI thread."""

from __future__ import annotations

import threading

from app.services.core.progress import Progress
from app.services.register import enterprises
from app.services.register.enterprise_import import ImportPlan, apply_import
from app.services.register.enterprises import EnterpriseFilter
from app.tasks import TaskRunner
from tests.builders import code


def test_result_delivered_on_gui_thread(qtbot):
    runner = TaskRunner()
    got = []

    def work():
        yield Progress(1, 2, "一半")
        return threading.current_thread().name

    runner.start(
        None,
        "测试",
        work,
        lambda r: got.append((r, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][0] != threading.main_thread().name and got[0][1] is True


def test_error_is_never_swallowed(qtbot):
    runner = TaskRunner()
    errors = []

    def work():
        yield Progress(0, 1)
        raise ValueError("坏数据")

    runner.start(None, "测试", work, lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "坏数据"


def test_cancel_leaves_database_unchanged(qtbot, db):
    rows = [
        {"name": f"企业{i}", "credit_code": code(i), "county_code": "410482"}
        for i in range(1, 20001)
    ]
    plan = ImportPlan(db.path, "", [], 0, [], {}, to_add=rows)
    gate = threading.Event()
    started = threading.Event()

    def work():
        inner = apply_import(db, plan)
        step = next(inner)  # first chunk written inside the open transaction
        started.set()
        gate.wait(5)
        yield step
        yield from inner

    runner = TaskRunner()
    cancelled = []
    worker = runner.start(
        None, "导入", work, lambda r: None, on_cancel=lambda: cancelled.append(True)
    )
    started.wait(5)
    worker.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10000)
    assert enterprises.count(db, EnterpriseFilter()) == 0


# The test double must behave as the real runner: the same callbacks, in the same
# order, with errors delivered the same way. Each scenario runs through both.


def _outcomes(qtbot, runner, monkeypatch) -> list[tuple]:
    import app.tasks

    events: list[tuple] = []
    shown: list[tuple] = []
    monkeypatch.setattr(
        app.tasks, "show_error", lambda parent, title, exc: shown.append((title, str(exc)))
    )

    def note(kind):
        def record(*args):
            on_gui = threading.current_thread() is threading.main_thread()
            events.append((kind, *map(str, args), on_gui, len(runner._running)))

        return record

    def ok():
        yield Progress(1, 2, "一半")
        return 42

    def broken():
        yield Progress(0, 1)
        raise ValueError("坏数据")

    def stops():
        try:
            yield Progress(0, 2)
            runner.cancel_all()  # the user presses Cancel during the work
            yield Progress(1, 2)
            events.append(("not reached",))
        finally:
            events.append(("closed",))

    def read_fails():
        raise OSError("读不到")

    # One at a time, each to its end, as a user starts them.
    scenarios = [
        lambda: runner.start(None, "成功", ok, note("result"), note("error"), note("cancel")),
        lambda: runner.start(None, "失败", broken, note("result"), note("error"), note("cancel")),
        lambda: runner.start(None, "未处理", broken, note("result")),  # shown to the user
        lambda: runner.start(None, "取消", stops, note("result"), note("error"), note("cancel")),
        lambda: runner.quietly(lambda: "数", note("quiet result"), note("quiet error")),
        lambda: runner.quietly(read_fails, note("quiet result"), note("quiet error")),
    ]
    for scenario in scenarios:
        before = len(events) + len(shown)
        scenario()
        qtbot.waitUntil(lambda n=before: len(events) + len(shown) > n, timeout=10000)
        qtbot.waitUntil(lambda: not runner._running, timeout=10000)
    return events + shown


def test_the_test_double_behaves_as_the_real_runner(qtbot, monkeypatch):
    from app.tasks import SyncTaskRunner

    real = _outcomes(qtbot, TaskRunner(), monkeypatch)
    double = _outcomes(qtbot, SyncTaskRunner(), monkeypatch)
    assert real == double
    assert ("error", "坏数据", True, 0) in real and ("quiet error", "读不到", True, 0) in real
    assert ("未处理", "坏数据") in real and ("closed",) in real and ("cancel", True, 0) in real
