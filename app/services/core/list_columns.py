"""List columns that several record types share: the enterprise, its county,
a yes mark. A column's value is plain data in both languages (Label, Message),
so the table shows it in the window's language and an export in Chinese."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from app.services.core import reference
from app.services.core.fields import FieldSpec, Kind
from app.services.core.messages import Label
from app.services.core.record_spec import value_of

YES = Label("是", "Yes")


@cache
def _counties() -> dict[str, Label]:
    city = reference.city()
    names = {city.code: Label(city.name, city.name_en)}
    names.update({d.code: Label(d.name, d.name_en) for d in reference.divisions()})
    return names


def county_label(code: str | None) -> Label | str:
    """A division's name in both languages (the code itself when unknown)."""
    return _counties().get(code or "", code or "")


def enterprise_column(width: int = 240, **more: Any) -> FieldSpec:
    return FieldSpec("enterprise", "企业", "Enterprise", width=width, **more)


def county_column(width: int = 80, **more: Any) -> FieldSpec:
    return FieldSpec(
        "county",
        "县区",
        "County",
        width=width,
        reads=("county_code",),
        show=lambda row, _today: county_label(value_of(row, "county_code")),
        **more,
    )


def county_choice(name: str = "county_code", **more: Any) -> FieldSpec:
    """A county chosen among the city's divisions, stored as its code."""
    return FieldSpec(
        name,
        "县区",
        "County",
        Kind.CHOICE,
        choices=lambda: [(d.code, d.name) for d in reference.divisions()],
        choices_en=lambda: [(d.code, d.name_en) for d in reference.divisions()],
        **more,
    )


def yes_column(name: str, zh: str, en: str, *, width: int = 70, reads: str = "") -> FieldSpec:
    """是 when the row's value is true, blank otherwise."""
    source = reads or name

    def show(row: Any, _today: date) -> Any:
        return YES if value_of(row, source) else ""

    return FieldSpec(name, zh, en, Kind.TEXT, width=width, reads=(source,), show=show)


def labelled(choices: dict[str, str], choices_en: dict[str, str]) -> dict[str, Label]:
    """{value: Label} of a choice table kept as two dicts."""
    return {k: Label(v, choices_en.get(k, v)) for k, v in choices.items()}
