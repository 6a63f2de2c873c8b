"""The review of a pile of scans: the forms read (pick one to review it), and
the pages set aside with the reason for each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.core.storage import Database
from app.services.scans.batch import ScanBatch
from app.services.scans.confirm import SavedCheck
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.unsaved import confirm_discard
from app.views.common.widgets import named
from app.views.scans.review_form import FormReview


class ScanReviewDialog(DatabaseDialog):
    check_saved = Signal(str)

    def __init__(
        self, db: Database, batch: ScanBatch, english: bool = False, parent: QWidget | None = None
    ) -> None:
        self.batch = batch  # the scans build() shows
        super().__init__(db, parent, english=english)

    def build(self) -> None:
        self.setWindowTitle(self.tr("核对扫描件"))
        self.reviews: dict[int, FormReview] = {}

        self.forms = named(QListWidget(), "forms")
        for form in self.batch.forms:
            unclear = sum(1 for i in form.items() if i.unclear)
            text = f"{form.info.enterprise_name}\n{form.info.form_id}　" + (
                self.tr("%1 项待核对").replace("%1", str(unclear))
                if unclear
                else self.tr("读数清楚")
            )
            self.forms.addItem(QListWidgetItem(text))
        self.forms.currentRowChanged.connect(self.show_form)
        self.set_aside = named(QListWidget(), "set_aside")
        self.set_aside.setWordWrap(True)
        for page in self.batch.set_aside:
            self.set_aside.addItem(f"{page.source}：{page.text(self.english)}")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            QLabel(self.tr("读出的表单（%1）").replace("%1", str(len(self.batch.forms))))
        )
        left_layout.addWidget(self.forms, 2)
        left_layout.addWidget(
            QLabel(self.tr("未能使用的页面（%1）").replace("%1", str(len(self.batch.set_aside))))
        )
        left_layout.addWidget(self.set_aside, 1)

        self.stack = QStackedWidget()
        self.empty = QLabel(
            self.tr("没有读出可导入的表单。请查看左侧未能使用的页面及原因。")
            if not self.batch.forms
            else self.tr("请在左侧选择一份表单。")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 1100])

        self.status = QLabel(
            self.tr("共读取 %1 页，用时 %2 秒。保存前数据库不会改动。")
            .replace("%1", str(self.batch.pages_read))
            .replace("%2", f"{self.batch.seconds:.1f}")
        )
        self.status.setObjectName("status")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = hbox((self.status, 1), close)
        vbox((splitter, 1), bottom, owner=self)
        self.resize(1360, 860)
        if self.batch.forms:
            self.forms.setCurrentRow(0)

    def reject(self) -> None:
        """Esc, 关闭 and the ✕: readings corrected and fields typed on a form not yet
        saved are only dropped when the user says so."""
        edited = any(review.edited() for review in self.reviews.values())
        if edited and not confirm_discard(self):
            return
        super().reject()

    def review(self, row: int) -> FormReview:
        """The review panel of the row-th form, built the first time it is shown."""
        if row not in self.reviews:
            panel = FormReview(self.db, self.batch.forms[row], self.english)
            panel.saved.connect(lambda result, row=row: self._saved(row, result))
            self.reviews[row] = panel
            self.stack.addWidget(panel)
        return self.reviews[row]

    def show_form(self, row: int) -> None:
        if 0 <= row < len(self.batch.forms):
            self.stack.setCurrentWidget(self.review(row))

    def _saved(self, row: int, result: SavedCheck) -> None:
        item = self.forms.item(row)
        item.setText(f"{result.enterprise_name}\n✓ " + self.tr("已保存"))
        self.check_saved.emit(result.check_id)
        left = [
            n
            for n in range(len(self.batch.forms))
            if not (n in self.reviews and self.reviews[n].result)
        ]
        if left:
            self.forms.setCurrentRow(left[0])
