"""Evidence on an office server (issue 20): the contents in `stored_file`, keyed by
SHA-256 and written with the record that names them, so every coordinator's PC
opens the same evidence; bundles carry it between a server office and a file
office both ways; a server backup and its restore include it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.models import StoredFile
from app.models.db import open_database
from app.services.core import record_files, server_backup
from app.services.ledger import attachments, ledger
from app.services.register import enterprises
from app.services.sync import bundle
from tests.builders import code
from tests.pg_support import read
from tests.records import enterprise, manual
from tests.sync_support import trust_each_other

# A file office keeps evidence in its folder (tests/services/core/test_pending_files.py);
# these are about a server office, on the test server alone.
pytestmark = pytest.mark.server_only


@pytest.fixture
def server(fresh_database):
    """A county office on the test server (the server run only: a file office has
    its folder, tests/services/core/test_pending_files.py)."""
    from app.services.core import office

    database = fresh_database("shared", operator="张三")
    office.configure(database, "410482", level="county")
    yield database
    database.close()


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "整改报告.pdf"
    path.write_bytes(b"%PDF-1.4 rectification report " + bytes(range(256)))
    return path


def _rows(url: str) -> list[tuple[object, ...]]:
    return read(url, "SELECT sha256, size, content FROM stored_file ORDER BY sha256")


def test_evidence_added_on_one_pc_opens_on_another(server, scan, tmp_path, monkeypatch):
    item = manual(server, enterprise(server))
    attachments.add(server, item, scan)
    [(sha, size, content)] = _rows(server.address)
    assert sha == record_files.sha256_of(scan) and size == scan.stat().st_size
    assert bytes(content) == scan.read_bytes()
    # Nothing of it was written on this PC: the server holds it.
    here = record_files.folder(server)
    assert not here.exists() or not [p for p in here.rglob("*") if p.is_file()]
    # A colleague's PC: its own data folder, the same server database.
    monkeypatch.setenv("HEXIE_DATA_DIR", str(tmp_path / "李四的电脑"))
    colleague = open_database(server.address, operator="李四")
    try:
        [row] = attachments.list_for(colleague, item)
        assert row.state == "ok" and row.file_name == "整改报告.pdf"
        assert row.path.is_relative_to(tmp_path / "李四的电脑")
        assert row.path.read_bytes() == scan.read_bytes()
    finally:
        colleague.close()


def test_a_rolled_back_unit_leaves_no_content_and_content_is_kept_once(server, scan):
    first, second = manual(server, enterprise(server)), manual(server, enterprise(server, serial=2))
    with pytest.raises(RuntimeError), server.session():
        attachments.add(server, first, scan)
        assert len(_rows(server.address)) == 0  # not committed: no other PC sees it yet
        raise RuntimeError("the user's Cancel, the server gone …")
    assert _rows(server.address) == [] and attachments.list_for(server, first) == []
    with server.session():  # the same scan for two items, in one unit of work
        attachments.add(server, first, scan)
        attachments.add(server, second, scan)
    attachments.add(server, second, scan)
    assert len(_rows(server.address)) == 1
    assert read(server.address, "SELECT count(*) FROM attachment")[0][0] == 3
    assert [r.state for r in attachments.list_for(server, second)] == ["ok", "ok"]


def test_a_server_backup_and_its_restore_carry_the_evidence(server, scan, tmp_path):
    item = manual(server, enterprise(server))
    attachments.add(server, item, scan)
    made = server_backup.make_backup(server, tmp_path / "备份")
    with server.session() as session:  # the content is lost on the server
        session.execute(StoredFile.__table__.delete())
    assert attachments.list_for(server, item)[0].state == "missing"
    server_backup.restore(server, made.export, tmp_path / "恢复前")
    [(sha, _size, content)] = _rows(server.address)
    assert bytes(content) == scan.read_bytes() and sha == record_files.sha256_of(scan)
    [row] = attachments.list_for(server, item)
    assert row.state == "ok" and row.path.read_bytes() == scan.read_bytes()


@pytest.mark.parametrize(
    ("county_engine", "city_engine"), [("postgresql", "sqlite"), ("sqlite", "postgresql")]
)
def test_evidence_travels_between_a_server_office_and_a_file_office(
    sync_office, scan, tmp_path, county_engine, city_engine
):
    county, county_keys = sync_office("410482", engine=county_engine)
    city, city_keys = sync_office("410400", engine=city_engine)
    (tmp_path / "pub").mkdir()
    trust_each_other(tmp_path / "pub", county, city)
    firm = enterprises.create(
        county, {"name": "汝州市甲机械有限公司", "credit_code": code(1), "county_code": "410482"}
    )
    item = ledger.add_manual(
        county, ledger.ManualItem(firm, "未签合同", date(2023, 9, 1), date(2023, 9, 30))
    )
    attachments.add(county, item, scan)
    out = tmp_path / "to-city"
    bundle.export(county, "410400", out, county_keys, with_attachments=True)
    bundle.import_paths(city, [out], city_keys)
    [row] = attachments.list_for(city, item)
    assert row.state == "ok" and row.path.read_bytes() == scan.read_bytes()
    server = county if county.is_server else city
    assert [bytes(r[2]) for r in _rows(server.address)] == [scan.read_bytes()]
    # The city sends everything back (a full bundle): the county's evidence, from
    # whichever engine the city is on, arrives intact and is not stored twice.
    back = tmp_path / "to-county"
    bundle.export(city, "410482", back, city_keys, with_attachments=True, full=True)
    bundle.import_paths(county, [back], county_keys)
    [row] = attachments.list_for(county, item)
    assert row.state == "ok" and row.path.read_bytes() == scan.read_bytes()
    assert len(_rows(server.address)) == 1


def test_the_server_copy_of_an_altered_row_is_not_trusted(server, scan):
    item = manual(server, enterprise(server))
    attachments.add(server, item, scan)
    with server.session() as session:
        session.execute(StoredFile.__table__.update().values(content=b"changed on the server"))
    assert attachments.list_for(server, item)[0].state == "altered"
    assert (
        record_files.state_of(server, {"sha256": record_files.sha256_of(scan)}, verify=False)
        == "ok"
    )  # present; only the check of its bytes finds the change
