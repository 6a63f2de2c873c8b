"""0018_sent_versions on a database of 0017_shared_files whose sent bundles hold
their versions as JSON text: the upgrade moves every version into rows of
`sent_version` (inside the database) and drops the column; downgrading gives
the same JSON back; a receipt then confirms them as before and deletes the rows it
confirmed."""

from __future__ import annotations

import json

import sqlalchemy as sa

from app.models import migrate
from app.models.db import open_database
from app.services.sync import bundle_receipts as receipts
from tests.pg_support import read

VERSIONS = {
    1: {"enterprise": {"a" * 32: 1, "b" * 32: 3}, "rectification_item": {"c" * 32: 2}},
    2: {"enterprise": {"a" * 32: 4}},
    3: {},
}


def _sent_bundles(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        for sequence, versions in VERSIONS.items():
            conn.execute(
                sa.text(
                    "INSERT INTO sent_bundle (peer, sequence, upto_seq, versions_json, confirmed)"
                    " VALUES ('410400', :s, :s, :v, 0)"
                ),
                {"s": sequence, "v": json.dumps(versions)},
            )


def test_versions_move_into_rows_and_back(db):
    where = db.address
    db.close()
    engine = sa.create_engine(db.location.sqlalchemy_url())
    migrate.downgrade(engine, "0017_shared_files")
    assert "sent_version" not in sa.inspect(engine).get_table_names()
    _sent_bundles(engine)
    engine.dispose()

    again = open_database(where, operator="t")
    try:
        assert migrate.current_revision(again.engine) == migrate.head_revision()
        columns = {c["name"] for c in sa.inspect(again.engine).get_columns("sent_bundle")}
        assert columns == {"peer", "sequence", "upto_seq", "confirmed"}
        moved = read(
            where,
            "SELECT peer, sequence, table_name, record_id, version FROM sent_version"
            " ORDER BY sequence, table_name, record_id",
        )
        assert moved == [
            ("410400", s, t, r, v)
            for s, tables in VERSIONS.items()
            for t, ids in sorted(tables.items())
            for r, v in sorted(ids.items())
        ]
    finally:
        again.close()

    engine = sa.create_engine(again.location.sqlalchemy_url())
    try:
        migrate.downgrade(engine, "0017_shared_files")
        back = read(where, "SELECT sequence, versions_json FROM sent_bundle ORDER BY sequence")
        assert [(s, json.loads(str(v))) for s, v in back] == list(VERSIONS.items())
    finally:
        engine.dispose()

    # Upgraded again, a receipt for bundles 1 and 2 reads their rows (the highest version
    # of each record) and then deletes them: what is confirmed is kept in record_sync_base.
    again = open_database(where, operator="t")
    try:
        with again.session() as session:
            receipts.apply_receipt(session, {"sender": "410400", "acknowledged_seq": 2})
        assert read(
            where,
            "SELECT record_id, base_version FROM record_sync_base ORDER BY record_id",
        ) == [("a" * 32, 4), ("b" * 32, 3), ("c" * 32, 2)]
        assert read(where, "SELECT count(*) FROM sent_version") == [(0,)]
    finally:
        again.close()
