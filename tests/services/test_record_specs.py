"""The record specs (app/services/record_types.py): each one describes its stored
table, and the doors that read it (list queries, entry rules, the bundle's files)
follow it."""

from __future__ import annotations

from datetime import date

from app.services import record_rules, record_types
from app.services.core.record_spec import RecordSpec
from app.services.layoffs import layoffs
from app.services.layoffs.layoff_spec import LAYOFF_FILING
from app.services.layoffs.layoffs import FilingFilter, FilingInput
from app.services.sync.bundle_format import record_tables
from tests.records import enterprise

TODAY = date(2023, 12, 1)


def test_every_spec_describes_its_stored_table() -> None:
    tables = record_tables()
    for name, spec in record_types.SPECS.items():
        assert isinstance(spec, RecordSpec)
        columns = set(tables[name].c.keys())
        stored = {f.name for f in spec.fields if f.editor != "custom"}
        # The offer's topics are kept as JSON; every other field is a column.
        assert stored - columns <= {"topics"}, name
        if spec.title:
            assert spec.title in columns, name
        for column in spec.list_columns:
            assert column.show is not None or column.name in spec.reads, (name, column.name)


def test_files_travel_with_the_tables_that_keep_them() -> None:
    keep_files = {name for name, t in record_tables().items() if "files_json" in t.c}
    assert set(record_types.tables_with_files()) == keep_files
    assert keep_files == {"guidance_activity", "typical_case"}


def test_entry_rules_come_from_the_spec() -> None:
    for name, spec in record_types.SPECS.items():
        assert record_rules.rules_for(name) == spec.check
    assert record_rules.rules_for("attachment") is None
    # An enterprise registered in the future: the register's own rule, found by table.
    problems = record_rules.check_row(
        "enterprise",
        {"name": "甲公司", "registration_date": date(2099, 1, 1)},
        today=TODAY,
    )
    assert "registration_date" in problems


def test_list_query_selects_what_the_columns_read(db) -> None:
    eid = enterprise(db)
    layoffs.save(
        db,
        FilingInput(
            eid, total_staff=100, laid_off=25, explained_on=TODAY, layoff_on=date(2024, 1, 5)
        ),
    )
    (row,) = layoffs.page(db, FilingFilter())
    assert tuple(row) == LAYOFF_FILING.reads
    shown = {c.name: c.show(row, TODAY) for c in LAYOFF_FILING.list_columns if c.show}
    assert str(shown["notice"]) == "35 日"
    assert shown["threshold"].zh == "达到"


def test_a_dialogs_typed_values_are_read_by_the_spec_and_saved(db) -> None:
    from app.services.risk import risk_events

    eid = enterprise(db)
    typed = {
        "enterprise_id": eid,
        "kind": "work_stoppage",
        "people": "35",
        "amount_owed_yuan": "420000",
        "found_on": "2023-11-20",
        "description": "车间停工",
    }
    assert risk_events.problems_of(typed) == {}
    event_id = risk_events.save_values(db, typed)
    stored = risk_events.values_of(db, event_id)
    assert stored["people"] == 35 and stored["amount_owed_yuan"] == 420000
    assert stored["found_on"] == date(2023, 11, 20) and stored["kind"] == "work_stoppage"
    # What the dialog does not send is kept as stored.
    risk_events.save_values(db, {"people": "40"}, event_id)
    stored = risk_events.values_of(db, event_id)
    assert stored["people"] == 40 and stored["description"] == "车间停工"
    # Text that cannot be read is refused beside its field; nothing is written.
    problems = risk_events.problems_of({**typed, "people": "三十"})
    assert set(problems) == {"people"}
    assert "enterprise_id" in risk_events.problems_of({**typed, "enterprise_id": ""})
    assert risk_events.values_of(db, event_id)["people"] == 40


