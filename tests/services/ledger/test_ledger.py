from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from app.services.checks import health_checks
from app.services.core import holidays, record_files, shared_files, workdays
from app.services.core.fields import ValidationError
from app.services.core.progress import drain
from app.services.ledger import attachments, ledger, ledger_reminders
from app.services.ledger.ledger import LedgerFilter, ManualItem
from app.services.register import enterprises
from tests.builders import code
from tests.records import close, enterprise, filled, manual, move


@pytest.fixture
def evidence(tmp_path):
    path = tmp_path / "整改报告.pdf"
    path.write_bytes(b"%PDF-1.4 rectification report")
    return path


def test_status_path_to_closed_with_history(db, evidence):
    item = manual(db, enterprise(db))
    close(db, item, evidence)
    row = ledger.get(db, item)
    assert row.status == "closed"
    lines = ledger.history(db, item)
    assert [line.text.split("：")[0] for line in lines] == [
        "待整改 → 整改中",
        "整改中 → 已整改待核验",
        "已整改待核验 → 已销号",
    ]
    assert all(line.author == "测试员" for line in lines)


def test_refused_transitions(db, evidence):
    item = manual(db, enterprise(db))
    with pytest.raises(ValidationError) as err:
        move(db, item, "closed", date(2023, 9, 5), "直接销号", verified_by="李四")
    assert "不能直接改为" in err.value.errors["status"]
    move(db, item, "awaiting_verification", date(2023, 9, 5), "已整改")
    with pytest.raises(ValidationError) as err:
        move(db, item, "closed", date(2023, 9, 6), "核验", verified_by="")
    assert "核验人" in err.value.errors["verified_by"] and "佐证" in err.value.errors["evidence"]
    with pytest.raises(ValidationError) as err:
        move(db, item, "in_progress", date(2023, 9, 6), "")
    assert "说明" in err.value.errors["note"]
    with pytest.raises(ValidationError):
        move(db, item, "in_progress", date(2023, 8, 1), "早于发现")
    assert ledger.get(db, item).status == "awaiting_verification"


def test_reopen_needs_reason(db, evidence):
    item = manual(db, enterprise(db))
    close(db, item, evidence)
    with pytest.raises(ValidationError) as err:
        move(db, item, "in_progress", date(2023, 10, 9), "再")
    assert "理由" in err.value.errors["note"]
    move(db, item, "in_progress", date(2023, 10, 9), "复查发现仍有3人未签合同")
    assert ledger.get(db, item).status == "in_progress"


def test_overdue_and_due_soon_across_national_day(db):
    """2023: 29 Sep – 6 Oct off; Saturday 7 Oct and Sunday 8 Oct worked (调休)."""
    eid = enterprise(db)
    a = manual(db, eid, deadline=date(2023, 9, 28), matter="甲")  # overdue on 9 Oct
    b = manual(db, eid, deadline=date(2023, 10, 9), matter="乙")  # due today
    c = manual(db, eid, deadline=date(2023, 10, 11), matter="丙")
    d = manual(db, eid, deadline=date(2023, 10, 12), matter="丁")
    today = date(2023, 9, 28)
    # From Thursday 28 Sep, 2 working days ahead are Sat 7 Oct and Sun 8 Oct.
    assert workdays.load(db).add_working_days(today, 2) == date(2023, 10, 8)
    soon = {r.matter for r in ledger.page(db, LedgerFilter(due_within_workdays=2, today=today))}
    assert soon == {"甲"}
    today = date(2023, 10, 9)
    assert {r.id for r in ledger.page(db, LedgerFilter(overdue=True, today=today))} == {a}
    soon = {r.id for r in ledger.page(db, LedgerFilter(due_within_workdays=2, today=today))}
    assert soon == {b, c}  # 10 and 11 Oct are the next two working days; 12 Oct is not
    assert d not in soon
    row = ledger.get(db, a)
    assert row.overdue_days(today) == 11
    reminders = ledger_reminders.reminders(db, today=today, workdays_ahead=2)
    assert [r.id for r in reminders.overdue] == [a] and {r.id for r in reminders.due_soon} == {b, c}


def test_deadline_extension_keeps_original(db):
    item = manual(db, enterprise(db))
    with pytest.raises(ValidationError):
        ledger.extend_deadline(db, item, date(2023, 9, 20), "提前了")
    with pytest.raises(ValidationError):
        ledger.extend_deadline(db, item, date(2023, 10, 30), "")
    ledger.extend_deadline(db, item, date(2023, 10, 30), "企业申请延期，需补缴社保")
    ledger.extend_deadline(db, item, date(2023, 11, 15), "银行放款推迟")
    row = ledger.get(db, item)
    assert row.deadline == date(2023, 11, 15) and row.original_deadline == date(2023, 9, 28)
    texts = [h.text for h in ledger.history(db, item) if h.kind == "extension"]
    assert texts == [
        "整改时限 2023-09-28 延至 2023-10-30：企业申请延期，需补缴社保",
        "整改时限 2023-10-30 延至 2023-11-15：银行放款推迟",
    ]


