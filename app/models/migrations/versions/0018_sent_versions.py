"""the versions a bundle carried as rows, not one JSON text value

Revision ID: 0018_sent_versions
Revises: 0017_shared_files
Create Date: 2027-03-10 10:00:00

`sent_bundle.versions_json` held {table: {id: version}} of every record a bundle
sent: ~80 MB of text for a full bundle of a million enterprises, and storing or
reading one value of N bytes costs about 3N of memory (issue 17; README,
"Bundles through files"). `sent_version` holds one row a record instead, written
and read in chunks (app/services/sync/sent_versions.py). The versions already
stored move over inside the database (SQLite's json_each, PostgreSQL's
json_each), never through Python, so the upgrade of a large file stays light.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_sent_versions"
down_revision = "0017_shared_files"
branch_labels = None
depends_on = None

COLUMNS = "peer, sequence, table_name, record_id, version"

MOVE = {
    "sqlite": (
        f"INSERT INTO sent_version ({COLUMNS})"
        " SELECT b.peer, b.sequence, t.key, r.key, r.value"
        " FROM sent_bundle b, json_each(b.versions_json) t, json_each(t.value) r"
        " ORDER BY b.peer, b.sequence"
    ),
    "postgresql": (
        f"INSERT INTO sent_version ({COLUMNS})"
        " SELECT b.peer, b.sequence, t.key, r.key, r.value::integer"
        " FROM sent_bundle b"
        " CROSS JOIN LATERAL json_each(b.versions_json::json) t"
        " CROSS JOIN LATERAL json_each_text(t.value) r"
        " ORDER BY b.peer, b.sequence"
    ),
}

# Back to one value a bundle (tests build databases of earlier versions this way).
RESTORE = {
    "sqlite": (
        "UPDATE sent_bundle SET versions_json = coalesce((SELECT"
        " json_group_object(g.table_name, json(g.versions)) FROM (SELECT v.table_name,"
        " json_group_object(v.record_id, v.version) AS versions FROM sent_version v"
        " WHERE v.peer = sent_bundle.peer AND v.sequence = sent_bundle.sequence"
        " GROUP BY v.table_name) g), '{}')"
    ),
    "postgresql": (
        "UPDATE sent_bundle b SET versions_json = coalesce((SELECT"
        " json_object_agg(g.table_name, g.versions)::text FROM (SELECT v.table_name,"
        " json_object_agg(v.record_id, v.version) AS versions FROM sent_version v"
        " WHERE v.peer = b.peer AND v.sequence = b.sequence GROUP BY v.table_name) g), '{}')"
    ),
}


def upgrade() -> None:
    op.create_table(
        "sent_version",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("peer", sa.String(length=12), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_version")),
    )
    op.create_index(
        op.f("ix_sent_version_peer_sequence"), "sent_version", ["peer", "sequence"], unique=False
    )
    op.execute(MOVE[op.get_bind().dialect.name])
    # Batch mode: SQLite rebuilds the table without the column.
    with op.batch_alter_table("sent_bundle", schema=None) as batch_op:
        batch_op.drop_column("versions_json")


def downgrade() -> None:
    with op.batch_alter_table("sent_bundle", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("versions_json", sa.Text(), nullable=False, server_default="{}")
        )
    op.execute(RESTORE[op.get_bind().dialect.name])
    op.drop_index(op.f("ix_sent_version_peer_sequence"), table_name="sent_version")
    op.drop_table("sent_version")
