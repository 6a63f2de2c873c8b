"""`hexie import-scans`: --json readings with confidences and nothing written;
--confirm writes draft checks of what was read clearly and lists the rest."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import CheckResult, HealthCheck
from app.models.db import open_database
from tests import scan_builders as sb


@pytest.fixture
def files(printed, tmp_path):  # noqa: F811
    folder, forms, scans = printed
    shutil.copy(folder / "county.sqlite3", tmp_path / "county.sqlite3")
    paths = [sb.save(img, tmp_path / f"p{n}.jpg") for n, (img, *_r) in enumerate(scans)]
    return tmp_path / "county.sqlite3", paths, forms, scans


def counts(path):
    with open_database(path, operator="t") as db, db.session() as s:
        return s.scalar(select(func.count()).select_from(HealthCheck))


def test_json_gives_every_page_and_item_with_confidence_and_writes_nothing(files, capsys):
    db, paths, forms, scans = files
    with open_database(db, operator="窗口里的协调员"):  # the window holds the file
        assert main(["import-scans", *map(str, paths), "--db", str(db), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pages_read"] == len(scans) and out["set_aside"] == []
    assert {(p["form"], p["page"]) for p in out["pages"]} == {(f, n) for _i, f, n, _t in scans}
    truths = {(f, n): t for _i, f, n, t in scans}
    for page in out["pages"]:
        truth = truths[(page["form"], page["page"])]
        assert {i["item"] for i in page["items"]} == set(truth.items)
        for item in page["items"]:
            assert 0.0 <= item["confidence"] <= 1.0
            if not item["unclear"]:
                assert item["reading"] == truth.items[item["item"]]
                assert item["confidence"] >= 0.75
    assert counts(db) == 0


def test_confirm_writes_draft_checks_of_clear_items_and_lists_the_rest(files, capsys):
    db, paths, forms, scans = files
    code = main(
        ["import-scans", *map(str, paths), "--db", str(db), "--confirm", "--check-date",
         "2023-07-20"]
    )  # fmt: skip
    assert code == 0
    text = capsys.readouterr().out
    assert text.count("已保存为体检草稿") == len(forms)
    unclear = {c for _i, _f, _n, t in scans for c, v in t.items.items() if v == "unclear"}
    with open_database(db, operator="t") as database, database.session() as s:
        checks = s.scalars(select(HealthCheck)).all()
        assert len(checks) == len(forms) and {c.status for c in checks} == {"draft"}
        left = set(
            s.scalars(select(CheckResult.item_code).where(CheckResult.result == "unchecked"))
        )
    assert unclear <= left  # every unclear row left for a person, never guessed
    for code_ in unclear:
        assert code_ in text


def test_unreadable_files_only_exit_2(tmp_path, capsys):
    db = tmp_path / "c.sqlite3"
    assert main(["init", "--db", str(db), "--office", "410482"]) == 0
    (tmp_path / "x.jpg").write_bytes(b"nothing")
    assert main(["import-scans", str(tmp_path / "x.jpg"), "--db", str(db)]) == 2
    assert "无法读取文件" in capsys.readouterr().out


def test_bad_check_date_is_refused(files, capsys):
    db, paths, _forms, _scans = files
    assert main(["import-scans", str(paths[0]), "--db", str(db), "--confirm",
                 "--check-date", "20.7.2023"]) == 1  # fmt: skip
    assert "2023-07-20" in capsys.readouterr().err
