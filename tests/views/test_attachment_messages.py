"""A file that cannot be attached is refused in the window's language: the English
window said 不支持“.exe”类型的文件 / 找不到文件 in Chinese (the messages were plain
f-strings, not N_ messages; README 语言: service messages all have English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from app.services.core.progress import drain
from app.services.demo import demo
from tests import gui

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_window(qtbot, qapp, db, messages) -> Iterator:
    drain(demo.generate(db, enterprises=30, seed=2, today=date.today()))
    with gui.english_window(qtbot, qapp, db) as window:
        yield window


def test_refused_evidence_files_are_explained_in_english(qtbot, english_window, tmp_path):
    tab = english_window.ledger_tab
    tab.table.selectRow(0)
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    dialog.add_files([str(program), str(tmp_path / "gone.pdf")])
    text = dialog.error.text()
    assert "setup.exe" in text and "Add scans, photos, PDF, Word or Excel files" in text
    assert "File not found" in text and "USB stick" in text
    assert not CJK.search(text), text


def test_a_refused_photo_for_guidance_is_explained_in_english(
    qtbot, english_window, messages, tmp_path
):
    dialog = english_window.guidance_tab.activities.new_record()
    qtbot.waitUntil(dialog.isVisible)
    program = tmp_path / "tool.exe"
    program.write_bytes(b"MZ")
    dialog.files_box.add_path(program)
    (kind, _title, text) = messages[-1]
    assert kind == "warning" and "tool.exe" in text and not CJK.search(text), text
    assert dialog.files_box.pending == []
