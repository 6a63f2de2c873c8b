"""Sync bundles in the window: keys and trusted offices, export, import with a
preview, conflicts side by side, and what each county has sent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.db import Database
from app.services import bundle, keys
from app.services.documents import Document, FieldGrid, Paragraph
from app.services.stats import RECORD_TYPE_NAMES
from app.tasks import TaskRunner, show_error
from app.views.printing import actions


def ask_passphrase(parent: QWidget, title: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent, title, parent.tr("本单位密钥口令："), QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


def unlock(parent: QWidget, db: Database) -> keys.PrivateKeys | None:
    passphrase = ask_passphrase(parent, parent.tr("输入口令"))
    if passphrase is None:
        return None
    try:
        return keys.unlock(db, passphrase)
    except keys.KeyError_ as exc:
        QMessageBox.warning(parent, parent.tr("口令"), str(exc))
        return None


class KeysDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("密钥与信任的单位"))
        self.own = QLabel()
        self.own.setObjectName("own_key")
        self.own.setWordWrap(True)
        self.generate_button = QPushButton(self.tr("生成本单位密钥…"))
        self.generate_button.setObjectName("generate")
        self.generate_button.clicked.connect(self.generate)
        self.export_button = QPushButton(self.tr("导出本单位公钥…"))
        self.export_button.setObjectName("export_key")
        self.export_button.clicked.connect(self.export_key)
        self.sheet_button = QPushButton(self.tr("打印恢复单…"))
        self.sheet_button.setObjectName("recovery")
        self.sheet_button.clicked.connect(self.print_sheet)
        self.peers = QTableWidget(0, 5)
        self.peers.setObjectName("peers")
        self.peers.setHorizontalHeaderLabels(
            [
                self.tr("区划代码"),
                self.tr("单位"),
                self.tr("指纹"),
                self.tr("电子邮箱"),
                self.tr("状态"),
            ]
        )
        header = self.peers.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.peers.verticalHeader().hide()
        self.trust_button = QPushButton(self.tr("导入对方公钥并信任…"))
        self.trust_button.setObjectName("trust")
        self.trust_button.clicked.connect(lambda: self.trust())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        own_row = QHBoxLayout()
        for b in (self.generate_button, self.export_button, self.sheet_button):
            own_row.addWidget(b)
        own_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addLayout(own_row)
        layout.addWidget(QLabel(self.tr("信任的单位（收发同步包的对方）：")))
        layout.addWidget(self.peers)
        row = QHBoxLayout()
        row.addWidget(self.trust_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(780, 460)
        self.refresh()

    def refresh(self) -> None:
        if keys.has_keys(self.db):
            self.own.setText(
                self.tr("本单位公钥指纹：%1（对方核对时请逐组念出）").replace(
                    "%1", keys.own_public(self.db).fingerprint
                )
            )
        else:
            self.own.setText(
                self.tr("本单位还没有密钥。生成后，把公钥文件发给对方，并打印恢复单锁好。")
            )
        has = keys.has_keys(self.db)
        self.generate_button.setEnabled(not has)
        self.export_button.setEnabled(has)
        self.sheet_button.setEnabled(has)
        rows = [
            (
                p.office_code,
                p.name,
                p.fingerprint,
                p.email,
                self.tr("在用（%1 起）").replace("%1", f"{p.trusted_at:%Y-%m-%d}"),
            )
            for p in keys.peers(self.db)
        ] + [
            (
                k.office_code,
                k.name,
                k.fingerprint,
                "",
                self.tr("已作废（%1 更换）").replace("%1", f"{k.revoked_at:%Y-%m-%d}"),
            )
            for k in keys.revoked_keys(self.db)
        ]
        rows.sort(key=lambda r: r[0])  # an office's revoked keys right under its key in use
        self.peers.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                self.peers.setItem(r, c, QTableWidgetItem(text))

    def generate(self) -> bool:
        first = ask_passphrase(self, self.tr("设置口令（至少8个字符）"))
        if first is None:
            return False
        second = ask_passphrase(self, self.tr("再次输入口令"))
        if second != first:
            QMessageBox.warning(self, self.tr("口令"), self.tr("两次输入的口令不一致。"))
            return False
        try:
            keys.init(self.db, first)
        except keys.KeyError_ as exc:
            QMessageBox.warning(self, self.tr("生成密钥"), str(exc))
            return False
        self.refresh()
        return True

    def export_key(self) -> None:
        public = keys.own_public(self.db)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出公钥"), f"{public.office_code}.pub", "Public key (*.pub)"
        )
        if path:
            keys.export_public(self.db, path)

    def trust(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择对方的公钥文件"), "", "Public key (*.pub)"
            )
        if not path:
            return False
        try:
            key = keys.read_public(path)
        except keys.KeyError_ as exc:
            QMessageBox.warning(self, self.tr("信任"), str(exc))
            return False
        old = keys.trusted_fingerprint(self.db, key.office_code)
        if old == key.fingerprint:
            QMessageBox.information(
                self,
                self.tr("信任"),
                self.tr("已信任过 %1（%2）的这把密钥，无需更改。")
                .replace("%1", key.name)
                .replace("%2", key.office_code),
            )
            return False
        answer = QMessageBox.question(
            self,
            self.tr("核对指纹"),
            self.tr("%1（%2）的指纹：\n\n%3\n\n请打电话与对方核对，一致才点“是”。")
            .replace("%1", key.name)
            .replace("%2", key.office_code)
            .replace("%3", key.fingerprint),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if old and not self.confirm_replacement(key, old):
            return False
        email, _ok = QInputDialog.getText(
            self, self.tr("电子邮箱"), self.tr("对方接收同步包的电子邮箱："), text=key.email
        )
        try:
            keys.trust(self.db, key, email=email.strip(), replace=bool(old))
        except keys.KeyError_ as exc:
            QMessageBox.warning(self, self.tr("信任"), str(exc))
            return False
        self.refresh()
        return True

    def confirm_replacement(self, key: keys.PublicKey, old: str) -> bool:
        """A second, separate confirmation when an office already trusted sends a
        different key: both fingerprints, and Cancel as the default."""
        box = QMessageBox(self)
        box.setObjectName("replace_key")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("更换对方密钥"))
        box.setText(
            self.tr(
                "已信任 %1（%2）的另一把密钥。\n\n现在信任的指纹：%3\n新公钥的指纹：%4\n\n"
                "只有对方确实更换了密钥、并且电话核对了新指纹，才点“更换密钥”。更换后旧密钥作废，"
                "此后用旧密钥签名的同步包将被拒绝。如果对方没有更换密钥，这个文件可能是伪造的。"
            )
            .replace("%1", key.name)
            .replace("%2", key.office_code)
            .replace("%3", old)
            .replace("%4", key.fingerprint)
        )
        replace = box.addButton(self.tr("更换密钥"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("replace")
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is replace

    def print_sheet(self) -> None:
        passphrase = ask_passphrase(self, self.tr("打印恢复单"))
        if passphrase is None:
            return
        try:
            sheet = keys.recovery_sheet(self.db, passphrase)
        except keys.KeyError_ as exc:
            QMessageBox.warning(self, self.tr("口令"), str(exc))
            return
        doc = Document(
            "同步密钥恢复单",
            [
                Paragraph(
                    "本单含本单位的私钥，请打印后锁入保密柜，不要拍照或存入电脑。电脑损坏或重装后，用本单可恢复密钥；"
                    "已发出的同步包也可用标准 age 工具解开：age -d -i 密钥.txt 文件.hexie > 文件.zip。"
                ),
                FieldGrid(
                    [
                        ("单位", sheet["office"]),
                        ("公钥指纹", sheet["fingerprint"]),
                        ("打印时间", sheet["printed"]),
                    ],
                    columns=1,
                ),
                Paragraph("解密密钥（age）：", indent=False, bold=True),
                Paragraph(sheet["age_identity"], indent=False),
                Paragraph("签名私钥（Ed25519，PEM）：", indent=False, bold=True),
                Paragraph(sheet["signing_private"], indent=False),
            ],
            office=sheet["office"],
        )
        actions.preview(self, doc.title, lambda printer: actions.paint_documents_on(printer, [doc]))


class ExportDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks or getattr(parent, "tasks", None) or TaskRunner()
        self.setWindowTitle(self.tr("导出同步包"))
        self.files: list[Path] = []
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        for p in keys.peers(db):
            self.recipient.addItem(f"{p.name}（{p.office_code}）", p.office_code)
        self.full = QCheckBox(self.tr("全量（默认只含对方尚未确认收到的变动）"))
        self.full.setObjectName("full")
        self.part_mb = QDoubleSpinBox()
        self.part_mb.setObjectName("part_mb")
        self.part_mb.setRange(0.5, 500)
        self.part_mb.setValue(15)
        self.part_mb.setSuffix(" MB")
        self.attachments = QCheckBox(self.tr("包含佐证材料文件（扫描件、照片等，文件会变大）"))
        self.attachments.setObjectName("attachments")
        self.eml = QCheckBox(
            self.tr("同时生成邮件草稿（.eml，Outlook、Foxmail、Thunderbird 可直接打开发送）")
        )
        self.eml.setObjectName("eml")
        self.eml.setChecked(True)
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("选择文件夹…"))
        browse.clicked.connect(self.browse)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        export = QPushButton(self.tr("导出"))
        export.setObjectName("do_export")
        export.clicked.connect(lambda: self.do_export())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("接收单位"), self.recipient)
        form.addRow("", self.full)
        form.addRow(self.tr("单个文件不超过"), self.part_mb)
        form.addRow(self.tr("保存到（如 U 盘）"), where)
        form.addRow("", self.attachments)
        form.addRow("", self.eml)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(export)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.resize(640, 300)

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("保存到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def do_export(self, private: keys.PrivateKeys | None = None) -> bool:
        """Export on a worker thread with progress and Cancel (a county's 30,000
        records take seconds); returns whether the export was started."""
        if self.recipient.count() == 0:
            self.result.setText(
                self.tr("还没有信任的单位：请先在“设置 → 密钥与信任的单位”中导入对方公钥。")
            )
            return False
        private = private or unlock(self, self.db)
        if private is None:
            return False
        to = self.recipient.currentData()
        folder = self.folder.text()
        options = {
            "full": self.full.isChecked(),
            "with_attachments": self.attachments.isChecked(),
            "max_part_mb": self.part_mb.value(),
        }
        with_eml = self.eml.isChecked()

        def work() -> Any:
            result = yield from bundle.export_work(self.db, to, folder, private, **options)
            files = list(result.files)
            if with_eml:
                peer = keys.peer(self.db, to)
                me = keys.own_public(self.db)
                eml = Path(folder) / (result.files[0].name.split(".hexie")[0] + ".eml")
                files.append(bundle.write_eml(result.files, peer.email, me.name, peer.name, eml))
            return result, files

        def done(outcome: tuple[bundle.ExportResult, list[Path]]) -> None:
            result, self.files = outcome
            counts = "，".join(
                f"{RECORD_TYPE_NAMES.get(k, k)} {v}" for k, v in result.counts.items()
            ) or self.tr("没有新的变动")
            self.result.setText(
                self.tr("已导出第 %1 号同步包：%2\n%3")
                .replace("%1", str(result.sequence))
                .replace("%2", "、".join(p.name for p in self.files))
                .replace("%3", counts)
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, bundle.BundleError | keys.KeyError_ | OSError):
                self.result.setText(str(exc))
            else:
                show_error(self, self.tr("导出同步包"), exc)

        self.tasks.start(self, self.tr("正在导出同步包"), work, done, failed)
        return True


def preview_text(summary: dict[str, Any]) -> str:
    lines = []
    for b in summary["bundles"]:
        state = "（已导入过，不会重复导入）" if b["already_imported"] else ""
        lines.append(f"{b['name']}　来自 {b['sender']}{state}")
        for name, c in b["counts"].items():
            lines.append(
                f"    {RECORD_TYPE_NAMES.get(name, name)}：新增 {c['added']}，更新 {c['updated']}，删除 {c['deleted']}，"
                f"无变化 {c['unchanged']}，冲突 {c['conflicts']}"
            )
    lines += [f"注意：{g}" for g in summary["gaps"]]
    return "\n".join(lines)


class ConflictsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("同步冲突"))
        self.list = QTableWidget(0, 3)
        self.list.setObjectName("conflicts")
        self.list.setHorizontalHeaderLabels(
            [self.tr("记录类型"), self.tr("来自"), self.tr("发现时间")]
        )
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.verticalHeader().hide()
        self.list.itemSelectionChanged.connect(self.show_selected)
        self.fields = QTableWidget(0, 4)
        self.fields.setObjectName("fields")
        self.fields.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("本方"), self.tr("对方"), self.tr("采用对方")]
        )
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.verticalHeader().hide()
        self.ours_button = QPushButton(self.tr("保留本方"))
        self.ours_button.setObjectName("keep_ours")
        self.theirs_button = QPushButton(self.tr("采用对方"))
        self.theirs_button.setObjectName("take_theirs")
        self.ours_button.clicked.connect(lambda: self.resolve("ours"))
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.merge_button = QPushButton(self.tr("按勾选逐项合并"))
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(lambda: self.resolve("merge"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("双方都修改过的记录：两个版本都保留，请逐条选择。未处理前本方的版本不变。")
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.fields, 2)
        row = QHBoxLayout()
        row.addWidget(self.ours_button)
        row.addWidget(self.theirs_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(900, 600)
        self.refresh()

    def refresh(self) -> None:
        self.rows = bundle.conflicts(self.db)
        self.list.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            for col, text in enumerate(
                (
                    RECORD_TYPE_NAMES.get(c["table_name"], c["table_name"]),
                    c["peer"],
                    f"{c['detected_at']:%Y-%m-%d %H:%M}",
                )
            ):
                self.list.setItem(r, col, QTableWidgetItem(text))
        self.fields.setRowCount(0)
        if self.rows:
            self.list.selectRow(0)

    def show_selected(self) -> None:
        rows = {i.row() for i in self.list.selectedIndexes()}
        if not rows:
            return
        c = self.rows[min(rows)]
        ours, theirs = json.loads(c["local_json"]), json.loads(c["incoming_json"])
        skip = {"id", "change_seq", "version", "updated_at", "created_at", "author"}
        differing = [k for k in theirs if k not in skip and ours.get(k) != theirs.get(k)]
        self.fields.setRowCount(len(differing))
        self.theirs = theirs
        for r, k in enumerate(differing):
            for col, text in enumerate((k, str(ours.get(k, "")), str(theirs.get(k, "")))):
                self.fields.setItem(r, col, QTableWidgetItem(text))
            pick = QTableWidgetItem()
            pick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            pick.setCheckState(Qt.CheckState.Unchecked)
            self.fields.setItem(r, 3, pick)

    def resolve(self, choice: str) -> None:
        rows = {i.row() for i in self.list.selectedIndexes()}
        if not rows:
            return
        merged = None
        if choice == "merge":
            merged = {
                self.fields.item(r, 0).text(): self.theirs[self.fields.item(r, 0).text()]
                for r in range(self.fields.rowCount())
                if self.fields.item(r, 3).checkState() == Qt.CheckState.Checked
            }
        bundle.resolve(self.db, self.rows[min(rows)]["id"], choice, merged)
        self.refresh()


class ReceivedDialog(QDialog):
    """At the city office: what each county has sent, and which bundles are missing."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("各单位报送情况"))
        table = QTableWidget(0, 4)
        table.setObjectName("received")
        table.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("最近同步包"), self.tr("导入时间"), self.tr("缺少的同步包")]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        names = {p.office_code: p.name for p in keys.peers(db)}
        rows = bundle.received(db)
        table.setRowCount(len(rows))
        for r, info in enumerate(rows):
            missing = "、".join(str(n) for n in info["missing"]) or self.tr("无")
            for c, text in enumerate(
                (
                    names.get(info["sender"], info["sender"]),
                    self.tr("第 %1 号").replace("%1", str(info["last_sequence"])),
                    f"{info['last_imported']:%Y-%m-%d %H:%M}",
                    missing,
                )
            ):
                table.setItem(r, c, QTableWidgetItem(text))
        self.table = table
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(close)
        self.resize(720, 360)