def layoff_sheet(db, tmp_path):
    """The layoff list exported as the tab's 导出 Excel… writes it."""
    from app.services.core.progress import drain
    from app.services.documents import list_xlsx

    flt = FilingFilter()
    return drain(
        list_xlsx.export(
            LAYOFF_FILING,
            lambda: layoffs.count(db, flt),
            lambda offset, limit: layoffs.page(db, flt, offset=offset, limit=limit),
            tmp_path / "裁员备案.xlsx",
            title="裁员备案",
            today=TODAY,
        )
    )


def test_a_list_exported_with_its_spec_columns(db, tmp_path) -> None:
    from openpyxl import load_workbook

    for serial, laid_off in ((1, 25), (2, 3)):
        layoffs.save(
            db, FilingInput(enterprise(db, serial=serial), total_staff=100, laid_off=laid_off)
        )
    out = layoff_sheet(db, tmp_path)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    header = [c.label_zh for c in LAYOFF_FILING.export_columns]
    assert list(rows[2]) == ["序号", *header]
    body = [dict(zip(rows[2], r, strict=True)) for r in rows[3:]]
    assert [r["序号"] for r in body] == [1, 2]
    assert sorted(r["拟裁减"] for r in body) == [3, 25]
    assert sorted(r["第41条标准"] for r in body) == ["未达到", "达到"]
    assert f"共 {len(body)} 条" in rows[1][0]


def test_list_rows_keep_their_height_without_holding_it(tmp_path):
    """A row's height is written with the row and not kept after: kept, the heights
    of a million-row list were ~420 MB (issue 17)."""
    from openpyxl import load_workbook

    from app.services.documents.list_xlsx import ListSheet

    sheet = ListSheet("清单", "标题", "副标题", [("序号", 6.0), ("名称", 30.0)])
    for n in range(1, 51):
        sheet.append([sheet.cell(n, n=0), sheet.cell(f"第{n}家", n=1)], 20.0 + n)
    assert len(sheet.ws.row_dimensions) <= 2  # the title's, set before the rows
    ws = load_workbook(sheet.save(tmp_path / "清单.xlsx")).active
    assert [ws.row_dimensions[r].height for r in (4, 30, 53)] == [21.0, 47.0, 70.0]
    assert ws.cell(53, 2).value == "第50家"
    # Cells of a kind share a named style, made once: font, border and alignment set
    # on each cell were four fifths of an export's time.
    assert (ws.cell(3, 1).style, ws.cell(4, 1).style, ws.cell(4, 2).style) == (
        "列表表头居中底色DDDDDD",
        "列表居中",
        "列表靠左",
    )
    assert ws.cell(4, 2).font.name == "宋体" and ws.cell(4, 2).border.left.style == "thin"
    assert ws.cell(4, 2).alignment.wrap_text and ws.cell(3, 1).font.b


def test_exported_dates_fit_their_columns(db, tmp_path) -> None:
    """A date in a list export is a real date written 2023年11月27日; Excel never wraps
    a date, it shows ######## in a column narrower than the date (the 体检日期 of
    the check list, the 收到日期 and 答复期限 of the offers, the 裁员日期 and 报告日期 of
    the layoffs were 11.5–12 wide for 14 units of text)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from app.services.core.fields import Kind
    from app.services.documents import list_xlsx
    from app.services.documents.documents import chinese_date
    from app.services.documents.xlsx_print import lines_needed

    widest = chinese_date(date(2023, 11, 27))
    for spec in record_types.SPECS.values():
        for (label, width), column in zip(
            list_xlsx.headers(spec)[1:], spec.export_columns, strict=True
        ):
            if column.kind == Kind.DATE:
                assert lines_needed(widest, width) == 1, (spec.label.zh, label, width)

    layoffs.save(
        db,
        FilingInput(
            enterprise(db),
            total_staff=100,
            laid_off=25,
            layoff_on=date(2023, 12, 27),
            reported_on=date(2023, 11, 27),
        ),
    )
    out = layoff_sheet(db, tmp_path)
    ws = load_workbook(out).active
    header = [c.value for c in ws[3]]
    for label in ("裁员日期", "报告日期"):
        n = header.index(label) + 1
        assert ws.cell(4, n).is_date
        assert lines_needed(widest, ws.column_dimensions[get_column_letter(n)].width) == 1
