"""The side-by-side merge a save that met a colleague's save opens.

A coordinator's save was refused because another coordinator saved the same record
after this one loaded it (app/services/core/edit_lock.py). Nothing was written.
This view lists every field where the form (我的修改) and the stored record
(对方已保存, with who saved it and when, from the audit log) differ, with a choice per
field: mine where I changed the field, theirs otherwise. 保存合并结果 puts the chosen
values into the dialog's editors and saves them against their version (which may
meet yet another save: the view opens again). 取消 leaves the dialog as it was,
with my edits, and nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.core.edit_lock import CONFLICT_FIELD, EditConflict
from app.services.core.local_time import local
from app.views.common.messages import tr_message

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class MergeField:
    """One field as the form holds it (mine), as stored (theirs) and as loaded."""

    name: str
    label: str
    mine: Any
    theirs: Any
    original: Any
    mine_text: str
    theirs_text: str

    @property
    def default(self) -> str:
        """Mine where I changed the field, theirs otherwise."""
        return MINE if self.mine != self.original else THEIRS


def differing(
    labels: Mapping[str, str],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    original: Mapping[str, Any],
    text: Callable[[str, Any], str],
) -> list[MergeField]:
    """The fields (in the order of `labels`) whose value in the form differs from the
    stored one. Values are compared as the editors hold them."""
    return [
        MergeField(
            name,
            label,
            mine.get(name),
            theirs.get(name),
            original.get(name),
            text(name, mine.get(name)),
            text(name, theirs.get(name)),
        )
        for name, label in labels.items()
        if _same(mine.get(name)) != _same(theirs.get(name))
    ]


def _same(value: Any) -> Any:
    """Values as compared: an empty date, text or list all mean "nothing"."""
    if value in (None, "", [], ()):
        return None
    if isinstance(value, list | tuple | set):
        return tuple(sorted(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


def plain_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return "、".join(str(v) for v in value)
    return str(value)


class MergeDialog(QDialog):
    """The fields that differ, mine and theirs side by side, a choice per field."""

    def __init__(
        self, fields: Sequence[MergeField], conflict: EditConflict, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_view")
        self.setWindowTitle(self.tr("合并修改"))
        self.fields = list(fields)
        self.conflict = conflict
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons_of: dict[str, dict[str, QRadioButton]] = {}

        theirs = conflict.theirs
        when = local(theirs.at).strftime("%Y-%m-%d %H:%M") if theirs.at else ""
        intro = QLabel(tr_message(conflict.errors[CONFLICT_FIELD]))
        intro.setObjectName("conflict_message")
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(_bold(self.tr("项目")), 0, 0)
        grid.addWidget(_bold(self.tr("我的修改")), 0, 1)
        grid.addWidget(
            _bold(self.tr("对方已保存（%1，%2）").replace("%1", theirs.by).replace("%2", when)),
            0,
            2,
        )
        for row, field in enumerate(self.fields, start=1):
            group = QButtonGroup(self)
            mine = QRadioButton(field.mine_text or self.tr("（空）"))
            mine.setObjectName(f"mine_{field.name}")
            other = QRadioButton(field.theirs_text or self.tr("（空）"))
            other.setObjectName(f"theirs_{field.name}")
            for button in (mine, other):
                group.addButton(button)
            (mine if field.default == MINE else other).setChecked(True)
            self.groups[field.name] = group
            self.buttons_of[field.name] = {MINE: mine, THEIRS: other}
            grid.addWidget(QLabel(field.label), row, 0)
            grid.addWidget(mine, row, 1)
            grid.addWidget(other, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        note = QLabel(
            self.tr("两边内容相同，保存即可。")
            if not self.fields
            else self.tr(
                "逐项选择要保留的内容：默认保留您改过的项目，其余采用对方已保存的内容。"
                "保存合并结果会在对方的版本上保存；取消则回到编辑窗口，您的修改仍在。"
            )
        )
        note.setWordWrap(True)

        box = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("保存合并结果"))
        self.save_button.setObjectName("save_merged")
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(box)
        self.resize(760, min(220 + 36 * len(self.fields), 640))

    def choose(self, name: str, side: str) -> None:
        self.buttons_of[name][side].setChecked(True)

    def choices(self) -> dict[str, str]:
        return {
            name: MINE if buttons[MINE].isChecked() else THEIRS
            for name, buttons in self.buttons_of.items()
        }

    def merged(self, mine: Mapping[str, Any]) -> dict[str, Any]:
        """`mine` (the form's values) with the fields chosen from theirs replaced."""
        out = dict(mine)
        for field in self.fields:
            if self.choices()[field.name] == THEIRS:
                out[field.name] = field.theirs
        return out


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label
