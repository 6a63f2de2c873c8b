"""python -m benchmarks — every figure beside a baseline measured in the same run.

    python -m benchmarks --scale 100000            whole processes (benchmarks/whole.py)
    python -m benchmarks --scale 1000000 --paths demo,search,startup
    python -m benchmarks --paths jump,print_pdf,print_docx,bundle,report
    python -m benchmarks --in-process              the older in-process suite as well

--scale sets the number of enterprises (default 100,000; HEXIE_BENCH_N also works).
Built files are kept in benchmarks/out/ between runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HEXIE_DATA_DIR", tempfile.mkdtemp(prefix="hexie-bench-"))

# As in benchmarks/whole.py (not imported here: it reads --scale when imported).
PATH_NAMES = "startup,search,jump,import,grade,print_pdf,print_docx,bundle,report,demo".split(",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--scale", type=int, help="enterprises (up to 1,000,000)")
    parser.add_argument("--paths", default="", help="comma-separated: " + ",".join(PATH_NAMES))
    parser.add_argument("--in-process", action="store_true", help="also the in-process suite")
    args = parser.parse_args(argv)
    if args.scale:
        if not 1 <= args.scale <= 1_000_000:
            parser.error("--scale: from 1 to 1,000,000 enterprises")
        os.environ["HEXIE_BENCH_N"] = str(args.scale)  # before benchmarks.common is imported
    from benchmarks import whole

    paths = tuple(p for p in args.paths.split(",") if p) or whole.PATHS
    unknown = set(paths) - set(whole.PATHS)
    if unknown:
        parser.error(f"--paths: unknown {', '.join(sorted(unknown))}")
    ok = whole.run(paths)
    if args.in_process:
        ok &= in_process()
    print("all targets met" if ok else "some targets missed")
    return 0 if ok else 1


def in_process() -> bool:
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
    return ok


if __name__ == "__main__":
    sys.exit(main())
