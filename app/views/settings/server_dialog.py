"""文件 → 打开 → 连接办公室服务器…: where the office's PostgreSQL database is
(server, port, database, user; README: 办公室服务器), with the connections used
before. No password here: it comes from the keyring, ~/.pgpass, or the password
prompt when the server asks (ask_password below)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.core.storage import Location, LocationError
from app.views.common.messages import tr_message

RECENT_KEPT = 8


def remember(recent: list[str], address: str) -> list[str]:
    """The recent list with `address` first (no password is ever in an address)."""
    return [address] + [r for r in recent if r != address][: RECENT_KEPT - 1]


class ServerDialog(QDialog):
    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接办公室服务器"))
        self.recent = QComboBox()
        self.recent.setObjectName("recent")
        self.recent.addItem(self.tr("（新的连接）"), "")
        for address in recent:
            self.recent.addItem(address, address)
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("hexie")
        self.database.setObjectName("database")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("最近的连接"), self.recent)
        form.addRow(self.tr("服务器"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.tr("用户名"), self.user)
        note = QLabel(
            self.tr(
                "密码不在这里填写：程序先从系统钥匙串或 ~/.pgpass 读取，没有时再询问，"
                "且不会记在最近的连接里。"
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.recent.currentIndexChanged.connect(self._fill_from_recent)
        if recent:
            self.recent.setCurrentIndex(1)

    def _fill_from_recent(self) -> None:
        address = self.recent.currentData()
        if not address:
            return
        where = Location.of(address)
        self.host.setText(where.host)
        self.port.setValue(where.port)
        self.database.setText(where.database)
        self.user.setText(where.user)

    def address(self) -> str:
        user = self.user.text().strip()
        return (
            f"postgresql://{user}{'@' if user else ''}{self.host.text().strip()}"
            f":{self.port.value()}/{self.database.text().strip()}"
        )

    def _accept(self) -> None:
        if not self.host.text().strip() or not self.database.text().strip():
            self.problem.setText(self.tr("请填写服务器和数据库名。"))
            return
        if not self.user.text().strip():
            self.problem.setText(self.tr("请填写用户名（服务器管理员为本办公室建的用户）。"))
            return
        try:
            Location.of(self.address())
        except LocationError as exc:
            self.problem.setText(tr_message(str(exc)))
            return
        self.accept()


def ask_password(location: Location, reason: str, parent: QWidget | None = None) -> str | None:
    """The window's password prompt (installed with server_login.set_prompt)."""
    title = QInputDialog.tr("服务器密码")
    text = (
        QInputDialog.tr("密码不正确，请重新输入 %1 的密码：")
        if reason == "refused"
        else QInputDialog.tr("请输入 %1 的密码：")
    ).replace("%1", str(location))
    value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return value if ok else None
