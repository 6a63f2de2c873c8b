"""The processes of the paths added to the whole-process suite (benchmarks/whole_more.py):
`python -m benchmarks.children_more NAME ARGS…`.

Ours is the program's own entry point (the jump, which happens inside the window, is
the register's own paging service in a cold process); the raw side is the library
alone doing the same work: sqlite3's covering index for the jump, python-docx for the
Word forms (the PDF forms' raw side is benchmarks/raw_forms.py), the same rows
serialized and encrypted with age (pyrage) for a bundle, and for the report the same
queries through sqlite3 and python-docx writing the same text.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time

JUMP_ROW = 99_800
PAGE = 200  # the register's page (app/views/common/paged_model.py)


def _latency(run) -> dict[str, float]:  # noqa: ANN001
    """The first (cold) call, then the median of five more."""
    start = time.perf_counter()
    run()
    cold = time.perf_counter() - start
    times = []
    for _ in range(5):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return {"median_ms": statistics.median(times) * 1000, "first_ms": cold * 1000}


def jump(db_path: str, row: str = str(JUMP_ROW)) -> None:
    """Ours: the scroll bar dragged to a row far down the register — the page that
    holds it, found from the start (no known anchor) as the register's model does."""
    from app.models.db import open_database
    from app.services.core.keyset import Seek
    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter

    db = open_database(db_path, operator="bench", read_only=True)
    target = int(row)
    first = target - target % PAGE

    def run() -> None:
        rows = enterprises.page(db, EnterpriseFilter(), offset=Seek(None, first), limit=PAGE)
        assert len(rows) == PAGE or first + len(rows) > target

    print(json.dumps(_latency(run)))


def jump_raw(db_path: str, row: str = str(JUMP_ROW)) -> None:
    """Raw: the key of the row before the page from the covering index on (deleted,
    name_pinyin, id), then the page from that key."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    target = int(row)
    first = target - target % PAGE
    cols = "id, name, credit_code, county_code, address, industry, legal_representative"

    def run() -> None:
        key = con.execute(
            "SELECT name_pinyin, id FROM enterprise WHERE deleted = 0"
            " ORDER BY name_pinyin, id LIMIT 1 OFFSET ?",
            (first - 1,),
        ).fetchone()
        rows = con.execute(
            f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND (name_pinyin, id) > (?, ?)"
            " ORDER BY name_pinyin, id LIMIT ?",
            (*key, PAGE),
        ).fetchall()
        assert len(rows) == PAGE or first + len(rows) > target

    print(json.dumps(_latency(run)))


def forms_docx(db_path: str, count: str, out: str) -> None:
    """Ours: the check reports of the first `count` checks in one Word file, through
    the printing service (app/views/printing/output.py) the print action calls."""
    from app.models.db import open_database
    from app.views.printing import output

    db = open_database(db_path, operator="bench", read_only=True)
    with db.reader() as conn:
        ids = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM health_check WHERE deleted = 0 ORDER BY id LIMIT ?", (int(count),)
            )
        ]
    output.write_documents(db, "check-report", ids, out)


def docx_raw(texts_json: str, out: str) -> None:
    """Raw: python-docx writing the same paragraphs and tables, with the text ours
    wrote (the forms' and the report's Word files: the same size)."""
    from docx import Document

    content = json.loads(open(texts_json, encoding="utf-8").read())  # noqa: SIM115, PTH123
    doc = Document()
    for text in content["paragraphs"]:
        doc.add_paragraph(text)
    for rows in content["tables"]:
        table = doc.add_table(rows=len(rows), cols=max((len(r) for r in rows), default=1))
        for cells, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(cells.cells, texts, strict=False):
                cell.text = text
    doc.save(out)


def report_queries(db_path: str, today: str, out: str, sql_json: str) -> None:
    """Not measured: `hexie report`'s work in this process with every statement it
    sends to SQLite recorded (text and parameters, as sqlite3 receives them: a current
    file is read through report_file, without SQLAlchemy), for the raw side to run the
    same queries (report_raw)."""
    from datetime import date

    from app.services.campaign import report_file

    statements: list[tuple[str, object]] = []
    reader = report_file.open_from(db_path)
    assert reader is not None, "the register is not a current SQLite file"
    conn = reader.conn

    class Recording:
        def execute(self, statement: str, parameters: object) -> sqlite3.Cursor:
            statements.append((statement, parameters))
            return conn.execute(statement, parameters)  # type: ignore[arg-type]

    reader.conn = Recording()  # type: ignore[assignment]
    on = date.fromisoformat(today)
    campaign_id = report_file.current_campaign(reader, on)
    assert campaign_id, "the register has no campaign"
    report_file.write(reader, campaign_id, out, today=on)
    conn.close()
    with open(sql_json, "w", encoding="utf-8") as handle:  # noqa: PTH123
        json.dump(statements, handle, ensure_ascii=False)


def report_raw(db_path: str, sql_json: str, texts_json: str, out: str) -> None:
    """Raw: the report's queries run through sqlite3 (every row fetched), then
    python-docx writing the same paragraphs and tables (docx_raw)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    for statement, parameters in json.loads(open(sql_json, encoding="utf-8").read()):  # noqa: SIM115, PTH123
        con.execute(statement, parameters).fetchall()
    con.close()
    docx_raw(texts_json, out)


def _unlock(passphrase: str) -> None:
    """The same key derivation the program's passphrase costs (scrypt N=2^17, r=8):
    both sides unlock a private key before they sign or open a bundle."""
    import hashlib

    hashlib.scrypt(passphrase.encode(), salt=b"0" * 16, n=2**17, r=8, p=1, maxmem=2**28, dklen=32)


def bundle_export_raw(db_path: str, recipient: str, out: str, passphrase: str, tables: str) -> None:
    """Raw: the same tables as JSON Lines in a zip file (benchmarks/raw_sync.py), then
    encrypted to the recipient with age (pyrage), file to file, as ours does."""
    from pathlib import Path

    from pyrage import encrypt_io, x25519

    from benchmarks import raw_sync

    _unlock(passphrase)
    plain = Path(out + ".zip")
    raw_sync.export_to(db_path, str(plain), tables.split(","))
    with open(plain, "rb") as source, open(out, "wb") as target:
        encrypt_io(source, target, [x25519.Recipient.from_str(recipient)])
    plain.unlink()


def bundle_import_raw(
    db_path: str, identity: str, bundle: str, passphrase: str, tables: str
) -> None:
    """Raw: decrypt with age into a zip file, unzip, parse the JSON Lines, executemany."""
    from pathlib import Path

    from pyrage import decrypt_io, x25519

    from benchmarks import raw_sync

    _unlock(passphrase)
    plain = Path(bundle + ".zip")
    with open(bundle, "rb") as source, open(plain, "wb") as target:
        decrypt_io(source, target, [x25519.Identity.from_str(identity)])
    raw_sync.merge_from(db_path, [str(plain)], tables.split(","))
    plain.unlink()


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    globals()[name](*args)
