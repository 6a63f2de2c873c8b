"""checklist finding phrases; the union named on offer letters

Revision ID: 0012_print
Revises: 0011_truth

Adds checklist_item.finding and check_result.finding (the failure's name,
e.g. 未建立职工名册, used as 整改事类) and negotiation_offer.union_name.

Data: an item of a checklist edition already in the database gets the finding of
the bundled checklist's item with the same code only when its question is word for
word the bundled one (an office's own wording keeps an empty finding and is named
by its question, see checklists.ItemSpec.finding_text); a check result gets the
finding of the edition item it was copied from. A ledger row made from a check
(source "check") whose 整改事类 is still the question it was copied from is renamed
to the finding; a row typed by hand or edited keeps its text. These rows keep their
version and change sequence: every office runs the same upgrade on the same rows,
so nothing needs sending again and no sync conflict is made.
"""

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0012_print"
down_revision = "0011_truth"
branch_labels = None
depends_on = None

CHECKLIST = Path(__file__).resolve().parents[4] / "resources" / "checklists" / "henan-2023.json"


def _bundled() -> dict[str, tuple[str, str]]:
    """code → (question, finding) of the shipped checklist."""
    try:
        from app.paths import resource_path

        path = resource_path("checklists", "henan-2023.json")
    except Exception:  # pragma: no cover - run outside the app
        path = CHECKLIST
    data = json.loads(Path(path).read_text("utf-8"))
    return {i["code"]: (i["question"], i.get("finding", "")) for i in data["items"]}


def upgrade() -> None:
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("finding", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("check_result", schema=None) as batch_op:
        batch_op.add_column(sa.Column("finding", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("negotiation_offer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("union_name", sa.String(length=200), nullable=False, server_default="")
        )

    bind = op.get_bind()
    for code, (question, finding) in _bundled().items():
        if not finding:
            continue
        params = {"code": code, "question": question, "finding": finding}
        bind.execute(
            sa.text(
                "UPDATE checklist_item SET finding = :finding"
                " WHERE code = :code AND question = :question AND finding = ''"
            ),
            params,
        )
        bind.execute(
            sa.text(
                "UPDATE check_result SET finding = :finding"
                " WHERE item_code = :code AND question = :question AND finding = ''"
            ),
            params,
        )
    bind.execute(
        sa.text(
            "UPDATE rectification_item SET matter = ("
            "  SELECT r.finding FROM check_result r"
            "  WHERE r.id = rectification_item.check_result_id)"
            " WHERE source = 'check' AND check_result_id IS NOT NULL AND EXISTS ("
            "  SELECT 1 FROM check_result r"
            "  WHERE r.id = rectification_item.check_result_id"
            "  AND r.finding != '' AND r.question = rectification_item.matter)"
        )
    )


def downgrade() -> None:
    # The findings are dropped; ledger rows keep the finding as their 整改事类.
    with op.batch_alter_table("negotiation_offer", schema=None) as batch_op:
        batch_op.drop_column("union_name")
    with op.batch_alter_table("check_result", schema=None) as batch_op:
        batch_op.drop_column("finding")
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.drop_column("finding")
