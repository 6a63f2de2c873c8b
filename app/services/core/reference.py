"""Reference lists shipped as data: administrative divisions and industry sections."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from app.paths import resource_path


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Industry:
    code: str
    name: str
    name_en: str
    keywords: tuple[str, ...]


@cache
def city() -> Division:
    data = json.loads(resource_path("divisions", "pingdingshan.json").read_text("utf-8"))
    c = data["city"]
    return Division(c["code"], c["name"], c["name_en"])


@cache
def divisions() -> tuple[Division, ...]:
    """The city's county-level divisions (docs/law.md, "Identifiers and divisions"), the default list."""
    data = json.loads(resource_path("divisions", "pingdingshan.json").read_text("utf-8"))
    return tuple(
        Division(d["code"], d["name"], d["name_en"], tuple(d.get("aliases", ())))
        for d in data["divisions"]
    )


def division_name(code: str, *, english: bool = False) -> str:
    if code == city().code:
        return city().name_en if english else city().name
    for d in divisions():
        if d.code == code:
            return d.name_en if english else d.name
    return code


@cache
def match_division(text: str) -> str | None:
    """Division code for a name or code as written in a spreadsheet (汝州, 汝州市, 410482)."""
    text = text.strip()
    if not text:
        return None
    for d in divisions():
        if text == d.code:
            return d.code
    for d in divisions():
        short = d.name[:-1] if len(d.name) > 2 else d.name
        if text in (d.name, short, *d.aliases) or text.endswith(d.name):
            return d.code
    return None


@cache
def industries() -> tuple[Industry, ...]:
    data = json.loads(resource_path("industries.json").read_text("utf-8"))
    return tuple(
        Industry(s["code"], s["name"], s["name_en"], tuple(s["keywords"])) for s in data["sections"]
    )


@cache
def match_industry(text: str) -> str | None:
    """GB/T 4754 section name for free text ("建筑业", "E", "房屋建筑") or None."""
    text = text.strip()
    if not text:
        return None
    for ind in industries():
        if text in (ind.name, ind.code, ind.name.replace("、", "")):
            return ind.name
    for ind in industries():
        if ind.name.startswith(text) or text.startswith(ind.name.rstrip("业")):
            return ind.name
    for ind in industries():
        if any(k in text for k in ind.keywords):
            return ind.name
    return None
