from __future__ import annotations

from datetime import date

import pytest

from app.services.checks import checklist_xlsx, checklists, health_checks
from app.services.checks.health_checks import CheckInput, ResultEntry
from app.services.core.fields import ValidationError
from app.services.ledger import ledger
from app.services.register import enterprises
from tests.builders import code
from tests.records import enterprise, filled


def test_default_checklist_loaded_from_data(db):
    spec = checklists.active(db)
    assert spec.edition == 1 and len(spec.items) >= 30
    groups = {i.group for i in spec.items}
    assert {
        "劳动合同与职工名册",
        "劳务派遣",
        "农民工工资支付（工程建设）",
        "集体合同与工资集体协商",
    } <= groups
    assert checklists.validate(spec.items, spec.conditions) == []


def test_conditions_select_items(db):
    spec = checklists.active(db)
    plain = health_checks.applicable_codes(
        spec, {"industry": "制造业", "dispatched_workers": 0, "migrant_workers": None}
    )
    builder = health_checks.applicable_codes(
        spec, {"industry": "建筑业", "dispatched_workers": 3, "migrant_workers": 40}
    )
    assert "M03" not in plain and "G02" not in plain and "A01" in plain
    assert {"M03", "M07", "G02", "M01"} <= builder


def test_template_marks_inapplicable_items(db):
    data = health_checks.template(db, enterprise(db), date(2023, 6, 20))
    by_code = {r.item_code: r.result for r in data.results}
    assert by_code["A01"] == "unchecked" and by_code["M03"] == "na" and by_code["G01"] == "na"


def test_two_noncompliant_items_make_two_rectification_items_with_deadlines(db):
    eid = enterprise(db)
    check_id = health_checks.create(db, filled(db, eid), final=True)
    detail = health_checks.get(db, check_id)
    items = {r.item_code: r for r in detail.rectifications}
    assert set(items) == {"A01", "B03"}
    # A01: 30 calendar days from 2023-06-20 → 2023-07-20 (a Thursday).
    assert items["A01"].deadline == date(2023, 7, 20)
    # B03: 15 working days after Tuesday 2023-06-20. 22–24 June is the Dragon Boat
    # holiday and Sunday 25 June is worked (调休): 21, 25, 26–30 June, 3–7 and 10–12 July.
    assert items["B03"].deadline == date(2023, 7, 12)
    assert items["A01"].enterprise_person == "王厂长" and items["A01"].office_person == "赵科长"
    # 整改事类 names the failure (the checklist item's finding), not the question.
    assert items["A01"].matter == "未在用工之日起一个月内与劳动者订立书面劳动合同"


def test_calendar_deadline_on_a_holiday_rolls_forward(db):
    eid = enterprise(db)
    # A05 has 3 calendar days: from 2023-09-27 the third day is 30 Sep (National Day) → 9 Oct? 7–8 Oct are worked.
    data = filled(db, eid, on=date(2023, 9, 27), noncompliant=("A05",))
    detail = health_checks.get(db, health_checks.create(db, data, final=True))
    assert detail.rectifications[0].deadline == date(2023, 10, 7)


def test_amending_a_final_check_follows_through_to_the_ledger(db):
    eid = enterprise(db)
    check_id = health_checks.create(db, filled(db, eid), final=True)
    data = health_checks.get(db, check_id).input
    for r in data.results:
        if r.item_code == "B03":
            r.result = "compliant"
        if r.item_code == "C03":
            r.result = "noncompliant"
    health_checks.amend(db, check_id, data, "复核后更正 B03、C03")
    assert {r.item_code for r in health_checks.get(db, check_id).rectifications} == {"A01", "C03"}


def test_a_draft_makes_no_rectification_items_until_it_is_finalised(db):
    eid = enterprise(db)
    data = filled(db, eid)
    check_id = health_checks.create(db, data)
    assert health_checks.get(db, check_id).rectifications == []
    assert ledger.count(db, ledger.LedgerFilter()) == 0
    summary = health_checks.draft_summary(data)
    assert "不合规 2 项" in summary and "定稿时才生成" in summary
    assert "Non-compliant" not in summary and "2 non-compliant" in summary.english()
    health_checks.finalise(db, check_id)
    assert {r.item_code for r in health_checks.get(db, check_id).rectifications} == {"A01", "B03"}
    assert ledger.count(db, ledger.LedgerFilter()) == 2


