"""Starting the window (`hexie` with no subcommand): logging, the excepthook dialog,
QApplication, translators, the start-up integrity check and daily backup, the window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.settings import AppSettings
    from app.views.main_window import MainWindow

log = logging.getLogger("hexie")


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The log names enterprises and files: owner-only, also each file a rotation starts."""

    def _open(self) -> Any:
        from app.owner_only import private_file

        stream = super()._open()
        private_file(self.baseFilename)
        return stream


def setup_logging() -> Path:
    from app.paths import log_dir

    path = log_dir() / "hexie.log"
    handler = PrivateLogHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return path


def install_excepthook(log_path: Path) -> None:
    """An unhandled exception is logged and shown; the app never vanishes silently."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        from PySide6.QtWidgets import QApplication, QMessageBox

        from app.services.core.storage_errors import classify

        # A read-only file, a full disk, a damaged page met while working: the
        # storage message that says what to do, not "unexpected error".
        problem = (
            classify(value, None, server=_server_shown()) if isinstance(value, Exception) else None
        )
        if problem is not None and QApplication.instance() is not None:
            from app.views.common.messages import tr_message

            QMessageBox.warning(
                None, QApplication.translate("main", "数据库"), tr_message(problem.message)
            )
            return

        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                QApplication.translate("main", "程序出错"),
                QApplication.translate(
                    "main", "发生了意外错误：%1\n\n已记录到日志：%2\n数据已保存的部分不受影响。"
                )
                .replace("%1", str(value))
                .replace("%2", str(log_path)),
            )

    sys.excepthook = hook


def _server_shown() -> str | None:
    """The office server a window has open, to name it in a server problem's message
    (else it read 服务器 办公室服务器 上…); None on a file or before the window."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return None
    for widget in QApplication.topLevelWidgets():
        db = getattr(widget, "db", None)
        if widget.isVisible() and getattr(db, "is_server", False):
            return str(db.address)
    return None


