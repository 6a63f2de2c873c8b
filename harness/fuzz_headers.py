"""Spreadsheets an importer recognises: a header made of the importer's own column
names and aliases (read from its record spec, never copied here), credit codes
with the right check character or of enterprises already registered, and then
fuzzed cells in the data rows — so the cases reach the row rules instead of
stopping at "no header found".

A `Door` is what one import recognises: the enterprise register's fields
(app/services/register/enterprise_fields.py), or one department's columns
(app/services/risk/risk_sources.py, from resources/rules/risk_sources.json).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from hypothesis import strategies as st

from app.services.core.fields import FieldSpec, Kind


@dataclass(frozen=True)
class Door:
    stem: str  # the file's name; for risk data, the source it is meant for
    specs: tuple[FieldSpec, ...]
    keys: tuple[str, ...]  # columns every data row needs (name, credit code)
    numeric: frozenset[str]  # fields holding figures (risk data)
    codes: tuple[str, ...]  # credit codes and names of registered enterprises
    names: tuple[str, ...]
    needs: tuple[str, ...] = ()  # a risk source's file holds one of these at least


def registered(db: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Codes and names of the database's enterprises: rows that refer to them match."""
    from sqlalchemy import select

    from app.models import Enterprise

    with db.reader() as conn:
        rows = list(conn.execute(select(Enterprise.credit_code, Enterprise.name)))
    return tuple(r.credit_code for r in rows), tuple(r.name for r in rows)


def enterprise_door(db: Any) -> Door:
    from app.services.register.enterprise_fields import ENTERPRISE_FIELDS

    codes, names = registered(db)
    return Door("企业名录", ENTERPRISE_FIELDS, ("name", "credit_code"), frozenset(), codes, names)


def risk_doors(db: Any) -> tuple[Door, ...]:
    from app.services.risk import risk_sources

    codes, names = registered(db)
    return tuple(
        Door(
            source,
            tuple(risk_sources.specs(source)),
            ("credit_code", "name"),
            frozenset(risk_sources.numeric_fields(source)),
            codes,
            names,
            tuple(risk_sources.sources()[source].get("needs", ())),
        )
        for source in risk_sources.sources()
    )


# -- values -------------------------------------------------------------------------------------


@st.composite
def valid_codes(draw: st.DrawFn) -> str:
    """A new credit code of a division the office knows, with its GB 32100 check character."""
    from app.services.core import reference
    from app.services.register import credit_code

    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    division = draw(st.sampled_from([d.code for d in reference.divisions()]))
    first = draw(st.sampled_from("9159"))
    tail = "".join(draw(st.lists(st.sampled_from(alphabet), min_size=9, max_size=9)))
    body = f"{first}1{division}{tail}"
    return body + credit_code.check_character(body)


def _choices(spec: FieldSpec) -> st.SearchStrategy[Any]:
    pairs = list(spec.choices() if spec.choices else [])
    if not pairs:
        return st.just("")
    return st.sampled_from([v for pair in pairs for v in pair])


_MONTHS = st.builds(
    lambda y, m, how: (f"{y}年{m}月", f"{y}-{m:02d}", f"{y}{m:02d}", date(y, m, 1))[how],
    st.integers(2019, 2024),
    st.integers(1, 12),
    st.integers(0, 3),
)
_WORDS = st.sampled_from(
    ["追索劳动报酬纠纷", "劳动争议", "首次执行", "劳务合同纠纷", "买卖合同纠纷", "水费", "电费"]
)


def plausible(door: Door, spec: FieldSpec) -> st.SearchStrategy[Any]:
    """A value the field's rules would take (or nearly): the row gets past its checks."""
    if spec.name == "credit_code":
        known = st.sampled_from(door.codes) if door.codes else valid_codes()
        return st.one_of(known, valid_codes(), valid_codes().map(str.lower))
    if spec.name == "name":
        known = st.sampled_from(door.names) if door.names else st.just("汝州市某某有限公司")
        return st.one_of(
            known,
            st.lists(st.sampled_from("汝州平顶山宝丰郏县某甲乙"), min_size=2, max_size=6).map(
                lambda chars: "".join(chars) + "有限公司"
            ),
        )
    if spec.name in door.numeric or spec.kind is Kind.INT:
        return st.one_of(st.integers(0, 100_000), st.sampled_from(["1,200", "35人", "0", "12.5"]))
    if spec.name == "period":
        return _MONTHS
    if spec.kind is Kind.BOOL:
        return st.sampled_from(["是", "否", True, False, "已建"])
    if spec.kind is Kind.DATE or spec.name in ("listed_on", "removed_on"):
        return st.dates(date(1950, 1, 1), date(2024, 6, 1))
    if spec.kind is Kind.CHOICE:
        return _choices(spec)
    if spec.name == "contact_phone":
        return st.sampled_from(["13912345678", "0375-2345678", "0375-2345678 转 8"])
    return st.one_of(
        _WORDS,
        st.lists(st.sampled_from("汝州劳动报酬工资有限公司张王李"), max_size=12).map("".join),
    )


# -- the sheet ----------------------------------------------------------------------------------


@st.composite
def recognised_sheet(
    draw: st.DrawFn, door: Door, cells: st.SearchStrategy[Any], noise: st.SearchStrategy[str]
) -> tuple[list[list[Any]], int]:
    """Rows (title rows, the header, data) and the header's row number (1-based).

    The header: most of the door's fields, each under its label or one of its
    aliases, in any order, with a stray column or two; the key columns are left
    out now and then (a refusal the importer documents). Each data cell is a
    plausible value or, often enough, any fuzzed cell.
    """
    specs = list(door.specs)
    keys = [s for s in specs if s.name in door.keys]
    others = [s for s in specs if s.name not in door.keys]
    if door.needs:  # one column the source needs, so the file is taken as its
        need = draw(st.sampled_from(door.needs))
        keys += [s for s in others if s.name == need]
        others = [s for s in others if s.name != need]
    chosen = draw(
        st.lists(st.sampled_from(others), unique_by=lambda s: s.name, max_size=len(others))
    )
    if draw(st.integers(0, 7)) == 0:  # one key column missing now and then
        keys = keys[1:] if draw(st.booleans()) else keys[:1] + keys[2:]
    columns: list[FieldSpec | None] = [*keys, *chosen]
    columns += [None] * draw(st.integers(0, 2))  # columns no importer knows
    columns = draw(st.permutations(columns))
    header = [
        draw(noise) if spec is None else draw(st.sampled_from([spec.label_zh, *spec.aliases]))
        for spec in columns
    ]
    values = [cells if spec is None else plausible(door, spec) for spec in columns]
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        # Half the rows as an office fills them, half with up to three cells fuzzed.
        fuzzed = draw(st.one_of(st.just(set()), st.sets(st.integers(0, len(values)), max_size=3)))
        rows.append([draw(cells if j in fuzzed else v) for j, v in enumerate(values)])
    titles = [[f"{door.stem}（{draw(st.integers(2019, 2024))}年）"]] * draw(st.integers(0, 2))
    return [*titles, header, *rows], len(titles) + 1
