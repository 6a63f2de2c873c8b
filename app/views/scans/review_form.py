"""One scanned form under review: what was read, the handwritten fields to type,
the items unclear first, and saving it as a draft or a finalised check."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QWidget,
)

from app.services.checks import checklists
from app.services.core.fields import ValidationError
from app.services.core.storage import Database
from app.services.scans import confirm
from app.services.scans.batch import FormReading
from app.services.scans.confirm import SavedCheck
from app.views.common.layouts import hbox, scrolled, vbox
from app.views.common.messages import error_label
from app.views.common.unsaved import typed
from app.views.common.widgets import push_button
from app.views.scans.review_fields import HandwrittenFields
from app.views.scans.review_items import ItemReviewTable


class FormReview(QWidget):
    saved = Signal(object)  # SavedCheck

    def __init__(
        self, db: Database, form: FormReading, english: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.form = form
        self.result: SavedCheck | None = None
        info = form.info
        spec = checklists.by_id(db, info.checklist_id)
        unclear = [i for i in form.items() if i.unclear]
        heading = QLabel(
            self.tr("%1　表单 %2　清单第 %3 版　已扫描 %4 / %5 页")
            .replace("%1", info.enterprise_name)
            .replace("%2", info.form_id)
            .replace("%3", str(info.edition))
            .replace("%4", str(len(form.pages)))
            .replace("%5", str(form.page_count))
        )
        heading.setObjectName("form_heading")
        heading.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(
            self.tr("%1 项读数无法确定（黄色），请对照扫描件逐项选择并勾选“已核对”。").replace(
                "%1", str(len(unclear))
            )
            if unclear
            else self.tr("全部读数清楚。请核对后保存。")
        )
        self.summary.setObjectName("summary")
        if form.missing_pages():
            self.summary.setText(
                self.summary.text()
                + self.tr("　缺第 %1 页：该页各项须人工填写。").replace(
                    "%1", "、".join(map(str, form.missing_pages()))
                )
            )
        self.fields = HandwrittenFields(form)
        fields_scroll = scrolled(self.fields)
        self.table = ItemReviewTable(form, spec, english)
        splitter = QSplitter()
        splitter.addWidget(fields_scroll)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 780])

        self.error = error_label()
        self.draft_button = push_button(
            self.tr("保存为体检草稿"), "save_draft", lambda: self.save(finalise=False)
        )
        self.final_button = push_button(
            self.tr("保存并定稿"), "save_final", lambda: self.save(finalise=True)
        )
        buttons = hbox((self.error, 1), self.draft_button, self.final_button)

        vbox(heading, self.summary, (splitter, 1), buttons, owner=self)
        self._opened = typed(self.fields, self.table)

    def edited(self) -> bool:
        """Readings chosen or fields typed on this form and not yet saved."""
        return self.result is None and typed(self.fields, self.table) != self._opened

    def save(self, *, finalise: bool) -> SavedCheck | None:
        self.error.clear()
        waiting = self.table.not_confirmed()
        if waiting:
            self.error.setText(
                self.tr("还有 %1 项无法确定的读数未核对：%2。请对照扫描件选择读数并勾选“已核对”。")
                .replace("%1", str(len(waiting)))
                .replace("%2", "、".join(waiting))
            )
            return None
        try:
            check_date, team, snapshot = self.fields.collect()
            reviewed = confirm.ReviewedForm(
                self.form,
                check_date,  # type: ignore[arg-type]
                self.table.results(),
                self.table.touched | {i.code for i in self.table.items if i.unclear},
                team,
                snapshot,
                self.fields.conclusion.toPlainText(),
                self.fields.advice.toPlainText(),
                finalise,
            )
            self.result = confirm.save(self.db, reviewed)
        except ValidationError as exc:
            self.fields.show_errors(exc.errors)
            self.error.setText("\n".join(exc.errors.values()))
            return None
        self.setEnabled(False)
        self.summary.setText(
            self.tr("已保存为体检记录（%1），整改事项 %2 条，扫描件 %3 页已作为佐证保存。")
            .replace("%1", self.tr("已定稿") if self.result.status == "final" else self.tr("草稿"))
            .replace("%2", str(self.result.rectifications))
            .replace("%3", str(self.result.pages))
        )
        self.saved.emit(self.result)
        return self.result
