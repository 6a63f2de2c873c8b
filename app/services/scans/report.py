"""The readings as plain data (`hexie import-scans --json`) and as lines of text."""

from __future__ import annotations

from collections import Counter
from typing import Any

from app.services.scans.batch import FormReading, ScanBatch
from app.services.scans.messages import reading_text, unclear_text

# Handwritten on the form, typed by a person from the cut-outs.
TO_TYPE = ("体检日期", "检查组成员", "用工基本情况", "体检结论与改进建议")


def _item(item: Any) -> dict[str, Any]:
    return {
        "item": item.code,
        "reading": item.reading or None,
        "suggestion": item.suggestion or None,
        "unclear": item.unclear,
        "reason": item.reason or None,
        "reason_text": unclear_text(item.reason) if item.reason else None,
        "confidence": item.confidence,
        "boxes": {
            choice: {"state": m.state, "coverage": round(m.coverage, 3)}
            for choice, m in item.boxes.items()
        },
    }


def as_json(batch: ScanBatch) -> dict[str, Any]:
    pages = []
    for form in batch.forms:
        for number, page in sorted(form.pages.items()):
            pages.append(
                {
                    "form": form.info.form_id,
                    "page": number,
                    "of": form.page_count,
                    "source": page.source,
                    "enterprise": form.info.enterprise_name,
                    "credit_code": form.info.credit_code,
                    "checklist_edition": form.info.edition,
                    "corner_marks": page.marks_found,
                    "fit_mm": page.residual_mm,
                    "items": [_item(i) for i in page.items],
                }
            )
    return {
        "pages_read": batch.pages_read,
        "seconds": round(batch.seconds, 2),
        "forms": [
            {
                "form": f.info.form_id,
                "enterprise": f.info.enterprise_name,
                "credit_code": f.info.credit_code,
                "pages": sorted(f.pages),
                "missing_pages": f.missing_pages(),
                "unclear": [i.code for i in f.items() if i.unclear],
            }
            for f in batch.forms
        ],
        "pages": pages,
        "set_aside": [
            {"source": s.source, "reason": s.code, "text": s.text(), "form": s.form_id or None}
            for s in batch.set_aside
        ],
    }


def form_lines(form: FormReading) -> list[str]:
    items = form.items()
    counts = Counter(i.reading for i in items if not i.unclear)
    read = "，".join(
        f"{reading_text(r)} {counts[r]}"
        for r in ("compliant", "noncompliant", "na", "unchecked")
        if counts[r]
    )
    lines = [
        f"表单 {form.info.form_id}　{form.info.enterprise_name}（清单第 {form.info.edition} 版，"
        f"{len(form.pages)}/{form.page_count} 页）",
        f"  读出 {len(items) - sum(i.unclear for i in items)} 项：{read or '无'}",
    ]
    if form.missing_pages():
        lines.append(f"  缺第 {'、'.join(map(str, form.missing_pages()))} 页")
    unclear = [i for i in items if i.unclear]
    if unclear:
        lines.append(f"  无法确定 {len(unclear)} 项，须人工核对：")
        for i in unclear:
            guess = f"（可能是“{reading_text(i.suggestion)}”）" if i.suggestion else ""
            lines.append(f"    {i.code} 第 {i.page} 页：{unclear_text(i.reason)}{guess}")
    return lines


def batch_lines(batch: ScanBatch) -> list[str]:
    lines = [
        f"读取 {batch.pages_read} 页：{len(batch.forms)} 份表单，"
        f"{len(batch.set_aside)} 页未能使用（{batch.seconds:.1f} 秒）。"
    ]
    for form in batch.forms:
        lines += form_lines(form)
    if batch.set_aside:
        lines.append("未能使用的页面：")
        lines += [f"  {s.source}：{s.text()}" for s in batch.set_aside]
    return lines
