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
from dataclasses import astuple, dataclass, is_dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from app.services.core.edit_lock import CONFLICT_FIELD, EditConflict
from app.services.core.local_time import local
from app.views.common.layouts import scrolled, vbox
from app.views.common.messages import tr_message
from app.views.common.widgets import named, push_button

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
    if isinstance(value, set):
        return tuple(sorted(value))
    if isinstance(value, list | tuple):
        return tuple(value)
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
    if isinstance(value, dict):
        return "；".join(f"{k}：{plain_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return "；".join(plain_text(v) for v in value)
    if is_dataclass(value):
        return " ".join(plain_text(v) for v in astuple(value) if v not in (None, ""))
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
        intro = named(QLabel(tr_message(conflict.errors[CONFLICT_FIELD])), "conflict_message")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #b00020;")

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
            mine = named(QRadioButton(field.mine_text or self.tr("（空）")), f"mine_{field.name}")
            other = named(
                QRadioButton(field.theirs_text or self.tr("（空）")), f"theirs_{field.name}"
            )
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
        grid.setRowStretch(len(self.fields) + 1, 1)  # the rows stay together at the top
        scroll = scrolled(grid)

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
        self.save_button = push_button(self.tr("保存合并结果"), "save_merged")
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)

        vbox(intro, note, (scroll, 1), box, owner=self)
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


def flat_input(data: Any, labels: Mapping[str, str]) -> dict[str, Any]:
    """A dialog's input (a dataclass) as merge fields: each labelled attribute; a dict
    attribute (a report's sections) one field per key, named "attribute.key"."""
    out: dict[str, Any] = {}
    for name in labels:
        head, _, key = name.partition(".")
        value = getattr(data, head)
        out[name] = value.get(key) if key else value
    return out


def input_labels(labels: Mapping[str, str], *inputs: Any) -> dict[str, str]:
    """`labels` with a dict attribute's keys (found in any of `inputs`) spread out."""
    out: dict[str, str] = {}
    for name, label in labels.items():
        value = getattr(inputs[0], name.partition(".")[0])
        if isinstance(value, dict) and "." not in name:
            keys = dict.fromkeys(k for data in inputs for k in getattr(data, name))
            out.update({f"{name}.{k}": f"{label}：{k}" for k in keys})
        else:
            out[name] = label
    return out


def merged_input(mine: Any, view: MergeDialog) -> Any:
    """`mine` with the fields chosen from theirs put in."""
    from dataclasses import replace

    changes: dict[str, Any] = {}
    for field in view.fields:
        if view.choices()[field.name] != THEIRS:
            continue
        head, _, key = field.name.partition(".")
        if key:
            section = dict(changes.get(head, getattr(mine, head)))
            section[key] = field.theirs or ""
            changes[head] = section
        else:
            changes[head] = field.theirs
    return replace(mine, **changes)


def open_field_merge(
    dialog: Any,
    conflict: EditConflict,
    fields: Sequence[Any],
    theirs: dict[str, Any],
    *,
    english: bool,
    text: Callable[[str, Any], str],
    load: Callable[[dict[str, Any]], None],
    save: Callable[[], Any],
) -> MergeDialog:
    """The merge view for a dialog whose values are its fields' (RecordDialog,
    SpecDialog): the `fields` whose value in the form (`dialog.values()`) differs from
    `theirs` (the stored values as the editors hold them). 保存合并结果 `load`s the merge
    into the dialog, takes their version as the one loaded and saves."""
    labels = {s.name: (s.label_en if english else s.label_zh) for s in fields}
    view = MergeDialog(
        differing(labels, dialog.values(), theirs, dialog._original, text), conflict, dialog
    )
    dialog.merge_view = view

    def save_merged() -> None:
        load(view.merged(dialog.values()))
        dialog.loaded = conflict.theirs.version
        dialog._original = theirs
        save()

    view.accepted.connect(save_merged)
    view.open()
    return view


def open_input_merge(
    parent: QWidget,
    conflict: EditConflict,
    labels: Mapping[str, str],
    mine: Any,
    theirs: Any,
    original: Any,
    save_merged: Callable[[Any], None],
) -> MergeDialog:
    """The merge view for a dialog whose input is a dataclass (a campaign, a report):
    `save_merged(merged input)` shows it and saves it against their version."""
    names = input_labels(labels, mine, theirs, original)
    fields = differing(
        names,
        flat_input(mine, names),
        flat_input(theirs, names),
        flat_input(original, names),
        lambda _n, v: plain_text(v),
    )
    view = MergeDialog(fields, conflict, parent)
    view.accepted.connect(lambda: save_merged(merged_input(mine, view)))
    view.open()
    return view
