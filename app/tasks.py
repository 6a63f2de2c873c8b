"""Long work off the GUI thread: progress, Cancel, and the result or the error
always delivered back to the GUI thread (docs/architecture.md, "Long work").

Work is a generator function from app.services (it yields Progress and returns
its result). The generator is created and run on a worker thread, so its
database session belongs to that thread. Cancel closes the generator at its
next yield, which rolls back its transaction: the database is as it was.
Unlike TagStudio's CustomRunnable, an exception is never swallowed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.services.core.progress import Work

log = logging.getLogger(__name__)

WorkFactory = Callable[[], Work[Any]]


class Cancelled(Exception):
    """Raised inside nothing; passed to on_cancel for symmetry with errors."""


class _Worker(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, factory: WorkFactory) -> None:
        super().__init__()
        self._factory = factory
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # worker thread
        try:
            work = self._factory()
            while True:
                if self._cancel.is_set():
                    work.close()  # GeneratorExit at the yield → rollback
                    self.cancelled.emit()
                    return
                try:
                    step = next(work)
                except StopIteration as stop:
                    self.succeeded.emit(stop.value)
                    return
                self.progressed.emit(step.done, step.total, step.message)
        except BaseException as exc:  # noqa: BLE001 - every error reaches the GUI
            log.exception("background work failed")
            self.failed.emit(exc)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    from app.paths import log_dir

    message = str(exc) or exc.__class__.__name__
    # Our own errors carry a message written for the user; anything else is a bug,
    # and the log's path helps whoever looks into it.
    expected = isinstance(exc, ValueError | OSError) or type(exc).__module__.startswith("app.")
    if not expected:
        message += "\n\n" + QWidget.tr("详细信息已写入日志：") + str(log_dir())
    QMessageBox.critical(parent, title, message)


class TaskRunner(QObject):
    """Starts work with a progress dialog; one of on_result / on_error / on_cancel is always called."""

    def __init__(self) -> None:
        super().__init__()
        self._running: set[_Worker] = set()

    def start(
        self,
        parent: QWidget | None,
        title: str,
        factory: WorkFactory,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> _Worker:
        worker = _Worker(factory)
        dialog = QProgressDialog(title, self.tr("取消"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel)

        def progressed(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if message:
                dialog.setLabelText(message)

        def finish() -> None:
            dialog.canceled.disconnect(worker.cancel)
            dialog.close()
            dialog.deleteLater()
            self._running.discard(worker)

        def succeeded(result: Any) -> None:
            finish()
            on_result(result)

        def failed(exc: BaseException) -> None:
            finish()
            (on_error or (lambda e: show_error(parent, title, e)))(exc)

        def cancelled() -> None:
            finish()
            if on_cancel:
                on_cancel()

        worker.progressed.connect(progressed)
        worker.succeeded.connect(succeeded)
        worker.failed.connect(failed)
        worker.cancelled.connect(cancelled)
        worker.finished.connect(worker.deleteLater)
        self._running.add(worker)
        worker.start()
        return worker

    def quietly(self, read: Callable[[], Any], on_result: Callable[[Any], None]) -> None:
        """Reading that takes a moment (the overview's numbers): on a worker thread,
        with no progress dialog; the window stays usable and fills in after."""

        def work() -> Work[Any]:
            return read()
            yield  # a generator, like every other piece of work

        worker = _Worker(work)

        def finish() -> None:
            self._running.discard(worker)

        worker.succeeded.connect(lambda result: (finish(), on_result(result)))
        worker.failed.connect(
            lambda exc: (finish(), log.warning("background read failed: %s", exc))
        )
        worker.cancelled.connect(finish)
        worker.finished.connect(worker.deleteLater)
        self._running.add(worker)
        worker.start()

    def wait_all(self, msecs: int = 30000) -> None:
        for worker in list(self._running):
            worker.cancel()
            worker.wait(msecs)


class SyncTaskRunner(TaskRunner):
    """Runs work on the calling thread: for tests and tiny jobs."""

    def quietly(self, read: Callable[[], Any], on_result: Callable[[Any], None]) -> None:
        on_result(read())

    def start(  # type: ignore[override]
        self,
        parent: QWidget | None,
        title: str,
        factory: WorkFactory,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        try:
            work = factory()
            while True:
                try:
                    next(work)
                except StopIteration as stop:
                    result = stop.value
                    break
        except BaseException as exc:  # noqa: BLE001
            log.exception("work failed")
            (on_error or (lambda e: show_error(parent, title, e)))(exc)
            return
        on_result(result)
