"""One description per record type (docs/architecture.md, "One description per record type").

A FieldSpec says everything the table model, the edit dialog, the xlsx writer
and the importer need to know about one field. They all read the same list, so a
new field is one line. Plain dataclasses, no framework.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from app.services.core.messages import N_, Label, Message


class Kind(StrEnum):
    TEXT = "text"
    LONGTEXT = "longtext"
    INT = "int"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_zh: str
    label_en: str
    kind: Kind = Kind.TEXT
    required: bool = False
    max_length: int | None = None
    # (value, Chinese label) pairs; a callable so lists can come from data files.
    choices: Callable[[], Sequence[tuple[str, str]]] | None = None
    # The same values with English labels, for the English interface.
    choices_en: Callable[[], Sequence[tuple[str, str]]] | None = None
    # Extra rule: returns the problem in Chinese, or None.
    validator: Callable[[Any], str | None] | None = None
    # Turns spreadsheet text into the stored value (e.g. 汝州 → 410482); None = not recognised.
    matcher: Callable[[str], str | None] | None = None
    width: int = 100
    aliases: tuple[str, ...] = ()
    in_table: bool = True
    sortable: bool = True
    minimum: int | None = None
    placeholder: str | Label = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # The value a new record starts with (a choice with a default offers no blank).
    default: Any = None
    # How a dialog edits it, where the kind does not say: "date" a date that may be
    # unknown, "day" a date always given, "count" a spin box, "enterprise" the
    # enterprise picker, "check" a tick box with its label beside it, "custom" the
    # record type's own widget (app/views/common/record_form.py).
    editor: str = ""
    # A list column computed from the list query's row and today's date (None: the
    # row's own value under `name`); `reads` names what it needs from the row.
    show: Callable[[Any, date], Any] | None = None
    reads: tuple[str, ...] = ()
    # Width in an .xlsx export, in characters; 0 leaves the column out of the export,
    # None derives it from the table width.
    xlsx_width: float | None = None

    def all_labels(self) -> tuple[str, ...]:
        return (self.label_zh, self.label_en, *self.aliases)


class FieldError(ValueError):
    """A value that does not fit its field; str() is the message for the user."""

    @property
    def message(self) -> Message | str:
        """The message as given (a Message keeps its English)."""
        return self.args[0] if self.args else ""


def label_of(spec: FieldSpec) -> Label:
    return Label(spec.label_zh, spec.label_en or spec.label_zh)


def field_message(spec: FieldSpec, exc: FieldError) -> Message:
    """ "成立日期：“abc”不是日期" — a parsing problem under its field's name."""
    return N_("{label}：{problem}", label=label_of(spec), problem=exc.message)


class ValidationError(ValueError):
    """Per-field problems of a whole record ({field: message}); nothing was saved."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


_KEEP_FULL_WIDTH = "（）：；，。、！？"
_FULL_WIDTH = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in _KEEP_FULL_WIDTH
}
_NEEDS_FOLD = re.compile("[\uff01-\uff5e\ufeff]")
TRUE_WORDS = {"是", "有", "已建", "已建立", "y", "yes", "true", "1", "√", "✓", "已成立"}
FALSE_WORDS = {"否", "无", "没有", "未建", "未建立", "n", "no", "false", "0", "×", "未成立", ""}


def clean_text(raw: object) -> str:
    """Spreadsheet text as a person meant it: full-width folded, stray spaces gone."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = raw if isinstance(raw, str) else str(raw)
    if not text.isascii() and _NEEDS_FOLD.search(text):
        # Fold full-width digits, letters and spaces (１２００ → 1200), but keep the
        # full-width parentheses and punctuation that Chinese names are written with.
        text = text.translate(_FULL_WIDTH).replace("\ufeff", "")
    # str.split() splits on every Unicode space (ASCII, \u3000, \xa0) in C.
    return " ".join(text.split())


def parse_int(raw: object) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise FieldError(N_("应为整数"))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise FieldError(N_("“{value}”不是整数", value=raw))
    text = clean_text(raw).replace(",", "").replace(" ", "").removesuffix("人")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise FieldError(N_("“{value}”不是数字", value=raw)) from None
    if not value.is_integer():
        raise FieldError(N_("“{value}”不是整数", value=raw))
    return int(value)


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(raw: object) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 20 < raw < 80000 and float(raw).is_integer():  # an Excel serial date
            return _EXCEL_EPOCH + timedelta(days=int(raw))
        if 19000101 <= raw <= 29991231:
            raw = str(int(raw))
        else:
            raise FieldError(N_("“{value}”不是日期", value=raw))
    text = clean_text(raw).replace(" ", "")
    text = text.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text
    text = re.sub(r"\s*0?0:00(:00)?$", "", text)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise FieldError(N_("“{value}”不是有效日期", value=raw)) from None
    raise FieldError(
        N_("“{value}”不是日期（可写作 2019-05-06、2019年5月6日 或 20190506）", value=raw)
    )


