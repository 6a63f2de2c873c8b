"""GUI entry: logging, the excepthook dialog, QApplication, translators, the window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.settings import AppSettings
    from app.views.main_window import MainWindow

log = logging.getLogger("hexie")


def setup_logging() -> Path:
    from app.paths import log_dir

    path = log_dir() / "hexie.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
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


def open_main_window(path: Path, settings: AppSettings) -> MainWindow | None:
    """Open the database (asking for the office on first start) and build the window.

    Returns None when the file cannot be opened (the reason was shown) or the
    user cancelled the first-start office dialog.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.models.db import DatabaseError, DatabaseInUseError, open_database
    from app.services import office
    from app.views.dialogs.office_dialog import OfficeDialog
    from app.views.main_window import MainWindow

    try:
        db = open_database(path, operator=settings.operator_name())
    except (DatabaseError, DatabaseInUseError) as exc:
        QMessageBox.critical(None, QApplication.translate("main", "无法打开数据库"), str(exc))
        return None
    if office.current(db) is None:
        dialog = OfficeDialog(None, settings.operator_name())
        if dialog.exec() != OfficeDialog.DialogCode.Accepted:
            db.close()
            return None
        code, name, level = dialog.values()
        office.configure(db, code, name=name, level=level)
        settings.operator = dialog.operator.text().strip()
        db.operator = settings.operator
    settings.last_db = str(path)
    settings.save()
    return MainWindow(db, settings)


def run_gui(db_path: str | None = None) -> int:
    import os

    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.paths import default_db_path
    from app.settings import AppSettings

    log_path = setup_logging()
    install_excepthook(log_path)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HexieDesk")
    settings = AppSettings.load()
    i18n.install(app, settings.language)
    path = Path(db_path or os.environ.get("HEXIE_DB") or settings.last_db or default_db_path())
    window = open_main_window(path, settings)
    if window is None:
        return 1
    window.show()
    window.reminders.show_if_needed()  # overdue and due-soon items, at start-up
    try:
        return app.exec()
    finally:
        window.db.close()


def main() -> int:
    from app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
