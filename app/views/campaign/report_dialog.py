"""文件 → 工作总结: the report's heading data and the narrative per section,
kept in the database; then the .docx (GB/T 9704) and its .xlsx annex."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from app.services.campaign import campaign_report, report_drafts
from app.services.campaign.campaign_report import ReportInput, ReportResult
from app.services.campaign.report_drafts import SECTIONS, SECTIONS_EN
from app.services.core import edit_lock, office
from app.services.core.edit_lock import CONFLICT_FIELD, EditConflict
from app.services.core.fields import parse_date
from app.services.core.storage import Database
from app.tasks import TaskRunner
from app.views.common.layouts import form_rows, hbox, vbox
from app.views.common.merge_dialog import MergeDialog, open_input_merge
from app.views.common.messages import error_label, tr_message
from app.views.common.unsaved import KeepsTyped
from app.views.common.widgets import named, push_button


class ReportDialog(KeepsTyped, QDialog):
    written = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        campaign_id: str,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.campaign_id = campaign_id
        self.result: ReportResult | None = None
        self.english = english
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("专项行动工作总结"))
        # The version first, then the report: what a save is checked against.
        self.loaded = campaign_report.version(db, campaign_id)
        self.merge_view: MergeDialog | None = None
        data = campaign_report.get(db, campaign_id)
        self.title = named(QLineEdit(data.title), "report_title")
        self.doc_number = named(QLineEdit(data.doc_number), "report_number")
        self.doc_number.setPlaceholderText(self.tr("卫东三方办〔2023〕5号"))
        self.addressee = QLineEdit(data.addressee)
        self.issued_on = named(
            QLineEdit(data.issued_on.isoformat() if data.issued_on else ""), "report_date"
        )
        self.signer = QLineEdit(data.signer)
        self.signer.setPlaceholderText(self.tr("上报时填写签发人姓名"))
        form = form_rows(
            (self.tr("标题"), self.title),
            (self.tr("发文字号"), self.doc_number),
            (self.tr("主送机关"), self.addressee),
            (self.tr("成文日期"), self.issued_on),
            (self.tr("签发人"), self.signer),
        )

        hint = QLabel(
            self.tr(
                "各部分已按数据写好草稿（数字与总览、统计表一致），请修改补充后保存；保存后保留您的文字。"
                "统计表作为附件另存为 Excel。"
            )
        )
        hint.setWordWrap(True)
        self.sections = named(QTabWidget(), "report_sections")
        self.editors: dict[str, QPlainTextEdit] = {}
        texts = campaign_report.editable_texts(db, campaign_id, data)
        for key, heading, _level, ask in SECTIONS:
            edit = named(QPlainTextEdit(texts.get(key, "")), f"narrative_{key}")
            edit.setPlaceholderText(SECTIONS_EN[key] if english else ask)
            self.editors[key] = edit
            self.sections.addTab(edit, SECTIONS_EN[key] if english else heading)

        # At the city: quote a county's narrative for the section being written.
        self.received = campaign_report.received(db, campaign_id)
        self.quote_from = named(QComboBox(), "quote_from")
        for r in self.received:
            self.quote_from.addItem(r.office_name, r.office_code)
        self.quote_button = push_button(
            self.tr("引用所选单位本部分的总结"), "quote_button", lambda _c=False: self.quote()
        )
        quote_row = hbox(
            QLabel(self.tr("各单位报送的总结：")), (self.quote_from, 1), self.quote_button
        )
        self.redraft_button = push_button(
            self.tr("按数据重新起草本部分"), "redraft_button", lambda _c=False: self.redraft()
        )
        self.quote_box = QWidget()
        self.quote_box.setLayout(quote_row)
        self.quote_box.setVisible(bool(self.received))

        self.error = error_label("report_error")
        self.save_button = push_button(self.tr("保存"), "report_save", lambda _c=False: self.save())
        self.write_button = push_button(
            self.tr("生成 Word 和统计表…"), "report_write", lambda _c=False: self.write()
        )
        close = push_button(self.tr("关闭"), slot=self.reject)  # asks first when edited
        buttons = hbox(self.redraft_button, 1, *(self.save_button, self.write_button, close))
        vbox(form, hint, (self.sections, 1), self.quote_box, self.error, buttons, owner=self)
        self.resize(820, 640)
        self._original = self.read_input() or data  # as loaded: what "I changed" is measured from
        self.keep_typed()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        heading = (self.title, self.doc_number, self.addressee, self.issued_on, self.signer)
        return (*heading, *self.editors.values())

    def quote(self) -> bool:
        """Append the chosen office's text for the current section, under its name."""
        index = self.quote_from.currentIndex()
        if index < 0:
            return False
        report = self.received[index]
        key = SECTIONS[self.sections.currentIndex()][0]
        text = report.data.narratives.get(key, "").strip()
        if not text:
            self.error.setText(self.tr("%1没有填写这一部分。").replace("%1", report.office_name))
            return False
        editor = self.editors[key]
        current = editor.toPlainText().rstrip()
        editor.setPlainText((current + "\n" if current else "") + f"{report.office_name}：{text}")
        return True

    def redraft(self) -> None:
        """Replace the current section's text with a fresh draft from today's data."""
        key = SECTIONS[self.sections.currentIndex()][0]
        here = office.current(self.db)
        texts = report_drafts.section_texts(
            self.db, self.campaign_id, {}, here.name if here else ""
        )
        self.editors[key].setPlainText(texts[key])

    def read_input(self) -> ReportInput | None:
        text = self.issued_on.text().strip()
        try:
            issued = parse_date(text) if text else None
        except ValueError:
            issued = None
        if text and issued is None:
            self.error.setText(
                self.tr("成文日期“%1”无法识别，请按 2023-12-01 的格式填写。").replace("%1", text)
            )
            return None
        return ReportInput(
            self.title.text(),
            self.doc_number.text(),
            self.addressee.text(),
            issued,
            self.signer.text(),
            {k: e.toPlainText() for k, e in self.editors.items()},
        )

    def save(self) -> bool:
        data = self.read_input()
        if data is None:
            return False
        try:
            saved = campaign_report.save(self.db, self.campaign_id, data, loaded=self.loaded)
        except EditConflict as exc:  # a colleague saved first: the merge view
            self.error.setText(tr_message(exc.errors[CONFLICT_FIELD]))
            self.open_merge(exc, data)
            return False
        self.loaded = edit_lock.saved_version(self.db, "campaign_report", saved)
        self._original = data
        self.keep_typed()
        self.error.setText(self.tr("已保存。"))
        return True

    def show_input(self, data: ReportInput) -> None:
        self.title.setText(data.title)
        self.doc_number.setText(data.doc_number)
        self.addressee.setText(data.addressee)
        self.issued_on.setText(data.issued_on.isoformat() if data.issued_on else "")
        self.signer.setText(data.signer)
        for key, edit in self.editors.items():
            edit.setPlainText(data.narratives.get(key, ""))

    def open_merge(self, conflict: EditConflict, mine: ReportInput) -> MergeDialog:
        stored = campaign_report.get(self.db, self.campaign_id)
        texts = campaign_report.editable_texts(self.db, self.campaign_id, stored)
        theirs = replace(stored, narratives={k: texts.get(k, "") for k in self.editors})
        labels = {
            "title": self.tr("标题"),
            "doc_number": self.tr("发文字号"),
            "addressee": self.tr("主送机关"),
            "issued_on": self.tr("成文日期"),
            "signer": self.tr("签发人"),
            **{
                f"narratives.{key}": SECTIONS_EN[key] if self.english else heading
                for key, heading, _level, _ask in SECTIONS
            },
        }

        def save_merged(merged: ReportInput) -> None:
            self.show_input(merged)
            self.loaded, self._original = conflict.theirs.version, theirs
            self.save()

        self.merge_view = open_input_merge(
            self, conflict, labels, mine, theirs, self._original, save_merged
        )
        return self.merge_view

    def write(self, out: Path | None = None) -> None:
        if not self.save():
            return
        if out is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("保存工作总结"),
                f"{self.title.text() or '工作总结'}.docx",
                "Word (*.docx)",
            )
            if not path:
                return
            out = Path(path)
        out = out if out.suffix.lower() == ".docx" else out.with_suffix(".docx")
        annex = out.with_name(f"{out.stem}-统计表.xlsx")
        self.tasks.start(
            self,
            self.tr("正在生成工作总结"),
            lambda: campaign_report.write_work(self.db, self.campaign_id, out, annex=annex),
            self.finished_writing,
        )

    def finished_writing(self, result: ReportResult) -> None:
        self.result = result
        lines = [self.tr("已生成：%1").replace("%1", str(result.docx))]
        if result.annex:
            lines.append(self.tr("统计表：%1").replace("%1", str(result.annex)))
        if result.font_notes:
            lines.append(self.tr("字体说明："))
            lines.extend(result.font_notes)
        self.error.setText("\n".join(lines))
        self.written.emit(str(result.docx))
