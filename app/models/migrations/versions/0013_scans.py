"""scanned pages of filled-in field forms

Revision ID: 0013_scans
Revises: 0012_print
Create Date: 2026-12-01 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_scans"
down_revision = "0012_print"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scanned_page",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("form_id", sa.String(length=16), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.String(length=32), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("source_page", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=400), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["check_id"], ["health_check.id"], name=op.f("fk_scanned_page_check_id_health_check")
        ),
        sa.ForeignKeyConstraint(
            ["form_id"], ["printed_form.id"], name=op.f("fk_scanned_page_form_id_printed_form")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scanned_page")),
    )
    with op.batch_alter_table("scanned_page", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scanned_page_check_id"), ["check_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scanned_page_form_id"), ["form_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scanned_page", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scanned_page_form_id"))
        batch_op.drop_index(batch_op.f("ix_scanned_page_check_id"))
    op.drop_table("scanned_page")
