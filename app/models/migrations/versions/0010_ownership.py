"""every synced record has an owning office; owner-scoped reference data;
revoked peer keys; one open conflict per record and office

Revision ID: 0010_ownership
Revises: 0009_campaign
Create Date: 2026-12-01 12:00:00

- Records written before the office was named carry an empty origin office:
  they are this office's own, so they get its code (a record's owner is its
  origin office, README "同步包").
- Checklist editions and enterprises are unique per owner, so ten counties'
  default "edition 1" (and two counties' record of the same firm) meet at the
  city without colliding.
- Peer keys replaced with `keys trust --replace` are kept, with their date.
- The versions last exchanged (one row per record and peer) move to a table
  without rowid: a city's merge of ten counties writes 300,000 of them.
- Older databases may hold several open conflicts for one record from one
  office: the newest stays open, the others are closed as superseded, and an
  index keeps it so.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_ownership"
down_revision = "0009_campaign"
branch_labels = None
depends_on = None

# The record tables at this revision (the sync mixin's tables). Written out
# rather than read from the models, so this script keeps meaning what it did.
SYNCED_TABLES = (
    "attachment",
    "campaign",
    "campaign_report",
    "check_amendment",
    "check_result",
    "checklist",
    "checklist_item",
    "deadline_extension",
    "enterprise",
    "guidance_activity",
    "health_check",
    "layoff_filing",
    "layoff_person",
    "major_risk_event",
    "negotiation_offer",
    "negotiation_session",
    "rectification_event",
    "rectification_item",
    "risk_data_batch",
    "risk_fact",
    "risk_grade",
    "risk_grading",
    "risk_intervention",
    "typical_case",
)


def upgrade() -> None:
    bind = op.get_bind()
    office = bind.execute(sa.text("SELECT value FROM setting WHERE key = 'office.code'")).scalar()
    if office:
        for table in SYNCED_TABLES:
            bind.execute(
                sa.text(f"UPDATE {table} SET origin_office = :office WHERE origin_office = ''"),
                {"office": office},
            )

    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.drop_index("uq_checklist_live_edition")
        batch_op.create_index(
            "uq_checklist_owner_edition",
            ["origin_office", "code", "edition"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index("uq_enterprise_live_credit_code")
        batch_op.create_index(
            "uq_enterprise_owner_credit_code",
            ["origin_office", "credit_code"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )

    op.create_table(
        "revoked_peer_key",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("office_code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("signing_public", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revoked_peer_key")),
    )
    with op.batch_alter_table("revoked_peer_key", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_revoked_peer_key_office_code"), ["office_code"], unique=False
        )

    # The versions last exchanged: one row per record and peer, so a table keyed by
    # its primary key alone (WITHOUT ROWID), rebuilt with its rows. SQLite only: a
    # PostgreSQL table is already stored apart from its primary-key index.
    if bind.dialect.name == "sqlite":
        op.create_table(
            "record_sync_base_new",
            sa.Column("table_name", sa.String(length=40), nullable=False),
            sa.Column("record_id", sa.String(length=32), nullable=False),
            sa.Column("peer", sa.String(length=12), nullable=False),
            sa.Column("base_version", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("table_name", "record_id", "peer", name="pk_record_sync_base"),
            sqlite_with_rowid=False,
        )
        bind.execute(
            sa.text(
                "INSERT INTO record_sync_base_new (table_name, record_id, peer, base_version)"
                " SELECT table_name, record_id, peer, base_version FROM record_sync_base"
            )
        )
        op.drop_table("record_sync_base")
        op.rename_table("record_sync_base_new", "record_sync_base")

    bind.execute(
        sa.text(
            "UPDATE sync_conflict SET status = 'resolved', resolution = 'superseded' "
            "WHERE status = 'open' AND id NOT IN ("
            "  SELECT max(id) FROM sync_conflict WHERE status = 'open'"
            "  GROUP BY table_name, record_id, peer)"
        )
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(
            "uq_sync_conflict_open_record",
            ["table_name", "record_id", "peer"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index("uq_sync_conflict_open_record")
    with op.batch_alter_table("revoked_peer_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revoked_peer_key_office_code"))
    op.drop_table("revoked_peer_key")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index("uq_enterprise_owner_credit_code")
        batch_op.create_index(
            "uq_enterprise_live_credit_code",
            ["credit_code"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
    with op.batch_alter_table("checklist", schema=None) as batch_op:
        batch_op.drop_index("uq_checklist_owner_edition")
        batch_op.create_index(
            "uq_checklist_live_edition",
            ["code", "edition"],
            unique=True,
            sqlite_where=sa.text("deleted = 0"),
            postgresql_where=sa.text("deleted = false"),
        )
