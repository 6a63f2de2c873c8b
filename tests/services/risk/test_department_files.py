"""Department files as they really come (README, 风险研判: 文件可以很乱): a period
that is an Excel date serial number (a date cell that lost its format, or a CSV
export), amounts with a currency sign, the signature lines under the table."""

from __future__ import annotations

import shutil

import pytest

from app.services.core.progress import drain
from app.services.core.spreadsheet import SpreadsheetError
from app.services.register import enterprises
from app.services.risk import risk_import
from app.services.risk.risk_sources import parse_month
from tests.builders import code, social_xls, social_xlsx


@pytest.fixture
def firms(db):
    return [
        enterprises.create(db, {"name": name, "credit_code": code(n), "county_code": "410482"})
        for n, name in enumerate(("汝州市甲公司", "汝州市乙公司", "汝州市丙公司"), start=1)
    ]


def test_a_period_given_as_an_excel_serial_number_is_its_month():
    # 45078 is 2023-06-01 in Excel's day count (from 1899-12-30)
    assert [parse_month(v) for v in (45078, 45078.0, "45078", "45078.0")] == ["2023-06"] * 4
    # a year, a year and month, and a figure far from any date are not serials
    assert (parse_month(2023), parse_month("202306"), parse_month(123)) == (None, "2023-06", None)


def test_serial_dates_currency_signs_and_signature_lines(db, firms, tmp_path):
    path = social_xlsx(
        tmp_path / "社保.xlsx",
        [
            ["汝州市甲公司", code(1), 45047, "120", "4", "￥80,000.00"],  # 2023-05-01
            ["汝州市乙公司", code(2), "45047", "30", "1", "¥3,000元"],
            ["汝州市丙公司", code(3), "2023年5月", "10", "0", "0"],
            ["制表人：张三", None, "审核人：李四", None, None, None],
            ["填报日期：2023年6月2日", None, None, None, None, None],
        ],
    )
    plan = drain(risk_import.plan_import(db, path, "social"))
    assert plan.unmatched == []  # the signature lines are not enterprises
    reasons = [r for _n, r in plan.problems]
    assert reasons.count("表尾的制表人、审核人等签字行，已跳过") == 2
    assert not [r for r in reasons if "未导入" in r]
    got = {(f.enterprise_id, f.metric): (f.period, f.value) for f in plan.facts}
    assert got[(firms[0], "si_arrears_amount")] == ("2023-05", 80000.0)
    assert got[(firms[1], "si_arrears_amount")] == ("2023-05", 3000.0)
    assert got[(firms[1], "insured_headcount")] == ("2023-05", 30.0)
    assert len(plan.facts) == 9


# Two rows of social insurance as a department's old Excel 97-2003 file holds them.
OLD_ROWS = [
    ["汝州市甲公司", code(1), "2023-05", "120", "4", "80,000"],
    ["汝州市乙公司", code(2), "2023年5月", "30", "1", "3000"],
]


@pytest.mark.parametrize(("made", "named"), [("xls", "xlsx"), ("xlsx", "xls"), ("xls", "xls")])
def test_a_workbook_named_as_the_other_format_is_read_by_its_content(
    db, firms, tmp_path, made, named
):
    """Departments "convert" by renaming: an old .xls named .xlsx was refused as a
    password-protected workbook, an .xlsx named .xls as a damaged file."""
    path = tmp_path / f"社保.{named}"
    if made == "xls":
        social_xls(tmp_path / "made.xls", OLD_ROWS)
        shutil.copyfile(tmp_path / "made.xls", path)
    else:
        social_xlsx(
            tmp_path / "made.xlsx", [["汝州市甲公司", code(1), "2023-05", "120", "4", "80,000"]]
        )
        shutil.copyfile(tmp_path / "made.xlsx", path)
    plan = drain(risk_import.plan_import(db, path, "social"))
    got = {(f.enterprise_id, f.metric): f.value for f in plan.facts}
    assert got[(firms[0], "si_arrears_amount")] == 80000.0
    assert got[(firms[0], "insured_headcount")] == 120.0
    assert len(plan.facts) == (6 if made == "xls" else 3)


