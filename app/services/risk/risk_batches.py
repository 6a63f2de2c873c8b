"""Writing a planned batch of shared data (one transaction), withdrawing a batch,
listing batches, and saving a batch's unmatched rows for the department to check."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, false, select, update

from app.models import RiskDataBatch, RiskFact
from app.models.base import sync_values, utcnow
from app.models.bulk import fast_insert
from app.models.db import Database, next_change_seq
from app.services.core import audit, backups
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.core.spreadsheet import SpreadsheetError, normalize_label
from app.services.risk import risk_grading
from app.services.risk.risk_plan import RiskPlan, chunks
from app.services.risk.risk_sources import source_label

RECORD_TYPE = "risk_data_batch"
# A whole-city file given to a county matches few of its rows: the other counties'
# 900,000 rows kept as one JSON text in the batch took the import to 650 MB (and
# went to the city in every bundle). The first UNMATCHED_KEPT are kept; the
# command line's --dry-run --json lists every one (README, 风险研判).
UNMATCHED_KEPT = 100_000


def apply_import(
    db: Database,
    plan: RiskPlan,
    *,
    today: date | None = None,
    backup: bool = True,
    regrade: bool = True,
) -> Work[str]:
    """Back the database up, write the batch and its facts in one transaction, then
    grade every enterprise on the data now in force; returns the batch id. The
    window, `hexie import-risk-data` and `rollback` all grade this way, so a grade
    never lags the data (README, 风险研判). `backup=False, regrade=False` only for
    the demo's made-up batches (the demo grades once, after all of them)."""
    if backup:
        yield from backups.before_import_work(db)
    today = today or date.today()
    batch_id = yield from _write_batch(db, plan, today)
    if regrade:
        yield from risk_grading.grade(db, today=today)
    return batch_id


def _write_batch(db: Database, plan: RiskPlan, today: date) -> Work[str]:
    with db.session() as session:
        actor = session.info["actor"]
        batch = RiskDataBatch(
            source=plan.source,
            file_name=plan.path.name,
            imported_on=today,
            rows_total=plan.rows_total,
            matched_by_code=plan.matched_by_code,
            matched_by_name=plan.matched_by_name,
            unmatched=len(plan.unmatched),
            facts=len(plan.facts),
            # The count is exact; the rows kept for 导出未匹配名单 stop at UNMATCHED_KEPT.
            unmatched_json=_json_list(islice(plan.unmatched, UNMATCHED_KEPT)),
        )
        session.add(batch)
        session.flush()
        seq = next_change_seq(session, max(len(plan.facts), 1))
        now = utcnow()
        connection = session.connection()
        start = 0
        # A chunk at a time as the facts are read (a spilled FactList reads its file
        # once; slicing it from the start for each chunk read it over and over).
        for chunk in chunks(plan.facts, 5000):
            fast_insert(
                connection,
                RiskFact.__table__,
                [
                    {
                        **sync_values(
                            office=actor.office_code,
                            author=actor.operator,
                            change_seq=seq + start + n,
                            now=now,
                        ),
                        "batch_id": batch.id,
                        "enterprise_id": f.enterprise_id,
                        "metric": f.metric,
                        "period": f.period,
                        "value": f.value,
                        "matched_by": f.matched_by,
                    }
                    for n, f in enumerate(chunk)
                ],
            )
            start += len(chunk)
            yield Progress(
                start,
                len(plan.facts),
                N_("已写入 {done}/{total}", done=start, total=len(plan.facts)),
            )
        audit.record(
            session,
            RECORD_TYPE,
            batch.id,
            "create",
            {},
            f"{source_label(plan.source)}：{plan.path.name}",
        )
        _remember_mapping(session, plan)
        return batch.id


def _json_list(rows: Iterable[Any]) -> str:
    """A JSON list of `rows`, written a row at a time (the file's unmatched rows,
    spilled: json.dumps wanted them whole as a list first)."""
    out = io.StringIO()
    out.write("[")
    for n, row in enumerate(rows):
        out.write((", " if n else "") + json.dumps(list(row), ensure_ascii=False))
    out.write("]")
    return out.getvalue()


def _remember_mapping(session: Any, plan: RiskPlan) -> None:
    from app.models import Setting

    labels = {
        normalize_label(plan.labels[j]): name
        for j, name in plan.mapping.items()
        if j < len(plan.labels)
    }
    session.merge(
        Setting(key=f"risk.mapping.{plan.source}", value=json.dumps(labels, ensure_ascii=False))
    )


def rollback(db: Database, batch_id: str, *, today: date | None = None) -> Work[int]:
    """Withdraw a batch: its facts become tombstones, then every enterprise is graded
    again on the data left in force (as after an import). Returns how many facts."""
    n = _withdraw(db, batch_id)
    if n:
        yield from risk_grading.grade(db, today=today or date.today())
    return n


def _withdraw(db: Database, batch_id: str) -> int:
    with db.session() as session:
        batch = session.get(RiskDataBatch, batch_id)
        if batch is None or batch.deleted:
            raise SpreadsheetError("该批次不存在。")
        if batch.status == "rolled_back":
            return 0
        ids = list(
            session.execute(
                select(RiskFact.id).where(
                    RiskFact.batch_id == batch_id, RiskFact.deleted == false()
                )
            ).scalars()
        )
        seq = next_change_seq(session, max(len(ids), 1))
        now = utcnow()
        stmt = (
            update(RiskFact)
            .where(RiskFact.id == bindparam("b_id"))
            .values(
                deleted=True,
                updated_at=now,
                change_seq=bindparam("b_seq"),
                version=RiskFact.version + 1,
            )
        )
        for start in range(0, len(ids), 5000):
            session.connection().execute(
                stmt,
                [
                    {"b_id": i, "b_seq": seq + start + n}
                    for n, i in enumerate(ids[start : start + 5000])
                ],
            )
        batch.status = "rolled_back"
        audit.record(
            session,
            RECORD_TYPE,
            batch.id,
            "update",
            {"status": ["active", "rolled_back"]},
            f"撤回 {batch.file_name}",
        )
        return len(ids)


def batches(db: Database) -> list[dict[str, Any]]:
    """The batches for the grading tab's list: every column but the unmatched rows
    (a city-wide file given to a county leaves hundreds of thousands of them, read
    only when they are saved: save_unmatched)."""
    columns = [c for c in RiskDataBatch.__table__.c if c.name != "unmatched_json"]
    with db.reader() as conn:
        rows = conn.execute(
            select(*columns)
            .where(RiskDataBatch.deleted == false())
            .order_by(RiskDataBatch.created_at.desc())
        )
        return [dict(r._mapping) for r in rows]


def save_unmatched(db: Database, batch_id: str, out: str | Path) -> Path:
    from openpyxl import Workbook

    with db.session() as session:
        batch = session.get(RiskDataBatch, batch_id)
        rows = json.loads(batch.unmatched_json) if batch else []
        total = batch.unmatched if batch else 0
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("未匹配")
    ws.append(["行号", "名称", "统一社会信用代码"])
    for r in rows:
        ws.append(list(r))
    if total > len(rows):
        ws.append([])
        ws.append(
            [
                f"另有 {total - len(rows)} 行未匹配，批次只保存了前 {len(rows)} 行。完整名单："
                "用命令行 hexie import-risk-data 文件 --source 来源 --dry-run --json 列出。"
            ]
        )
    out = Path(out)
    wb.save(out)
    return out
