"""0017_shared_files on a database of 0016_scale that already holds evidence: the
upgrade adds `stored_file` and keeps every record; afterwards new evidence goes
where the engine keeps it (the folder for a file, the table for a server)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from app.models import migrate
from app.models.db import open_database
from app.services.core import record_files
from app.services.ledger import attachments
from tests.pg_support import read
from tests.records import enterprise, manual


def test_a_0016_database_with_evidence_upgrades(db, tmp_path: Path):
    where = db.address
    item = manual(db, enterprise(db))
    first = tmp_path / "第一份.pdf"
    first.write_bytes(b"%PDF-1.4 first")
    attachments.add(db, item, first)
    db.close()
    engine = sa.create_engine(db.location.sqlalchemy_url())
    migrate.downgrade(engine, "0016_scale")
    assert "stored_file" not in sa.inspect(engine).get_table_names()
    assert migrate.current_revision(engine) == "0016_scale"
    engine.dispose()

    if db.is_server:
        # Before 0017 a server office kept evidence in the folder of the PC it was
        # added on (this test's data folder): put it where that code did.
        [(stored,)] = read(where, "SELECT stored_name FROM attachment")
        earlier = record_files.folder(db) / str(stored)
        earlier.parent.mkdir(parents=True, exist_ok=True)
        earlier.write_bytes(first.read_bytes())

    again = open_database(where, operator="t")
    try:
        assert migrate.current_revision(again.engine) == migrate.head_revision()
        assert "stored_file" in sa.inspect(again.engine).get_table_names()
        [row] = attachments.list_for(again, item)
        assert row.file_name == "第一份.pdf" and row.state == "ok"
        assert row.path.read_bytes() == first.read_bytes()
        second = tmp_path / "第二份.pdf"
        second.write_bytes(b"%PDF-1.4 second")
        attachments.add(again, item, second)
        assert [r.state for r in attachments.list_for(again, item)] == ["ok", "ok"]
        kept = {bytes(r[0]) for r in read(where, "SELECT content FROM stored_file")}
        if again.is_server:  # the PC that had the earlier file gave it to the server
            assert kept == {first.read_bytes(), second.read_bytes()}
        else:
            assert kept == set()  # a file office keeps its folder
    finally:
        again.close()
