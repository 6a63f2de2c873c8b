from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app import __version__
from app.models.db import open_database
from tests.builders import messy_enterprise_xlsx
from tests.commands import run
from tests.pg_support import read


def print_form(capsys, db, kind, option, value, out):
    """`hexie print-form KIND --db DB OPTION VALUE -o OUT`: (exit code, stdout, stderr)."""
    return run(capsys, "print-form", kind, "--db", db, option, value, "-o", str(out))


def layoff_check(capsys, staff, laid_off, explained, *more):
    """`hexie layoff-check` of a layoff on 2023-03-31: (exit code, stdout, stderr)."""
    numbers = ("--staff", staff, "--laid-off", laid_off, "--explained", explained)
    return run(capsys, "layoff-check", *numbers, "--layoff-date", "2023-03-31", *more)


def test_version_from_a_real_process():
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert proc.stdout.strip() == f"hexie {__version__}"


def test_init_demo_stats(capsys, tmp_path, fresh_location):
    db = fresh_location("x")
    code, out, _ = run(capsys, "init", "--db", db, "--office", "410400", "--level", "city")
    assert code == 0 and "平顶山市" in out
    # It names what --db named: the file, or the server (not this PC's folder for it,
    # as the issue-20 trial found).
    assert db.rsplit("/", 1)[-1] in out and "/servers/" not in out
    code, out, _ = run(capsys, "demo", "--db", db, "--enterprises", "80", "--seed", "7")
    assert code == 0
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    data = json.loads(out)
    assert data["records"]["enterprise"] == 80
    assert sum(c["enterprise"] for c in data["by_county"].values()) == 80
    assert len(data["by_county"]) > 5  # a city office's demo spans its divisions


def test_demo_is_deterministic_per_seed(capsys, tmp_path):
    from app.models.db import open_database
    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter

    results = []
    for name in ("a", "b"):
        db = str(tmp_path / f"{name}.sqlite3")
        run(capsys, "init", "--db", db, "--office", "410482")
        run(capsys, "demo", "--db", db, "--enterprises", "50", "--seed", "3")
        with open_database(db) as database:
            results.append(
                [r[1:4] for r in enterprises.page(database, EnterpriseFilter(), limit=100)]
            )
    assert results[0] == results[1]


def test_demo_needs_an_office(capsys, tmp_path):
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "n.sqlite3"), "--enterprises", "5")
    assert code == 1 and "hexie init" in err


def test_init_rejects_bad_code(capsys, tmp_path):
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "n.sqlite3"), "--office", "41048")
    assert code == 1 and "6 位数字" in err


def test_import_json_and_db_from_environment(capsys, tmp_path, fresh_location, monkeypatch):
    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    monkeypatch.setenv("HEXIE_DB", db)
    path = messy_enterprise_xlsx(tmp_path / "m.xlsx")
    with open_database(db, operator="窗口里的协调员"):  # the window holds the file: a dry run reads
        code, out, _ = run(capsys, "import-enterprises", str(path), "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == 4 and data["skipped"] == 2
    assert {"row", "reason"} <= set(data["problems"][0])
    code, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["records"]["enterprise"] == 0  # dry run wrote nothing
    code, out, _ = run(
        capsys, "import-enterprises", str(path), "--json", "--problems", str(tmp_path / "p.xlsx")
    )
    assert json.loads(out)["added"] == 4 and (tmp_path / "p.xlsx").exists()
    code, out, _ = run(capsys, "import-enterprises", str(path), "--json")
    assert json.loads(out)["added"] == 0 and json.loads(out)["unchanged"] == 4


def test_import_unreadable_file_exits_2(capsys, tmp_path, fresh_location):
    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"garbage")
    code, out, err = run(capsys, "import-enterprises", str(bad), "--db", db, "--json")
    assert code == 2 and out == "" and "无法读取" in err


def test_missing_db_argument(capsys):
    code, _, err = run(capsys, "stats")
    assert code == 1 and "--db" in err


