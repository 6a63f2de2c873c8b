"""The crash harness in its CI size (harness/crash.py), and its checks on their own."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from harness import crash
from harness.common import State, files_under, leftovers, orphans, soundness_problems, state_of
from harness.scenarios import default_cache

FULL = os.environ.get("HEXIE_HARNESS") == "full"  # README.md, Crash and fuzz harnesses


def test_kills_leave_every_database_sound_and_all_or_nothing(tmp_path: Path) -> None:
    """SIGKILLs over an import, demo, bundle export and merge, restore and migration
    (one each in CI; HEXIE_HARNESS=full: 30 over the 50k-row import): no corrupt or
    partial file, no stray temporary file, every file opens."""
    kills = crash.FULL_KILLS if FULL else crash.CI_KILLS
    small = (
        {} if FULL else {"import_rows": crash.CI_IMPORT_ROWS, "enterprises": crash.CI_ENTERPRISES}
    )
    tallies = crash.run(kills, 18, tmp_path, default_cache(), **small)
    report = crash.table(tallies)
    assert sum(t.kills for t in tallies) == kills, report
    for t in tallies:
        assert t.corrupt == 0 and t.partial == 0 and t.leftover == 0, report
        assert t.orphan_files == 0, report  # issue 18: never a file no record points to
        assert t.intact == t.kills == t.all_or_nothing == t.before + t.after, report


def _table(path: Path, rows: int) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS enterprise (id INTEGER PRIMARY KEY)")
    con.executemany("INSERT INTO enterprise VALUES (?)", [(None,)] * rows)
    con.commit()
    con.close()
    return path


def test_a_state_between_before_and_after_is_told_apart(tmp_path: Path) -> None:
    before = state_of(_table(tmp_path / "a.sqlite3", 2))
    after = state_of(_table(tmp_path / "a.sqlite3", 3))
    between = State(before.revision, (("enterprise", 4),))
    assert before != after and between not in (before, after)
    assert between.differs_from(before) == ["enterprise 4 ≠ 2"]


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = _table(tmp_path / "b.sqlite3", 500)
    assert soundness_problems(path) == []
    data = bytearray(path.read_bytes())
    data[4096 + 200 : 4096 + 400] = b"\xff" * 200  # a page of the table overwritten
    path.write_bytes(bytes(data))
    assert soundness_problems(path)


def test_stray_files_are_found_and_documented_ones_are_not(tmp_path: Path) -> None:
    present = files_under(tmp_path)
    for name in (
        "county.sqlite3-wal",
        "county.sqlite3.lock",
        "county-20240601-080000-import.sqlite3",
        "county-20240601-080000-import.sqlite3.part",
        "county-20240601-080000-restore.sqlite3.part-journal",
        "county.sqlite3.restoring",
        "county.sqlite3.bak",
    ):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "county-附件" / "abc").mkdir(parents=True)
    (tmp_path / "county-附件" / "abc" / "1-说明.txt").write_bytes(b"x")
    (tmp_path / "county-附件" / "待提交" / "f00" / "abc").mkdir(parents=True)
    (tmp_path / "county-附件" / "待提交" / "f00" / "abc" / "2-说明.txt").write_bytes(b"x")
    # A bundle's work files cut off in 收到 are swept once stale (pending_files); a
    # .part elsewhere in the folder is not one of them.
    (tmp_path / "county-附件" / "收到").mkdir()
    for name in ("同步包-0a1b.zip.part", "同步包-0a1b.versions.part"):
        (tmp_path / "county-附件" / "收到" / name).write_bytes(b"x")
    (tmp_path / "county-附件" / "abc" / "3-说明.txt.part").write_bytes(b"x")
    # A backup cut off mid-copy (.part), or a restore (.restoring), is documented:
    # the crash trial checks that the sweep removes it once stale (harness/crash.py);
    # anything else is debris.
    assert [p.name for p in leftovers(present, tmp_path)] == [
        "3-说明.txt.part",
        "county.sqlite3.bak",
    ]
    assert [p.name for p in orphans(present, tmp_path)] == ["1-说明.txt"]
