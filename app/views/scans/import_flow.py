"""文件 → 导入扫描件…: choose the files, read them on a worker thread with
progress and Cancel (reading writes nothing), then open the review."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.services.scans import batch
from app.services.scans.pages import SUFFIXES
from app.views.common.widgets import ask_open_files
from app.views.scans.review_dialog import ScanReviewDialog


def import_scans(window: Any, paths: list[str] | None = None) -> None:
    """`window` is the main window (db, tasks, english, refresh_all)."""
    if not paths:
        patterns = " ".join(f"*{s}" for s in sorted(SUFFIXES))
        paths = ask_open_files(
            window, window.tr("选择扫描件（可多选）"), window.tr("扫描件"), patterns
        )
    if not paths:
        return

    def opened(result: batch.ScanBatch) -> None:
        dialog = ScanReviewDialog(window.db, result, window.english, window)
        dialog.check_saved.connect(lambda _check_id: window.refresh_all())
        window.scan_review = dialog
        dialog.open()

    window.tasks.start(
        window,
        window.tr("正在读取扫描件"),
        lambda: batch.read_scans(window.db, list(paths)),
        opened,
        on_cancel=lambda: QMessageBox.information(
            window, window.tr("已取消"), window.tr("已取消，数据库未作任何改动。")
        ),
    )
