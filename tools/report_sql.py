"""Write app/services/campaign/report_sql.py: the summary report's statements
(report_queries) compiled for SQLite, which `hexie report` on a SQLite file runs
through sqlite3 without importing SQLAlchemy (docs/architecture.md; issue 17).
Run it after changing a statement, a list's filter or a migration;
tests/services/campaign/test_report_sql.py fails until then.

    python tools/report_sql.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.campaign import report_compile  # noqa: E402


def main() -> int:
    report_compile.TARGET.write_text(report_compile.module_text(), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", str(report_compile.TARGET)], check=False
    )
    print(f"wrote {report_compile.TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
