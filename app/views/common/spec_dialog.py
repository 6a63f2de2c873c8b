"""The dialog of one record of a record type with a spec (offer, layoff filing, major-risk
event, guidance activity, typical case): its fields built from the spec (RecordForm),
saved through the type's service, each problem beside its field.

The service (SERVICE) says what the dialog may save: `save_values(db, values, id)`,
`values_of(db, id)` and `problems_of(db, values)` (app/services/core/record_spec.py).
Nothing is written while a problem stands; once a save was refused, every change
re-checks, so a message goes as soon as its field is fixed. A subclass arranges the
fields and adds what is special to its type (its own widgets' values in
`custom_values`, what is written with a saved record in `after_save`, what follows a
save in `refresh`).

The dialog keeps the version of the record it loaded (`loaded`) and saves against it;
a colleague's save in between opens the merge view (app/views/common/merge_dialog.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.core import edit_lock
from app.services.core.edit_lock import EditConflict
from app.services.core.fields import ValidationError
from app.services.core.record_spec import RecordSpec
from app.services.core.storage import Database
from app.services.register import enterprises
from app.views.common.after_save import close_on_save
from app.views.common.merge_dialog import MergeDialog, open_field_merge, plain_text
from app.views.common.messages import FieldErrors
from app.views.common.record_form import EnterpriseField, RecordForm
from app.views.common.stored_dialog import StoredDialog
from app.views.common.unsaved import confirm_discard, typed
from app.views.common.widgets import push_button


class SpecDialog(StoredDialog):
    SPEC: RecordSpec
    SERVICE: Any
    RECORD_ARG = "record_id"  # the keyword a list opens a stored record with (filing_id=…)

    def __init__(
        self,
        db: Database,
        record_id: str | None = None,
        *,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
        **record: str | None,
    ) -> None:
        record_id = record_id or record.pop(self.RECORD_ARG, None)
        if record:
            raise TypeError(f"{type(self).__name__}: unknown {', '.join(record)}")
        super().__init__(db, self.SPEC.table, record_id, english=english, parent=parent)
        self.record_id = record_id
        self.form = RecordForm(
            self.SPEC.fields, db, self.errors, english=english, changed=self._recheck
        )
        # The record's enterprise, where the type has one to pick (a guidance activity has none).
        self.enterprise: EnterpriseField = self.form.editors.get("enterprise_id")  # type: ignore[assignment]
        if self.enterprise is not None:
            self.enterprise.on_pick = self.enterprise_picked
        self.save_button = push_button(self.tr("保存"), "save", self.save)
        self.close_button = push_button(self.tr("关闭"), slot=self.reject)
        self._first = (
            self.SERVICE.values_of(db, record_id)
            if record_id
            else {**self.SPEC.defaults(), **self.new_values(), "enterprise_id": enterprise_id}
        )
        self._original = self.as_edited(self._first)
        self.build()
        self._kept = self.values()  # as opened (the type's own widgets filled too)
        self._kept_steps = typed(*self.step_widgets())

    # -- what a subclass may add -------------------------------------------------------------
    def build(self) -> None:
        """The type's title, layout and own widgets (the fields are in self.form)."""

    def new_values(self) -> dict[str, Any]:
        """What a new record starts with beyond the spec's defaults."""
        return {}

    def step_widgets(self) -> tuple[QWidget, ...]:
        """Where a step on the stored record is typed before its button records it
        (an intervention, a session): typed and not recorded counts as unsaved."""
        return ()

    def custom_values(self) -> dict[str, Any]:
        """The values of the type's own widgets (its "custom" fields)."""
        return {}

    def refresh(self) -> None:
        """Show what the stored record has beyond its fields (after loading and saving)."""

    def after_save(self) -> None:
        """What the type writes once the record is saved, before the list hears of it
        (a campaign record's files chosen before its first save)."""

    def enterprise_picked(self, enterprise: dict[str, Any]) -> None:
        """A new enterprise was chosen in the picker."""
        self._recheck()

    # -- shared ------------------------------------------------------------------------------
    def load(self, values: dict[str, Any] | None = None) -> None:
        """Put the record's values (or a new record's) into the editors."""
        self.form.set_values(self._first if values is None else values)
        self.refresh()

    def button_row(self) -> QHBoxLayout:
        """The general message on the left, 保存 and 关闭 on the right."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)  # the buttons keep their size while no message shows
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        # 保存 closes the dialog; 保存并新建 opens an empty one (views/common/after_save.py).
        close_on_save(self, self.save_button, buttons, with_new=True)
        return buttons

    def values(self) -> dict[str, Any]:
        return {**self.form.values(), **self.custom_values()}

    def problems(self) -> dict[str, str]:
        return dict(self.SERVICE.problems_of(self.db, self.values()))

    def _recheck(self) -> None:
        """Once a save was refused, the messages follow the fields as they are fixed."""
        if self.rechecking:
            self.errors.show(self.problems())

    def reject(self) -> None:
        """Esc, 关闭 and the ✕ end here: what was typed since the last save is only
        dropped when the user says so (an offer's dates and topics, a layoff's people)."""
        if self.unsaved() and not confirm_discard(self):
            return
        super().reject()

    def unsaved(self) -> bool:
        """Whether anything was typed since the dialog opened or last saved."""
        steps = typed(*self.step_widgets()) != self._kept_steps
        return steps or self.values() != self._kept

    def save(self) -> bool:
        try:
            self.record_id = self.SERVICE.save_values(
                self.db, self.values(), self.record_id, loaded=self.loaded
            )
        except EditConflict as exc:
            self.errors.show(exc.errors)
            self.open_merge(exc)
            return False
        except ValidationError as exc:
            self.rechecking = True
            self.errors.show(exc.errors)
            return False
        self.loaded = edit_lock.saved_version(self.db, self.SPEC.table, self.record_id)
        self._original = self.as_edited(self.values())
        self._kept = self.values()
        self.rechecking = False
        self.errors.clear()
        self.after_save()
        self.refresh()
        self.saved.emit(self.record_id)
        return True

    # -- a colleague saved first -----------------------------------------------------------
    def as_edited(self, values: dict[str, Any]) -> dict[str, Any]:
        """Stored values as this dialog's editors would hold them (what values() returns):
        read through a form of the same fields that is never shown."""
        shadow = RecordForm(self.SPEC.fields, self.db, FieldErrors(QLabel()), english=self.english)
        shadow.set_values(values)
        out = shadow.values()
        shadow.editors.clear()  # never shown: nothing keeps its widgets
        for spec in self.SPEC.fields:
            if spec.editor == "custom" and spec.name in values:
                value = values[spec.name]
                out[spec.name] = sorted(value) if isinstance(value, list | tuple | set) else value
        return out

    def _text(self, name: str, value: Any) -> str:
        spec = next((s for s in self.SPEC.fields if s.name == name), None)
        if spec is not None and spec.editor == "enterprise":
            return str((enterprises.get(self.db, value) or {}).get("name", "")) if value else ""
        choices = spec and ((spec.choices_en if self.english else None) or spec.choices)
        if spec is not None and choices and spec.editor != "custom":
            return str(dict(choices()).get(value, value or ""))
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        return plain_text(value)

    def open_merge(self, conflict: EditConflict) -> MergeDialog | None:
        """Their version beside mine, field by field (None when they deleted it: the
        message says so and the dialog keeps my input)."""
        if conflict.theirs.deleted or not self.record_id:
            return None
        try:
            stored = self.SERVICE.values_of(self.db, self.record_id)
        except ValidationError:
            return None

        def save() -> None:
            self.errors.clear()
            self.save()

        return open_field_merge(
            self,
            conflict,
            self.SPEC.fields,
            self.as_edited(stored),
            english=self.english,
            text=self._text,
            load=self.load,
            save=save,
        )

    def saved_first(self) -> str | None:
        """The record's id, saving it first when it is new (None: the save was refused)."""
        if not self.record_id and not self.save():
            return None
        return self.record_id

    def show_problems(self, exc: ValidationError) -> bool:
        """A refused step on the stored record (a session, an intervention, people): the
        messages; when a colleague saved the record since, their version beside mine."""
        self.errors.show(exc.errors)
        if isinstance(exc, EditConflict):
            self.open_merge(exc)
        return False

    def done_step(self) -> bool:
        """After an action on the stored record (a session, an intervention): show it."""
        assert self.record_id
        # Only a write of this dialog's own moves the version it holds: a colleague's
        # save meanwhile must still meet the next save as a conflict.
        self.loaded = edit_lock.written_version(self.db, self.record_id) or self.loaded
        self.errors.clear()
        self.refresh()
        self._kept_steps = typed(*self.step_widgets())  # recorded: what is left is kept
        self.saved.emit(self.record_id)
        return True