def test_a_refused_finalise_saves_nothing(db):
    eid = enterprise(db)
    data = health_checks.template(db, eid, date(2023, 6, 20))
    data.results[0].result = "noncompliant"
    with pytest.raises(ValidationError) as err:
        health_checks.create(db, data, final=True)
    assert "未查" in err.value.errors["results"] and "team" in err.value.errors
    assert health_checks.count(db, health_checks.CheckFilter()) == 0
    assert ledger.count(db, ledger.LedgerFilter()) == 0
    # An existing draft: the refused finalise leaves it as it was saved.
    check_id = health_checks.create(db, data)
    data.advice = "新的建议"
    with pytest.raises(ValidationError):
        health_checks.update(db, check_id, data, final=True)
    detail = health_checks.get(db, check_id)
    assert detail.status == "draft" and detail.input.advice == "" and detail.rectifications == []


def test_finalise_then_amend_keeps_original(db):
    eid = enterprise(db)
    check_id = health_checks.create(db, filled(db, eid))
    health_checks.finalise(db, check_id)
    data = health_checks.get(db, check_id).input
    with pytest.raises(ValidationError):
        health_checks.update(db, check_id, data)
    data.results = [
        ResultEntry(r.item_code, "compliant" if r.item_code == "A01" else r.result, r.note)
        for r in data.results
    ]
    with pytest.raises(ValidationError) as err:
        health_checks.amend(db, check_id, data, "")
    assert "理由" in err.value.errors["reason"]
    health_checks.amend(db, check_id, data, "企业补交了全部劳动合同")
    detail = health_checks.get(db, check_id)
    assert detail.original["results"]["A01"][0] == "noncompliant"
    assert detail.amendments[0].reason == "企业补交了全部劳动合同"
    assert detail.amendments[0].changes["results"]["A01"] == [
        ["noncompliant", ""],
        ["compliant", ""],
    ]
    assert {r.item_code for r in detail.rectifications} == {"B03"}


def test_finalise_refuses_unchecked_items(db):
    eid = enterprise(db)
    data = health_checks.template(db, eid, date(2023, 6, 20))
    check_id = health_checks.create(db, data)
    with pytest.raises(ValidationError) as err:
        health_checks.finalise(db, check_id)
    assert "未查" in err.value.errors["results"]


def test_bad_input_saves_nothing(db):
    with pytest.raises(ValidationError) as err:
        health_checks.create(db, CheckInput(None, None))
    assert set(err.value.errors) >= {"enterprise_id", "check_date"}
    eid = enterprise(db)
    data = filled(db, eid)
    data.results.append(ResultEntry("Z99", "compliant"))
    with pytest.raises(ValidationError) as err:
        health_checks.create(db, data)
    assert "Z99" in err.value.errors["results"]
    data = filled(db, eid, wages_paid_through="2023年5月")
    with pytest.raises(ValidationError):
        health_checks.create(db, data)
    assert health_checks.count(db, health_checks.CheckFilter()) == 0


def test_old_check_keeps_its_edition_after_checklist_changes(db):
    eid = enterprise(db)
    check_id = health_checks.create(db, filled(db, eid))
    spec = checklists.active(db)
    items = spec.items
    items[0].question = "新的问题表述"
    items[1].retired = True
    new = checklists.save_new_edition(db, items)
    assert new.edition == 2
    detail = health_checks.get(db, check_id)
    assert detail.checklist_edition == 1 and detail.results[0].question.startswith(
        "是否自用工之日起"
    )
    fresh = health_checks.template(db, eid, date(2023, 7, 1))
    assert fresh.checklist_id == new.id and spec.items[1].code not in {
        r.item_code for r in fresh.results
    }


def test_checklist_xlsx_round_trip_and_bad_files(db, tmp_path):
    spec = checklists.active(db)
    out = checklist_xlsx.export_xlsx(spec, tmp_path / "清单.xlsx")
    items = checklist_xlsx.import_xlsx(out)
    assert [i.code for i in items] == [i.code for i in spec.items]
    assert (
        items[5].question == spec.items[5].question and items[5].day_kind == spec.items[5].day_kind
    )
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "检查内容", "类别"])
    ws.append(["X1", "问题一", "甲"])
    ws.append(["X1", "问题二", "甲"])
    wb.save(tmp_path / "dup.xlsx")
    with pytest.raises(checklists.ChecklistError) as err:
        checklists.save_new_edition(db, checklist_xlsx.import_xlsx(tmp_path / "dup.xlsx"))
    assert "重复" in str(err.value)
    wb = Workbook()
    wb.active.append(["编号", "风险程度", "备注"])
    wb.active.append(["X1", "高", ""])
    wb.save(tmp_path / "missing.xlsx")
    with pytest.raises((checklists.ChecklistError, Exception)) as err:
        checklist_xlsx.import_xlsx(tmp_path / "missing.xlsx")
    assert "检查内容" in str(err.value) or "表头" in str(err.value)
    assert checklists.active(db).edition == 1


