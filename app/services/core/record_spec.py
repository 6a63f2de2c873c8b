"""One record spec per record type (docs/architecture.md, "The record spec").

A RecordSpec says, once, what every door needs to know about a record type:
its fields (FieldSpec: label in both languages, kind, choices, validator,
width, import aliases, how a dialog edits it), the columns of its list (in
order; a column is a field or a value computed from the list query's row), the
entry rules beyond each field's own, the field that names one record, and
whether its records keep files. The list query, the table, the dialog, the
.xlsx export, the importers, the entry rules (app/services/record_rules.py)
and the sync bundle all read it. Plain data: a frozen dataclass, no framework.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from typing import Any, TypeVar

from app.services.core.fields import (
    FieldError,
    FieldSpec,
    Kind,
    ValidationError,
    field_message,
    parse_value,
    problems,
)
from app.services.core.messages import Label
from app.services.core.validation import Problems, add

# The entry rules beyond each field's own: (values, *, today) → {field: message}.
Rules = Callable[..., Problems]
Input = TypeVar("Input")


@dataclass(frozen=True)
class RecordSpec:
    table: str  # the stored table: the record type's name in audit, rules and bundles
    label: Label  # what a person calls one record: 裁员备案 / Layoff filing
    fields: tuple[FieldSpec, ...]  # what a person enters
    # The list, in order: the name of a field, or a computed column (FieldSpec.show).
    columns: tuple[FieldSpec | str, ...] = ()
    rules: Rules | None = None
    title: str = ""  # the field that names one record (bundle and audit messages)
    files: bool = False  # keeps a files_json list whose files travel with it
    # The printed list's title after the office's name (导出 Excel…): 裁员备案台账.
    list_title: str = ""

    @property
    def printed_title(self) -> str:
        return self.list_title or f"{self.label.zh}清单"

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.table} has no field {name!r}")

    def fields_named(self, *names: str) -> tuple[FieldSpec, ...]:
        return tuple(self.field(n) for n in names)

    @cached_property
    def list_columns(self) -> tuple[FieldSpec, ...]:
        return tuple(self.field(c) if isinstance(c, str) else c for c in self.columns)

    @property
    def table_columns(self) -> tuple[FieldSpec, ...]:
        return tuple(c for c in self.list_columns if c.in_table)

    @property
    def export_columns(self) -> tuple[FieldSpec, ...]:
        return tuple(c for c in self.list_columns if export_width(c))

    @cached_property
    def reads(self) -> tuple[str, ...]:
        """What the list query selects: the record's id and every value its
        columns show or are computed from, in order, once each."""
        names = ["id"]
        for column in self.list_columns:
            for name in column.reads or (column.name,):
                if name not in names:
                    names.append(name)
        return tuple(names)

    # -- entry rules ------------------------------------------------------------------------
    def check(self, values: Mapping[str, Any], *, today: date) -> Problems:
        """Every problem of one record as stored (each field's own rules, then the
        record type's): what app/services/record_rules.py asks of every door."""
        errors: Problems = dict(problems(self.fields, dict(values)))  # type: ignore[arg-type]
        if self.rules is not None:
            for name, message in self.rules(values, today=today).items():
                add(errors, name, message)
        return errors

    def parse(self, raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """A dialog's input as stored values: text is read by its field's kind (a
        count, a date, a choice); a value a widget already typed (a date, a number,
        a list) is kept. Returns the values and, per field that cannot be read,
        the reason under the field's name."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for spec in self.fields:
            if spec.name not in raw:
                continue
            value = raw[spec.name]
            if isinstance(value, str) and spec.editor != "custom":
                try:
                    value = parse_value(spec, value)
                except FieldError as exc:
                    errors[spec.name] = field_message(spec, exc)
                    continue
            values[spec.name] = value
        return values, errors

    def parsed(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """parse(), raising ValidationError when a field cannot be read."""
        values, errors = self.parse(raw)
        if errors:
            raise ValidationError(errors)
        return values

    def overlay(self, values: Mapping[str, Any], base: Input) -> Input:
        """`base` (a record's input, a dataclass) with a dialog's `values` read into it:
        what the dialog does not show is kept. ValidationError when a field cannot be read."""
        return replace(base, **self.parsed(values))  # type: ignore[type-var]

    def problems_of(
        self, values: Mapping[str, Any], base: Input, rules: Callable[[Input], Problems]
    ) -> dict[str, str]:
        """What stands in the way of saving a dialog's `values` (nothing is written):
        the fields that cannot be read, else what `rules` find in the record."""
        try:
            data = self.overlay(values, base)
        except ValidationError as exc:
            return dict(exc.errors)
        return dict(rules(data))

    def defaults(self) -> dict[str, Any]:
        return {spec.name: spec.default for spec in self.fields if spec.default is not None}


def export_width(column: FieldSpec) -> float:
    """The column's width in an .xlsx export (0: not exported)."""
    if column.xlsx_width is not None:
        return column.xlsx_width
    return round(column.width / 7.5, 1) if column.in_table else 0


def value_of(row: Any, name: str) -> Any:
    """A list row's value: rows are mappings (the list queries) or small records."""
    return row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)


def cell(column: FieldSpec, row: Any, today: date) -> Any:
    """What a list column holds for one row: computed, or the row's own value."""
    if column.show is not None:
        return column.show(row, today)
    return value_of(row, column.name)


# -- the fields and columns several record types' specs build alike ---------------------------
ENTERPRISE_FIELD = FieldSpec("enterprise_id", "企业", "Enterprise", editor="enterprise")


def date_field(name: str, zh: str, en: str, **more: Any) -> FieldSpec:
    """A date a dialog edits with the date editor."""
    return FieldSpec(name, zh, en, Kind.DATE, editor="date", **more)


def count_field(name: str, zh: str, en: str, **more: Any) -> FieldSpec:
    return FieldSpec(name, zh, en, Kind.INT, **more)


def choice_field(
    name: str, zh: str, en: str, words: Mapping[str, Any], words_en: Mapping[str, Any], **more: Any
) -> FieldSpec:
    """A choice among `words` ({value: Chinese}), `words_en` its English."""
    return FieldSpec(
        name,
        zh,
        en,
        Kind.CHOICE,
        choices=lambda: list(words.items()),
        choices_en=lambda: list(words_en.items()),
        **more,
    )


def label_choice_field(
    name: str, zh: str, en: str, labels: Callable[[], Mapping[str, Label]], **more: Any
) -> FieldSpec:
    """A choice among `labels()` ({value: Label}), read when the dialog opens (a
    rules file's table)."""
    return FieldSpec(
        name,
        zh,
        en,
        Kind.CHOICE,
        choices=lambda: [(k, v.zh) for k, v in labels().items()],
        choices_en=lambda: [(k, v.en) for k, v in labels().items()],
        **more,
    )


def counted_column(name: str, zh: str, en: str, reads: str, width: int = 70) -> FieldSpec:
    """A list column showing a count the list query computes under the name `reads`."""
    return FieldSpec(
        name, zh, en, Kind.INT, width=width, reads=(reads,), show=lambda row, _t: row[reads]
    )
