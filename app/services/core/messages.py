"""Service messages in Chinese and English.

A service states a problem once, in Chinese, through the marker N_:

    N_("体检日期 {day} 晚于今天，请核对。", day=check_date)

N_ does not translate anything (gettext's "no-op" marker). It returns a
Message: a str whose text is the Chinese with the values filled in, so every
caller that treats messages as text (the CLI, logs, ValidationError) keeps
working, and which remembers its template and values. tools/i18n_sync.py finds
every N_("…") in app/ and lists the template in resources/i18n/hexie_en.ts
under the context "services"; a translator writes the English there with the
same {placeholders}. A view shows a Message by translating the template first
and filling in the values after (app/views/common/messages.py), so a date or a count
is never part of the text to translate. Outside Qt, Message.english() reads
the same file.

Values: numbers and dates as they are; Label("出席", "Attended") for a word that
has both languages; a list or tuple is joined with "、" in Chinese and ", " in
English; a Message inside a Message is rendered in the same language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

CONTEXT = "services"


@dataclass(frozen=True)
class Label:
    """A word or phrase given in both languages (field names, choice labels)."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh


Translate = Callable[[str], str]


def _value(value: Any, english: bool, translate: Translate | None) -> Any:
    if isinstance(value, Message):
        return value.render(translate, english=english)
    if isinstance(value, Label):
        return value.en if english else value.zh
    if isinstance(value, list | tuple):
        return (", " if english else "、").join(str(_value(v, english, translate)) for v in value)
    return value


def _fill(template: str, params: Mapping[str, Any], english: bool, translate: Any) -> str:
    values = {k: _value(v, english, translate) for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the problem itself.
        return template + " " + "; ".join(f"{k}={v}" for k, v in values.items())


class Message(str):
    """A service message: Chinese text that can also be rendered in English."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        obj = super().__new__(cls, _fill(template, params, False, None))
        obj.template = template
        obj.params = params
        return obj

    def render(self, translate: Translate | None = None, *, english: bool = False) -> str:
        """The message with `translate` applied to its template (and to those of
        the messages inside it), values filled in after translating."""
        template = translate(self.template) if translate else self.template
        return _fill(template, self.params, english, translate)

    def filled(self, **params: Any) -> Message:
        """The same template with (more) values: for a table of N_("…") rows whose
        values are known only when one row is used."""
        return Message(self.template, **{**self.params, **params})

    def english(self) -> str:
        from app.translations import english

        return self.render(lambda source: english(CONTEXT, source), english=True)

    def __reduce__(self) -> Any:  # picklable, for worker threads
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def N_(template: str, **params: Any) -> Message:  # noqa: N802 - gettext's name for the marker
    """Mark a Chinese message for translation; the values fill its {placeholders}."""
    return Message(template, **params)


def english(text: str) -> str:
    """English for a message; plain text (not yet marked) is returned as it is."""
    return text.english() if isinstance(text, Message) else text
