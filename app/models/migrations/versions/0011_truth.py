"""rectification items only from final checks

Revision ID: 0011_truth
Revises: 0010_ownership

Earlier versions made a rectification item for every 不合规 result as soon as a
health check was saved, drafts included. Now items are made when a check is
finalised. An item of a check that is still a draft, and that nobody has acted
on (still 待整改, no status change, no extension, no evidence), is withdrawn:
it becomes a tombstone with a new version and change number, so the withdrawal
travels in the next sync bundle, and the audit log says why. The draft's
results are kept; finalising it makes the items again. An item someone has
already worked on is kept as it is (work done is never lost); the draft it
came from is finalised or amended by the coordinator as usual.
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0011_truth"
down_revision = "0010_ownership"
branch_labels = None
depends_on = None

# Booleans as bound values: SQLite stores 0/1, PostgreSQL has a boolean type.
UNTOUCHED_DRAFT_ITEMS = sa.text(
    "SELECT ri.id FROM rectification_item ri"
    " JOIN health_check hc ON hc.id = ri.check_id"
    " WHERE ri.deleted = :no AND hc.deleted = :no AND hc.status = 'draft'"
    " AND ri.status = 'pending' AND ri.deadline = ri.original_deadline"
    " AND NOT EXISTS (SELECT 1 FROM rectification_event e WHERE e.item_id = ri.id)"
    " AND NOT EXISTS (SELECT 1 FROM deadline_extension x WHERE x.item_id = ri.id)"
    " AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.item_id = ri.id AND a.deleted = :no)"
    " ORDER BY ri.id"
).bindparams(no=False)


def upgrade() -> None:
    conn = op.get_bind()
    ids = [row[0] for row in conn.execute(UNTOUCHED_DRAFT_ITEMS)]
    if not ids:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    conn.execute(
        sa.text("UPDATE sync_counter SET value = value + :n WHERE id = 1"), {"n": len(ids)}
    )
    last = conn.execute(sa.text("SELECT value FROM sync_counter WHERE id = 1")).scalar_one()
    first = int(last) - len(ids) + 1
    for n, item_id in enumerate(ids):
        conn.execute(
            sa.text(
                "UPDATE rectification_item SET deleted = :yes, version = version + 1,"
                " updated_at = :now, change_seq = :seq WHERE id = :id"
            ),
            {"yes": True, "now": now, "seq": first + n, "id": item_id},
        )
        conn.execute(
            sa.text(
                "INSERT INTO audit_log (at, operator, record_type, record_id, action, changes, summary)"
                " VALUES (:now, :operator, 'rectification_item', :id, 'delete', :changes, :summary)"
            ),
            {
                "now": now,
                "operator": "升级 0011_truth",
                "id": item_id,
                "changes": json.dumps({"deleted": [False, True]}),
                "summary": "体检尚未定稿：整改事项改为在定稿时生成",
            },
        )


def downgrade() -> None:
    """Nothing to undo: the withdrawn items stay withdrawn (the older version makes
    them again at the draft's next save)."""
