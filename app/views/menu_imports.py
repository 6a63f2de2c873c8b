"""The 文件 menu's imports: an enterprise list, filled-in scanned forms, and demo data.

Mixed into MainWindow, which provides db, tasks, english, refresh_all() and the
status bar where the outcome of an import is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.services.core.spreadsheet import SPREADSHEET_SUFFIXES
from app.services.demo import demo
from app.services.register import enterprises
from app.views.common.widgets import ask_open_file
from app.views.register.import_dialog import ImportDialog


class MenuImports:
    db: Any
    tasks: Any
    english: bool
    refresh_all: Any
    statusBar: Any  # noqa: N815 - Qt API

    def import_enterprises(self) -> ImportDialog | None:
        patterns = " ".join(f"*{s}" for s in SPREADSHEET_SUFFIXES)
        path = ask_open_file(self, self.tr("选择企业名录文件"), self.tr("表格文件"), patterns)
        if not path:
            return None
        dialog = ImportDialog(self.db, Path(path), self.tasks, english=self.english, parent=self)
        dialog.accepted.connect(lambda: self._imported(dialog))
        dialog.open()
        dialog.check()
        return dialog

    def import_scans(self, paths: list[str] | None = None) -> None:
        """文件 → 导入扫描件…: filled-in field forms read back (app/views/scans)."""
        from app.views.scans.import_flow import import_scans

        import_scans(self, paths)

    def _imported(self, dialog: ImportDialog) -> None:
        self.refresh_all()
        s = dialog.result_summary or {}
        self.statusBar().showMessage(
            self.tr("导入完成：新增 %1，更新 %2，跳过 %3")
            .replace("%1", str(s.get("added", 0)))
            .replace("%2", str(s.get("updated", 0)))
            .replace("%3", str(s.get("skipped", 0))),
            10000,
        )

    def generate_demo(self) -> None:
        # Demo records in an office's working database mix with its real ones and go
        # up in its sync bundles, with no way to take them out again: asked first.
        held = enterprises.count(self.db, enterprises.EnterpriseFilter())
        if held and (
            QMessageBox.question(
                self,
                self.tr("生成演示数据"),
                self.tr(
                    "这个数据库已有 %1 家企业。演示的企业、体检、要约等记录会与本单位的真实记录混在一起，"
                    "也会随同步包报送，之后无法整批删除。\n\n"
                    "练习或演示请另用一个数据库文件（用命令行 hexie demo --db 演示.sqlite3 --enterprises 500 生成，"
                    "再在“文件 → 打开 → 数据库文件…”中打开它）。仍要在这个数据库中生成吗？"
                ).replace("%1", str(held)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        count, ok = QInputDialog.getInt(
            self, self.tr("生成演示数据"), self.tr("生成多少家演示企业？"), 500, 1, 200000, 100
        )
        if not ok:
            return
        self.tasks.start(
            self,
            self.tr("正在生成演示数据"),
            # Another seed each time the register has grown: the same one again made
            # the same credit codes and was refused with "换一个 --seed", a choice the
            # window does not offer.
            lambda: demo.generate(self.db, enterprises=count, seed=count + held),
            lambda _result: self.refresh_all(),
            on_cancel=lambda: QMessageBox.information(
                self, self.tr("已取消"), self.tr("已取消，数据库未作任何改动。")
            ),
        )
