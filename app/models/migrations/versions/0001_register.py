"""The enterprise register, per-database settings and the change counter.

Revision ID: 0001_register
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_register"
down_revision = None
branch_labels = None
depends_on = None


def sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("origin_office", sa.String(12), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("change_seq", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "enterprise",
        *sync_columns(),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("county_code", sa.String(12), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("industry", sa.String(40), nullable=False),
        sa.Column("legal_representative", sa.String(60), nullable=False),
        sa.Column("contact_person", sa.String(60), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("employee_count", sa.Integer, nullable=True),
        sa.Column("has_union", sa.Boolean, nullable=False),
        sa.Column("registration_date", sa.Date, nullable=True),
        sa.Column("is_platform", sa.Boolean, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("name_pinyin", sa.String(800), nullable=False),
        sa.Column("name_initials", sa.String(200), nullable=False),
    )
    op.create_index("ix_enterprise_change_seq", "enterprise", ["change_seq"])
    op.create_index(
        "uq_enterprise_live_credit_code",
        "enterprise",
        ["credit_code"],
        unique=True,
        sqlite_where=sa.text("deleted = 0"),
        postgresql_where=sa.text("deleted = false"),
    )
    op.create_index("ix_enterprise_sort", "enterprise", ["deleted", "name_pinyin"])
    op.create_index("ix_enterprise_county", "enterprise", ["county_code"])
    op.create_index("ix_enterprise_industry", "enterprise", ["industry"])
    op.create_index("ix_enterprise_employees", "enterprise", ["employee_count"])
    op.create_index("ix_enterprise_registered", "enterprise", ["registration_date"])


def downgrade() -> None:
    op.drop_table("enterprise")
    op.drop_table("sync_counter")
    op.drop_table("setting")
