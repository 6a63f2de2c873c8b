"""Backups of a database on the office server: the app's logical export (and
pg_dump's file when pg_dump is on PATH), restored after a preview, in one
transaction checked against the export's checksums."""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile

import pytest

from app.services.register import enterprises
from tests import pg_support
from tests.commands import run
from tests.pg_support import read
from tests.records import plain_enterprise

pytestmark = pytest.mark.skipif(
    not pg_support.PG_URL, reason="needs the test server (HEXIE_TEST_PG, started by .ci/run)"
)


@pytest.fixture
def server_db(pg_template):
    from app.models.db import open_database
    from app.services.core import office

    name = pg_support.new_name("backup")
    database = open_database(pg_support.create(name, pg_template), operator="测试员")
    office.configure(database, "410482", level="county")
    yield database
    database.close()
    pg_support.drop(name)


def _live(url: str) -> list[str]:
    return [r[0] for r in read(url, "SELECT name FROM enterprise WHERE NOT deleted ORDER BY name")]


def test_backup_change_restore_on_the_server(server_db, tmp_path, capsys):
    url = server_db.address
    ids = [plain_enterprise(server_db, n) for n in range(1, 6)]
    at_backup = _live(url)
    audit_at_backup = read(url, "SELECT count(*) FROM audit_log")[0][0]
    code, out, err = run(capsys, "backup", "--db", url, "--to", str(tmp_path / "b"), "--json")
    assert code == 0, err
    made = json.loads(out)
    with zipfile.ZipFile(made["backup"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["tables"]["enterprise"]["rows"] == 5
        assert len(archive.read("tables/enterprise.jsonl").splitlines()) == 5
    assert (made["pg_dump"] is not None) == (shutil.which("pg_dump") is not None)
    # Owner-only, as a file office's backups (they were 0644: the issue-20 trial).
    if os.name == "posix":
        made_files = [made["backup"], made["pg_dump"]] if made["pg_dump"] else [made["backup"]]
        assert {stat.S_IMODE(os.stat(f).st_mode) for f in made_files} == {0o600}
        assert stat.S_IMODE(os.stat(tmp_path / "b").st_mode) == 0o700
    # Work goes on after the backup ...
    enterprises.delete(server_db, ids[:2])
    plain_enterprise(server_db, 9)
    assert _live(url) != at_backup
    # ... and the backup is put back, after its preview.
    code, out, err = run(capsys, "restore", made["backup"], "--db", url, "--yes")
    assert code == 0, err
    assert "企业：5" in out and "备份时间" in out
    assert _live(url) == at_backup
    assert read(url, "SELECT count(*) FROM audit_log")[0][0] == audit_at_backup
    # The server's next write still gets fresh keys (sequences past the restored ones).
    plain_enterprise(server_db, 10)
    assert len(_live(url)) == 6
    kept = out.split("恢复前的数据另存为 ")[1].strip()
    with zipfile.ZipFile(kept) as archive:
        assert json.loads(archive.read("manifest.json"))["tables"]["enterprise"]["rows"] == 6


def test_a_damaged_or_foreign_export_is_refused(server_db, tmp_path, capsys):
    url = server_db.address
    plain_enterprise(server_db, 1)
    before = _live(url)
    bad = tmp_path / "x.hexie-export.zip"
    bad.write_bytes(b"not a zip")
    code, _, err = run(capsys, "restore", str(bad), "--db", url, "--yes")
    assert code == 2 and "不是和谐台账的服务器备份" in err
    code, out, _ = run(capsys, "backup", "--db", url, "--to", str(tmp_path), "--json")
    good = json.loads(out)["backup"]
    tampered = tmp_path / "t.hexie-export.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/enterprise.jsonl":
                data = data.replace("汝州市".encode(), "某某市".encode())
            dst.writestr(item, data)
    code, _, err = run(capsys, "restore", str(tampered), "--db", url, "--yes")
    assert code == 2 and "核对不一致（enterprise）" in err
    assert _live(url) == before


def test_check_explains_it_is_for_files(server_db, capsys):
    code, _, err = run(capsys, "check", "--db", server_db.address)
    assert code == 1 and "SQLite 文件" in err


def test_an_import_on_the_server_tries_no_file_backup(server_db, tmp_path, caplog):
    """Found in the issue-20 trial: every import on a server began with 'backup before
    import failed: 备份失败：unable to open database file' on stderr (SQLite's backup
    of a file the server office does not have). The server's backups are hexie backup
    --db URL, scheduled (README: 服务器上的备份); the import is one transaction."""
    from app.services.core import backups
    from app.services.core.storage import open_office_database

    folder = tmp_path / "备份"
    with open_office_database(server_db.address, backup_folder=folder) as db:
        with caplog.at_level("WARNING"):
            assert list(backups.before_import_work(db)) == []
    assert "backup before import failed" not in caplog.text
    assert not folder.exists() or not any(folder.iterdir())
