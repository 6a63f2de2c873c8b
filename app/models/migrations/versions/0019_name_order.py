"""the register's names in its own order: a trigram index whose rowids follow the
register's sort, for a common fragment's first page

Revision ID: 0019_name_order
Revises: 0018_sent_versions
Create Date: 2027-04-01 10:00:00

SQLite-specific, like 0014_search and 0016_scale. The index is a snapshot rebuilt
after bulk writes (app/models/name_order.py); a large register upgraded here is
numbered at once, so its first search after the upgrade is already fast. On
PostgreSQL this revision does nothing.
"""

from alembic import op
from sqlalchemy import text

revision = "0019_name_order"
down_revision = "0018_sent_versions"
branch_labels = None
depends_on = None

# The SQL as it stands at this revision (app/models/name_order.py keeps it from here).
DDL = (
    "CREATE TABLE name_order (rank INTEGER PRIMARY KEY, enterprise_rowid INTEGER NOT NULL)",
    "CREATE INDEX ix_name_order_enterprise ON name_order (enterprise_rowid)",
    "CREATE VIRTUAL TABLE name_order_fts USING fts5("
    "name, name_initials, content='', tokenize='trigram')",
    "CREATE TABLE name_order_state (id INTEGER PRIMARY KEY CHECK (id = 1), built_seq INTEGER)",
    "INSERT INTO name_order_state (id, built_seq) VALUES (1, NULL)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # a server searches with pg_trgm (app/models/name_index.py)
    for statement in DDL:
        op.execute(statement)
    from app.models import name_order

    name_order.refresh(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("name_order", "name_order_fts", "name_order_state"):
        op.execute(text(f"DROP TABLE IF EXISTS {name}"))
