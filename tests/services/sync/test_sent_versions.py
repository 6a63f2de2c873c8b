"""The versions a bundle carried are rows of `sent_version`, one a record (written
in chunks after the bundle), and the receipt that confirms bundles turns the
highest of them into the versions last exchanged, never lowering one
(app/services/sync/sent_versions.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.models import RecordSyncBase, SentBundle, SentVersion
from app.services.core import record_files
from app.services.register import enterprises
from app.services.sync import bundle, keys, sent_versions
from tests.builders import code


def rows(db, model, *order):
    with db.reader() as conn:
        return [tuple(r) for r in conn.execute(select(*model).order_by(*order))]


def test_each_record_sent_is_a_row_and_the_receipt_confirms_the_highest(
    pair, tmp_path, monkeypatch
):
    county, city, cpriv, ypriv = pair
    monkeypatch.setattr(sent_versions, "CHUNK", 2)  # several chunks of rows
    a = enterprises.create(
        county, {"name": "甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    b = enterprises.create(
        county, {"name": "乙公司", "credit_code": code(2), "county_code": "410482"}
    )
    c = enterprises.create(
        county, {"name": "丙公司", "credit_code": code(3), "county_code": "410482"}
    )
    first = bundle.export(county, "410400", tmp_path / "b1", cpriv)
    enterprises.update(county, a, {"employee_count": "12"})
    second = bundle.export(county, "410400", tmp_path / "b2", cpriv)  # no receipt yet: all again
    assert (first.counts, second.counts) == ({"enterprise": 3}, {"enterprise": 3})
    sent = (SentVersion.sequence, SentVersion.table_name, SentVersion.record_id)
    assert rows(county, (*sent, SentVersion.version), *sent) == sorted(
        [(1, "enterprise", r, 1) for r in (a, b, c)]
        + [(2, "enterprise", a, 2), (2, "enterprise", b, 1), (2, "enterprise", c, 1)]
    )
    assert {r[0] for r in rows(county, (SentVersion.peer,))} == {"410400"}
    # The noted versions' work file is gone with the zip's.
    received = record_files.folder(county) / record_files.RECEIVED_FOLDER
    assert not received.exists() or not list(received.iterdir())

    bundle.import_paths(city, [tmp_path / "b1", tmp_path / "b2"], ypriv, receipt_dir=tmp_path / "r")
    with county.session() as session:  # a higher base than bundle 2 carried stays
        session.add(
            RecordSyncBase(table_name="enterprise", record_id=c, peer="410400", base_version=5)
        )
    bundle.import_paths(county, [tmp_path / "r"], cpriv)
    base = (RecordSyncBase.record_id, RecordSyncBase.base_version)
    assert rows(county, base, RecordSyncBase.record_id) == sorted([(a, 2), (b, 1), (c, 5)])
    assert rows(county, (SentBundle.sequence, SentBundle.confirmed), SentBundle.sequence) == [
        (1, 1),
        (2, 1),
    ]


def test_the_noted_versions_are_stored_table_by_table_in_chunks(db, tmp_path, monkeypatch):
    monkeypatch.setattr(sent_versions, "CHUNK", 2)
    log = tmp_path / "versions.part"
    with sent_versions.VersionLog(log) as noted:
        noted.table("enterprise")
        for n, record_id in enumerate(["a" * 32, "b_1-x", "c" * 32]):
            noted.add(record_id, n + 1)
        noted.table("rectification_item")
        noted.add("d" * 32, 7)
    with db.session() as session:
        sent_versions.store(session.connection(), "410400", 3, log)
    got = (SentVersion.peer, SentVersion.sequence, SentVersion.table_name, SentVersion.record_id)
    assert rows(db, (*got, SentVersion.version), SentVersion.id) == [
        ("410400", 3, "enterprise", "a" * 32, 1),
        ("410400", 3, "enterprise", "b_1-x", 2),
        ("410400", 3, "enterprise", "c" * 32, 3),
        ("410400", 3, "rectification_item", "d" * 32, 7),
    ]


def three_bundles_and_two_receipts(pair, tmp_path):
    """Bundles 1 and 2 to the city (an edit between them), imported there one at a
    time: receipt r1 confirms bundle 1, receipt r2 both. Returns (a, b, c)."""
    county, city, cpriv, ypriv = pair
    ids = [
        enterprises.create(
            county, {"name": f"{n}公司", "credit_code": code(i), "county_code": "410482"}
        )
        for i, n in enumerate("甲乙丙", start=1)
    ]
    bundle.export(county, "410400", tmp_path / "b1", cpriv)
    enterprises.update(county, ids[0], {"employee_count": "12"})
    bundle.export(county, "410400", tmp_path / "b2", cpriv)
    bundle.import_paths(city, [tmp_path / "b1"], ypriv, receipt_dir=tmp_path / "r1")
    bundle.import_paths(city, [tmp_path / "b2"], ypriv, receipt_dir=tmp_path / "r2")
    return ids


def sent_sequences(db):
    return sorted({r[0] for r in rows(db, (SentVersion.sequence,))})


def test_a_receipt_removes_the_rows_of_the_bundles_it_confirms(pair, tmp_path):
    """Confirmed versions live on as RecordSyncBase; the rows that carried them go in
    the receipt's transaction, those of bundles not yet confirmed stay, and the next
    bundle holds what it held before."""
    county, _city, cpriv, _ = pair
    a, b, c = three_bundles_and_two_receipts(pair, tmp_path)
    assert sent_sequences(county) == [1, 2]
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)  # confirms bundle 1 only
    assert sent_sequences(county) == [2]
    base = (RecordSyncBase.record_id, RecordSyncBase.base_version)
    assert rows(county, base, RecordSyncBase.record_id) == sorted([(a, 1), (b, 1), (c, 1)])
    bundle.import_paths(county, [tmp_path / "r2"], cpriv)
    assert sent_sequences(county) == []
    assert rows(county, base, RecordSyncBase.record_id) == sorted([(a, 2), (b, 1), (c, 1)])
    again = bundle.import_paths(county, [tmp_path / "r2"], cpriv)  # the same receipt twice
    assert again["bundles"][0]["already_imported"] is True
    enterprises.update(county, b, {"employee_count": "30"})
    third = bundle.export(county, "410400", tmp_path / "b3", cpriv)
    assert third.counts == {"enterprise": 1}  # only b: the confirmed versions are not sent again
    assert sent_sequences(county) == [3]
    assert rows(county, (SentBundle.sequence, SentBundle.confirmed), SentBundle.sequence) == [
        (1, 1),
        (2, 1),
        (3, 0),
    ]


def test_an_older_receipt_after_a_newer_one_changes_nothing(pair, tmp_path):
    county, _city, cpriv, _ = pair
    a, b, c = three_bundles_and_two_receipts(pair, tmp_path)
    bundle.import_paths(county, [tmp_path / "r2"], cpriv)
    acked = keys.peer(county, "410400").acked_seq
    enterprises.update(county, c, {"employee_count": "5"})
    bundle.export(county, "410400", tmp_path / "b3", cpriv)  # not confirmed by either receipt
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)  # older, never imported before
    assert keys.peer(county, "410400").acked_seq == acked
    assert sent_sequences(county) == [3]
    base = (RecordSyncBase.record_id, RecordSyncBase.base_version)
    assert rows(county, base, RecordSyncBase.record_id) == sorted([(a, 2), (b, 1), (c, 1)])


def test_rows_left_by_an_earlier_version_go_with_the_next_receipt(pair, tmp_path):
    """A database from before the removal still holds the rows of bundles confirmed
    then: the next receipt from that peer removes them too."""
    county, _city, cpriv, _ = pair
    a, _b, _c = three_bundles_and_two_receipts(pair, tmp_path)
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)
    with county.session() as session:  # what an earlier version left behind
        session.add(
            SentVersion(peer="410400", sequence=1, table_name="enterprise", record_id=a, version=1)
        )
    assert sent_sequences(county) == [1, 2]
    bundle.import_paths(county, [tmp_path / "r2"], cpriv)
    assert sent_sequences(county) == []
