"""The rest of issue 17's paths as whole processes (benchmarks/whole.py runs them):
the jump far down the register, printing 100 blank forms to PDF and to Word, a full
sync bundle out and in, and the campaign's summary report. Each beside the raw
libraries doing the same work in a process of their own (benchmarks/children_more.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from benchmarks.common import OUT, N
from benchmarks.whole import Run, _ready_register, _row, _settings_dir, run_process

FORMS = 100


def _last_json(run: Run) -> dict[str, float]:
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench_jump() -> dict[str, object]:
    db = str(_ready_register())
    row = min(99_800, N - 1)
    ours = run_process(["benchmarks.children_more", "jump", db, str(row)])
    raw = run_process(["benchmarks.children_more", "jump_raw", db, str(row)])
    o, r = _last_json(ours), _last_json(raw)
    return _row(
        f"jump to row {row:,} of the register (page of 200), median",
        o["median_ms"] / 1000,
        r["median_ms"] / 1000,
        ours.peak_mb,
        raw.peak_mb,
        "jump",
    ) | {"note": f"first jump {o['first_ms']:.0f} ms / raw {r['first_ms']:.0f} ms"}


def _codes(db: Path, count: int) -> list[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    codes = [
        r[0]
        for r in con.execute(
            "SELECT credit_code FROM enterprise WHERE deleted = 0 ORDER BY name_pinyin, id LIMIT ?",
            (count,),
        )
    ]
    con.close()
    return codes


def _print_copy() -> Path:
    copy = OUT / "whole-print.sqlite3"
    for stale in OUT.glob(copy.name + "*"):
        stale.unlink()
    shutil.copyfile(_ready_register(), copy)
    return copy


def bench_print_pdf() -> dict[str, object]:
    """`hexie print-form blank-check` of 100 enterprises (blank field forms, PDF
    only: their QR code and tick boxes are read back from scans), beside QPdfWriter
    painting the same pages (benchmarks/raw_forms.py: 4 pages a form, as ours)."""
    copy = _print_copy()
    codes = _codes(copy, FORMS)
    args = ["app.cli", "print-form", "blank-check", "--db", str(copy), "--operator", "bench"]
    for code in codes:
        args += ["--enterprise", code]
    out = OUT / "whole-forms.pdf"
    ours = run_process([*args, "-o", str(out)], {"HEXIE_DATA_DIR": _settings_dir()})
    raw_out = str(OUT / "whole-forms-raw.pdf")
    raw = run_process(["benchmarks.raw_forms", str(copy), str(FORMS), raw_out])
    return _row(
        f"print {len(codes)} blank forms, PDF",
        ours.seconds,
        raw.seconds,
        ours.peak_mb,
        raw.peak_mb,
        "print_pdf",
    ) | {"note": f"{ours.seconds / len(codes) * 1000:.0f} ms a form"}


def bench_print_docx() -> dict[str, object]:
    """100 check reports in one .docx through the printing service the window's
    print action calls (the command line prints one check a call)."""
    copy = _print_copy()
    con = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    checks = con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM health_check WHERE deleted = 0 LIMIT ?)", (FORMS,)
    ).fetchone()[0]
    con.close()
    out, raw_out = OUT / "whole-forms.docx", OUT / "whole-forms-raw.docx"
    ours = run_process(["benchmarks.children_more", "forms_docx", str(copy), str(checks), str(out)])
    texts = OUT / "whole-forms-docx.json"
    _docx_texts(out, texts)  # the raw side writes the same paragraphs and tables
    raw = run_process(["benchmarks.children_more", "docx_raw", str(texts), str(raw_out)])
    return _row(
        f"print {checks} check reports, Word",
        ours.seconds,
        raw.seconds,
        ours.peak_mb,
        raw.peak_mb,
        "print_docx",
    ) | {"note": f"{ours.seconds / max(checks, 1) * 1000:.0f} ms a form"}


PASS = "benchmark passphrase"


def _bundle_offices() -> tuple[Path, Path, Path]:
    """The county (register + N rectification items, keys), the city (keys, trusting
    the county), and the passphrase file."""
    from app.models.db import open_database
    from app.services.sync import keys
    from benchmarks import bench_bundle

    county = bench_bundle.county_db()
    city = bench_bundle.city_db()
    with open_database(county) as c, open_database(city) as y:
        keys.export_public(c, OUT / "c.pub")
        keys.export_public(y, OUT / "y.pub")
        keys.trust(c, keys.read_public(OUT / "y.pub"))
        keys.trust(y, keys.read_public(OUT / "c.pub"))
        y.engine.dispose()
        c.engine.dispose()
    secret = OUT / "passphrase.txt"
    secret.write_text(PASS, "utf-8")
    return county, city, secret


def _tables_with_rows(db: Path) -> list[str]:
    from app.services.sync.bundle_format import record_tables

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    found = [
        t
        for t in record_tables()
        if con.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()  # noqa: S608 - model names
    ]
    con.close()
    return found


def _bundle_runs() -> tuple[Run, Run, Run, Run, int]:
    from pyrage import x25519

    county, city, secret = _bundle_offices()
    env = {"HEXIE_DATA_DIR": _settings_dir()}
    out = OUT / "whole-bundle-out"
    shutil.rmtree(out, ignore_errors=True)
    export = run_process(
        ["app.cli", "export-bundle", "--db", str(county), "--operator", "bench", "--to", "410400"]
        + ["-o", str(out), "--full", "--max-part-mb", "1000", "--passphrase-file", str(secret)],
        env,
    )
    tables = ",".join(_tables_with_rows(county))
    identity = x25519.Identity.generate()
    raw_bundle = OUT / "whole-bundle-raw.age"
    raw_export = run_process(
        ["benchmarks.children_more", "bundle_export_raw", str(county)]
        + [str(identity.to_public()), str(raw_bundle), PASS, tables]
    )
    target = OUT / "whole-bundle-city.sqlite3"
    raw_target = OUT / "whole-bundle-city-raw.sqlite3"
    for copy in (target, raw_target):
        for stale in OUT.glob(copy.name + "*"):
            stale.unlink()
        shutil.copyfile(city, copy)
    imported = run_process(
        ["app.cli", "import-bundle", "--db", str(target), "--operator", "bench"]
        + ["--passphrase-file", str(secret), str(out)],
        env,
    )
    raw_import = run_process(
        ["benchmarks.children_more", "bundle_import_raw", str(raw_target)]
        + [str(identity), str(raw_bundle), PASS, tables]
    )
    con = sqlite3.connect(f"file:{county}?mode=ro", uri=True)
    records = sum(
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - model names
        for t in tables.split(",")
    )
    con.close()
    return export, raw_export, imported, raw_import, records


def bench_bundle() -> list[dict[str, object]]:
    export, raw_export, imported, raw_import, records = _bundle_runs()
    note = {"note": "passphrase unlock (scrypt) on both sides"}
    return [
        _row(
            f"export full bundle, {records:,} records",
            export.seconds,
            raw_export.seconds,
            export.peak_mb,
            raw_export.peak_mb,
            "bundle",
        )
        | note,
        _row(
            f"import full bundle, {records:,} records",
            imported.seconds,
            raw_import.seconds,
            imported.peak_mb,
            raw_import.peak_mb,
            "bundle",
        )
        | note,
    ]


def _docx_texts(path: Path, out: Path) -> None:
    from docx import Document

    doc = Document(str(path))
    content = {
        "paragraphs": [p.text for p in doc.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables],
    }
    out.write_text(json.dumps(content, ensure_ascii=False), "utf-8")


def bench_report() -> dict[str, object]:
    """`hexie report` beside sqlite3 running the statements ours sent (recorded in an
    unmeasured run first) and python-docx writing the text ours wrote."""
    db = _ready_register()
    env = {"HEXIE_DATA_DIR": _settings_dir()}
    out = OUT / "whole-report.docx"
    sql = OUT / "whole-report-sql.json"
    run_process(
        ["benchmarks.children_more", "report_queries", str(db), "2023-12-01", str(out), str(sql)]
    )
    ours = run_process(
        ["app.cli", "report", "--db", str(db), "--operator", "bench", "-o", str(out)]
        + ["--today", "2023-12-01"],
        env,
    )
    texts = OUT / "whole-report.json"
    _docx_texts(out, texts)
    raw_out = str(OUT / "whole-report-raw.docx")
    raw = run_process(
        ["benchmarks.children_more", "report_raw", str(db), str(sql), str(texts), raw_out]
    )
    queries = len(json.loads(sql.read_text("utf-8")))
    return _row(
        "summary report (.docx)", ours.seconds, raw.seconds, ours.peak_mb, raw.peak_mb, "report"
    ) | {"note": f"raw: the same {queries} queries through sqlite3, then python-docx"}
