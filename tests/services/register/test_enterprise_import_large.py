"""A very large enterprise file (issue 17): streamed from the file, checked a block at a
time, its rows spilled to a temporary file; the plan is the same as for a small file."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import func, select

from app.models import AuditEntry, Enterprise
from app.models.db import open_database
from app.services.core import office, spill, xlsx_stream
from app.services.core.progress import drain
from app.services.core.spill import SortedSpill, SpillCodes, SpillList
from app.services.documents.import_problems import save_problems
from app.services.register import enterprise_import
from app.services.register.enterprise_import import apply_import, plan_import
from tests.builders import code, messy_enterprise_xlsx


def busy_xlsx(path, n=60):
    """A title, a two-row header, totals, repeated codes (same and different rows),
    bad codes, remarks and rows that update the register."""
    rows = []
    for i in range(1, n + 1):
        c = code(i if i % 7 else i - 5)  # every 7th row repeats a code five rows up
        name = f"汝州市第{i if i % 14 else i - 5}公司"  # every 14th repeats it whole
        if i % 11 == 0:
            c = "91410482MA0000000X"  # a bad check digit
        if i % 13 == 0:
            c = c.lower()  # imported, with a remark
        rows.append([i, name, c, "王伟", "13800000001", str(i), "2020-01-01", "建筑业"])
        if i % 25 == 0:
            rows.append(["合计", None, None, None, None, 100, None, None])
    return messy_enterprise_xlsx(path, rows)


def plan_of(path, db):
    plan = drain(plan_import(db, path))
    return plan, {
        "summary": {**plan.summary(), "problems": list(plan.summary()["problems"])},
        "head": (plan.sheet_name, plan.sheet_names, plan.header_row, plan.labels, plan.mapping),
        "add": list(plan.to_add),
        "update": list(plan.to_update),
        "cells": [p.cells for p in plan.problems],
    }


COLUMNS = (Enterprise.credit_code, Enterprise.name, Enterprise.employee_count, Enterprise.version)


@contextmanager
def new_db(path):
    with open_database(path, operator="测试") as db:
        office.configure(db, "410482", level="county")
        yield db


def test_streamed_and_spilled_plan_is_the_plan_calamine_makes(db, tmp_path, monkeypatch):
    path = busy_xlsx(tmp_path / "名单.xlsx")
    drain(apply_import(db, drain(plan_import(db, messy_enterprise_xlsx(tmp_path / "old.xlsx")))))
    _, before = plan_of(path, db)
    assert before["summary"]["updated"] and before["summary"]["skipped"]
    monkeypatch.setattr(xlsx_stream, "LARGE_XLSX_BYTES", 0)
    monkeypatch.setattr(spill, "SPILL_AFTER", 4)
    monkeypatch.setattr(spill, "BLOCK", 3)
    monkeypatch.setattr(enterprise_import, "CHECK_BLOCK", 5)
    monkeypatch.setattr(enterprise_import, "CHUNK", 7)
    plan, after = plan_of(path, db)
    assert after == before
    # Memory does not grow with the rows: a few items in memory, the rest in the file.
    for items in (plan.to_add, plan.problems):
        assert items.spilled and len(items.tail) < 4
    assert plan.to_add[5] == before["add"][5]
    assert [p.row for p in plan.problems[3:9]] == [
        p["row"] for p in before["summary"]["problems"][3:9]
    ]


def test_a_spilled_plan_writes_what_a_small_plan_writes(tmp_path, monkeypatch):
    path = busy_xlsx(tmp_path / "名单.xlsx", n=80)
    results = []
    for spilled in (False, True):
        if spilled:
            monkeypatch.setattr(xlsx_stream, "LARGE_XLSX_BYTES", 0)
            monkeypatch.setattr(spill, "SPILL_AFTER", 4)
            monkeypatch.setattr(enterprise_import, "CHUNK", 7)
        with new_db(tmp_path / f"{spilled}.sqlite3") as db:
            drain(
                apply_import(db, drain(plan_import(db, messy_enterprise_xlsx(tmp_path / "o.xlsx"))))
            )
            plan = drain(plan_import(db, path))
            result = drain(apply_import(db, plan, backup=False))
            with db.reader() as conn:
                rows = sorted(conn.execute(select(*COLUMNS)).all())
                logged = conn.execute(select(func.count()).select_from(AuditEntry)).scalar()
            problems = save_problems(plan, tmp_path / f"{spilled}-问题.xlsx")
            from openpyxl import load_workbook

            saved = [list(r) for r in load_workbook(problems).active.iter_rows(values_only=True)]
            results.append((result, rows, logged, saved))
    assert results[0] == results[1]


def test_spill_list_is_a_list_that_keeps_few_items_in_memory(monkeypatch):
    monkeypatch.setattr(spill, "SPILL_AFTER", 5)
    monkeypatch.setattr(spill, "BLOCK", 2)
    items = SpillList(range(3))
    assert items.spilled == 0 and items == [0, 1, 2]  # small: a plain list in memory
    items.extend(range(3, 23))
    assert len(items) == 23 and list(items) == list(range(23)) and len(items.tail) < 5
    assert items[0] == 0 and items[13] == 13 and items[-1] == 22 and items[4:9] == [4, 5, 6, 7, 8]
    assert [len(b) for b in items.blocks()][:2] == [2, 2]
    codes = SpillCodes()
    codes.add({f"c{i}": (i, {"n": i}) for i in range(3)})
    assert codes.conn is None and codes.lookup(["c1", "x"]) == {"c1": (1, {"n": 1})}
    codes.add({f"c{i}": (i, {"n": i}) for i in range(3, 8)})
    assert codes.conn is not None and not codes.memory and len(codes) == 8
    assert codes.lookup(["c1", "c7", "x"]) == {"c1": (1, {"n": 1}), "c7": (7, {"n": 7})}


def test_writing_many_rows_keeps_the_pinyin_cache_bounded(db, tmp_path, monkeypatch):
    """The names' pinyin readings are forgotten between chunks, as the demo's are: a
    million names held ~70 MB of readings through the write (issue 17)."""
    from app.services.register import pinyin_keys

    monkeypatch.setattr(enterprise_import, "PINYIN_PIECES", 10)
    monkeypatch.setattr(enterprise_import, "CHUNK", 5)
    path = busy_xlsx(tmp_path / "名单.xlsx", n=120)
    plan = drain(plan_import(db, path))
    pinyin_keys._piece.cache_clear()
    drain(apply_import(db, plan, backup=False))
    assert len(plan.to_add) > 60
    assert pinyin_keys._piece.cache_info().currsize <= 10 + 5 * 4


def test_the_command_line_prints_a_spilled_plans_problems_without_holding_them(
    db, tmp_path, monkeypatch, capsys
):
    """`import-enterprises --json` of a very dirty file: the summary's problems are read
    from the spill file as they are printed (a list of a million problem dicts was
    ~460 MB with their reasons), and the JSON printed is the list a small plan prints."""
    import json

    from app.cli.shared import print_json

    path = busy_xlsx(tmp_path / "名单.xlsx")
    expected = [
        {"row": p.row, "reason": p.reason, "skipped": p.skipped}
        for p in drain(plan_import(db, path)).problems
    ]
    monkeypatch.setattr(spill, "SPILL_AFTER", 4)
    monkeypatch.setattr(spill, "BLOCK", 3)
    plan = drain(plan_import(db, path))
    summary = plan.summary()
    assert plan.problems.spilled and not isinstance(summary["problems"], list)
    assert len(summary["problems"]) == len(expected) > 8
    assert list(summary["problems"]) == list(summary["problems"]) == expected  # walked twice
    print_json(summary)
    printed = json.loads(capsys.readouterr().out)
    assert printed["problems"] == expected and printed["skipped"] == summary["skipped"]


def test_a_sorted_spill_reads_back_by_row_then_arrival(monkeypatch):
    """A department file's problems arrive out of row order and may be hundreds of
    thousands: kept in a table beyond SPILL_AFTER, read back as sorted() would."""
    monkeypatch.setattr(spill, "SPILL_AFTER", 4)
    items = [(5, "e"), (2, "b"), (9, "i"), (2, "b2"), (1, "a"), (5, "e2"), (3, "c"), (2, "b3")]
    small = SortedSpill(items[:3])
    assert small.conn is None and list(small) == [(2, "b"), (5, "e"), (9, "i")]
    big = SortedSpill(items)
    assert big.conn is not None and len(big) == 8 and len(big.tail) < 4
    assert list(big) == sorted(items, key=lambda p: p[0]) == list(big)
    assert big == sorted(items, key=lambda p: p[0]) and SortedSpill() == []
    big.append((0, "z"))
    assert big[0] == (0, "z") and big[-1] == (9, "i")