def parse_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = clean_text(raw).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise FieldError(N_("“{value}”应为 是 或 否", value=raw))


_CHOICE_TABLES: dict[int, tuple[set[str], dict[str, str]]] = {}


def _choice_tables(spec: FieldSpec) -> tuple[set[str], dict[str, str]]:
    """(stored values, label → value) of a choice field, built once per spec."""
    tables = _CHOICE_TABLES.get(id(spec))
    if tables is None:
        pairs = list(spec.choices()) if spec.choices else []
        tables = ({v for v, _ in pairs}, {label: v for v, label in pairs})
        _CHOICE_TABLES[id(spec)] = tables
    return tables


def parse_value(spec: FieldSpec, raw: object) -> Any:
    """Spreadsheet or dialog input → stored value. Raises FieldError with the reason."""
    if spec.kind is Kind.INT:
        value: Any = parse_int(raw)
        if value is not None and spec.minimum is not None and value < spec.minimum:
            raise FieldError(N_("不能小于 {minimum}", minimum=spec.minimum))
        return value
    if spec.kind is Kind.DATE:
        return parse_date(raw)
    if spec.kind is Kind.BOOL:
        return parse_bool(raw)
    text = clean_text(raw) if spec.kind is not Kind.LONGTEXT else str(raw or "").strip()
    if spec.kind is Kind.CHOICE and text:
        values, labels = _choice_tables(spec)
        if text not in values:
            matched = labels.get(text) or (spec.matcher(text) if spec.matcher else None)
            if matched is None:
                raise FieldError(N_("“{value}”不在可选范围内", value=text))
            text = matched
    return text


def required_message(spec: FieldSpec) -> Message:
    return N_("{label}为必填项", label=label_of(spec))


def length_message(spec: FieldSpec, length: int) -> Message:
    return N_(
        "{label}最多 {most} 个字，现为 {length} 个字",
        label=label_of(spec),
        most=spec.max_length,
        length=length,
    )


def problems(specs: Sequence[FieldSpec], values: dict[str, Any]) -> dict[str, str]:
    """Per-field problems of a whole record (required, length, validator)."""
    found: dict[str, str] = {}
    for spec in specs:
        value = values.get(spec.name)
        empty = value is None or value == ""
        if spec.required and empty:
            found[spec.name] = required_message(spec)
            continue
        if empty:
            continue
        if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
            found[spec.name] = length_message(spec, len(value))
            continue
        if spec.validator:
            message = spec.validator(value)
            if message:
                found[spec.name] = message
    return found


def display(spec: FieldSpec, value: Any) -> str:
    """Stored value → the text a table cell or a printed form shows."""
    if value is None or value == "":
        return ""
    if spec.kind is Kind.BOOL:
        return "是" if value else "否"
    if spec.kind is Kind.DATE and isinstance(value, date):
        return value.isoformat()
    if spec.kind is Kind.CHOICE and spec.choices:
        for v, label in spec.choices():
            if v == value:
                return label
    return str(value)


def _parser_for(spec: FieldSpec) -> Callable[[object], Any]:
    """A function that parses one cell for `spec`, specialised once per import."""
    if spec.kind is Kind.TEXT:
        return clean_text
    if spec.kind is Kind.BOOL:
        return parse_bool
    if spec.kind is Kind.DATE:
        return parse_date
    return lambda raw: parse_value(spec, raw)


RowParser = Callable[[list[Any]], tuple[dict[str, Any], dict[str, str]]]


def row_parser(specs: Sequence[FieldSpec], mapping: dict[int, str]) -> RowParser:
    """A fast parser of spreadsheet rows: cells → (values, {field: problem}).

    It does what parse_value + problems() do for each cell, with the dispatch
    on field kinds done once instead of for each of 100,000 rows.
    """
    by_name = {spec.name: spec for spec in specs}
    columns = [(j, name, by_name[name], _parser_for(by_name[name])) for j, name in mapping.items()]
    checks = [(spec, spec.name, spec.required, spec.max_length, spec.validator) for spec in specs]

    def parse(cells: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        width = len(cells)
        for j, name, spec, parser in columns:
            try:
                values[name] = parser(cells[j] if j < width else None)
            except FieldError as exc:
                errors[name] = field_message(spec, exc)
        return values, errors

    def check(values: dict[str, Any], errors: dict[str, str]) -> dict[str, str]:
        for spec, name, required, max_length, validator in checks:
            if name in errors:
                continue
            value = values.get(name)
            if value is None or value == "":
                if required:
                    errors[name] = required_message(spec)
                continue
            if max_length and isinstance(value, str) and len(value) > max_length:
                errors[name] = length_message(spec, len(value))
            elif validator and (message := validator(value)):
                errors[name] = message
        return errors

    parse.check = check  # type: ignore[attr-defined]
    return parse