def test_list_filters(db):
    a = enterprise(db, serial=1)
    b = enterprises.create(
        db, {"name": "叶县乙公司", "credit_code": code(2, "410422"), "county_code": "410422"}
    )
    health_checks.create(db, filled(db, a, on=date(2023, 6, 20)), final=True)
    health_checks.create(db, filled(db, b, on=date(2023, 7, 5), noncompliant=()), final=True)
    F = health_checks.CheckFilter
    assert health_checks.count(db, F()) == 2
    assert health_checks.count(db, F(county_code="410422")) == 1
    assert health_checks.count(db, F(date_from=date(2023, 7, 1))) == 1
    assert health_checks.count(db, F(open_findings=True)) == 1
    row = health_checks.page(db, F(open_findings=True))[0]
    assert (
        row[2] == "汝州市测试1有限公司" and row[5] == 2 and row[6] == 2 and row[8] == "张三、李四"
    )


def test_impossible_snapshot_values_are_refused(db):
    eid = enterprise(db)
    cases = {
        "wages_paid_through": {"wages_paid_through": "2023-07"},  # the check is on 2023-06-20
        "contracts_signed": {"staff_count": 10, "contracts_signed": 12},
        "migrant_workers": {"staff_count": 10, "migrant_workers": 11},
        "dispatched_workers": {"staff_count": 10, "dispatched_workers": 11},
        "wages_owed_people": {"wages_owed_yuan": 5000, "wages_owed_people": 0},
        "check_date": {"check_date": date.today().replace(year=date.today().year + 1)},
    }
    for field, values in cases.items():
        data = filled(db, eid, **values)
        with pytest.raises(ValidationError) as err:
            health_checks.create(db, data)
        assert field in err.value.errors, field
    assert health_checks.count(db, health_checks.CheckFilter()) == 0


def test_applicability_follows_the_recorded_workforce_and_industry(db):
    restaurant = enterprise(db, industry="住宿和餐饮业", serial=3)
    data = filled(db, restaurant)
    for r in data.results:
        if r.item_code == "M03":
            r.result = "noncompliant"  # a construction-site item for a restaurant
    with pytest.raises(ValidationError) as err:
        health_checks.create(db, data, final=True)
    assert "M03" in err.value.errors["results"] and "建筑业" in err.value.errors["results"]
    # Migrant workers recorded: their items apply and cannot stay 不适用.
    data = filled(db, restaurant, migrant_workers=5)
    with pytest.raises(ValidationError) as err:
        health_checks.create(db, data, final=True)
    assert "M01" in err.value.errors["results"] and "M03" not in err.value.errors["results"]
    # A draft may hold them while the workforce figures are still being typed
    # (a scanned form's ticks are read before its handwritten numbers).
    draft = health_checks.create(db, data)
    assert health_checks.get(db, draft).status == "draft"


def test_conclusion_is_proposed_from_the_results_and_contradictions_are_flagged(db):
    eid = enterprise(db)
    data = filled(db, eid)
    data.conclusion = "企业能遵守劳动保障法律法规，未发现明显风险。"
    check_id = health_checks.create(db, data, final=True)
    detail = health_checks.get(db, check_id)
    assert "发现 2 项不合规" in detail.proposed_conclusion
    assert "须按整改建议书限期整改" in detail.proposed_conclusion
    [warning] = detail.conclusion_warnings
    assert "未发现明显风险" in warning and "A01" in warning
    remedies = {r.item_code: r.remedy for r in detail.results}
    assert detail.proposed_advice.splitlines() == [f"1. {remedies['A01']}", f"2. {remedies['B03']}"]
    clean = filled(db, eid, noncompliant=())
    detail = health_checks.get(db, health_checks.create(db, clean, final=True))
    assert "均合规" in detail.proposed_conclusion and detail.conclusion_warnings == []
    assert detail.proposed_advice == ""


def test_checklist_workbook_prints_as_it_is(db, tmp_path):
    """An edition handed up for approval is printed from its workbook: the title was cut
    at the second column and the columns ran over six portrait pages in Calibri."""
    from openpyxl import load_workbook

    from app.services.documents.xlsx_print import row_height

    spec = checklists.active(db)
    ws = load_workbook(checklist_xlsx.export_xlsx(spec, tmp_path / "清单.xlsx"))["体检清单"]
    assert "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.oddFooter.center.text
    widths = [ws.column_dimensions[c].width for c in "ABCDEFGHIJK"]
    for row in ws.iter_rows(min_row=3):
        values = [c.value for c in row]
        assert row[2].font.name == "宋体" and row[2].alignment.wrap_text
        assert ws.row_dimensions[row[0].row].height >= row_height(values, widths, 10)
    assert [i.code for i in checklist_xlsx.import_xlsx(tmp_path / "清单.xlsx")] == [
        i.code for i in spec.items
    ]