def open_main_window(
    path: Path | str, settings: AppSettings, access: str = "auto"
) -> MainWindow | None:
    """Open the database (asking for the office on first start) and build the window.

    Returns None when the file cannot be opened (the reason was shown) or the
    user cancelled the first-start office dialog. `access` "read": opened
    read-only (the background integrity check found damage, app/startup.py).
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.services.core import office
    from app.services.core.server_login import LoginCancelled
    from app.services.core.storage import (
        DatabaseError,
        DatabaseInUseError,
        Location,
        LocationError,
        open_office_database,
    )
    from app.views.common.messages import tr_message
    from app.views.main_window import MainWindow
    from app.views.settings.office_dialog import OfficeDialog

    try:
        db = open_office_database(
            Location.of(path),
            operator=settings.operator_name(),
            backup_folder=settings.backup_dir(),
            access=access,  # type: ignore[arg-type]
        )
    except LoginCancelled:
        return None
    except (DatabaseError, DatabaseInUseError, LocationError) as exc:
        QMessageBox.critical(
            None, QApplication.translate("main", "无法打开数据库"), tr_message(str(exc))
        )
        return None
    for notice in db.notices:  # an interrupted upgrade undone, for instance
        QMessageBox.information(None, QApplication.translate("main", "数据库"), tr_message(notice))
    if db.read_only and office.current(db) is None:
        QMessageBox.critical(
            None,
            QApplication.translate("main", "无法打开数据库"),
            QApplication.translate(
                "main", "数据库“%1”是只读的，而且还没有设置本单位，无法使用。请换一个可写的文件。"
            ).replace("%1", str(path)),
        )
        db.close()
        return None
    if office.current(db) is None:
        dialog = OfficeDialog(None, settings.operator_name(), offer_server=not db.is_server)
        answer = dialog.exec()
        if answer == OfficeDialog.SERVER:
            db.close()
            return open_server_window(settings)
        if answer != OfficeDialog.DialogCode.Accepted:
            db.close()
            return None
        code, name, level = dialog.values()
        office.configure(db, code, name=name, level=level)
        settings.operator = dialog.operator.text().strip()
        db.operator = settings.operator
    if not ask_operator(db, settings):
        db.close()
        return None
    settings.last_db = str(path)
    settings.save()
    return MainWindow(db, settings)


def open_server_window(settings: AppSettings) -> MainWindow | None:
    """First start on a PC of a server office: the connection dialog, then the window
    on the server (None when cancelled or it cannot be opened: the reason was shown)."""
    from app.views.settings.server_dialog import ServerDialog, remember

    dialog = ServerDialog(list(settings.recent_servers))
    if dialog.exec() != ServerDialog.DialogCode.Accepted:
        return None
    address = dialog.address()
    window = open_main_window(address, settings)
    if window is not None:
        settings.recent_servers = remember(settings.recent_servers, address)
        settings.save()
    return window


def ask_operator(db: Any, settings: AppSettings) -> bool:
    """Whenever this PC has no operator (a database made by `hexie init`, a new PC),
    ask for one before anything is written; False when the user cancels."""
    from app.services.core import office
    from app.views.settings.operator_dialog import OperatorDialog

    if settings.operator_known():
        return True
    current = office.current(db)
    dialog = OperatorDialog(current.name if current else "")
    if dialog.exec() != OperatorDialog.DialogCode.Accepted:
        return False
    settings.operator = dialog.name()
    db.operator = settings.operator
    settings.save()
    return True


def check_file(path: Path, settings: AppSettings, *, full: bool = True) -> bool:
    """The check at start-up (storage's inspection and, when `full`, SQLite's
    quick_check; the window itself runs the cheap checks here and the full one in
    the background, app/startup.py). A
    0-byte, foreign or damaged file is never replaced by an empty one: the user is
    told what is wrong (storage_errors' message, in the window's language) and
    offered the newest sound backup — the replaced file is kept beside it as
    <name>.before-restore-<time> — or the program stops with the file untouched."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.services.core import backups, file_check, storage
    from app.views.common.messages import tr_message

    if not path.exists():
        return True
    try:
        file_check.inspect(path, quick_check=full)
    except storage.StorageError as exc:
        problem = exc
    else:
        return True
    log.error("database %s cannot be used: %s", path, problem)
    folder = settings.backup_dir()
    newest = backups.newest_sound(folder, path.stem)
    text = tr_message(problem.message)
    title = QApplication.translate("main", "数据库无法使用")
    if newest is None:
        QMessageBox.critical(
            None,
            title,
            text
            + QApplication.translate(
                "main",
                "\n\n备份文件夹“%1”中没有完好的备份。请把该文件和日志交给技术人员，或用其他电脑上的备份恢复。",
            ).replace("%1", str(folder)),
        )
        return False
    answer = QMessageBox.question(
        None,
        title,
        text
        + QApplication.translate(
            "main", "\n\n最新的完好备份是 %1 的。用它恢复吗？（现在的文件会另存，不会删除。）"
        ).replace("%1", f"{newest.made_at:%Y-%m-%d %H:%M}"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        kept = storage.restore_file(newest.path, path)
    except (backups.BackupError, storage.StorageError) as exc:
        QMessageBox.critical(None, title, tr_message(getattr(exc, "message", str(exc))))
        return False
    log.info("restored %s from %s; the replaced file kept as %s", path, newest.path, kept)
    return True


def daily_backup(window: MainWindow) -> None:
    """The first start of the day backs the file up — on a worker thread, so a
    large database or a slow USB stick does not hold the window. A failure is
    shown in the status bar (and logged); the work goes on."""
    from app.services.core import backups

    if window.db.is_server:
        return  # the server's backups: `hexie backup --db URL` or the server's own (README)

    def run() -> Path | None:
        return backups.daily_backup_if_due(window.db.path, window.settings.backup_dir())

    def made(path: Path | None) -> None:
        if path:
            log.info("daily backup %s", path)

    def failed(exc: BaseException) -> None:
        log.warning("daily backup failed: %s", exc)
        window.statusBar().showMessage(str(exc) or exc.__class__.__name__, 30000)

    window.tasks.quietly(run, made, failed)


def switch_language(window: MainWindow, code: str) -> MainWindow:
    """Rebuild the window in the other language on the same open database."""
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.views.main_window import MainWindow

    app = QApplication.instance()
    i18n.install(app, code)  # type: ignore[arg-type]
    window.remember_column_widths()
    geometry = window.saveGeometry()
    new = MainWindow(window.db, window.settings, window.tasks)
    new.restoreGeometry(geometry)
    new.show()  # its language and reopen signals are wired by watch()
    new.reminders.show_if_needed()  # the new window's badge counts, as at start-up
    window.hide()
    window.deleteLater()
    return new


def run_gui(db_path: str | None = None) -> int:
    """The window: the frame is painted first, the database opened after (StartUp)."""
    import os

    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.paths import default_db_path
    from app.settings import AppSettings

    log_path = setup_logging()
    install_excepthook(log_path)
    # Office PCs often run at 125 % or 150 %: scale by exactly that instead of
    # rounding to 100 % or 200 % (Qt 6 scales for high DPI by itself). Said by
    # Qt's own variable, not QGuiApplication's setter: the setter's enum is in the
    # Qt namespace, whose first use costs ~15 ms before the first paint. A
    # policy the PC's environment sets is kept.
    os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HexieDesk")
    settings = AppSettings.load()
    i18n.install(app, settings.language)
    from app.services.core import local_time

    local_time.set_zone(settings.time_zone)
    target = db_path or os.environ.get("HEXIE_DB") or settings.last_db or str(default_db_path())
    from app.startup import StartUp

    startup = StartUp(target, settings, sys.modules[__name__])
    startup.begin()
    try:
        code = app.exec()
    finally:
        startup.close()
    return startup.exit_code if startup.exit_code is not None else code


def watch(holder: list[MainWindow], settings: AppSettings) -> None:
    """The window in holder[0] may switch language (same database) or open another
    database in its place (文件 → 打开); holder always names the current window."""
    window = holder[0]
    window.language_changed.connect(
        lambda code: (
            holder.__setitem__(0, switch_language(holder[0], code)),
            watch(holder, settings),
        )
    )
    window.reopen = lambda address: reopen(holder, settings, address)


def reopen(holder: list[MainWindow], settings: AppSettings, address: str) -> bool:
    """Open `address` (a file or a server) in a new window in the current one's place;
    the current one stays, its database open, when the new one cannot be opened."""
    old = holder[0]
    new = open_main_window(address, settings)
    if new is None:
        return False
    old.remember_column_widths()
    new.restoreGeometry(old.saveGeometry())
    holder[0] = new
    watch(holder, settings)
    new.show()
    # The badge counts the opened database's items now, not at the next date check.
    new.reminders.show_if_needed()
    old.hide()
    old.db.close()
    old.deleteLater()
    return True