def test_manual_item_deadline_before_finding_refused(db):
    eid = enterprise(db)
    with pytest.raises(ValidationError) as err:
        manual(db, eid, found=date(2023, 9, 1), deadline=date(2023, 8, 1))
    assert "早于" in err.value.errors["deadline"]
    item = ledger.add_manual(
        db, ManualItem(eid, "未设告示牌", date(2023, 9, 27), rectify_days=3, day_kind="calendar")
    )
    assert ledger.get(db, item).deadline == date(
        2023, 10, 7
    )  # 30 Sep is a holiday: rolls to the worked Saturday


def test_evidence_hash_and_tampering(db, evidence):
    item = manual(db, enterprise(db))
    attachments.add(db, item, evidence)
    [row] = attachments.list_for(db, item)
    assert row.state == "ok" and row.sha256 == attachments.sha256_of(evidence) and row.path.exists()
    if db.is_server:
        # The evidence is the server's row; this PC's copy is only for opening it.
        assert row.path.is_relative_to(attachments.folder(db) / shared_files.COPIES)
        row.path.write_bytes(b"tampered")  # a copy changed on this PC is written again
        assert attachments.list_for(db, item)[0].state == "ok"
        assert row.path.read_bytes() == evidence.read_bytes()
        tamper = "UPDATE stored_file SET content = :junk"
        lose = "DELETE FROM stored_file"
    else:
        assert row.path.parent.parent == attachments.folder(db)
    with db.session() as session:
        if db.is_server:
            session.execute(text(tamper), {"junk": b"tampered"})
        else:
            row.path.write_bytes(b"tampered")
    assert attachments.list_for(db, item)[0].state == "altered"
    move(db, item, "awaiting_verification", date(2023, 9, 5), "已整改")
    with pytest.raises(ValidationError) as err:
        move(db, item, "closed", date(2023, 9, 6), "核验", verified_by="李四")
    assert "改动" in err.value.errors["evidence"]
    with db.session() as session:
        if db.is_server:
            session.execute(text(lose))
        else:
            row.path.unlink()
    assert attachments.list_for(db, item)[0].state == "missing"  # the record stays


def test_bad_attachments(db, tmp_path, monkeypatch):
    item = manual(db, enterprise(db))
    with pytest.raises(attachments.AttachmentError) as err:
        attachments.add(db, item, tmp_path / "none.pdf")
    assert "找不到" in str(err.value)
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x")
    monkeypatch.setattr(record_files, "MAX_BYTES", 0)
    with pytest.raises(attachments.AttachmentError) as err:
        attachments.add(db, item, big)
    assert "上限" in str(err.value)
    monkeypatch.undo()
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(attachments.AttachmentError):
        attachments.add(db, item, exe)
    assert attachments.list_for(db, item) == []


def test_progress_per_enterprise(db, evidence):
    eid = enterprise(db)
    items = [manual(db, eid, matter=f"问题{n}") for n in range(3)]
    close(db, items[0], evidence)
    assert ledger.progress(db, [eid]) == {eid: (1, 3)}
    assert ledger.progress_text(1, 3) == "1 / 3 已销号"


def test_filters_and_sorting(db):
    a = enterprise(db, serial=1)
    b = enterprises.create(
        db, {"name": "叶县乙公司", "credit_code": code(2, "410422"), "county_code": "410422"}
    )
    manual(db, a, deadline=date(2023, 9, 28), matter="甲问题")
    manual(db, b, deadline=date(2023, 9, 10), matter="乙问题")
    assert [r.matter for r in ledger.page(db, LedgerFilter(county_code="410422"))] == ["乙问题"]
    assert [r.matter for r in ledger.page(db, LedgerFilter(), sort="deadline")] == [
        "乙问题",
        "甲问题",
    ]
    assert [r.matter for r in ledger.page(db, LedgerFilter(), sort="enterprise")] == [
        "甲问题",
        "乙问题",
    ]  # r < y
    assert (
        ledger.count(db, LedgerFilter(person="王厂")) == 2
        and ledger.count(db, LedgerFilter(person="赵科")) == 2
    )
    assert ledger.count(db, LedgerFilter(person="钱")) == 0
    assert ledger.count(db, LedgerFilter(deadline_from=date(2023, 9, 15))) == 1
    assert ledger.count(db, LedgerFilter(text="乙问")) == 1


