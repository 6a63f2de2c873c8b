"""Naming the office once: level, GB/T 2260 division code, name, operator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.i18n import current_language, paren
from app.services.core import office, reference
from app.views.common.layouts import button_box, form_rows, vbox
from app.views.common.messages import error_label
from app.views.common.widgets import named


class OfficeDialog(QDialog):
    # exec()'s result when the coordinator chose the office server instead (first start).
    SERVER = 2

    def __init__(
        self,
        current: office.Office | None,
        operator: str,
        parent: QWidget | None = None,
        letterhead: office.Letterhead | None = None,
        *,
        offer_server: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("本单位设置"))
        intro = QLabel(
            self.tr("请设置本单位。区划代码决定数据报送时的来源单位，设置后请勿随意更改。")
        )
        intro.setWordWrap(True)
        self.division = named(QComboBox(), "division")
        city = reference.city()
        english = current_language() == "en"
        self.division.addItem(
            f"{paren(city.name_en if english else city.name, city.code)} — {self.tr('市级')}",
            city.code,
        )
        for d in reference.divisions():
            self.division.addItem(paren(d.name_en if english else d.name, d.code), d.code)
        self.division.addItem(self.tr("其他（手工填写代码）"), "")
        self.code = named(QLineEdit(), "code")
        self.code.setPlaceholderText("410482")
        self.name = named(QLineEdit(), "name")
        self.operator = named(QLineEdit(operator), "operator")
        head = letterhead or office.Letterhead()
        self.mark = named(QLineEdit(head.mark), "mark")
        self.mark.setPlaceholderText(
            self.tr("如“汝州市协调劳动关系三方委员会办公室文件”；空着则公文不印红头")
        )
        self.number_prefix = named(QLineEdit(head.number_prefix), "number_prefix")
        self.number_prefix.setPlaceholderText(
            self.tr("如“汝协三办”，发文字号为 汝协三办〔2023〕5号")
        )
        self.error = error_label()
        self.division.currentIndexChanged.connect(self._division_changed)

        form = form_rows(
            (self.tr("所在区划"), self.division),
            (self.tr("区划代码"), self.code),
            (self.tr("单位名称"), self.name),
            (self.tr("操作员姓名"), self.operator),
            (self.tr("发文机关标志"), self.mark),
            (self.tr("发文字号机关代字"), self.number_prefix),
        )
        buttons = button_box(QDialogButtonBox.StandardButton.Ok, self.try_accept, self.reject)
        if offer_server:
            # A new PC of an office that works on its server: straight to the
            # connection, without naming an office for a file it will not use
            # (README: 办公室服务器 → 每台电脑连接).
            server = buttons.addButton(
                self.tr("连接办公室服务器…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            server.setObjectName("connect_server")
            server.clicked.connect(lambda _c=False: self.done(self.SERVER))
        vbox(intro, form, self.error, buttons, owner=self)
        self.result_office: office.Office | None = None
        if current:
            index = self.division.findData(current.code)
            self.division.setCurrentIndex(index if index >= 0 else self.division.count() - 1)
            self.code.setText(current.code)
            self.name.setText(current.name)
        else:
            self.division.setCurrentIndex(1)
            self._division_changed()
        self.resize(560, 320)

    def _division_changed(self) -> None:
        code = self.division.currentData()
        if code:
            self.code.setText(code)
            self.name.setText(f"{reference.division_name(code)}协调劳动关系三方委员会办公室")

    def letterhead(self) -> office.Letterhead:
        return office.Letterhead(self.mark.text().strip(), self.number_prefix.text().strip())

    def values(self) -> tuple[str, str, str]:
        code = self.code.text().strip()
        level = "city" if code.endswith("00") else "county"
        return code, self.name.text().strip(), level

    def try_accept(self) -> None:
        code, name, level = self.values()
        if not self.operator.text().strip():
            self.error.setText(self.tr("请填写操作员姓名：它会记入每条记录的修改日志。"))
            return
        try:
            office.Office(code, name, level)
            if not (len(code) == 6 and code.isdigit()):
                raise office.OfficeError(self.tr("区划代码应为 6 位数字，如 410482。"))
            if not name:
                raise office.OfficeError(self.tr("请填写单位名称。"))
        except office.OfficeError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
