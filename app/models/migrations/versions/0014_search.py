"""search and paging indexes: the live credit-code lookup, the register's keyset
order, and a trigram index of enterprise names and pinyin initials

Revision ID: 0014_search
Revises: 0013_scans
Create Date: 2027-01-10 10:00:00

The trigram table is an FTS5 external-content index over `enterprise` (by
rowid), kept in step by the triggers below, so every write path — the dialog,
the spreadsheet import, the sync bundle's merge, the demo — updates it. A later
migration that rebuilds `enterprise` in batch mode must recreate these triggers
and run `INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')`
(app/models/name_index.py).

On PostgreSQL the same search is a pg_trgm GIN index on both columns, which
answers `ILIKE '%fragment%'` from the index; a server where the extension cannot
be created (it ships in postgresql-contrib) gets no index and the search is a
plain ILIKE scan — slower on a very large register, never wrong.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_search"
down_revision = "0013_scans"
branch_labels = None
depends_on = None

FTS_SQL = (
    "CREATE VIRTUAL TABLE enterprise_fts USING fts5("
    "name, name_initials, content='enterprise', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER enterprise_fts_insert AFTER INSERT ON enterprise BEGIN"
    " INSERT INTO enterprise_fts(rowid, name, name_initials)"
    " VALUES (new.rowid, new.name, new.name_initials); END",
    "CREATE TRIGGER enterprise_fts_delete AFTER DELETE ON enterprise BEGIN"
    " INSERT INTO enterprise_fts(enterprise_fts, rowid, name, name_initials)"
    " VALUES ('delete', old.rowid, old.name, old.name_initials); END",
    "CREATE TRIGGER enterprise_fts_update AFTER UPDATE OF name, name_initials ON enterprise BEGIN"
    " INSERT INTO enterprise_fts(enterprise_fts, rowid, name, name_initials)"
    " VALUES ('delete', old.rowid, old.name, old.name_initials);"
    " INSERT INTO enterprise_fts(rowid, name, name_initials)"
    " VALUES (new.rowid, new.name, new.name_initials); END",
    "INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        # A credit code is looked up without its office (printing, import, sync):
        # the owner index leads with origin_office and cannot answer that.
        batch_op.create_index(
            "ix_enterprise_live_credit_code",
            ["credit_code"],
            unique=False,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
        # The id in the sort index: a keyset page and a far jump walk the index alone.
        batch_op.drop_index("ix_enterprise_sort")
        batch_op.create_index("ix_enterprise_sort", ["deleted", "name_pinyin", "id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SQL:
            op.execute(statement)
    elif _trigram_extension():
        op.execute(
            "CREATE INDEX ix_enterprise_name_trgm ON enterprise"
            " USING gin (name gin_trgm_ops, name_initials gin_trgm_ops)"
        )


def _trigram_extension() -> bool:
    """pg_trgm on this server, created if this user may; False (no index) if not.
    A savepoint, so a refusal leaves the migration's transaction usable."""
    bind = op.get_bind()
    with bind.begin_nested() as savepoint:
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:
            savepoint.rollback()
            return False
    return True


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS enterprise_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS enterprise_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_enterprise_name_trgm")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index("ix_enterprise_sort")
        batch_op.create_index("ix_enterprise_sort", ["deleted", "name_pinyin"], unique=False)
        batch_op.drop_index("ix_enterprise_live_credit_code")