def test_demo_creates_checks_and_print_form(capsys, tmp_path, fresh_location):
    from tests.pdf_tools import pdf_text

    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    code, out, _ = run(capsys, "demo", "--db", db, "--enterprises", "60", "--seed", "4")
    assert "法治体检 6" in out
    [(credit, check_id)] = read(
        db,
        "SELECT e.credit_code, h.id FROM health_check h JOIN enterprise e ON e.id = h.enterprise_id"
        " WHERE EXISTS (SELECT 1 FROM rectification_item r WHERE r.check_id = h.id)"
        " ORDER BY h.id LIMIT 1",
    )
    [(name,)] = read(db, "SELECT name FROM enterprise WHERE credit_code = :c", c=credit)
    code, out, _ = print_form(capsys, db, "check-report", "--check", check_id, tmp_path / "r.pdf")
    assert code == 0 and name in pdf_text(tmp_path / "r.pdf")
    code, _, _ = print_form(
        capsys, db, "rectification-notice", "--enterprise", credit, tmp_path / "n.docx"
    )
    assert code == 0 and (tmp_path / "n.docx").stat().st_size > 0
    code, _, _ = print_form(capsys, db, "blank-check", "--enterprise", credit, tmp_path / "b.pdf")
    assert code == 0 and "劳动用工法治体检现场记录表" in pdf_text(tmp_path / "b.pdf")
    code, _, err = print_form(
        capsys, db, "blank-check", "--enterprise", "91410482MA0000000X", tmp_path / "c.pdf"
    )
    assert code == 1 and "找不到" in err
    code, _, err = print_form(capsys, db, "check-report", "--check", check_id, tmp_path / "r.txt")
    assert code == 1 and ".pdf" in err


def test_ledger_export(capsys, tmp_path, fresh_location):
    from openpyxl import load_workbook

    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    run(capsys, "demo", "--db", db, "--enterprises", "100", "--seed", "5")
    code, out, _ = run(capsys, "ledger-export", "--db", db, "-o", str(tmp_path / "all.xlsx"))
    assert code == 0
    all_rows = load_workbook(tmp_path / "all.xlsx")["整改台账"].max_row - 3
    code, _, _ = run(
        capsys,
        "ledger-export",
        "--db",
        db,
        "-o",
        str(tmp_path / "open.xlsx"),
        "--status",
        "open",
        "--county",
        "410482",
    )
    ws = load_workbook(tmp_path / "open.xlsx")["整改台账"]
    statuses = {ws.cell(r, 12).value for r in range(4, ws.max_row + 1)}
    assert all_rows > ws.max_row - 3 > 0 and not any(s.startswith("已销号") for s in statuses)
    code, _, _ = run(
        capsys, "ledger-export", "--db", db, "-o", str(tmp_path / "late.xlsx"), "--overdue"
    )
    ws = load_workbook(tmp_path / "late.xlsx")["整改台账"]
    assert all("逾期" in ws.cell(r, 12).value for r in range(4, ws.max_row + 1))
    code, _, err = run(capsys, "ledger-export", "--db", db, "-o", str(tmp_path / "x.csv"))
    assert code == 1 and ".xlsx" in err


@pytest.mark.parametrize(
    ("staff", "laid_off", "explained", "reached", "notice_ok"),
    [
        ("190", "19", "2023-03-01", True, True),
        ("200", "19", "2023-03-02", False, False),
        ("1000", "20", "2023-02-28", True, True),
    ],
)
def test_layoff_check_without_database(capsys, staff, laid_off, explained, reached, notice_ok):
    code, out, _ = layoff_check(capsys, staff, laid_off, explained, "--json")
    data = json.loads(out)
    assert code == 0 and data["threshold_reached"] is reached and data["notice_ok"] is notice_ok


def test_layoff_check_speaks_of_article_41_only_at_its_number(capsys):
    """19 of 200: no 第41条 re-hire window, the 第40、43条 rules instead (docs/law.md)."""
    code, out, _ = layoff_check(capsys, "200", "19", "2023-03-01")
    assert code == 0 and "第40条" in out and "优先招用" not in out
    code, out, _ = layoff_check(capsys, "200", "19", "2023-03-01", "--json")
    assert json.loads(out)["rehire_priority_until"] is None
    code, out, _ = layoff_check(capsys, "190", "19", "2023-03-01")
    assert "2023-09-30 前）重新招用人员的，应优先招用" in out and "第40条" not in out


def test_layoff_check_bad_input(capsys):
    code, _, err = layoff_check(capsys, "10", "12", "2023-03-01")
    assert code == 1 and "超过职工总数" in err
    code, _, err = layoff_check(capsys, "10", "2", "2023-3-1x")
    assert code == 1 and "不是日期" in err


