"""Outgoing letters as the parties sign and stamp them (issue 15): the offer and the
reply name the union, carry no office header and no internal notes, one seal place
per party, the reply ticks the recorded answer; the layoff receipt gives no review
hints, writes dates in 年月日 and is dated the day the report was received; the
campaign plan ends with its issuing office, date and seal place."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.services.campaign import campaigns
from app.services.negotiation import offers
from app.services.register import enterprises
from app.views.printing import output
from tests.pdf_tools import pdf_text
from tests.records import enterprise, filing, offer

OFFICE = "汝州市协调劳动关系三方委员会办公室"
ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def test_offer_letter_names_the_union_without_office_header(qapp, db, tmp_path):
    eid = enterprise(db)
    enterprises.update(db, eid, {"has_union": True})
    oid = offer(db, eid, note="内部备注：企业负责人态度消极")
    out = output.write_documents(db, "offer-letter", [oid], tmp_path / "o.pdf")
    text = pdf_text(out)
    assert "汝州市测试1有限公司工会委员会" in text  # the union, by name
    assert OFFICE not in text  # a letter between the parties: no county header
    assert "内部备注" not in text and "企业情况" not in text and "要约编号" not in text
    assert text.count("盖章") == 1  # one seal place: the offering union's
    assert "2023年9月25日" in text


def test_union_named_on_the_offer_and_county_federation_without_union(qapp, db, tmp_path):
    eid = enterprise(db)  # no union in the enterprise
    oid = offer(db, eid)
    text = pdf_text(output.write_documents(db, "offer-letter", [oid], tmp_path / "a.pdf"))
    assert "汝州市总工会" in text
    data, _ = offers.get(db, oid)
    data.union_name = "汝州市建筑业联合工会"
    offers.save(db, data, oid)
    text = pdf_text(output.write_documents(db, "offer-letter", [oid], tmp_path / "b.pdf"))
    assert "汝州市建筑业联合工会" in text and "汝州市总工会" not in text


def test_reply_ticks_the_recorded_answer(qapp, db, tmp_path):
    eid = enterprise(db)
    accepted = offer(db, eid, reply="accepted", replied_on=date(2023, 10, 9))
    text = pdf_text(output.write_documents(db, "offer-reply", [accepted], tmp_path / "a.pdf"))
    assert "(√)同意进行集体协商" in text and "()暂不同意进行集体协商" in text
    assert OFFICE not in text and text.count("盖章") == 1
    refused = offer(db, enterprise(db, serial=2), reply="refused", replied_on=date(2023, 10, 9))
    text = pdf_text(output.write_documents(db, "offer-reply", [refused], tmp_path / "r.pdf"))
    assert "(√)暂不同意进行集体协商" in text and "(√)同意" not in text
    assert "2023年10月9日" in text


def test_layoff_receipt_without_hints_dated_when_received(qapp, db, tmp_path):
    fid = filing(db, enterprise(db), reported_on=date(2023, 3, 10))
    text = pdf_text(output.write_documents(db, "layoff-receipt", [fid], tmp_path / "l.pdf"))
    assert "审查提示" not in text and "请注意" not in text
    assert not ISO_DATE.search(text)  # 年月日 throughout
    assert text.endswith("2023年3月10日第1页共1页")  # dated the day the report was received
    chosen = output.write_documents(
        db, "layoff-receipt", [fid], tmp_path / "c.pdf", receipt_date=date(2023, 3, 13)
    )
    assert "2023年3月13日第1页" in pdf_text(chosen)


def test_layoff_receipt_cites_article_41_only_at_its_threshold(qapp, db, tmp_path):
    """19 of 200 is below 第四十一条's number (20, or 10% of the staff): the receipt
    says so and names 第四十条、第四十三条 instead; 19 of 190 is exactly 10%, and 25 of
    1,000 is twenty or more: those are 第四十一条 layoffs (docs/law.md)."""
    below = filing(db, enterprise(db))  # 19 of 200
    text = pdf_text(output.write_documents(db, "layoff-receipt", [below], tmp_path / "b.pdf"))
    assert "未达到《中华人民共和国劳动合同法》第四十一条第一款规定的人数" in text
    assert "不属于该条规定的经济性裁员" in text and "第四十条、第四十三条" in text
    assert "裁减人员方案应当向劳动行政部门报告" not in text
    assert "第四十一条第一款第" not in text and "第四十一条第三款" not in text
    assert "裁减人员证明书" not in text and "生产经营发生严重困难" in text  # the ground, in words
    for serial, staff, laid_off in ((2, 190, 19), (3, 1000, 25)):
        fid = filing(db, enterprise(db, serial=serial), total_staff=staff, laid_off=laid_off)
        text = pdf_text(output.write_documents(db, "layoff-receipt", [fid], tmp_path / "a.pdf"))
        assert "裁减人员方案应当向劳动行政部门报告" in text
        assert "第四十一条第一款第二项" in text and "未达到" not in text


def test_campaign_plan_ends_with_issuer_date_and_seal(qapp, db, tmp_path):
    cid = campaigns.save(db, campaigns.load_template())
    out = output.write_documents(
        db, "campaign-plan", [cid], tmp_path / "p.pdf", issued_on=date(2023, 7, 3)
    )
    text = pdf_text(out)
    assert re.search(rf"{OFFICE}\(盖章\)2023年7月3日第\d页共\d页$", text)


@pytest.mark.one_engine(
    "LibreOffice rendering; the letters' reads on both engines: "
    "test_layoff_receipt_without_hints_dated_when_received"
)
def test_word_labels_are_not_broken_in_their_column(db, tmp_path):
    """The Word forms gave every label column a fifth of the page, and the receipt's
    向职工说明情况日期 and the report's 拖欠工资（元／人） broke onto a second line
    (「向职工说明情况日／期」). The column is as wide as the longest label, as in the PDF."""
    import subprocess

    from tests.pdf_tools import normalise, office_pdf

    fid = filing(db, enterprise(db))
    out = output.write_documents(db, "layoff-receipt", [fid], tmp_path / "l.docx")
    read = subprocess.run(
        ["pdftotext", str(office_pdf(out, tmp_path)), "-"], capture_output=True, text=True
    ).stdout
    lines = {normalise(line) for line in read.splitlines()}
    assert {"向职工说明情况日期", "统一社会信用代码", "计划裁员日期"} <= lines
