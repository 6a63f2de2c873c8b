"""`hexie migrate-db`: a demo office's file moved to an empty server database,
counted and checksummed on both sides by the test itself; a non-empty target
refused; a difference found after the copy rolls the whole copy back."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from tests import pg_support
from tests.commands import run
from tests.pg_support import read

pytestmark = pytest.mark.skipif(
    not pg_support.PG_URL, reason="needs the test server (HEXIE_TEST_PG, started by .ci/run)"
)


@pytest.fixture
def demo_office(tmp_path, capsys):
    path = str(tmp_path / "office.sqlite3")
    assert run(capsys, "init", "--db", path, "--office", "410482")[0] == 0
    assert run(capsys, "demo", "--db", path, "--enterprises", "60", "--seed", "3")[0] == 0
    return path


@pytest.fixture
def empty_server():
    made: list[str] = []

    def make() -> str:
        name = pg_support.new_name("move")
        made.append(name)
        return pg_support.create(name)

    yield make
    for name in made:
        pg_support.drop(name)


def _by_hand(path: str) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'enterprise_fts%' AND name != 'alembic_version'"
                # SQLite's own search tables (0014, 0016, 0019): a server searches with pg_trgm
                " AND name NOT IN ('enterprise_gram', 'search_position')"
                " AND name NOT LIKE 'name_order%'"
            )
        ]
        return {n: con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}  # noqa: S608
    finally:
        con.close()


def test_a_demo_office_moves_to_the_server_verified(demo_office, empty_server, capsys):
    url = empty_server()
    code, out, err = run(capsys, "migrate-db", "--from", demo_office, "--to", url, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] is True
    expected = _by_hand(demo_office)
    assert expected["enterprise"] == 60 and expected["risk_fact"] > 0
    on_server = {
        name: read(url, f"SELECT count(*) FROM {name}")[0][0]  # noqa: S608
        for name in expected
        if name != "stored_file"  # the folder's files, checked below
    }
    assert on_server == {n: c for n, c in expected.items() if n != "stored_file"}
    assert {t["table"]: t["target_rows"] for t in report["tables"]} == expected
    assert all(t["source_checksum"] == t["target_checksum"] for t in report["tables"])
    # The same records read through the app on the server, and its next write works
    # (the serial keys moved past the copied ones).
    code, out, _ = run(capsys, "stats", "--db", url, "--json")
    assert code == 0 and json.loads(out)["records"]["enterprise"] == 60
    before = read(url, "SELECT max(id) FROM audit_log")[0][0]
    assert run(capsys, "demo", "--db", url, "--enterprises", "2", "--seed", "9")[0] == 0
    assert read(url, "SELECT min(id) FROM audit_log WHERE id > :b", b=before)[0][0] == before + 1
    # The printed table says the same.
    code, out, _ = run(capsys, "migrate-db", "--from", demo_office, "--to", empty_server())
    assert code == 0 and "enterprise" in out and "逐表核对一致" in out
    assert " 60 " in next(line for line in out.splitlines() if line.startswith("enterprise "))


def _folder_files(path: str) -> dict[str, bytes]:
    """SHA-256 → bytes of every evidence file the office's records name, read by
    hand from the folder beside the file."""
    con = sqlite3.connect(path)
    try:
        names = con.execute(
            "SELECT stored_name, sha256 FROM attachment WHERE NOT deleted"
            " UNION SELECT stored_name, sha256 FROM scanned_page"
        ).fetchall()
    finally:
        con.close()
    folder = Path(path).with_name(Path(path).stem + "-附件")
    return {sha: (folder / name).read_bytes() for name, sha in names}


def test_the_folders_evidence_moves_into_the_server(demo_office, empty_server, capsys):
    files = _folder_files(demo_office)
    assert files and all(hashlib.sha256(b).hexdigest() == s for s, b in files.items())
    url = empty_server()
    code, out, err = run(capsys, "migrate-db", "--from", demo_office, "--to", url, "--json")
    assert code == 0, err
    moved = json.loads(out)["files"]
    assert moved["found"] == moved["stored"] == len(files) and moved["not_moved"] == []
    assert moved["bytes"] == sum(len(b) for b in files.values())
    on_server = {
        sha: bytes(content) for sha, content in read(url, "SELECT sha256, content FROM stored_file")
    }
    assert on_server == files
    # Every PC opens them from the server now: the office's evidence reads as intact.
    from app.models.db import open_database
    from app.services.ledger import attachments

    server = open_database(url, operator="测试员")
    try:
        [(item,)] = read(url, "SELECT item_id FROM attachment WHERE NOT deleted LIMIT 1")
        [row] = attachments.list_for(server, str(item))
        assert row.state == "ok" and row.path.read_bytes() == on_server[row.sha256]
    finally:
        server.close()


def test_a_file_missing_from_the_folder_is_reported_not_moved(demo_office, empty_server, capsys):
    files = _folder_files(demo_office)
    folder = Path(demo_office).with_name("office-附件")
    con = sqlite3.connect(demo_office)
    [(sha,)] = con.execute("SELECT sha256 FROM attachment WHERE NOT deleted LIMIT 1").fetchall()
    # Every copy of that content (one per record that names it) changed on this PC.
    for (name,) in con.execute(
        "SELECT stored_name FROM attachment WHERE sha256 = ?"
        " UNION SELECT stored_name FROM scanned_page WHERE sha256 = ?",
        (sha, sha),
    ):
        (folder / name).write_bytes(b"changed on this PC")
    con.close()
    url = empty_server()
    code, out, err = run(capsys, "migrate-db", "--from", demo_office, "--to", url)
    assert code == 0, err
    assert "未能搬走" in out and f"{len(files) - 1} 个文件" in out
    assert read(url, "SELECT count(*) FROM stored_file")[0][0] == len(files) - 1
    assert read(url, "SELECT count(*) FROM stored_file WHERE sha256 = :s", s=sha)[0][0] == 0


def test_a_non_empty_target_is_refused(demo_office, empty_server, capsys, tmp_path):
    url = empty_server()
    assert run(capsys, "init", "--db", url, "--office", "410482")[0] == 0
    before = read(url, "SELECT count(*) FROM setting")[0][0]
    code, _, err = run(capsys, "migrate-db", "--from", demo_office, "--to", url)
    assert code == 1 and "不是空的" in err and "createdb" in err
    assert read(url, "SELECT count(*) FROM enterprise")[0][0] == 0
    assert read(url, "SELECT count(*) FROM setting")[0][0] == before


def test_a_password_in_the_url_is_refused(demo_office, capsys):
    code, _, err = run(
        capsys, "migrate-db", "--from", demo_office, "--to", "postgresql://u:secret@h/db"
    )
    assert code == 1 and "不能写密码" in err


def test_a_difference_after_the_copy_undoes_it(demo_office, empty_server, capsys, monkeypatch):
    from app.models import table_copy

    real = table_copy.table_sum
    calls = {"n": 0}

    def one_wrong(conn, table):
        found = real(conn, table)
        calls["n"] += 1
        if table.name == "enterprise" and conn.dialect.name == "postgresql":
            return table_copy.TableSum(found.table, found.rows, "0" * 64)
        return found

    monkeypatch.setattr(table_copy, "table_sum", one_wrong)
    url = empty_server()
    code, _, err = run(capsys, "migrate-db", "--from", demo_office, "--to", url)
    assert code == 1 and "enterprise" in err and "撤销" in err
    assert calls["n"] > 0
    assert read(url, "SELECT count(*) FROM enterprise")[0][0] == 0
    assert read(url, "SELECT count(*) FROM audit_log")[0][0] == 0
