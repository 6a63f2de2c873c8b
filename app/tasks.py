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

    def run(self) -> None:  # worker thread (the calling thread for SyncTaskRunner)
        try:
            finished, result = self._drive()
        except BaseException as exc:  # noqa: BLE001 - every error reaches the caller
            log.exception("background work failed")
            self.failed.emit(exc)
            return
        # Delivered outside the try: a callback's own error is never taken for the work's.
        if finished:
            self.succeeded.emit(result)
        else:
            self.cancelled.emit()

    def _drive(self) -> tuple[bool, Any]:
        """Run the work to its end (True, result) or to a Cancel (False, None)."""
        from app.i18n import tr_message

        work = self._factory()
        while True:
            if self._cancel.is_set():
                work.close()  # GeneratorExit at the yield → rollback
                return False, None
            try:
                step = next(work)
            except StopIteration as stop:
                return True, stop.value
            # In the window's language here: a signal's str drops what makes a
            # service message translatable (QCoreApplication.translate is thread-safe).
            self.progressed.emit(step.done, step.total, tr_message(step.message))


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    from app.i18n import tr_message
    from app.paths import log_dir
    from app.services.core.storage_errors import classify

    problem = classify(exc, None) if isinstance(exc, Exception) else None
    if problem is not None:  # a full disk, a read-only or damaged file: what to do
        QMessageBox.critical(parent, title, tr_message(problem.message))
        return
    message = str(exc) or exc.__class__.__name__
    # Our own errors carry a message written for the user; anything else is a bug,
    # and the log's path helps whoever looks into it.
    expected = isinstance(exc, ValueError | OSError) or type(exc).__module__.startswith("app.")
    if not expected:
        message += "\n\n" + QWidget.tr("详细信息已写入日志：") + str(log_dir())
    QMessageBox.critical(parent, title, message)


class TaskRunner(QObject):
    """Starts work with a progress dialog; one of on_result / on_error / on_cancel is
    always called, on the GUI thread, after the dialog has closed."""

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

        worker.progressed.connect(progressed)
        self._deliver(
            worker,
            finish,
            on_result,
            on_error or (lambda e: show_error(parent, title, e)),
            on_cancel or (lambda: None),
        )
        return worker

    def quietly(
        self,
        read: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> _Worker:
        """Reading that takes a moment (the overview's numbers): on a worker thread,
        with no progress dialog; the window stays usable and fills in after. A
        failure goes to on_error — the caller says what the user sees."""

        def work() -> Work[Any]:
            return read()
            yield  # a generator, like every other piece of work

        worker = _Worker(work)
        self._deliver(worker, lambda: None, on_result, on_error, lambda: None)
        return worker

    def _deliver(
        self,
        worker: _Worker,
        finish: Callable[[], None],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancel: Callable[[], None],
    ) -> None:
        """The one way an outcome reaches the caller (both runners): the worker
        leaves the running set and the dialog closes, then exactly one callback."""

        def done() -> None:
            self._running.discard(worker)
            finish()

        worker.succeeded.connect(lambda result: (done(), on_result(result)))
        worker.failed.connect(lambda exc: (done(), on_error(exc)))
        worker.cancelled.connect(lambda: (done(), on_cancel()))
        self._running.add(worker)
        self._launch(worker)

    def _launch(self, worker: _Worker) -> None:
        worker.finished.connect(worker.deleteLater)
        worker.start()

    def cancel_all(self) -> None:
        """Ask every running piece of work to stop at its next step (rolled back)."""
        for worker in list(self._running):
            worker.cancel()

    def wait_all(self, msecs: int = 30000) -> None:
        running = list(self._running)
        self.cancel_all()
        for worker in running:
            worker.wait(msecs)


class SyncTaskRunner(TaskRunner):
    """Runs work on the calling thread (tests, tiny jobs): the same worker loop, the
    same progress dialog and the same delivery as TaskRunner — only no thread, so
    the outcome has been delivered when start() / quietly() return."""

    def _launch(self, worker: _Worker) -> None:
        # Signals emitted on the receiving thread are delivered at once.
        worker.run()
