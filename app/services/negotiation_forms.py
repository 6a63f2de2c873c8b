"""Printed forms for offers and layoffs: the offer letter (要约书), the reply
form (要约回复书) and the layoff-plan receipt (裁减人员方案报告回执)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.models.db import Database
from app.services import layoff_rules, layoffs, negotiation_rules, offers, reference
from app.services.documents import (
    Document,
    FieldGrid,
    Paragraph,
    Seal,
    Signatures,
    Spacer,
    Table,
    chinese_date,
)
from app.services.forms import office_name


def offer_letter(db: Database, offer_id: str) -> Document:
    data, facts = offers.get(db, offer_id)
    by_union = data.offeror == "union"
    sender = "工会（职工方）" if by_union else facts["enterprise"]
    receiver = facts["enterprise"] if by_union else "企业工会（职工方）"
    rules = negotiation_rules.rule_set(data.rules)
    topics = [negotiation_rules.topic_label(t) for t in data.topics]
    blocks: list[Any] = [
        Paragraph(f"{receiver}：", indent=False),
        Paragraph(
            f"根据《劳动合同法》《集体合同规定》和《河南省企业工资集体协商条例》，{sender}现向你方提出开展集体协商的要约，"
            f"协商就以下事项签订（续订）集体合同或专项集体合同："
        ),
        Table(
            ["序号", "协商议题"],
            [[str(n), t] for n, t in enumerate(topics, start=1)],
            [10, 90],
            ["center", "left"],
        ),
        Paragraph(
            f"请你方自收到本要约书之日起{rules['reply']['days']}{'个工作日' if rules['reply']['kind'] == 'working' else '日'}内书面答复"
            f"（{rules['reply']['basis']}），无正当理由不得拒绝进行集体协商。"
        ),
        Paragraph(f"企业情况：{negotiation_rules.situation_label(data.situation)}。"),
        Spacer(),
        Signatures(["要约方（盖章）", "首席代表（签字）"]),
        Seal(sender, chinese_date(data.sent_on) or "　　年　　月　　日"),
        Paragraph(
            f"收到日期：{chinese_date(data.received_on) or '　　年　　月　　日'}　　签收人：＿＿＿＿＿＿",
            indent=False,
        ),
    ]
    return Document(
        "集体协商要约书",
        blocks,
        office=office_name(db),
        number=f"要约编号：{offer_id[-6:].upper()}",
    )


def reply_form(db: Database, offer_id: str) -> Document:
    data, facts = offers.get(db, offer_id)
    by_union = data.offeror == "union"
    replier = facts["enterprise"] if by_union else "企业工会（职工方）"
    offeror = "工会（职工方）" if by_union else facts["enterprise"]
    topics = "、".join(negotiation_rules.topic_label(t) for t in data.topics)
    blocks: list[Any] = [
        Paragraph(f"{offeror}：", indent=False),
        Paragraph(
            f"你方于{chinese_date(data.received_on) or '　　年　　月　　日'}送达的集体协商要约书收悉，要约议题：{topics}。经研究，答复如下："
        ),
        Paragraph(
            "□ 同意进行集体协商。建议首次协商时间：　　年　　月　　日，地点：＿＿＿＿＿＿＿＿。",
            indent=False,
        ),
        Paragraph(
            "□ 暂不同意进行集体协商，理由：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿。",
            indent=False,
        ),
        FieldGrid([("我方首席代表", ""), ("联系电话", ""), ("我方协商代表", ""), ("人数", "")]),
        Paragraph(
            f"答复期限：{facts['reply_due_on'] and chinese_date(facts['reply_due_on']) or '收到要约之日起按规定期限'}。"
        ),
        Spacer(),
        Seal(replier, chinese_date(data.replied_on) or "　　年　　月　　日"),
    ]
    return Document(
        "集体协商要约回复书",
        blocks,
        office=office_name(db),
        number=f"要约编号：{offer_id[-6:].upper()}",
    )


def layoff_receipt(db: Database, filing_id: str) -> Document:
    data, facts = layoffs.get(db, filing_id)
    rules = layoff_rules.rules()
    found = layoffs.findings(db, filing_id)
    blocks: list[Any] = [
        Paragraph(f"{facts['enterprise']}：", indent=False),
        Paragraph(
            f"你单位于{chinese_date(data.reported_on) or '　　年　　月　　日'}报告的裁减人员方案已收到。"
            "依照《劳动合同法》第41条，裁减人员方案应向劳动行政部门报告；本回执仅证明已收到报告，不是对方案的批准。"
        ),
        FieldGrid(
            [
                ("企业名称", facts["enterprise"]),
                ("统一社会信用代码", facts["credit_code"]),
                ("所属县（市、区）", reference.division_name(facts["county_code"])),
                ("裁员情形", f"第41条第1款第{'一二三四'[int(data.ground) - 1]}项"),
                ("职工总数", str(data.total_staff)),
                ("拟裁减人数", str(data.laid_off)),
                ("向职工说明情况日期", chinese_date(data.explained_on)),
                ("计划裁员日期", chinese_date(data.layoff_on)),
            ]
        ),
        Paragraph("审查提示：", indent=False, bold=True),
        Table(
            ["序号", "事项", "依据"],
            [
                [str(n), ("" if f.ok else "【请注意】") + f.text, f.basis]
                for n, f in enumerate(found, start=1)
            ],
            [8, 62, 30],
            ["center", "left", "left"],
        ),
        Paragraph(
            f"请依法支付经济补偿，出具裁减人员证明书，并在裁减后六个月内重新招用人员时优先招用被裁减人员（{rules['rehire_basis']}）。"
        ),
        Spacer(),
        Signatures(["经办人（签字）", "企业签收人（签字）"]),
        Seal(office_name(db), chinese_date(date.today())),
    ]
    return Document(
        "裁减人员方案报告回执",
        blocks,
        office=office_name(db),
        number=f"回执编号：{filing_id[-6:].upper()}",
    )
