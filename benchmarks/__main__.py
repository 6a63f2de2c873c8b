"""python -m benchmarks — every figure beside a baseline measured in the same run.

HEXIE_BENCH_N sets the number of enterprises (default 100,000). Built files are
kept in benchmarks/out/ between runs.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HEXIE_DATA_DIR", tempfile.mkdtemp(prefix="hexie-bench-"))


def main() -> int:
    from benchmarks import (
        bench_bundle,
        bench_city,
        bench_grading,
        bench_import,
        bench_lost_updates,
        bench_overview,
        bench_register,
        bench_scans,
    )

    ok = bench_register.run()
    ok &= bench_import.run()
    ok &= bench_grading.run()
    ok &= bench_bundle.run()
    ok &= bench_city.run()
    ok &= bench_overview.run()
    ok &= bench_scans.run()
    ok &= bench_lost_updates.run()
    print("all targets met" if ok else "some targets missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
