"""Reading the English translation file without Qt.

The .ts file (resources/i18n/hexie_en.ts) is the one place English lives. The
window reads it through a QTranslator (app/i18n.py); the services and the
command line read the same table here, so a service message has one English
text wherever it is shown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from app.paths import resource_path

SERVICES_CONTEXT = "services"


def english_ts() -> Path:
    return resource_path("i18n", "hexie_en.ts")


@cache
def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} from a Qt Linguist .ts file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None:
                continue
            numerus = [n.text or "" for n in node.iter("numerusform")]
            text = numerus[-1] if numerus else (node.text or "")
            # A blank translation (an empty numerus form) is no translation: kept, it
            # blanked the register's 新办企业 check box in the English window.
            if text.strip() and node.get("type") not in ("unfinished", "obsolete", "vanished"):
                table[(name, source)] = text
    return table


def english(context: str, source: str) -> str:
    """The English of `source`, or the source itself when it has none."""
    return load_ts(english_ts()).get((context, source), source)
