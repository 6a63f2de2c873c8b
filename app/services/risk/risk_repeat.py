"""Refusing a department file whose data are already in force (README, 风险研判).

Court cases and wage complaints are summed over the period
(risk_rows.EVERY_ROW_COUNTS), so the same file imported twice — or sent again by
the department under another name — counts everything twice: three complaints
became six and 6 people 12, over the red line of 10.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import false, select

from app.models import RiskDataBatch, RiskFact
from app.models.db import Database
from app.services.core.messages import N_
from app.services.core.spreadsheet import SpreadsheetError
from app.services.risk.risk_plan import RiskPlan

_MASK = (1 << 64) - 1


def digest(facts: Iterable[tuple[str, str, str, float]]) -> int:
    """An order-free digest of a set of facts (the sum of each one's hash), read a
    fact at a time: a plan's facts are spilled to disk and never all in memory."""
    total = 0
    for enterprise_id, metric, period, value in facts:
        key = f"{enterprise_id}|{metric}|{period}|{round(float(value), 6)!r}".encode()
        total = (total + int.from_bytes(hashlib.sha256(key).digest()[:8], "big")) & _MASK
    return total


def refuse_repeat(db: Database, plan: RiskPlan) -> None:
    """Refuse `plan` when an active batch of its source holds exactly its facts,
    naming that batch; withdrawing the batch lets the file in again."""
    if not plan.facts:
        return
    with db.reader() as conn:
        candidates = list(
            conn.execute(
                select(RiskDataBatch.id, RiskDataBatch.file_name, RiskDataBatch.imported_on).where(
                    RiskDataBatch.source == plan.source,
                    RiskDataBatch.status == "active",
                    RiskDataBatch.deleted == false(),
                    RiskDataBatch.facts == len(plan.facts),
                )
            )
        )
        if not candidates:
            return
        mine = digest((f.enterprise_id, f.metric, f.period, f.value) for f in plan.facts)
        for batch_id, file_name, imported_on in candidates:
            stored = conn.execute(
                select(RiskFact.enterprise_id, RiskFact.metric, RiskFact.period, RiskFact.value)
                .where(RiskFact.batch_id == batch_id, RiskFact.deleted == false())
                .execution_options(yield_per=5000)
            )
            if digest((r[0], r[1], r[2], r[3]) for r in stored) == mine:
                raise SpreadsheetError(
                    N_(
                        "这个文件的数据已于 {day} 导入过（批次“{file}”，数据相同），再导入会重复计数，"
                        "未导入任何内容。如需重新导入，请先撤回那个批次。",
                        day=str(imported_on),
                        file=file_name,
                    )
                )
