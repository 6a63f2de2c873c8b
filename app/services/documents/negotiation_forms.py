"""Printed forms for offers and layoffs: the offer letter (要约书), the reply
form (要约回复书) and the layoff-plan receipt (裁减人员方案报告回执).

The offer and the reply pass between a union and an enterprise: they carry no
office header and nothing the office keeps for itself (the enterprise's situation
class, internal numbers, review hints); each party has one place for its seal.
The receipt goes from the office to the enterprise, dated the day the report was
received unless another date is chosen when printing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.models.db import Database
from app.services.core import reference
from app.services.core.office import office_name
from app.services.documents import documents as doc
from app.services.layoffs import layoff_rules, layoffs
from app.services.negotiation import negotiation_rules, offers

BLANK_DATE = "　　　　年　　月　　日"


def union_name_for(enterprise: str, has_union: bool, county_code: str) -> str:
    """The union a letter names when the offer record names none: the enterprise's
    union committee, or, where the enterprise has no union, the county federation of
    trade unions, which guides the staff's representatives (集体合同规定 第20条)."""
    if has_union:
        return f"{enterprise}工会委员会"
    county = reference.division_name(county_code)
    return f"{county}总工会" if county else "县（市、区）总工会"


def _parties(data: offers.OfferInput, facts: dict[str, Any]) -> tuple[str, str]:
    """(the offering party, the receiving party), each by name."""
    enterprise = facts["enterprise"]
    union = data.union_name.strip() or union_name_for(
        enterprise, facts["has_union"], facts["county_code"]
    )
    return (union, enterprise) if data.offeror == "union" else (enterprise, union)


def offer_letter(db: Database, offer_id: str) -> doc.Document:
    data, facts = offers.get(db, offer_id)
    sender, receiver = _parties(data, facts)
    rules = negotiation_rules.rule_set(data.rules)
    topics = [negotiation_rules.topic_label(t) for t in data.topics]
    unit = "个工作日" if rules["reply"]["kind"] == "working" else "日"
    blocks: list[Any] = [
        doc.salutation(receiver),
        doc.Paragraph(
            "根据《中华人民共和国劳动合同法》《集体合同规定》和《河南省企业工资集体协商条例》，"
            f"{sender}现向你方提出开展集体协商的要约，就以下事项进行协商，"
            "签订（续订）集体合同或专项集体合同："
        ),
        doc.Table(
            ["序号", "协商议题"],
            [[str(n), t] for n, t in enumerate(topics, start=1)],
            [10, 90],
            ["center", "left"],
        ),
        doc.Paragraph(
            f"请你方自收到本要约书之日起{rules['reply']['days']}{unit}内书面答复"
            f"（{rules['reply']['basis']}），无正当理由不得拒绝或者拖延集体协商。"
        ),
        doc.Spacer(),
        doc.Signatures(["首席代表（签字）"]),
        doc.Seal(sender, doc.chinese_date(data.sent_on) or BLANK_DATE),
        doc.Signatures(
            ["签收人（签字）", f"签收日期：{doc.chinese_date(data.received_on) or BLANK_DATE}"]
        ),
    ]
    return doc.Document("集体协商要约书", blocks)


def reply_form(db: Database, offer_id: str) -> doc.Document:
    data, facts = offers.get(db, offer_id)
    offeror, replier = _parties(data, facts)
    topics = "、".join(negotiation_rules.topic_label(t) for t in data.topics)
    meetings = offers.sessions(db, offer_id)
    first = meetings[0][1] if meetings else None
    ours = None
    if first is not None:
        by_union = data.offeror == "union"  # the replier is the enterprise
        ours = (
            (first.employer_chief_name, first.employer_reps)
            if by_union
            else (first.worker_chief_name, first.worker_reps)
        )

    def tick(answer: str) -> str:
        return "（√）" if data.reply == answer else "（　）"

    when = doc.chinese_date(first.held_on) if first and first.held_on else BLANK_DATE
    # The reason is the replier's to write: the record's notes are the office's own.
    reason = "＿" * 16
    blocks: list[Any] = [
        doc.salutation(offeror),
        doc.Paragraph(
            f"你方于{doc.chinese_date(data.received_on) or BLANK_DATE}送达的集体协商要约书收悉，"
            f"要约议题：{topics}。经研究，答复如下："
        ),
        doc.Paragraph(
            f"{tick('accepted')}同意进行集体协商。首次协商时间：{when}。",
            indent=False,
        ),
        doc.Paragraph(f"{tick('refused')}暂不同意进行集体协商，理由：{reason}。", indent=False),
        doc.FieldGrid(
            [
                ("我方首席代表", ours[0] if ours else ""),
                ("我方协商代表人数", str(ours[1]) if ours and ours[1] else ""),
            ]
        ),
        doc.Spacer(),
        doc.Signatures(["首席代表（签字）"]),
        doc.Seal(replier, doc.chinese_date(data.replied_on) or BLANK_DATE),
    ]
    return doc.Document("集体协商要约回复书", blocks)


