"""`hexie --db FILE` / `hexie FILE` open the window on FILE; long CLI work shows its
progress on stderr (in place on a terminal, lines in a log) and keeps quiet with --json."""

from __future__ import annotations

import io
import json

import pytest

from app.cli import main
from app.cli.progress import TerminalProgress
from app.services.core.progress import Progress
from tests.commands import run


@pytest.fixture
def opened(monkeypatch):
    """The path the window would have been started on (the GUI itself is not started)."""
    seen: list[str | None] = []
    monkeypatch.setattr("app.gui.run_gui", lambda path=None: seen.append(path) or 0)
    return seen


def test_db_option_without_command_opens_the_window_on_that_file(opened, tmp_path):
    target = str(tmp_path / "office.sqlite3")
    assert main(["--db", target]) == 0
    assert opened == [target]


def test_a_lone_path_opens_the_window_on_it(opened, tmp_path):
    target = str(tmp_path / "office.sqlite3")
    assert main([target]) == 0
    assert opened == [target]


def test_no_arguments_opens_the_window_on_the_default(opened):
    assert main([]) == 0
    assert opened == [None]


def test_a_mistyped_command_is_still_refused(opened, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["stast"])
    assert stop.value.code == 2 and opened == []
    assert "invalid choice" in capsys.readouterr().err


def test_db_before_a_command_is_that_commands_db(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("HEXIE_DB", raising=False)
    db = str(tmp_path / "x.sqlite3")
    code, _, _ = run(capsys, "init", "--db", db, "--office", "410482")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    assert code == 0 and json.loads(out)["records"]["enterprise"] == 0


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_is_rewritten_in_place():
    stream = _Tty()
    shown = TerminalProgress(stream)
    for done in range(0, 201):
        shown(Progress(done, 200, "正在生成演示企业…"))
    shown.finish()
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    # One update per percent, not per record: 101 rewrites of the same line.
    assert text.count("\r") == 101
    assert "正在生成演示企业… 100%" in text


def test_in_a_log_a_line_per_tenth_and_per_step():
    stream = io.StringIO()
    shown = TerminalProgress(stream)
    for done in range(1000):
        shown(Progress(done, 1000, "正在导入…"))
    shown(Progress(1, 3, "正在评分…", note="已备份到 X"))
    lines = stream.getvalue().splitlines()
    assert lines[:2] == ["正在导入… 0%", "正在导入… 10%"]
    assert len([line for line in lines if line.startswith("正在导入")]) == 10
    assert lines[-2:] == ["已备份到 X", "正在评分… 33%"]
    assert "\r" not in stream.getvalue()


def test_a_note_that_is_also_the_step_is_printed_once():
    """The pre-import backup's step names where it went as its message (the window's
    label) and as its note: the command printed it twice, once with " 0%"."""
    for stream in (io.StringIO(), _Tty()):
        shown = TerminalProgress(stream)
        shown(Progress(0, 0, "已备份到 X", note="已备份到 X"))
        shown.finish()
        assert stream.getvalue() == "已备份到 X\n"


def test_quiet_keeps_only_the_notes():
    stream = _Tty()
    shown = TerminalProgress(stream, quiet=True)
    shown(Progress(5, 10, "正在导入…"))
    shown(Progress(6, 10, "正在导入…", note="已备份到 X"))
    shown.finish()
    assert stream.getvalue() == "已备份到 X\n"


def test_demo_shows_progress_and_json_commands_stay_quiet(capsys, tmp_path):
    db = str(tmp_path / "d.sqlite3")
    run(capsys, "init", "--db", db, "--office", "410482")
    code, _, err = run(capsys, "demo", "--db", db, "--enterprises", "40", "--seed", "2")
    assert code == 0
    assert "正在生成演示企业…" in err and "100%" in err
    code, out, err = run(capsys, "grade", "--db", db, "--json")
    assert code == 0 and json.loads(out)
    assert "%" not in err
