"""The summary report read back: GB/T 9704 page setup, fonts and sizes, the
page-number fields, the tables' numbers; the annex; `hexie report`."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn

from app.services.campaign import campaign_report, guidance
from app.services.campaign.campaign_report import ReportInput

TODAY = date(2023, 12, 1)
OFFICIAL = frozenset({"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"})


def _mm(length) -> float:
    return round(length / 36000, 1)


def _east_asia(run) -> str:
    return run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def _write(db, campaign_id, tmp_path, fonts=OFFICIAL):
    campaign_report.save(
        db,
        campaign_id,
        ReportInput(
            title="关于2023年专项行动工作情况的报告",
            doc_number="汝三方办〔2023〕9号",
            addressee="平顶山市协调劳动关系三方委员会办公室：",
            issued_on=date(2023, 12, 1),
            signer="李建国",
            narratives={
                "risk": "我市组建了三支体检小分队。",
                "plans": "下一步将持续跟踪整改。",
            },
        ),
    )
    return campaign_report.write(
        db,
        campaign_id,
        tmp_path / "总结.docx",
        annex=tmp_path / "统计表.xlsx",
        today=TODAY,
        installed_fonts=fonts,
    )


def test_report_layout_read_back(db, counted, tmp_path):  # noqa: F811
    campaign_id, a, *_ = counted
    guidance.save_case(
        db,
        {
            "kind": "practice",
            "title": "三色预警化解欠薪隐患",
            "body": "建立红黄绿三色预警。",
            "in_report": True,
        },
        campaign_id=campaign_id,
        enterprise_id=a,
    )
    guidance.save_case(
        db,
        {"kind": "practice", "title": "未选入的案例", "body": "不写入。", "in_report": False},
        campaign_id=campaign_id,
    )
    result = _write(db, campaign_id, tmp_path)
    assert result.font_notes == []
    word = Document(str(result.docx))
    s = word.sections[0]
    assert (_mm(s.page_width), _mm(s.page_height)) == (210.0, 297.0)
    assert (_mm(s.top_margin), _mm(s.bottom_margin), _mm(s.left_margin), _mm(s.right_margin)) == (
        37.0,
        35.0,
        28.0,
        26.0,
    )
    # Text block 156 × 225 mm.
    assert _mm(s.page_width - s.left_margin - s.right_margin) == 156.0
    assert _mm(s.page_height - s.top_margin - s.bottom_margin) == 225.0
    assert word.settings.element.find(qn("w:mirrorMargins")) is not None
    paragraphs = {p.text: p for p in word.paragraphs}
    title = paragraphs["关于2023年专项行动工作情况的报告"]
    assert _east_asia(title.runs[0]) == "方正小标宋简体" and title.runs[0].font.size.pt == 22
    heading = paragraphs["一、基本情况"]
    assert _east_asia(heading.runs[0]) == "黑体" and heading.runs[0].font.size.pt == 16
    assert "二、主要做法和成效" in paragraphs and "三、存在问题" in paragraphs
    assert "四、下一步工作打算" in paragraphs
    sub = paragraphs["（一）查风险，强化风险摸排"]
    assert _east_asia(sub.runs[0]) == "楷体_GB2312"  # level 2 in 楷体
    for key in (
        "（二）强协商，突出协商要约",
        "（三）保支付，保障工资支付",
        "（四）促和谐，开展指导服务",
    ):
        assert key in paragraphs
    body = paragraphs["我市组建了三支体检小分队。"]
    assert _east_asia(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size.pt == 16
    assert round(body.paragraph_format.line_spacing.pt, 2) == 28.95  # 22 lines in 225 mm
    assert body.alignment == 3  # justified (两端对齐)
    # Sections without kept text carry the draft written from the data.
    basic = next(t for t in paragraphs if t.startswith("按照"))
    assert "共对2家企业" in basic and "计划4家" in basic
    # No 发文机关标志 set: no red band, the number right above the title.
    assert "汝三方办〔2023〕9号" in paragraphs
    assert not any(r.font.color.rgb for p in word.paragraphs for r in p.runs if r.font.color.type)
    assert "2023年12月1日" in paragraphs
    assert "附件：专项行动统计表" in paragraphs
    assert "1.三色预警化解欠薪隐患" in paragraphs
    assert not any("未选入" in t for t in paragraphs)
    # Page numbers: a PAGE field in the odd and the even footer, in 4号 宋体.
    for footer, align in ((s.footer, 2), (s.even_page_footer, 0)):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text
        assert footer.paragraphs[0].alignment == align
    assert word.settings.odd_and_even_pages_header_footer
    assert word.tables == []  # the statistics tables are in the annex


def test_letterhead_from_office_settings(db, counted, tmp_path):  # noqa: F811
    from app.services.core import office

    campaign_id, *_ = counted
    office.set_letterhead(
        db, office.Letterhead("汝州市协调劳动关系三方委员会办公室文件", "汝协三办")
    )
    assert campaign_report.defaults(db, campaign_id, TODAY).doc_number == "汝协三办〔2023〕　号"
    result = _write(db, campaign_id, tmp_path)
    word = Document(str(result.docx))
    mark = word.paragraphs[0]
    assert mark.text == "汝州市协调劳动关系三方委员会办公室文件"
    assert str(mark.runs[0].font.color.rgb) == "FF0000"
    # 上行文: number and 签发人 on one line under the mark, then the red rule.
    number = word.paragraphs[1]
    assert number.text == "汝三方办〔2023〕9号\t签发人：李建国"
    assert 'w:color="FF0000"' in number._p.xml
    # The title broken between words, never inside one.
    title = word.paragraphs[2]
    lines = [r.text for r in title.runs]
    assert "".join(lines) == "关于2023年专项行动工作情况的报告"


def test_word_names_official_fonts_with_fallbacks(db, counted, tmp_path):  # noqa: F811
    campaign_id, *_ = counted
    result = _write(db, campaign_id, tmp_path, fonts=frozenset())
    word = Document(str(result.docx))
    table = next(p for p in word.part.package.parts if str(p.partname) == "/word/fontTable.xml")
    xml = table.blob.decode("utf-8")
    for name, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert f'w:name="{name}"' in xml and f'w:val="{alt}"' in xml


def test_signature_centred_over_the_date(db, counted, tmp_path):  # noqa: F811
    from app.services.documents.title_lines import char_width

    campaign_id, *_ = counted
    word = Document(str(_write(db, campaign_id, tmp_path).docx))
    name = next(p for p in word.paragraphs if p.text == "汝州市协调劳动关系三方委员会办公室")
    when = next(p for p in word.paragraphs if p.text == "2023年12月1日")
    # Right edges: the date 4 characters in; the name's centre over the date's.
    right_date = when.paragraph_format.right_indent.pt / 16
    right_name = name.paragraph_format.right_indent.pt / 16
    centre_date = right_date + char_width(when.text) / 2
    centre_name = right_name + char_width(name.text) / 2
    assert right_date >= 4 and right_name >= 0 and abs(centre_date - centre_name) < 0.01
    assert name.paragraph_format.keep_with_next  # the sign-off stays with the text


def test_font_fallback_is_reported(db, counted, tmp_path):  # noqa: F811
    campaign_id, *_ = counted
    result = _write(
        db, campaign_id, tmp_path, fonts=frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC"})
    )
    assert any("仿宋_GB2312" in n and "Noto Serif CJK SC" in n for n in result.font_notes)
    word = Document(str(result.docx))
    body = next(p for p in word.paragraphs if p.text == "我市组建了三支体检小分队。")
    assert _east_asia(body.runs[0]) == "仿宋_GB2312"  # the file still names the official font
    nothing = _write(db, campaign_id, tmp_path, fonts=frozenset())
    assert any("未安装" in n for n in nothing.font_notes)


def test_annex_tables(db, counted, tmp_path):  # noqa: F811
    from openpyxl import load_workbook

    campaign_id, *_ = counted
    result = _write(db, campaign_id, tmp_path)
    wb = load_workbook(result.annex)
    assert wb.sheetnames[:3] == ["体检和整改", "风险等级", "按月进度"]
    ws = wb["体检和整改"]
    assert ws["A1"].value == "附件" and ws["A1"].font.name == "黑体"
    assert ws["A2"].value == "专项行动统计表：法治体检和整改台账（按县区）"
    assert ws["A3"].value.startswith("2023年")
    assert [c.value for c in ws[5]] == ["汝州市", 4, 2, 0.5, 1, 0, 1]
    assert ws["D5"].number_format == "0.0%"  # a rate is a number shown as a percent
    assert ws["B5"].font.name == "宋体" and ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.print_title_rows == "$4:$4"
    months = {r[0].value: r[1].value for r in wb["按月进度"].iter_rows(min_row=5)}
    assert months["2023年7月"] == 1 and months["2023年8月"] == 1


def test_wrong_suffix_is_refused(db, counted, tmp_path):  # noqa: F811
    import pytest

    campaign_id, *_ = counted
    with pytest.raises(ValueError, match=".docx"):
        campaign_report.write(db, campaign_id, tmp_path / "总结.pdf")


def test_cli_report(db, counted, tmp_path, capsys):  # noqa: F811
    from app.cli import main

    db_path = db.address
    db.close()
    out = tmp_path / "cli.docx"
    assert (
        main(
            [
                "report",
                "--db",
                db_path,
                "-o",
                str(out),
                "--annex",
                str(tmp_path / "a.xlsx"),
                "--today",
                "2023-12-01",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "已生成工作总结" in printed and out.exists() and (tmp_path / "a.xlsx").exists()
    assert main(["campaign", "--db", db_path]) == 0
    assert "2023年劳动用工" in capsys.readouterr().out
    plan = tmp_path / "方案.docx"
    assert main(["print-form", "campaign-plan", "--db", db_path, "-o", str(plan)]) == 0
    from docx import Document as Word

    text = "\n".join(p.text for p in Word(str(plan)).paragraphs)
    assert "实施方案" in text and "主要措施与责任分工" in text
    assert main(["print-form", "check-report", "--db", db_path, "-o", str(tmp_path / "x.pdf")]) == 1
    assert "指定要打印的记录" in capsys.readouterr().err


@pytest.mark.one_engine(
    "LibreOffice rendering; the report's reads on both engines: test_report_layout_read_back"
)
def test_rendered_report_keeps_body_text_with_the_sign_off(db, counted, tmp_path):  # noqa: F811
    """Rendered by LibreOffice (where installed), the last page holds body text beside
    the office's name and the date, for a report of any length."""
    # Not skipped when soffice is missing (office_pdf fails): .ci/run installs
    # libreoffice-writer-nogui, and a skipped rendering test would check nothing.
    from tests.pdf_tools import office_pdf, pdf_pages, pdf_text

    campaign_id, *_ = counted
    for extra in (0, 3, 6):
        campaign_report.save(
            db,
            campaign_id,
            ReportInput(
                title="关于2023年专项行动工作情况的报告",
                issued_on=date(2023, 12, 1),
                narratives={
                    "plans": "\n".join(
                        ["下一步将持续跟踪整改，督促企业逐项销号。" * 3] * (4 + extra)
                    )
                },
            ),
        )
        out = campaign_report.write(db, campaign_id, tmp_path / f"r{extra}.docx", today=TODAY).docx
        pdf = office_pdf(out, tmp_path)
        last = pdf_text(pdf, pdf_pages(pdf))
        assert "2023年12月1日" in last and "督促企业逐项销号" in last, extra


