"""The demo's set-based writes make exactly the rows the row-at-a-time path makes
(app/services/demo/demo_write.py): the same enterprises, audit entries and change
sequence numbers, the same name-search indexes, and the piece trigger back in place."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from app.models.base import utcnow
from app.models.db import next_change_seq
from app.services.core.progress import drain
from app.services.demo import demo
from app.services.register import pinyin_keys
from app.services.register.enterprise_import import insert_chunks

TODAY = date(2024, 9, 20)


def _chunks() -> Any:
    return demo.enterprise_chunks(1200, 4, ["410482", "410421"], TODAY, 500)


def _trigger_path(db: Any) -> Any:
    """What insert_chunks writes through plain executemany, the triggers keeping
    the name indexes: the path every import takes."""
    with db.session() as session:
        seq = next_change_seq(session, 1200)
        drain(insert_chunks(session, _chunks(), seq, utcnow(), "导入自 演示数据", 1200))


def _state(db: Any) -> dict[str, Any]:
    """Everything the two paths must agree on, with the random record ids replaced by
    their credit codes (each path draws its own)."""
    enterprise = (
        "SELECT credit_code, name, change_seq, name_pinyin, name_initials, deleted, version,"
        " origin_office, author FROM enterprise ORDER BY change_seq"
    )
    audit_sql = (
        "SELECT record_type, record_id, action, changes, summary FROM audit_log"
        " WHERE record_type = 'enterprise'"
    )
    with db.reader() as conn:

        def rows_of(sql: str) -> list[Any]:
            return list(conn.execute(text(sql)).all())

        rows = rows_of(enterprise)
        code_of = dict(rows_of("SELECT id, credit_code FROM enterprise"))
        audit = rows_of(audit_sql)
        by_rowid = dict(rows_of("SELECT rowid, credit_code FROM enterprise"))
        grams = rows_of("SELECT gram, enterprise_rowid FROM enterprise_gram")
        triggers = rows_of(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        )
        counter = rows_of("SELECT value FROM sync_counter")
        conn.execute(text("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('integrity-check')"))
        found = rows_of(
            "SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH '\"机械制造\"'"
        )
    return {
        "rows": rows,
        "audit": sorted((t, code_of[r], a, c, s) for t, r, a, c, s in audit),
        "grams": sorted((g, by_rowid[r]) for g, r in grams),
        "triggers": triggers,
        "counter": counter,
        "fts_hits": found,
    }


@pytest.mark.sqlite_file
def test_the_chunk_writer_makes_what_the_trigger_path_makes(fresh_database):
    from app.services.core import office

    made = []
    for writer in ("demo", "plain"):
        db = fresh_database(writer, operator="测试员")
        office.configure(db, "410482", level="county")
        if writer == "demo":
            with db.session():
                drain(demo.add_generated(db, _chunks(), 1200, "演示数据"))
        else:
            _trigger_path(db)
        made.append(_state(db))
        db.close()
    demo_state, plain_state = made
    assert demo_state["rows"] and len(demo_state["grams"]) > 1200 * 10
    assert demo_state["fts_hits"][0][0] > 0
    assert demo_state == plain_state


@pytest.mark.sqlite_file
def test_a_cancelled_demo_leaves_the_piece_trigger_and_no_rows(db):
    with db.reader() as conn:
        before = conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        ).all()
    work = demo.generate(db, enterprises=3000, seed=2, today=TODAY)
    for progress in work:
        if progress.done >= 1000:
            work.close()  # Cancel, between two chunks
            break
    with db.reader() as conn:
        after = conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        ).all()
        left = conn.execute(text("SELECT count(*) FROM enterprise")).scalar()
        grams = conn.execute(text("SELECT count(*) FROM enterprise_gram")).scalar()
    assert sorted(after) == sorted(before) and left == 0 and grams == 0
    # Nothing of the cancelled run (its TEMP stage table) stands in the next one's way.
    made = drain(demo.generate(db, enterprises=30, seed=2, today=TODAY))
    assert made["enterprise"] == 30


def test_a_million_names_do_not_fill_the_pinyin_cache(monkeypatch):
    """Three-character cores (the demo's size past ~75,000 enterprises a county) are
    nearly all distinct: the piece cache is trimmed between chunks, not left to hold
    a reading of every one (~70 MB at a million)."""
    monkeypatch.setattr(demo, "PINYIN_PIECES", 500)
    pinyin_keys.bound_cache(0)
    chunks = demo.enterprise_chunks(80_000, 7, ["410482"], TODAY, 1000)
    for _ in range(5):
        for row in next(chunks):
            pinyin_keys.name_keys(row["name"])
    assert pinyin_keys._piece.cache_info().currsize < 2500


def test_a_demo_added_to_an_office_with_records_leaves_their_items_alone(db):
    """Found in the issue-20 trial: a second demo moved every rectification item in the
    database (the office's own records too; it stopped at 整改中 → 整改中), and the
    same seed again ended in a traceback on the credit codes."""
    from app.models import RectificationItem
    from app.services.ledger import ledger
    from tests import records

    mine = records.manual(db, records.enterprise(db), deadline=date(2023, 9, 28))
    ledger.change_status(db, mine, "in_progress", on_date=date(2023, 9, 5), note="已着手")
    drain(demo.generate(db, enterprises=30, seed=2, today=TODAY))
    drain(demo.generate(db, enterprises=30, seed=5, today=TODAY))  # another demo on top
    with db.session() as session:
        item = session.get(RectificationItem, mine)
        assert (item.status, item.version) == ("in_progress", 2)
        enterprises_before = session.execute(text("SELECT count(*) FROM enterprise")).scalar()
    with pytest.raises(ValueError, match="--seed"):
        drain(demo.generate(db, enterprises=30, seed=2, today=TODAY))
    with db.session() as session:  # one transaction: nothing of the refused demo
        assert session.execute(text("SELECT count(*) FROM enterprise")).scalar() == (
            enterprises_before
        )
