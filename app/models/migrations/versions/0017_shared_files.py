"""evidence files' contents in the database, for an office server

Revision ID: 0017_shared_files
Revises: 0016_scale
Create Date: 2027-03-01 10:00:00

`stored_file` holds the bytes of evidence files keyed by their SHA-256
(app/models/stored_file.py). A server office writes every new evidence file
there; a SQLite office keeps its folder beside the file and leaves the table
empty, until `hexie migrate-db` moves the folder's files into the server's table.

`audit_log.session_id` names the opened database (window) that wrote each entry,
so two PCs whose coordinators typed the same operator name still see each other's
saves announced. Batch mode: SQLite adds the column in place.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_shared_files"
down_revision = "0016_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Which opened database wrote an audit entry: the window's colleague notice
    # (app/views/common/colleague_changes.py) keys on it, not on the operator name.
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_id", sa.String(length=32), nullable=False, server_default="")
        )
    op.create_table(
        "stored_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_file")),
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("session_id")
    op.drop_table("stored_file")