@pytest.mark.parametrize(
    "typed",
    ["汝三方办[2023]09号", "汝三方办（2023）第9号", "汝三方办【2023】9", "汝三方办〔2023〕9号"],
)
def test_document_number_printed_as_the_standard_writes_it(db, counted, tmp_path, typed):  # noqa: F811
    """GB/T 9704-2012 §7.2.4: the year in 〔〕, the serial without 第 and without a
    leading zero. The number was printed as typed (汝三方办[2023]09号)."""
    from app.services.core import office

    campaign_id, *_ = counted
    office.set_letterhead(
        db, office.Letterhead("汝州市协调劳动关系三方委员会办公室文件", "汝三方办")
    )
    data = campaign_report.get(db, campaign_id)
    data.doc_number = typed
    campaign_report.save(db, campaign_id, data)
    out = campaign_report.write(db, campaign_id, tmp_path / "总结.docx", today=TODAY)
    number = Document(str(out.docx)).paragraphs[1]
    assert number.text.split("\t")[0] == "汝三方办〔2023〕9号"


def test_a_report_written_after_its_due_day_is_dated_the_day_it_is_written(db, counted):  # noqa: F811
    """The report was dated the day it was due even when written later, so a report
    dated 12月1日 gave its figures 截至12月2日."""
    from app.services.campaign import campaigns

    campaign_id, *_ = counted
    due = campaigns.get(db, campaign_id).report_due
    assert due is not None
    before = campaign_report.defaults(db, campaign_id, today=date(due.year, due.month, 1))
    assert before.issued_on == max(due, date(due.year, due.month, 1))
    later = date.fromordinal(due.toordinal() + 3)
    assert campaign_report.defaults(db, campaign_id, today=later).issued_on == later


def test_the_report_is_dated_as_of_the_day_it_counts_to(db, counted, tmp_path):  # noqa: F811
    """`hexie report --today` counted the figures to that day but dated an unsaved
    report by the wall clock: both follow the same day."""
    from app.services.campaign import campaigns

    campaign_id, *_ = counted
    due = campaigns.get(db, campaign_id).report_due
    later = date.fromordinal(due.toordinal() + 5)
    out = campaign_report.write(db, campaign_id, tmp_path / "总结.docx", today=later)
    text = "\n".join(p.text for p in Document(str(out.docx)).paragraphs)
    assert f"{later.year}年{later.month}月{later.day}日" in text.splitlines()
