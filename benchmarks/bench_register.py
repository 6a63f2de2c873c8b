"""The register on 100,000 enterprises: opening the window, a search keystroke, memory."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import N, register_db, report, timed
from benchmarks.raw_sql import like_search

QUERIES = ["恒达", "pdsm", "9141042", "汝州市鑫源", "bfx"]


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def window_open(on_register: bool = False) -> tuple[float, float]:
    app = _app()
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    from app.models.db import open_database
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    path = register_db()

    def baseline() -> None:
        window = QMainWindow()
        table = QTableView()
        model = QStandardItemModel(100, 13)
        for r in range(100):
            for c in range(13):
                model.setItem(r, c, QStandardItem(f"单元格 {r},{c}"))
        table.setModel(model)
        window.setCentralWidget(table)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.grab()
        window.close()
        window.deleteLater()
        app.processEvents()

    def ours() -> None:
        db = open_database(path, operator="bench")
        window = MainWindow(db, AppSettings(operator="bench"), SyncTaskRunner())
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        if on_register:  # then the user opens the register on 100,000
            window.tabs.setCurrentWidget(window.enterprise_tab)
            app.processEvents()
        window.grab()
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()

    baseline()
    ours()  # warm both: imports and font caches are not what we measure
    return timed(ours, 7), timed(baseline, 7)


def search_keystroke() -> tuple[float, float]:
    _app()
    from app.models.db import open_database
    from app.views.register.enterprise_tab import EnterpriseTab

    path = register_db()
    db = open_database(path, operator="bench")
    tab = EnterpriseTab(db)
    tab.resize(1280, 800)
    tab.show()

    def ours() -> None:
        for q in QUERIES:
            tab.search.setText(q)
            tab.apply_filter()  # what the debounce timer calls
            for row in range(min(40, tab.model.rowCount())):
                tab.model.index(row, 0).data()

    con = sqlite3.connect(path)

    def baseline() -> None:
        for q in QUERIES:
            like_search(con, q)

    ours()
    baseline()
    result = timed(ours, 7) / len(QUERIES), timed(baseline, 7) / len(QUERIES)
    db.close()
    return result


def peak_memory_mb() -> float:
    """Run in a child process: the register open on N enterprises, scrolled end to end."""
    code = (
        "import os,resource;os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from benchmarks.bench_register import _memory_child;_memory_child()"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["peak_mb"])


def _memory_child() -> None:
    app = _app()
    from app.models.db import open_database
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    db = open_database(register_db(), operator="bench")
    window = MainWindow(db, AppSettings(operator="bench"), SyncTaskRunner())
    window.resize(1280, 800)
    window.show()
    table = window.enterprise_tab.table
    bar = table.verticalScrollBar()
    for step in range(0, 101):
        bar.setValue(bar.maximum() * step // 100)
        app.processEvents()
    table.scrollToBottom()
    app.processEvents()
    window.enterprise_tab.search.setText("公司")
    window.enterprise_tab.apply_filter()
    app.processEvents()
    print(json.dumps({"peak_mb": _peak_rss_mb()}))


def _peak_rss_mb() -> float:
    """This process's own peak resident size. VmHWM belongs to the process's memory
    map, which exec replaces; ru_maxrss survives exec on Linux and so reported the
    (larger) benchmark parent's peak when it was the bigger of the two."""
    status = Path("/proc/self/status")
    if status.exists():  # Linux
        for line in status.read_text("ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run() -> bool:
    start = time.perf_counter()
    register_db()
    print(f"(database with {N:,} enterprises ready in {time.perf_counter() - start:.1f}s)")
    ok = report("open main window (overview; {} enterprises)".format(f"{N:,}"), *window_open(), 2.0)
    ok &= report("… then the register tab on {}".format(f"{N:,}"), *window_open(True), 2.0)
    ok &= report("search keystroke → first rows", *search_keystroke(), 1.5)
    peak = peak_memory_mb()
    fits = peak < 250
    print(
        f"{'peak memory, register open on ' + f'{N:,}':<48} {peak:8.1f} MB  (target < 250 MB) {'OK' if fits else 'OVER'}"
    )
    return ok and fits


if __name__ == "__main__":
    run()
