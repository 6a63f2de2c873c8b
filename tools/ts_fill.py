"""Fill English translations into resources/i18n/hexie_en.ts from a Python file
defining EN = {source: translation}; prints the sources still missing.

    python tools/ts_fill.py translations.py
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "hexie_en.ts"


def main(source: str) -> int:
    table: dict[str, str] = runpy.run_path(source)["EN"]
    tree = ET.parse(TS)
    missing = set()
    for message in tree.getroot().iter("message"):
        if message.get("numerus") == "yes":
            continue
        node = message.find("translation")
        if node is None or (node.get("type") != "unfinished" and (node.text or "").strip()):
            continue
        text = message.findtext("source") or ""
        if text in table:
            node.text = table[text]
            node.attrib.pop("type", None)
        else:
            missing.add(text)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for text in sorted(missing):
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
