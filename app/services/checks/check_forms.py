"""The health-check forms as document values: the blank field form, the check
report, and the rectification advice letter (整改建议书)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.models.db import Database
from app.services.checks import checklists, health_checks
from app.services.checks.check_input import RectificationRow
from app.services.checks.checklists import ChecklistSpec
from app.services.checks.health_checks import RESULTS, CheckDetail
from app.services.core import reference, workdays
from app.services.core.local_time import local
from app.services.core.office import office_name
from app.services.documents import documents as doc
from app.services.register import enterprises

DAY_UNITS = {"calendar": "日", "working": "个工作日"}
TICK_CHOICES = ("合规", "不合规", "不适用")


def check_number(detail: CheckDetail) -> str:
    assert detail.input.check_date is not None
    return f"体检编号：{detail.input.check_date:%Y%m%d}-{detail.id[-6:].upper()}"


def _enterprise_grid(ent: dict[str, Any]) -> doc.FieldGrid:
    return doc.FieldGrid(
        [
            ("企业名称", ent.get("name", "")),
            ("统一社会信用代码", ent.get("credit_code", "")),
            ("所属县（市、区）", reference.division_name(ent.get("county_code", ""))),
            ("行业", ent.get("industry", "")),
            ("地址", ent.get("address", "")),
            ("法定代表人", ent.get("legal_representative", "")),
            ("联系人", ent.get("contact_person", "")),
            ("联系电话", ent.get("contact_phone", "")),
        ]
    )


def _number(value: object) -> str:
    return "" if value is None else str(value)


def rectifications(db: Database, detail: CheckDetail) -> list[RectificationRow]:
    """What the forms list as the check's rectification items. A final check's are the
    ledger's. A draft makes none (app/services/ledger/check_ledger.py), so its forms
    list what finalising it would make — each 不合规 result, in the edition's words,
    due on the check date plus its days — where the report used to say
    本次体检未发现不合规事项 under a conclusion of three, and the notice
    未发现需要整改的问题."""
    data = detail.input
    if detail.status == "final" or data.check_date is None or data.checklist_id is None:
        return detail.rectifications
    calendar = workdays.load(db)
    findings = {i.code: i.finding for i in checklists.by_id(db, data.checklist_id).items}
    return [
        RectificationRow(
            "",
            r.item_code,
            findings.get(r.item_code) or r.question,
            r.basis,
            r.remedy,
            calendar.due_date(data.check_date, r.rectify_days, r.day_kind),
            r.day_kind,
            r.rectify_days,
            data.enterprise_person,
            data.office_person,
            "pending",
        )
        for r in detail.results
        if r.result == "noncompliant"
    ]


DRAFT_NOTE = "（草稿：定稿后以上事项列入整改台账。）"
DRAFT = "（草稿）"


# Column widths: 序号 (and an item code such as M01) and 整改负责人 each fit on one
# line of their column, in the PDF and in Word (whose cells lose 1.9 mm a side).


def check_report(db: Database, check_id: str) -> doc.Document:
    detail = health_checks.get(db, check_id)
    data = detail.input
    office = office_name(db)
    team = "；".join(f"{m.name}（{m.role}）" for m in data.team) or "—"
    blocks: list[Any] = [
        _enterprise_grid(detail.enterprise),
        doc.FieldGrid(
            [
                ("体检日期", doc.chinese_date(data.check_date)),
                ("体检清单", f"{detail.checklist_name} 第 {detail.checklist_edition} 版"),
            ]
        ),
        doc.FieldGrid([("检查组", team)], columns=1),
        doc.Heading("一、用工基本情况"),
        doc.FieldGrid(
            [
                ("职工人数", _number(data.staff_count)),
                ("已签劳动合同人数", _number(data.contracts_signed)),
                ("农民工人数", _number(data.migrant_workers)),
                ("劳务派遣人数", _number(data.dispatched_workers)),
                ("工资已足额发放至", data.wages_paid_through),
                (
                    "拖欠工资（元／人）",
                    f"{_number(data.wages_owed_yuan) or 0} 元／{_number(data.wages_owed_people) or 0} 人",
                ),
            ]
        ),
        doc.Heading("二、检查结果"),
        doc.Table(
            ["序号", "类别", "检查内容", "法律依据", "结果", "说明"],
            [
                [r.item_code, r.group, r.question, r.basis, RESULTS[r.result], r.note]
                for r in detail.results
            ],
            [7, 12, 39, 22, 8, 12],
            ["center", "left", "left", "left", "center", "left"],
        ),
        doc.Heading("三、发现的问题与整改要求"),
    ]
    items = rectifications(db, detail)
    if items:
        blocks.append(
            doc.Table(
                ["序号", "整改事类", "法律依据", "整改时限", "整改负责人"],
                [
                    [str(n), r.matter, r.basis, doc.chinese_date(r.deadline), r.enterprise_person]
                    for n, r in enumerate(items, start=1)
                ],
                [7, 37, 22, 20, 14],
                ["center", "left", "left", "center", "center"],
            )
        )
        if detail.status != "final":
            blocks.append(doc.Paragraph(DRAFT_NOTE))
    else:
        blocks.append(doc.Paragraph("本次体检未发现不合规事项。"))
    blocks += [
        doc.Heading("四、体检结论"),
        doc.Paragraph(data.conclusion or "—"),
        doc.Heading("五、改进建议"),
        doc.Paragraph(data.advice or "—"),
    ]
    if detail.amendments:
        blocks.append(doc.Heading("六、更正记录"))
        for a in detail.amendments:
            # Dated as every date of the report (GB/T 9704-2012 §7.3.5.1), not 2023-07-20.
            on = doc.chinese_date(local(a.at).date())
            blocks.append(doc.Paragraph(f"{on}　{a.author}：{a.reason}"))
    blocks += [
        doc.Spacer(),
        doc.Signatures(["检查人员（签字）", "企业负责人（签字）"]),
        doc.Seal(office, doc.chinese_date(data.check_date)),
    ]
    return doc.Document(
        "劳动用工法治体检报告",
        blocks,
        office=office,
        number=check_number(detail),
        subtitle=DRAFT if detail.status != "final" else "",
    )


def rectification_notice(db: Database, check_id: str) -> doc.Document:
    detail = health_checks.get(db, check_id)
    data = detail.input
    ent = detail.enterprise
    name = office_name(db)
    checked = f"{doc.chinese_date(data.check_date)}，{name}对你单位开展了劳动用工法治“体检”，"
    contact = data.office_person or "—"
    items = rectifications(db, detail)
    blocks: list[Any] = [doc.salutation(ent.get("name", ""))]
    if not items:
        # A check with nothing to rectify: the notice says so, and asks for nothing (it
        # used to announce "以下需要整改的问题" and then list none).
        blocks += [
            doc.Paragraph(checked + "未发现需要整改的问题。请继续依法规范用工。"),
            doc.Paragraph(f"如有疑问，请与我单位联系。我单位联系人：{contact}。"),
        ]
    else:
        blocks += [
            doc.Paragraph(
                checked + "发现以下需要整改的问题。"
                "请对照法律依据，在整改时限内逐项整改，并将整改情况及佐证材料书面报送我单位，"
                "经核验后逐项销号（整改一条、销号一条）。"
            ),
            doc.Table(
                ["序号", "存在问题（整改事类）", "法律依据", "整改建议", "整改时限", "整改负责人"],
                [
                    [
                        str(n),
                        r.matter,
                        r.basis,
                        r.remedy,
                        doc.chinese_date(r.deadline),
                        r.enterprise_person,
                    ]
                    for n, r in enumerate(items, start=1)
                ],
                [7, 24, 17, 22, 17, 13],
                ["center", "left", "left", "left", "center", "center"],
            ),
            doc.Paragraph(f"整改期限届满前如有困难，请及时与我单位联系。我单位联系人：{contact}。"),
        ]
    blocks += [
        doc.Seal(name, doc.chinese_date(data.check_date)),
        doc.Spacer(),
        doc.Signatures(["企业签收人（签字）", "签收日期：　　　　年　　月　　日"]),
        doc.StampBoxes(["企业（盖章）"], dated=False),
    ]
    return doc.Document(
        "整改建议书",
        blocks,
        office=name,
        number=check_number(detail),
        subtitle=DRAFT if detail.status != "final" else "",
    )


# -- the blank field form ---------------------------------------------------------------


@dataclass
class BlankFormItem:
    code: str
    group: str
    question: str
    basis: str
    applies: bool


@dataclass
class BlankForm:
    """What the printed field form shows; the PDF renderer lays it out on a fixed grid."""

    form_id: str
    office: str
    enterprise: dict[str, Any]
    checklist_name: str
    checklist_edition: int
    items: list[BlankFormItem]
    printed_on: date
    roles: tuple[str, ...] = health_checks.ROLES
    snapshot_labels: tuple[str, ...] = (
        "职工人数",
        "已签劳动合同人数",
        "农民工人数",
        "劳务派遣人数",
        "工资已足额发放至（年月）",
        "拖欠工资金额（元）",
        "被拖欠工资人数",
    )
    conditions: dict[str, str] = field(default_factory=dict)  # condition → label


def blank_form(
    db: Database,
    enterprise_id: str,
    form_id: str,
    spec: ChecklistSpec | None = None,
    office: str | None = None,
) -> BlankForm:
    """`spec` and `office` (the office's name) may be given by a caller printing many
    forms, which looks them up once for the batch."""
    spec = spec or checklists.active(db)
    ent = enterprises.get(db, enterprise_id)
    if ent is None:
        raise ValueError("找不到该企业。")
    # On paper every live item is printed; items whose condition is known not to
    # apply (a non-construction firm's construction items) are marked for the team.
    context = {
        "industry": ent.get("industry", ""),
        "dispatched_workers": None,
        "migrant_workers": None,
    }
    known_false = {
        i.code
        for i in spec.live_items()
        if i.condition
        and spec.conditions.get(i.condition, {}).get("field") == "industry"
        and not checklists.condition_met(i.condition, spec.conditions, context)
    }
    items = [
        BlankFormItem(i.code, i.group, i.question, i.basis, i.code not in known_false)
        for i in spec.live_items()
    ]
    return BlankForm(
        form_id,
        office_name(db) if office is None else office,
        ent,
        spec.name,
        spec.edition,
        items,
        date.today(),
        conditions={k: v.get("label", k) for k, v in spec.conditions.items()},
    )


def blank_form_batch(
    db: Database,
    enterprise_ids: Sequence[str],
    form_ids: Sequence[str],
    spec: ChecklistSpec,
    office: str,
) -> Iterator[BlankForm]:
    """The blank forms of many enterprises (form_ids[n] for enterprise_ids[n]), one
    by one, read in one unit of work: a hundred enterprises are read through one
    session, not a session (and its office-code read) each (issue 17)."""
    with db.session():
        for enterprise_id, form_id in zip(enterprise_ids, form_ids, strict=True):
            yield blank_form(db, enterprise_id, form_id, spec, office)
