"""The words and terms a checklist item carries, also copied onto each check's
result: a mixin of its own module, so a process that reads checks (`hexie report`)
does not declare the checklists (app/models/__init__.py)."""

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column


class ItemWording:
    """A checklist item's words and terms, kept on the item and copied onto each
    check's result (so a check shows the edition it was done with)."""

    group_name: Mapped[str] = mapped_column(String(60), nullable=False)
    question: Mapped[str] = mapped_column(Text, nullable=False)
    basis: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    severity: Mapped[str] = mapped_column(String(4), nullable=False, default="中")
    rectify_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    day_kind: Mapped[str] = mapped_column(String(10), nullable=False, default="calendar")
    remedy: Mapped[str] = mapped_column(Text, nullable=False, default="")
    condition: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # What a failure of this item is called wherever it is named (整改事类 in the
    # ledger, the report, the notice): 未建立职工名册, not the checklist's question.
    finding: Mapped[str] = mapped_column(Text, nullable=False, default="")
