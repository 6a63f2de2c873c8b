"""Bring resources/i18n/hexie_en.ts up to date with the strings in the code.

Finds every literal passed to self.tr(...), X.tr(...) and
QApplication/QCoreApplication.translate(ctx, ...) in app/, and every service
message marked N_("…") (context "services", see app/services/core/messages.py); keeps the English
translations already in the file, and marks new strings "unfinished" so
tests/views/test_i18n.py fails until someone translates them (with Qt Linguist
or by editing the file).

    python tools/i18n_sync.py
"""

from __future__ import annotations

import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "hexie_en.ts"


def extract(root: Path = ROOT / "app") -> dict[str, set[str]]:
    """{context: {source strings}} found in the code."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for cls_name, node in _calls(tree):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    context = cls_name or "main"
                    if isinstance(func.value, ast.Name) and func.value.id != "self":
                        context = func.value.id
                    found.setdefault(context, set()).add(arg.value)
            if isinstance(func, ast.Name) and func.id == "N_" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault("services", set()).add(arg.value)
            if isinstance(func, ast.Attribute) and func.attr == "translate" and len(node.args) >= 2:
                ctx, src = node.args[0], node.args[1]
                if (
                    isinstance(ctx, ast.Constant)
                    and isinstance(src, ast.Constant)
                    and isinstance(src.value, str)
                ):
                    found.setdefault(str(ctx.value), set()).add(src.value)
    return found


def _calls(tree: ast.AST):
    def walk(node: ast.AST, cls: str | None):
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                yield cls, child
            yield from walk(child, name)

    yield from walk(tree, None)


def _text(node: ET.Element | None) -> str:
    """A translation's text: its numerus form for a %n message (whose own text is
    only the indentation around that form); blank counts as none."""
    if node is None:
        return ""
    form = node.find("numerusform")
    text = (form.text if form is not None else node.text) or ""
    return text if text.strip() else ""


def read_existing(path: Path = TS) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        node = message.find("translation")
        text = _text(node)
        if text and node.get("type") != "unfinished":  # type: ignore[union-attr]
            out[message.findtext("source") or ""] = text
    return out


PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def placeholder_mismatches(path: Path = TS) -> list[str]:
    """Service messages whose English lacks or adds a {placeholder} of the Chinese."""
    bad = []
    for (context, source), text in read_table(path).items():
        if context == "services" and set(PLACEHOLDER.findall(source)) != set(
            PLACEHOLDER.findall(text)
        ):
            bad.append(source)
    return bad


def read_table(path: Path = TS) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            text = _text(node)
            if text and node.get("type") != "unfinished":  # type: ignore[union-attr]
                out[(name, message.findtext("source") or "")] = text
    return out


def write(found: dict[str, set[str]], translations: dict[str, str], path: Path = TS) -> int:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    missing = 0
    for context in sorted(found):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in sorted(found[context]):
            message = ET.SubElement(ctx, "message")
            if "%n" in source:
                message.set("numerus", "yes")
            ET.SubElement(message, "source").text = source
            node = ET.SubElement(message, "translation")
            text = translations.get(source)
            if text:
                if "%n" in source:
                    ET.SubElement(node, "numerusform").text = text
                else:
                    node.text = text
            else:
                node.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8"
    )
    return missing


if __name__ == "__main__":
    missing = write(extract(), read_existing())
    print(f"{TS}: {missing} strings without an English translation")
    mismatched = placeholder_mismatches()
    for source in mismatched:
        print(f"placeholders differ: {source}")
    sys.exit(1 if missing or mismatched else 0)
