"""The main window's sync-bundle actions (文件 and 查看 menus): keys, export,
import from files or a folder, conflicts, and what each office has sent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox


class SyncActions:
    """Mixed into MainWindow, which provides db, tasks, refresh_all() and tr()."""

    db: Any
    tasks: Any

    def edit_keys(self) -> None:
        from app.views.sync.keys_dialog import KeysDialog

        self._keys_dialog = KeysDialog(self.db, self)
        self._keys_dialog.open()

    def export_bundle(self) -> None:
        from app.views.sync.sync_dialogs import ExportDialog

        self._export_dialog = ExportDialog(self.db, self)
        self._export_dialog.open()

    def import_bundle(self, paths: list[str] | None = None) -> None:
        from app.services.sync import bundle
        from app.views.common.widgets import ask_open_files
        from app.views.sync.keys_dialog import unlock
        from app.views.sync.sync_dialogs import preview_text

        if not paths:
            paths = ask_open_files(
                self,
                self.tr("选择同步包（可多选，含全部分卷）"),
                self.tr("同步包"),
                "*.hexie *.hexie.part*",
            )
        if not paths:
            return
        private = unlock(self, self.db)
        if private is None:
            return

        def preview() -> Any:
            # A full pass over every record line (checks, owners, what would
            # change) off the GUI thread: a county's bundle holds 30,000 records.
            return (yield from bundle.import_work(self.db, list(paths), private, dry_run=True))

        def confirm(summary: dict[str, Any]) -> None:
            if (
                QMessageBox.question(
                    self,
                    self.tr("导入同步包"),
                    preview_text(summary) + "\n\n" + self.tr("导入以上内容？"),
                )
                == QMessageBox.StandardButton.Yes
            ):
                # import_work backs the database up first, on the worker thread.
                self.tasks.start(self, self.tr("正在导入同步包"), work, done)

        def rejected(exc: BaseException) -> None:
            if isinstance(exc, bundle.BundleError):
                QMessageBox.warning(self, self.tr("导入同步包"), str(exc))
            else:
                from app.tasks import show_error

                show_error(self, self.tr("导入同步包"), exc)

        def work() -> Any:
            return (yield from bundle.import_work(self.db, list(paths), private))

        def done(result: dict[str, Any]) -> None:
            self.refresh_all()
            receipts = "\n".join(result.get("receipts", []))
            conflicts = sum(c["conflicts"] for b in result["bundles"] for c in b["counts"].values())
            text = self.tr("导入完成。")
            already = [b["name"] for b in result["bundles"] if b["already_imported"]]
            if already:
                text += (
                    "\n" + self.tr("以下同步包已导入过，未重复导入：") + "\n" + "\n".join(already)
                )
            if result.get("receipt_note"):
                text += "\n" + result["receipt_note"]
            for problem in result.get("file_problems", []):
                text += "\n" + problem
            if receipts:
                text += "\n" + self.tr("请把回执发回对方：") + "\n" + receipts
            if conflicts:
                text += "\n" + self.tr("有 %1 条冲突，请在“查看 → 同步冲突”中处理。").replace(
                    "%1", str(conflicts)
                )
            QMessageBox.information(self, self.tr("导入同步包"), text)

        self.tasks.start(self, self.tr("正在检查同步包"), preview, confirm, rejected)

    def import_bundle_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择存放同步包的文件夹（如 U 盘）")
        )
        if folder:
            self.import_bundle([folder])

    def show_conflicts(self) -> None:
        from app.views.sync.sync_dialogs import ConflictsDialog

        self._conflicts_dialog = ConflictsDialog(self.db, self)
        self._conflicts_dialog.finished.connect(lambda _r: self.refresh_all())
        self._conflicts_dialog.open()

    def show_received(self) -> None:
        from app.views.sync.sync_dialogs import ReceivedDialog

        self._received_dialog = ReceivedDialog(self.db, self)
        self._received_dialog.open()