def test_offer_clock_both_rule_sets(capsys):
    code, out, _ = run(
        capsys, "offer-clock", "--received", "2023-09-27", "--signed", "2023-09-28", "--json"
    )
    data = json.loads(out)
    assert (
        data["reply_due"] == "2023-10-17"
        and data["filing_due"] == "2023-10-11"
        and data["review_ends"] == "2023-10-26"
    )
    code, out, _ = run(
        capsys, "offer-clock", "--received", "2023-09-12", "--rules", "national", "--json"
    )
    assert json.loads(out)["reply_due"] == "2023-10-07"
    code, _, err = run(capsys, "offer-clock", "--received", "2023-09-12", "--signed", "2023-09-01")
    assert code == 1 and "早于" in err


def test_print_offer_letter_and_layoff_receipt(capsys, tmp_path, fresh_location):
    from tests.pdf_tools import pdf_text

    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    run(capsys, "demo", "--db", db, "--enterprises", "120", "--seed", "2")
    [(offer_id,)] = read(
        db, "SELECT id FROM negotiation_offer WHERE sent_on IS NOT NULL ORDER BY id LIMIT 1"
    )
    [(filing_id, name)] = read(
        db,
        "SELECT f.id, e.name FROM layoff_filing f JOIN enterprise e ON e.id = f.enterprise_id"
        " ORDER BY f.id LIMIT 1",
    )
    code, _, _ = print_form(capsys, db, "offer-letter", "--offer", offer_id, tmp_path / "o.pdf")
    assert code == 0 and "集体协商要约书" in pdf_text(tmp_path / "o.pdf")
    code, _, _ = print_form(capsys, db, "offer-reply", "--offer", offer_id, tmp_path / "r.docx")
    assert code == 0
    code, _, _ = print_form(capsys, db, "layoff-receipt", "--filing", filing_id, tmp_path / "f.pdf")
    text = pdf_text(tmp_path / "f.pdf")
    assert (
        code == 0 and "裁减人员方案报告回执" in text and name in text and "不是对方案的批准" in text
    )
    code, _, err = print_form(capsys, db, "layoff-receipt", "--offer", offer_id, tmp_path / "g.pdf")
    assert code == 1 and "--filing" in err


def test_import_risk_data_and_grade(capsys, tmp_path, fresh_location):
    from tests.builders import social_xlsx

    db = fresh_location("x")
    run(capsys, "init", "--db", db, "--office", "410482")
    from app.models.db import open_database
    from app.services.register import enterprises
    from tests.builders import code

    with open_database(db) as database:
        enterprises.create(
            database, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
        )
    path = social_xlsx(
        tmp_path / "s.xlsx",
        [
            ["汝州市甲公司", code(1), "2023-05", "50", "4", "1000"],
            ["外县公司", "", "2023-05", "1", "0", "0"],
        ],
    )
    with open_database(db, operator="窗口里的协调员"):  # the window holds the file: a dry run reads
        code_, out, _ = run(
            capsys, "import-risk-data", str(path), "--db", db, "--source", "social", "--dry-run"
        )
    assert code_ == 0 and "按代码匹配 1" in out
    code_, out, _ = run(
        capsys, "import-risk-data", str(path), "--db", db, "--source", "social", "--json"
    )
    data = json.loads(out)
    assert (
        code_ == 0
        and data["matched_by_code"] == 1
        and data["unmatched"][0]["name"] == "外县公司"
        and data["batch"]
    )
    # The import grades on the data now in force, as the window's import does.
    assert data["grading"]["high"] == 1 and data["grading"]["rose"] == 1
    code_, out, _ = run(capsys, "grade", "--db", db, "--json")
    assert json.loads(out)["high"] == 1 and json.loads(out)["rose"] == 0  # already high
    code_, out, _ = run(capsys, "grade", "--db", db, "--enterprise", code(1), "--json")
    one = json.loads(out)
    assert (
        one["level"] == "high" and one["score"] == 60 and any("红线" in r for r in one["reasons"])
    )
    code_, _, err = run(capsys, "import-risk-data", str(path), "--db", db, "--source", "tax")
    assert code_ == 2 and "社保" in err
    # Withdrawing the batch grades again: nothing left against the enterprise.
    code_, out, _ = run(capsys, "rollback-risk-data", "--db", db, "--json")
    assert [b["status"] for b in json.loads(out)] == ["active"]
    code_, out, _ = run(capsys, "rollback-risk-data", data["batch"], "--db", db, "--json")
    back = json.loads(out)
    assert code_ == 0 and back["withdrawn"] == 3 and back["grading"]["high"] == 0
    code_, out, _ = run(capsys, "grade", "--db", db, "--enterprise", code(1), "--json")
    assert json.loads(out)["level"] == "low" and json.loads(out)["score"] == 0
    code_, out, _ = run(capsys, "rollback-risk-data", data["batch"], "--db", db)
    assert code_ == 0 and "已撤回过" in out