def test_export_xlsx_blocks_titles_and_filter(db, tmp_path):
    from openpyxl import load_workbook

    a = enterprise(db, serial=1)
    b = enterprises.create(
        db, {"name": "叶县乙公司", "credit_code": code(2, "410422"), "county_code": "410422"}
    )
    for n in range(3):
        manual(db, a, matter=f"甲问题{n}")
    manual(db, b, matter="乙问题")
    out = drain(ledger_export(db, LedgerFilter(today=date(2023, 10, 9)), tmp_path / "台账.xlsx"))
    ws = load_workbook(out)["整改台账"]
    assert "整改台账" in ws["A1"].value and "2023年10月9日" in ws["A2"].value
    assert [c.value for c in ws[3]][:5] == ["序号", "企业名称", "所属县区", "问题来源", "整改事类"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "B4:B6" in merged and "C4:C6" in merged
    assert ws["B4"].value == "汝州市测试1有限公司" and ws["B7"].value == "叶县乙公司"
    assert ws["L4"].value == "待整改（逾期）" and ws["M4"].value == "逾期 11 天"
    assert ws.print_title_rows == "$3:$3" and ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions["E"].width == 40
    only = drain(
        ledger_export(
            db, LedgerFilter(county_code="410422", today=date(2023, 10, 9)), tmp_path / "叶县.xlsx"
        )
    )
    ws = load_workbook(only)["整改台账"]
    assert ws.max_row == 4 and ws["B4"].value == "叶县乙公司"


def ledger_export(*args, **kwargs):
    from app.services.ledger.ledger_export import export

    return export(*args, **kwargs)


def test_holiday_file_import_and_coverage(db, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2027年放假安排"])
    ws.append(["日期", "类型", "名称"])
    ws.append(["2027-01-01", "放假", "元旦"])
    ws.append(["2027-02-06", "上班", "春节调休"])
    wb.save(tmp_path / "h.xlsx")
    assert holidays.import_file(db, tmp_path / "h.xlsx") == 2
    calendar = workdays.load(db)
    assert not calendar.is_workday(date(2027, 1, 1)) and calendar.is_workday(date(2027, 2, 6))
    assert "2027" in calendar.warning_for([date(2027, 3, 1)])
    holidays.set_year_complete(db, 2027, True)
    assert workdays.load(db).warning_for([date(2027, 3, 1)]) == ""
    assert [c.source for c in holidays.coverage(db, [2026, 2027, 2028])] == [
        "package",
        "office",
        "missing",
    ]


def test_bad_holiday_file_imports_nothing(db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "日期,类型,名称\n2027-13-01,放假,错\n2027-01-01,放假,元旦\n2027-01-04,上班,周一\n2027-01-01,放假,重复\n",
        encoding="utf-8",
    )
    with pytest.raises(holidays.HolidayError) as err:
        holidays.import_file(db, path)
    message = str(err.value)
    assert "第 2 行" in message and "第 4 行" in message and "第 5 行" in message
    assert holidays.days(db, 2027) == []


def test_check_findings_appear_in_ledger(db):
    eid = enterprise(db)
    check_id = health_checks.create(db, filled(db, eid), final=True)
    rows = ledger.page(db, LedgerFilter(check_id=check_id))
    assert {r.source for r in rows} == {"check"} and len(rows) == 2
    assert rows[0].check_date == date(2023, 6, 20)


def test_export_rows_fit_their_text_and_print_with_page_numbers(db, tmp_path):
    """Wrapped cells get rows tall enough to hold them (Excel does not grow a row
    for text a program wrote), 宋体 not Calibri, dates as 年月日, page numbers."""
    from openpyxl import load_workbook

    a = enterprise(db, serial=1)
    long_matter = "未按支付周期编制书面工资支付台账" * 6  # 96 CJK characters
    manual(db, a, matter=long_matter)
    manual(db, a, matter="短")
    out = drain(ledger_export(db, LedgerFilter(today=date(2023, 10, 9)), tmp_path / "台账.xlsx"))
    wb = load_workbook(out)
    ws = wb["整改台账"]
    rows = {ws.cell(r, 5).value: r for r in range(4, ws.max_row + 1)}
    width = ws.column_dimensions["E"].width  # in widths of "0"; a CJK character is two
    lines = -(-len(long_matter) * 2 // int(width - 1))  # a unit of padding
    assert lines >= 5
    assert ws.row_dimensions[rows[long_matter]].height >= lines * 10 * 1.2
    assert ws.row_dimensions[rows["短"]].height < 2 * 10 * 1.3 + 4
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.cell(rows["短"], 5).font.name == "宋体" and ws["A1"].font.name == "黑体"
    assert wb._fonts[0].name == "宋体"  # the default for cells typed later
    found = ws.cell(rows["短"], 7)
    assert found.number_format == 'yyyy"年"m"月"d"日"' and found.value.date() == date(2023, 9, 1)
