"""What each whole-process benchmark runs: `python -m benchmarks.children NAME ARGS…`.

Ours goes through the program's own entry points; the raw baselines use the
libraries alone (PySide6, sqlite3, python-calamine) doing the same work. Each
child prints one JSON line of what it measured inside (a keystroke's latency);
the wall time and the peak memory of the whole process are the parent's
(benchmarks/whole.py, benchmarks/measure.py).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time

from benchmarks.raw_sql import insert_enterprises, like_count, like_page, like_search

# A name fragment of each kind: rare and common, Chinese, initials, credit code.
QUERIES = ["恒达", "鑫源", "鑫", "汝州市鑫源", "pdsm", "9141042", "bfx", "公"]


def bare_window(probe: str) -> None:
    """A bare PySide6 window with a label: process start → first paint."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event):  # noqa: N802, ANN001 - Qt API
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                with open(probe, "w", encoding="utf-8") as handle:
                    json.dump({"first_paint": time.time()}, handle)
                QTimer.singleShot(0, app.quit)

    window = Window()
    window.setCentralWidget(QLabel("和谐台账"))
    window.resize(1280, 800)
    window.show()
    app.exec()


def _median_ms(run, queries: list[str]) -> dict[str, float]:  # noqa: ANN001
    first = time.perf_counter()
    run(queries[0])
    cold = time.perf_counter() - first
    times = []
    for _ in range(3):
        for q in queries:
            start = time.perf_counter()
            run(q)
            times.append(time.perf_counter() - start)
    return {"median_ms": statistics.median(times) * 1000, "first_ms": cold * 1000}


def search(db_path: str) -> None:
    """Ours: what a keystroke in the register runs — the count and the first page."""
    from app.models.db import open_database
    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter

    db = open_database(db_path, operator="bench", read_only=True)

    def run(q: str) -> None:
        flt = EnterpriseFilter(text=q)
        enterprises.count(db, flt)
        enterprises.page(db, flt, limit=200)

    def keystroke(q: str) -> None:
        # What the window waits for (app/views/common/paged_model.py): the first page;
        # its COUNT only when the page is full, and then on a worker (timed below).
        enterprises.page(db, EnterpriseFilter(text=q), limit=200)

    def count(q: str) -> None:
        enterprises.count(db, EnterpriseFilter(text=q))

    print(json.dumps(_split(run, keystroke, count)))


def _split(both, page, count) -> dict[str, float]:  # noqa: ANN001
    """Count and first page together (the earlier keystroke), the first page alone
    (the keystroke now) and the count alone (on a worker now), median ms each."""
    result = _median_ms(both, QUERIES)
    result["page_ms"] = _median_ms(page, QUERIES)["median_ms"]
    result["count_ms"] = _median_ms(count, QUERIES)["median_ms"]
    return result


def search_raw(db_path: str) -> None:
    """Raw: sqlite3's table-scan count and first page by LIKE (no index helps)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    print(
        json.dumps(
            _split(
                lambda q: like_search(con, q),
                lambda q: like_page(con, q),
                lambda q: like_count(con, q),
            )
        )
    )


def import_raw(xlsx: str, db_path: str) -> None:
    """Raw: calamine reads the sheet, sqlite3's executemany writes the rows (into a
    file the parent made with the same schema)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(xlsx).get_sheet_by_name("企业名单").to_python()[2:]
    insert_enterprises(db_path, rows)


def grade_raw(db_path: str) -> None:
    """Raw: the newest month of the data, then the shipped rules on shared data as one
    plain aggregate counted back from it (benchmarks/bench_grading.py)."""
    from benchmarks.bench_grading import REFERENCE_SQL, baseline_sql

    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    ref = con.execute(REFERENCE_SQL).fetchone()[0]
    con.execute(baseline_sql(ref)).fetchall()


def demo_raw(db_path: str, count: str) -> None:
    """The raw limit for demo enterprises: the same number of rows of the same
    columns written with sqlite3's executemany (nothing generated, no indexes
    kept, no audit)."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(
        "CREATE TABLE IF NOT EXISTS raw_enterprise (id TEXT PRIMARY KEY, name TEXT,"
        " credit_code TEXT, county_code TEXT, address TEXT, industry TEXT, phone TEXT,"
        " employee_count INTEGER, registration_date TEXT)"
    )
    rows = (
        (
            f"{i:032x}",
            f"平顶山鑫源{i}机械制造有限公司",
            f"91410402{i:08d}X",
            "410402",
            f"河南省平顶山市建设路{i % 999}号",
            "制造业",
            f"13{i:09d}",
            i % 300,
            "2020-01-01",
        )
        for i in range(int(count))
    )
    with con:
        con.executemany("INSERT INTO raw_enterprise VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    globals()[name](*args)