def test_bundle_cli_county_to_city_and_back(capsys, tmp_path, monkeypatch, fresh_location):
    # The county on this test's engine, the city on its file: on a server run, a
    # PostgreSQL county sends to a SQLite city and receives its answer.
    county, city = fresh_location("c"), str(tmp_path / "y.sqlite3")
    run(capsys, "init", "--db", county, "--office", "410482")
    run(capsys, "init", "--db", city, "--office", "410400")
    code_, _, err = run(capsys, "keys", "init", "--db", county)
    assert code_ == 1 and "HEXIE_PASSPHRASE" in err  # never from an argument
    monkeypatch.setenv("HEXIE_PASSPHRASE", "county passphrase")
    run(capsys, "keys", "init", "--db", county)
    (tmp_path / "pw").write_text("city passphrase\n", encoding="utf-8")
    code_, out, _ = run(
        capsys, "keys", "init", "--db", city, "--passphrase-file", str(tmp_path / "pw")
    )
    assert code_ == 0 and "指纹" in out
    run(capsys, "keys", "export", "--db", county, "-o", str(tmp_path / "c.pub"))
    run(capsys, "keys", "export", "--db", city, "-o", str(tmp_path / "y.pub"))
    monkeypatch.setattr("builtins.input", lambda _prompt: "no")
    code_, _, err = run(capsys, "keys", "trust", str(tmp_path / "y.pub"), "--db", county)
    assert code_ == 1 and "未信任" in err
    run(
        capsys,
        "keys",
        "trust",
        str(tmp_path / "y.pub"),
        "--db",
        county,
        "--yes",
        "--email",
        "city@example.cn",
    )
    run(capsys, "keys", "trust", str(tmp_path / "c.pub"), "--db", city, "--yes")
    run(capsys, "demo", "--db", county, "--enterprises", "30")
    city_options = ("--db", city, "--json", "--passphrase-file", str(tmp_path / "pw"))
    code_, out, _ = run(
        capsys,
        "export-bundle",
        "--db",
        county,
        "--to",
        "410400",
        "-o",
        str(tmp_path / "out"),
        "--eml",
    )
    assert code_ == 0 and "第 1 号" in out and list((tmp_path / "out").glob("*.eml"))
    code_, out, _ = run(capsys, "import-bundle", str(tmp_path / "out"), *city_options)
    data = json.loads(out)
    assert (
        code_ == 0
        and data["bundles"][0]["counts"]["enterprise"]["added"] == 30
        and data["receipts"]
    )
    code_, out, _ = run(capsys, "import-bundle", str(tmp_path / "out"), *city_options)
    assert code_ == 0 and json.loads(out)["bundles"][0]["already_imported"] is True
    bad = tmp_path / "bad" / "x.hexie"
    bad.parent.mkdir()
    bad.write_bytes(b"age-encryption.org/v1\n-> garbage")
    code_, out, _ = run(
        capsys,
        "import-bundle",
        str(bad),
        "--db",
        city,
        "--json",
        "--passphrase-file",
        str(tmp_path / "pw"),
    )
    assert code_ == 3 and "rejected" in json.loads(out)


@pytest.mark.parametrize("query", ["?password=secret", "?sslmode=prefer&PASSWORD=secret"])
def test_a_password_as_an_address_parameter_is_refused(capsys, query):
    """Found in the issue-20 trial: …/hexie?password=… went through to the server."""
    code, out, err = run(capsys, "stats", "--db", f"postgresql://u@h/db{query}")
    assert code == 1 and "不能写密码" in err and "secret" not in out + err
