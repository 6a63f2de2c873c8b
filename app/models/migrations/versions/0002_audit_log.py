"""The audit log of every change.

Revision ID: 0002_audit_log
Revises: 0001_register
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_audit_log"
down_revision = "0001_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("record_type", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("summary", sa.String(300), nullable=False),
    )
    op.create_index("ix_audit_record", "audit_log", ["record_type", "record_id", "at"])


def downgrade() -> None:
    op.drop_table("audit_log")
