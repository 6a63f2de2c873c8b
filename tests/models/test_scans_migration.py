"""0013_scans: a database of the previous revision, with records in it, upgrades."""

from __future__ import annotations

import sqlalchemy as sa

from app.models import migrate
from app.models.db import open_database


def test_previous_revision_with_data_upgrades_and_downgrades(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0009_campaign")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO setting (key, value) VALUES ('office.name', '汝州市')"))
    engine.dispose()
    db = open_database(path, operator="t")
    with db.reader() as conn:
        tables = sa.inspect(conn).get_table_names()
        assert "scanned_page" in tables
        value = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'office.name'"))
        assert value.scalar() == "汝州市"
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()
    engine = sa.create_engine(f"sqlite:///{path}")
    from alembic import command

    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009_campaign")
    assert "scanned_page" not in sa.inspect(engine).get_table_names()
    engine.dispose()
