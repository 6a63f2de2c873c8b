"""Every printed character copies out of our PDFs as itself (issue 15): no Kangxi
radicals for 用/工/人, no digits lost after Latin letters (credit codes, form numbers)."""

from __future__ import annotations

from pypdf import PdfReader

from app.services.checks import health_checks, printed_forms
from app.services.core.progress import drain
from app.services.register import enterprises
from app.views.printing import output
from tests.pdf_tools import raw_pdf_text
from tests.records import enterprise, filled

KANGXI = range(0x2F00, 0x2FE0)
RADICALS_SUPPLEMENT = range(0x2E80, 0x2F00)


def _no_radicals(text: str) -> None:
    bad = [c for c in text if ord(c) in KANGXI or ord(c) in RADICALS_SUPPLEMENT]
    assert not bad, f"radicals in the text layer: {''.join(bad)}"


def test_check_report_text_layer_searchable(qapp, db, tmp_path):
    eid = enterprise(db)
    cid = health_checks.create(db, filled(db, eid))
    out = output.write_documents(db, "check-report", [cid], tmp_path / "r.pdf")
    text = raw_pdf_text(out)
    _no_radicals(text)
    ent = health_checks.get(db, cid).enterprise
    assert "劳动用工法治体检报告" in text and "统一社会信用代码" in text
    assert ent["credit_code"] in text  # every digit of the code, in a table cell
    # pypdf reads the same ToUnicode maps as pdftotext does
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "劳动用工" in first and ent["credit_code"] in first.replace(" ", "")


def test_blank_form_text_layer_has_form_number_and_code(qapp, db, tmp_path):
    eid = enterprise(db)
    out = drain(output.blank_forms(db, [eid], tmp_path / "b.pdf"))
    text = raw_pdf_text(out)
    _no_radicals(text)
    with db.session() as s:
        from app.models.printed_form import PrintedForm

        form = s.query(PrintedForm).one()
    layout = printed_forms.layout(db, form.id)
    assert layout is not None
    assert form.id in text  # e.g. F2345ABCDE: digits after a Latin letter
    assert "劳动用工法治体检现场记录表" in text
    assert enterprises.get(db, eid)["credit_code"] in text
