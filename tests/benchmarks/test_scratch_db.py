"""The benchmarks' scratch databases (benchmarks/common.py): built under a
temporary name and moved into place whole — with the evidence folder the build
wrote beside it, which a demo-built register has."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.common import scratch_db


def test_the_database_and_its_evidence_folder_move_into_place(tmp_path: Path) -> None:
    target = tmp_path / "register-10.sqlite3"
    with scratch_db(target) as tmp:
        tmp.write_bytes(b"db")
        folder = tmp.with_name(f"{tmp.stem}-附件") / "abc"
        folder.mkdir(parents=True)
        (folder / "1-照片.jpg").write_bytes(b"jpg")
    assert target.read_bytes() == b"db"
    assert (tmp_path / "register-10-附件" / "abc" / "1-照片.jpg").read_bytes() == b"jpg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register-10-附件", "register-10.sqlite3"]


def test_a_failed_build_leaves_nothing_in_place(tmp_path: Path) -> None:
    target = tmp_path / "register-10.sqlite3"
    with pytest.raises(RuntimeError), scratch_db(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("killed")
    assert not target.exists() and not (tmp_path / "register-10-附件").exists()