def test_an_empty_file_is_called_empty_not_a_header_problem(db, tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "空.xlsx")
    (tmp_path / "空.csv").write_bytes("\r\n,,\r\n".encode("gbk"))
    for name in ("空.xlsx", "空.csv"):
        with pytest.raises(SpreadsheetError) as err:
            drain(risk_import.plan_import(db, tmp_path / name, "social"))
        assert "文件是空的" in str(err.value) and "表头" not in str(err.value)


def test_complaint_dates_with_dots_and_amounts_in_ten_thousands(db, firms, tmp_path):
    """A complaint register as the labour inspectors keep it: "2023.5.8" dates and
    amounts written "1.2万元"; both rows were refused whole."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["欠薪投诉登记表"])
    ws.append(["统一社会信用代码", "被投诉单位", "受理日期", "涉及人数", "涉及金额"])
    ws.append([code(1), "汝州市甲公司", "2023.5.8", "12", "1.2万元"])
    ws.append([code(2), "汝州市乙公司", "2023年5月9号", "3", "3万"])
    wb.save(tmp_path / "投诉.xlsx")
    plan = drain(risk_import.plan_import(db, tmp_path / "投诉.xlsx", "complaint"))
    assert plan.problems == []
    got = {(f.enterprise_id, f.metric): (f.period, f.value) for f in plan.facts}
    assert got[(firms[0], "complaint_amount")] == ("2023-05", 12000.0)
    assert got[(firms[1], "complaint_amount")] == ("2023-05", 30000.0)
    assert got[(firms[0], "complaint_people")] == ("2023-05", 12.0)


def test_the_same_file_imported_twice_is_refused_not_counted_twice(db, firms, tmp_path):
    """Complaints are counted over the period: the same register imported twice made
    6 people 12, over the red line of 10. Refused, under another name too, until the
    first batch is withdrawn; a file with other data is imported."""
    from openpyxl import Workbook

    def register(path, people):
        wb = Workbook()
        wb.active.append(["统一社会信用代码", "被投诉单位", "受理日期", "涉及人数", "涉及金额"])
        wb.active.append([code(1), "汝州市甲公司", "2023-05-08", people, "20000"])
        wb.save(path)
        return path

    first = drain(risk_import.plan_import(db, register(tmp_path / "a.xlsx", 6), "complaint"))
    batch = drain(risk_import.apply_import(db, first))
    with pytest.raises(SpreadsheetError) as err:
        drain(risk_import.plan_import(db, register(tmp_path / "改名.xlsx", 6), "complaint"))
    assert "已于" in str(err.value) and "a.xlsx" in str(err.value) and "撤回" in str(err.value)
    other = drain(risk_import.plan_import(db, register(tmp_path / "b.xlsx", 7), "complaint"))
    assert len(other.facts) == 3
    drain(risk_import.rollback(db, batch))
    again = drain(risk_import.plan_import(db, tmp_path / "改名.xlsx", "complaint"))
    assert len(again.facts) == 3


def test_a_matched_row_without_figures_is_said_not_lost_from_the_counts(db, firms, tmp_path):
    """ "2 行，按代码匹配 1，未匹配 0": a row whose only figure was "-" counted nowhere."""
    (tmp_path / "水电.csv").write_text(
        "户名,统一社会信用代码,账期,欠费金额\n"
        f'汝州市甲公司,{code(1)},202305,"1,234.56"\n'
        f"汝州市乙公司,{code(2)},202305,-\n",
        "utf-8",
    )
    plan = drain(risk_import.plan_import(db, tmp_path / "水电.csv", "utility"))
    assert (plan.rows_total, plan.matched_by_code, len(plan.unmatched)) == (2, 1, 0)
    assert [(n, r) for n, r in plan.problems if "没有数据" in str(r)] == [
        (3, "汝州市乙公司：这一行没有数据（各项为空或“-”），已跳过")
    ]
