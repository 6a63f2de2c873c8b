"""The lost-update benchmark's --help (issue 20 trial: its description stopped
mid-sentence at "through the", and --writers said nothing)."""

from __future__ import annotations

import pytest

from benchmarks import bench_lost_updates


def test_the_help_says_the_whole_purpose_and_every_option(capsys):
    with pytest.raises(SystemExit):
        bench_lost_updates.main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "through the app's services, each edit applied or reported as a conflict" in shown
    assert "writer processes (default: 10)" in shown and "edits per writer (default: 1000)" in shown
