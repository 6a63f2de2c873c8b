"""The three health-check documents, rendered to PDF and Word and read back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage

from app.services.checks import check_forms, checklists, health_checks, printed_forms
from app.services.core.progress import drain
from app.services.documents.docx_render import render_docx
from app.services.register import enterprises
from app.views.printing import document_pdf, output
from tests.builders import code
from tests.pdf_tools import normalise, pdf_pages, pdf_text, read_qr, render_page
from tests.records import enterprise, filled


@pytest.fixture
def check_id(db):
    eid = enterprise(db)
    data = filled(
        db, eid, conclusion="企业用工总体规范，合同管理需加强。", advice="建立劳动合同签订台账。"
    )
    cid = health_checks.create(db, data)
    health_checks.finalise(db, cid)
    return cid


def test_check_report_pdf_has_name_every_item_and_deadlines(qapp, db, check_id, tmp_path):
    out = output.write_documents(db, "check-report", [check_id], tmp_path / "r.pdf")
    text = pdf_text(out)
    assert "劳动用工法治体检报告" in text and "汝州市测试1有限公司" in text
    for r in health_checks.get(db, check_id).results:
        assert normalise(r.question)[:10] in text, r.item_code
    assert "2023年7月20日" in text and "2023年7月12日" in text
    assert "第1页共" in text  # page numbers
    assert "汝州市协调劳动关系三方委员会办公室" in text


def test_report_table_header_repeats_on_later_pages(qapp, db, check_id, tmp_path):
    out = output.write_documents(db, "check-report", [check_id], tmp_path / "r.pdf")
    pages = [pdf_text(out, n) for n in range(1, pdf_pages(out) + 1)]
    assert len(pages) >= 3
    assert sum("检查内容" in p and "法律依据" in p for p in pages) >= 2


def test_rectification_notice_docx(db, check_id, tmp_path):
    import docx

    out = output.write_documents(db, "rectification-notice", [check_id], tmp_path / "n.docx")
    word = docx.Document(str(out))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    assert "整改建议书" in paragraphs and "汝州市测试1有限公司：" in paragraphs
    table = word.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][:3] == ["序号", "存在问题（整改事类）", "法律依据"]
    assert {row[4] for row in cells[1:]} == {"2023年7月20日", "2023年7月12日"}
    assert all(row[5] == "王厂长" for row in cells[1:])
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # header row repeats on each page
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "盖章" in paragraphs


def test_rectification_notice_pdf(qapp, db, check_id, tmp_path):
    out = output.write_documents(db, "rectification-notice", [check_id], tmp_path / "n.pdf")
    text = pdf_text(out)
    assert "整改建议书" in text and "王厂长" in text and "2023年7月20日" in text and "盖章" in text


def test_check_report_docx_lists_every_result(db, check_id, tmp_path):
    import docx

    out = render_docx(check_forms.check_report(db, check_id), tmp_path / "r.docx")
    word = docx.Document(str(out))
    all_cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    for r in health_checks.get(db, check_id).results:
        assert r.question in all_cells
    assert {"不合规", "合规"} <= all_cells


def test_blank_forms_batch_pdf_with_qr_marks_and_boxes(qapp, db, tmp_path):
    ids = [enterprise(db, serial=n, industry="建筑业" if n == 2 else "制造业") for n in (1, 2, 3)]
    out = drain(output.blank_forms(db, ids, tmp_path / "blank.pdf"))
    spec = checklists.active(db)
    with db.session() as s:
        from app.models.printed_form import PrintedForm

        printed = s.query(PrintedForm).all()
        assert len(printed) == 3
        layouts = {p.enterprise_id: (p.id, printed_forms.layout(db, p.id)) for p in printed}
    total_pages = sum(len(layout["pages"]) for _id, layout in layouts.values())
    assert pdf_pages(out) == total_pages
    form_id, layout = layouts[ids[1]]
    boxes = [b for page in layout["pages"] for b in page["boxes"]]
    assert {b["item"] for b in boxes} == {i.code for i in spec.live_items()}
    assert len(boxes) == 3 * len(spec.live_items())
    text = pdf_text(out)
    assert "汝州市测试2有限公司" in text and "劳动用工法治体检现场记录表" in text

    # Read the first page of the first form back as a scanner would.
    first_form_id, first_layout = next(
        v
        for v in layouts.values()
        if v[1]["pages"][0]["qr_payload"].endswith(f":1/{len(v[1]['pages'])}") and text
    )
    png = render_page(out, 1, 150, tmp_path)
    codes = read_qr(png)
    assert len(codes) == 1
    fields = printed_forms.parse_payload(codes[0])
    assert fields["V"] == str(spec.edition) and fields["P"].startswith("1/")
    page1 = layouts[next(e for e, (fid, _l) in layouts.items() if fid == fields["F"])][1]["pages"][
        0
    ]
    image = QImage(str(png))
    scale = 150 / 25.4

    def dark(x_mm: float, y_mm: float) -> bool:
        return image.pixelColor(int(x_mm * scale), int(y_mm * scale)).lightness() < 80

    for x, y, w, h in page1["marks"]:
        assert dark(x + w / 2, y + h / 2)  # corner marks are solid
    box = page1["boxes"][0]["rect"]
    assert dark(box[0], box[1] + box[3] / 2) and not dark(
        box[0] + box[2] / 2, box[1] + box[3] / 2
    )  # an empty box


def test_blank_form_marks_construction_items_for_other_industries(db):
    eid = enterprise(db)
    form = check_forms.blank_form(db, eid, "F1")
    applies = {i.code: i.applies for i in form.items}
    assert (
        applies["A01"] and not applies["M03"] and applies["G01"]
    )  # dispatch is unknown until the visit


def test_cancelled_batch_leaves_no_file_and_no_records(qapp, db, tmp_path):
    ids = [enterprise(db, serial=n) for n in range(1, 4)]
    work = output.blank_forms(db, ids, tmp_path / "blank.pdf")
    for _ in range(2):
        next(work)
    work.close()
    assert not (tmp_path / "blank.pdf").exists() and not list(tmp_path.glob("*.part"))
    with db.session() as s:
        from app.models.printed_form import PrintedForm

        assert s.query(PrintedForm).count() == 0


def test_unknown_output_type_refused(db, check_id, tmp_path):
    with pytest.raises(output.OutputError):
        output.write_documents(db, "check-report", [check_id], tmp_path / "r.txt")


def test_markup_in_text_is_printed_as_text(qapp, tmp_path):
    from app.services.documents.documents import Document, Paragraph

    out = document_pdf.write_pdf(
        [Document("标题", [Paragraph("<b>不是标签</b>")])], tmp_path / "t.pdf"
    )
    assert "<b>不是标签</b>" in pdf_text(out)
    assert date  # imported for fixtures' dates


def _checkouts(db) -> list[int]:
    """A list that grows by one each time a connection is taken from the pool."""
    from sqlalchemy import event

    taken: list[int] = []
    event.listen(db.engine, "checkout", lambda *_: taken.append(1))
    return taken


def test_a_batch_of_blank_forms_is_read_through_one_connection(db):
    """The same forms as one by one, read in one unit of work: one connection for the
    batch, where each form took two (its enterprise, the office code)."""
    from app.services.core.office import office_name

    ids = [enterprise(db, serial=n) for n in range(1, 6)]
    spec, office = checklists.active(db), office_name(db)
    one_by_one = [check_forms.blank_form(db, e, f"F{n}", spec, office) for n, e in enumerate(ids)]
    taken = _checkouts(db)
    forms = list(check_forms.blank_form_batch(db, ids, [f"F{n}" for n in range(5)], spec, office))
    assert forms == one_by_one
    assert len(taken) == 1


def test_credit_codes_are_looked_up_through_one_connection(db):
    from app.services.documents import print_targets
    from app.services.register import enterprises

    ids = [enterprise(db, serial=n) for n in range(1, 6)]
    codes = [enterprises.get(db, e)["credit_code"] for e in ids]
    taken = _checkouts(db)
    assert print_targets.enterprise_ids(db, [c.lower() for c in reversed(codes)]) == ids[::-1]
    assert len(taken) == 1
    with pytest.raises(print_targets.PrintTargetError, match="91000000000000000X"):
        print_targets.enterprise_ids(db, [codes[0], "91000000000000000X"])


def test_a_notice_for_a_check_with_nothing_to_rectify_asks_for_nothing(qapp, db, tmp_path):
    """It announced "发现以下需要整改的问题" and then said none were found."""
    eid = enterprise(db)
    cid = health_checks.create(db, filled(db, eid, noncompliant=()))
    health_checks.finalise(db, cid)
    out = output.write_documents(db, "rectification-notice", [cid], tmp_path / "n.pdf")
    text = normalise(pdf_text(out))
    assert "未发现需要整改的问题" in text and "请继续依法规范用工" in text
    assert "以下需要整改的问题" not in text and "整改期限届满前" not in text
    assert "赵科长" in text and "盖章" in text


def test_a_notice_with_items_asks_for_them_by_their_deadlines(qapp, db, check_id, tmp_path):
    out = output.write_documents(db, "rectification-notice", [check_id], tmp_path / "n.pdf")
    text = normalise(pdf_text(out))
    assert "发现以下需要整改的问题" in text and "整改期限届满前如有困难" in text
    assert "未发现需要整改的问题" not in text


@pytest.mark.one_engine(
    "LibreOffice rendering; the check's reads and writes on both engines: "
    "test_check_report_docx_lists_every_result"
)
def test_advice_on_several_lines_is_not_spread_across_the_page_in_word(db, tmp_path):
    """Advice typed as a numbered list (what the app proposes: one item a line) printed
    through Word: each line was a line break inside one justified paragraph, and Word
    and LibreOffice spread such a line over the whole width, a character at a time
    (「1.  补  全  合  同」). Each line reads back as one line of the page."""
    import subprocess

    from tests.pdf_tools import office_pdf

    lines = [
        "1. 补全合同必备条款，向劳动者交付合同文本。",
        "2. 建立年休假台账，安排休假。",
        "3. 通过公告栏、员工手册签收等方式公示，并保存记录。",
    ]
    cid = health_checks.create(db, filled(db, enterprise(db), advice="\n".join(lines)))
    out = output.write_documents(db, "check-report", [cid], tmp_path / "r.docx")
    pdf = office_pdf(out, tmp_path)
    read = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    printed = {normalise(line) for line in read.splitlines()}
    for line in lines:
        assert normalise(line) in printed, line


@pytest.mark.one_engine(
    "LibreOffice rendering; the notice's and report's reads on both engines: "
    "test_rectification_notice_docx, test_check_report_docx_lists_every_result"
)
def test_table_headers_and_item_codes_stay_on_one_line(qapp, db, check_id, tmp_path):
    """序号 and 整改负责人 in the rectification notice printed as 「序／号」 and
    「整改负责／人」 in the PDF and in Word, and the check report's item codes broke
    in Word (「M0／1」): each column now holds them on one line."""
    import subprocess

    from tests.pdf_tools import office_pdf

    def lines(pdf):
        read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        return {normalise(line) for line in read.stdout.splitlines()}

    notice_pdf = output.write_documents(db, "rectification-notice", [check_id], tmp_path / "n.pdf")
    notice_docx = output.write_documents(
        db, "rectification-notice", [check_id], tmp_path / "n.docx"
    )
    report_docx = output.write_documents(db, "check-report", [check_id], tmp_path / "r.docx")
    for pdf in (notice_pdf, office_pdf(notice_docx, tmp_path)):
        assert {"序号", "整改负责人"} <= lines(pdf), pdf.name
    codes = {r.item_code for r in health_checks.get(db, check_id).results}
    assert {"序号", *codes} <= lines(office_pdf(report_docx, tmp_path))


def _text_lines(pdf, page: int) -> list[tuple[float, float, float, float, str]]:
    """Each line of text on the page as pdftotext places it: its box in mm and text."""
    import re
    import subprocess

    xml = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    mm = 25.4 / 72
    lines = []
    for box, words in re.findall(r'<line (xMin="[^>]*")>(.*?)</line>', xml, flags=re.DOTALL):
        x0, y0, x1, y1 = (float(v) * mm for v in re.findall(r'"([0-9.]+)"', box))
        lines.append((x0, y0, x1, y1, "".join(re.findall(r">([^<]*)</word>", words))))
    return lines


def test_a_long_name_and_address_stay_inside_the_blank_forms_cells(qapp, db, tmp_path):
    """A long enterprise name ran from the line under the title into the name cell,
    and the cell's wrapped name and address over the borders and the lines beside
    them; a long phone number ran out of its cell. They are set smaller to fit."""
    from app.views.printing.blank_form_pdf import LEFT, RIGHT, TOP

    name = "汝州市中原现代农业科技发展集团股份有限公司第二分公司（原汝州市宏达农产品加工厂）"
    eid = enterprises.create(
        db,
        {
            "name": name,
            "credit_code": code(7),
            "county_code": "410482",
            "address": "河南省平顶山市汝州市经济技术开发区产业集聚区广成东路与丹阳北路交叉口"
            "向东三百米路北科技创业园区7号楼",
            "legal_representative": "欧阳建国",
            "contact_person": "司马光明",
            "contact_phone": "0375-6812345，13912345678",
        },
    )
    out = drain(output.blank_forms(db, [eid], tmp_path / "blank.pdf"))
    lines = _text_lines(out, 1)
    for n, a in enumerate(lines):
        assert LEFT - 0.5 <= a[0] and a[2] <= RIGHT + 0.5, a[4]
        for b in lines[n + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0.3 or overlap_y <= 0.3, (a[4], b[4])
    above_table = "".join(t for _x0, _y0, _x1, y1, t in lines if y1 <= TOP + 0.3)
    assert normalise(name) in normalise(above_table)


def test_the_correction_record_is_dated_as_the_rest_of_the_report(qapp, db, check_id):
    """六、更正记录 printed its dates 2023-07-25 in a report whose every other date reads
    2023年7月25日."""
    from app.services.core.local_time import local

    data = health_checks.get(db, check_id).input
    data.advice += "\n补交工资台账。"
    health_checks.amend(db, check_id, data, "企业补交了工资台账，复核后更正")
    detail = health_checks.get(db, check_id)
    on = local(detail.amendments[0].at).date()
    report = check_forms.check_report(db, check_id)
    text = normalise(report.text())
    line = next(b.text for b in report.blocks if "企业补交了工资台账" in getattr(b, "text", ""))
    assert line.startswith(f"{on.year}年{on.month}月{on.day}日"), line
    assert f"{on:%Y-%m-%d}" not in text


def test_a_draft_checks_forms_list_its_findings(qapp, db, tmp_path):
    """A draft makes no rectification items, and its report said 本次体检未发现不合规事项
    under a conclusion naming the failures, its notice 未发现需要整改的问题 (with no
    草稿 on it). Both list what finalising will put in the ledger, marked 草稿."""
    from app.services.documents.documents import Table

    cid = health_checks.create(db, filled(db, enterprise(db), noncompliant=("A01", "B03")))
    report = output.write_documents(db, "check-report", [cid], tmp_path / "r.pdf")
    notice = output.write_documents(db, "rectification-notice", [cid], tmp_path / "n.pdf")
    for out in (report, notice):
        text = pdf_text(out)
        assert "未发现" not in text and "草稿" in text, out.name

    def rows(kind):
        document = output.build_document(db, kind, cid)
        return [t.rows for t in document.blocks if isinstance(t, Table)][-1]

    draft = rows("rectification-notice")
    assert [r[0] for r in draft] == ["1", "2"]
    health_checks.finalise(db, cid)
    assert rows("rectification-notice") == draft  # the ledger's items, word for word
    assert "草稿" not in pdf_text(
        output.write_documents(db, "rectification-notice", [cid], tmp_path / "f.pdf")
    )
