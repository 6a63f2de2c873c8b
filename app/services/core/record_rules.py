"""Entry rules as a table: which fields must be filled, which dates must have come,
which dates must come in order, and which counts cannot be negative. A record
type's rules module declares its table and writes only what is special to it
(docs/architecture.md, "Where each kind of rule lives")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.services.core.messages import Label, Message
from app.services.core.validation import (
    Problems,
    add,
    as_date,
    in_order,
    not_future,
    not_negative,
    text,
)

Order = tuple[str, Label, str, Label]  # (earlier field, its label, later field, its label)


@dataclass(frozen=True)
class RuleTable:
    """`required`: (field, message when empty: no date for a date field, no text
    otherwise); `past`: dates that have happened, so not after today; `order`: pairs
    of dates, the first not after the second; `counts`: numbers not below zero."""

    required: tuple[tuple[str, Message], ...] = ()
    past: tuple[tuple[str, Label], ...] = ()
    order: tuple[Order, ...] = ()
    counts: tuple[tuple[str, Label], ...] = ()
    dates: frozenset[str] = frozenset()  # the required fields that are dates

    def check(self, values: Mapping[str, Any], *, today: date) -> Problems:
        errors: Problems = {}
        self.check_into(errors, values, today=today)
        return errors

    def check_into(self, errors: Problems, values: Mapping[str, Any], *, today: date) -> None:
        for name, message in self.required:
            empty = (
                as_date(values.get(name)) is None if name in self.dates else not text(values, name)
            )
            if empty:
                add(errors, name, message)
        for name, label in self.past:
            not_future(errors, values, name, label, today)
        for first, first_label, second, second_label in self.order:
            in_order(errors, values, first, first_label, second, second_label)
        for name, label in self.counts:
            not_negative(errors, values, name, label)


def given_or_stored(values: Mapping[str, Any], name: str, empty: str) -> Any:
    """A list or table a dialog gives as itself (`name`) and a stored record keeps as
    JSON (`name_json`); `empty` (JSON) when neither holds a readable one."""
    value = values.get(name)
    if value is not None:
        return value
    try:
        return json.loads(values.get(f"{name}_json") or empty)
    except ValueError:
        return json.loads(empty)