def layoff_receipt(db: Database, filing_id: str, receipt_date: date | None = None) -> doc.Document:
    """Dated the day the report was received (`reported_on`), or `receipt_date`.

    Only a layoff of twenty or more, or of fewer who are at least a tenth of the
    staff, is an economic layoff under 《劳动合同法》第四十一条 that must be reported;
    below that number the receipt says so and names the rules that do apply to each
    termination (第四十条、第四十三条、第四十六条、第五十条; docs/law.md, "Economic
    layoffs")."""
    data, facts = layoffs.get(db, filing_id)
    on = receipt_date or data.reported_on
    article_41 = layoff_rules.threshold_met(data.total_staff or 0, data.laid_off or 0).ok
    ground = layoff_rules.rules()["grounds"].get(data.ground, "")
    received = (
        f"你单位于{doc.chinese_date(data.reported_on) or BLANK_DATE}报告的裁减人员方案已收到。"
    )
    if article_41:
        opening = (
            received
            + "依照《中华人民共和国劳动合同法》第四十一条，裁减人员方案应当向劳动行政部门报告；"
            "本回执仅证明已收到报告，不是对方案的批准。"
        )
        situation = f"第四十一条第一款第{'一二三四'[int(data.ground) - 1]}项"
        closing = (
            "请依法向被裁减人员支付经济补偿，出具裁减人员证明书；裁减人员后六个月内重新招用人员的，"
            "应当通知被裁减的人员，并在同等条件下优先招用（《中华人民共和国劳动合同法》第四十一条第三款、"
            "第四十六条）。"
        )
    else:
        opening = (
            received + f"本次拟裁减{data.laid_off}人，职工总数{data.total_staff}人，"
            "未达到《中华人民共和国劳动合同法》第四十一条第一款规定的人数（裁减人员二十人以上，"
            "或者裁减不足二十人但占企业职工总数百分之十以上），不属于该条规定的经济性裁员；"
            "本回执仅证明已收到材料，不是对方案的批准。"
        )
        situation = ground
        closing = (
            "解除劳动合同的，请依照《中华人民共和国劳动合同法》第四十条、第四十三条的规定，"
            "提前三十日以书面形式通知劳动者本人或者额外支付劳动者一个月工资，事先将理由通知工会；"
            "不得解除第四十二条所列劳动者的劳动合同；依法支付经济补偿（第四十六条、第四十七条），"
            "出具解除劳动合同的证明（第五十条）。"
        )
    blocks: list[Any] = [
        doc.salutation(facts["enterprise"]),
        doc.Paragraph(opening),
        doc.FieldGrid(
            [
                ("企业名称", facts["enterprise"]),
                ("统一社会信用代码", facts["credit_code"]),
                ("所属县（市、区）", reference.division_name(facts["county_code"])),
                ("裁员情形", situation),
                ("职工总数", f"{data.total_staff}人"),
                ("拟裁减人数", f"{data.laid_off}人"),
                ("向职工说明情况日期", doc.chinese_date(data.explained_on)),
                ("计划裁员日期", doc.chinese_date(data.layoff_on)),
            ]
        ),
        doc.Paragraph(closing),
        doc.Spacer(),
        doc.Signatures(["经办人（签字）"]),
        doc.Seal(office_name(db), doc.chinese_date(on) or BLANK_DATE),
    ]
    return doc.Document("裁减人员方案报告回执", blocks, office=office_name(db))
