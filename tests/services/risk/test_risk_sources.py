"""Department files checked against their source: every source's file is fed to
every other source and refused with the source it looks like; headers-only
files are refused; month-per-column layouts become one fact per month;
differing duplicates keep the more severe value and name both rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.services.core.progress import drain
from app.services.core.spreadsheet import SpreadsheetError
from app.services.register import enterprises
from app.services.risk import risk_grading, risk_import
from tests.builders import code
from tests.commands import run as run_cli

TODAY = date(2023, 7, 1)
SOURCES = ("tax", "social", "utility", "court", "abnormal", "complaint")


@pytest.fixture
def firms(db):
    return [
        enterprises.create(
            db, {"name": f"汝州市{n}号公司", "credit_code": code(n), "county_code": "410482"}
        )
        for n in (1, 2, 3)
    ]


def xlsx(path, rows, *, sheets=None, merges=()):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if sheets:  # a notes sheet first: the data is on the second sheet
        ws.title = "填报说明"
        ws.append(["本表由社保中心按月报送，请勿改动格式。"])
        ws = wb.create_sheet(sheets)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def department_files(tmp: Path) -> dict[str, Path]:
    """One file per source, shaped as each department sends it."""
    files = {}
    files["social"] = xlsx(
        tmp / "社保.xlsx",
        [
            ["汝州市社会保险中心 单位参保缴费情况（2023年5月）"],
            ["单位名称", "统一社会信用代码", "费款所属期", "参保人数", "欠费情况", None],
            [None, None, None, None, "欠费月数", "欠费金额"],
            ["汝州市1号公司", code(1), "2023-05", "1,200", "2", "8,000"],
            ["汝州市2号公司", code(2), "2023年5月", "30", "0", "0"],
            ["合计", None, None, "1,230", None, "8,000"],
        ],
        merges=("E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3"),
    )
    gbk = "纳税人识别号,纳税人名称,所属期,实缴税额,欠税\n"
    gbk += f'{code(1)},汝州市1号公司,202305,"12,500.00",0\n{code(2)},汝州市2号公司,202305,800,300\n'
    files["tax"] = tmp / "税务.csv"
    files["tax"].write_bytes(gbk.encode("gbk"))
    files["utility"] = xlsx(
        tmp / "水电气.xlsx",
        [
            ["用户名称", "欠费类型", "账期", "欠费金额"],
            ["汝州市1号公司", "电费", "2023-05", "5,600"],
            ["汝州市3号公司", "水费", "2023-05", "300"],
        ],
        sheets="欠费明细",
    )
    files["court"] = xlsx(
        tmp / "法院.xlsx",
        [
            ["2023年涉企案件"],
            ["当事人", "案由", "案件类别", "件数"],
            ["汝州市1号公司", "劳动争议", "民事一审", 2],
            ["汝州市2号公司", "追索劳动报酬", "执行", 1],
        ],
    )
    files["abnormal"] = xlsx(
        tmp / "经营异常.xlsx",
        [
            ["企业名称", "统一社会信用代码", "列入日期", "列入原因"],
            ["汝州市3号公司", code(3), "2023-03-01", "未按时公示年度报告"],
        ],
    )
    files["complaint"] = xlsx(
        tmp / "投诉.xlsx",
        [
            ["被投诉单位", "投诉日期", "涉及人数", "涉及金额"],
            ["汝州市2号公司", "2023-05-10", "12", "36000"],
        ],
    )
    return files


def batch_count(db) -> int:
    return len(risk_import.batches(db))


def test_each_file_is_taken_by_its_own_source(db, firms, tmp_path):
    for source, path in department_files(tmp_path).items():
        plan = drain(risk_import.plan_import(db, path, source))
        assert plan.facts, source
        assert all("表头" not in str(reason) for _row, reason in plan.problems), source


def test_every_file_given_for_another_source_is_refused_naming_its_own(db, firms, tmp_path):
    files = department_files(tmp_path)
    for actual, path in files.items():
        for chosen in SOURCES:
            if chosen == actual:
                continue
            with pytest.raises(SpreadsheetError) as err:
                drain(risk_import.plan_import(db, path, chosen))
            message = str(err.value)
            assert risk_import.source_label(actual) in message, (actual, chosen, message)
            assert f"--source {actual}" in message
            english = err.value.args[0].english()
            assert risk_import.source_label(actual, english=True) in english
    assert batch_count(db) == 0


def test_a_headers_only_file_is_refused(db, firms, tmp_path):
    path = xlsx(tmp_path / "空表.xlsx", [["单位名称", "统一社会信用代码", "参保人数"]])
    with pytest.raises(SpreadsheetError) as err:
        drain(risk_import.plan_import(db, path, "social"))
    assert "没有数据行" in str(err.value)


def wide_social(path: Path) -> Path:
    months = ["2023年1月", "2023年2月", "2023年3月", "2023年4月", "2023年5月"]
    return xlsx(
        path,
        [
            ["汝州市社保中心 参保人数月报"],
            ["单位名称", "统一社会信用代码", *[f"{m}参保人数" for m in months]],
            ["汝州市1号公司", code(1), "100", "100", "100", "90", "75"],
            ["汝州市2号公司", code(2), "50", "50", "50", "50", "49"],
        ],
    )


def test_month_per_column_becomes_one_fact_per_month_and_the_trend_rule_fires(db, firms, tmp_path):
    plan = drain(risk_import.plan_import(db, wide_social(tmp_path / "月报.xlsx"), "social"))
    first = sorted((f.period, f.value) for f in plan.facts if f.enterprise_id == firms[0])
    assert first == [
        ("2023-01", 100.0),
        ("2023-02", 100.0),
        ("2023-03", 100.0),
        ("2023-04", 90.0),
        ("2023-05", 75.0),
    ]
    assert {f.metric for f in plan.facts} == {"insured_headcount"}
    drain(risk_import.apply_import(db, plan, today=TODAY))
    drain(risk_grading.grade(db, today=TODAY))
    one = risk_grading.enterprise_grade(db, firms[0])
    assert any(r.startswith("参保人数较3个月前下降20%以上") for r in one["reasons"])
    two = risk_grading.enterprise_grade(db, firms[1])
    assert not any("参保人数" in r for r in two["reasons"])


def test_differing_duplicates_keep_the_more_severe_value_and_name_both_rows(db, firms, tmp_path):
    path = xlsx(
        tmp_path / "社保重复.xlsx",
        [
            ["单位名称", "统一社会信用代码", "费款所属期", "欠费月数", "参保人数"],
            ["汝州市1号公司", code(1), "2023-05", "1", "80"],
            ["汝州市1号公司", code(1), "2023-05", "7", "60"],
            ["汝州市2号公司", code(2), "2023-05", "0", "20"],
            ["汝州市2号公司", code(2), "2023-05", "0", "20"],
        ],
    )
    plan = drain(risk_import.plan_import(db, path, "social"))
    facts = {(f.enterprise_id, f.metric): f.value for f in plan.facts}
    assert facts[(firms[0], "si_arrears_months")] == 7  # the red-line value is kept
    assert facts[(firms[0], "insured_headcount")] == 60  # fewer insured is the worse
    # Rows 3 and 5 left no figure of their own: matched are rows 2 and 4.
    assert (plan.matched_by_code, len(plan.facts)) == (2, 4)
    reasons = [(row, str(text)) for row, text in plan.problems]
    months = [t for r, t in reasons if "欠费月数" in t]
    assert len(months) == 2 and {r for r, t in reasons if "欠费月数" in t} == {2, 3}
    assert "第 2 行为 1，第 3 行为 7" in months[0] and "较严重的 7（第 3 行）" in months[0]
    assert "2023-05" in months[0] and "重复" not in months[0]
    assert [t for r, t in reasons if r == 5] == [
        "汝州市2号公司：与第 4 行的数据相同，重复的行已跳过"
    ]


def test_cli_refuses_the_wrong_source_with_exit_2_and_leaves_the_database(
    db, firms, tmp_path, capsys
):
    files = department_files(tmp_path)
    db_path = db.address
    db.close()
    for chosen in ("complaint", "abnormal", "utility", "court"):
        code, _out, err = run_cli(
            capsys,
            *("import-risk-data", str(files["social"]), "--db", str(db_path), "--source", chosen),
        )
        assert code == 2, err
        assert "社保" in err and "--source social" in err
    from app.models.db import open_database

    with open_database(db_path) as again:
        assert risk_import.batches(again) == []


def test_a_word_or_a_negative_figure_is_refused_by_its_field_or_month(db, firms, tmp_path):
    """Long sheet: the field names the bad cell; wide sheet (a column a month): the month."""
    header = ["单位名称", "统一社会信用代码", "费款所属期", "欠费月数", "参保人数"]
    long = xlsx(
        tmp_path / "社保坏值.xlsx", [header, ["汝州市1号公司", code(1), "2023-05", "两个", "7"]]
    )
    negative = xlsx(
        tmp_path / "社保负值.xlsx", [header, ["汝州市2号公司", code(2), "2023-05", "0", "-3"]]
    )
    months = ["单位名称", "统一社会信用代码", "2023年4月参保人数", "2023年5月参保人数"]
    wide = xlsx(
        tmp_path / "月报坏值.xlsx",
        [months, ["汝州市1号公司", code(1), "100", "少量"], ["汝州市2号公司", code(2), "-1", "50"]],
    )
    reasons = [
        str(text)
        for path in (long, negative, wide)
        for _row, text in drain(risk_import.plan_import(db, path, "social")).problems
    ]
    for wanted in (
        "欠费月数“两个”不是数字",
        "参保人数为负数（-3）",
        "2023-05 的数值“少量”不是数字",
        "2023-04 的数值为负数（-1）",
    ):
        assert any(wanted in t for t in reasons), (wanted, reasons)
