"""设置 → 密钥与信任的单位: the office's key pair, the offices it trusts, replacing a
trusted office's key (a separate confirmation showing both fingerprints; the old
key kept as revoked), and the printable recovery sheet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from app.services.core.storage import Database
from app.services.documents.documents import Document, FieldGrid, Paragraph
from app.services.sync import keys
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.widgets import ask_open_file, headed_table, named, push_button
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


class KeysDialog(DatabaseDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("密钥与信任的单位"))
        self.own = named(QLabel(), "own_key")
        self.own.setWordWrap(True)
        self.generate_button = push_button(self.tr("生成本单位密钥…"), "generate", self.generate)
        self.export_button = push_button(self.tr("导出本单位公钥…"), "export_key", self.export_key)
        self.sheet_button = push_button(self.tr("打印恢复单…"), "recovery", self.print_sheet)
        self.peers = headed_table(
            "peers",
            [
                self.tr("区划代码"),
                self.tr("单位"),
                self.tr("指纹"),
                self.tr("电子邮箱"),
                self.tr("状态"),
            ],
        )
        header = self.peers.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.peers.verticalHeader().hide()
        self.trust_button = push_button(
            self.tr("导入对方公钥并信任…"), "trust", lambda: self.trust()
        )
        close = push_button(self.tr("关闭"), slot=self.accept)
        own_row = hbox(*(self.generate_button, self.export_button, self.sheet_button), 1)
        layout = vbox(
            self.own,
            own_row,
            QLabel(self.tr("信任的单位（收发同步包的对方）：")),
            self.peers,
            owner=self,
        )
        row = hbox(self.trust_button, 1, close)
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
            path = ask_open_file(self, self.tr("选择对方的公钥文件"), "Public key", "*.pub")
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
        box = named(QMessageBox(self), "replace_key")
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
