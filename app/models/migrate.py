"""Alembic, driven from code: the app migrates its own file at open.

Opening a database that is already current must be quick (the window opens on
it), so the revision is read with one SQL query and compared with REVISIONS;
Alembic itself is imported only when there is something to upgrade. A test
holds REVISIONS to the migration scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Every revision in order, oldest first; the last is the head.
REVISIONS = (
    "0001_register",
    "0002_audit_log",
    "0003_health_checks",
    "0004_ledger",
    "0005_offers_layoffs",
    "0006_risk",
    "0007_sync",
    "0008_sent_bundle",
    "0009_campaign",
    "0010_ownership",
    "0011_truth",
    "0012_print",
    "0013_scans",
    "0014_search",
    "0016_scale",
    "0017_shared_files",
    "0018_sent_versions",
    "0019_name_order",
)


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision_on(conn)


def current_revision_on(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def script_revisions() -> list[str]:
    """Revisions as the migration scripts declare them, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def downgrade(engine: Engine, revision: str) -> None:
    """Back to an earlier revision (tests make databases of earlier versions this way)."""
    from alembic import command

    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def upgrade(engine: Engine, revision: str = "head", *, advisory_lock: int | None = None) -> None:
    """`advisory_lock` (a server): held for the transaction, so a second PC opening
    the same new version waits, then finds the schema current and does nothing."""
    from alembic import command

    config = _config()
    with engine.begin() as conn:
        if advisory_lock is not None:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_lock})
            if current_revision_on(conn) == revision:
                return
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
