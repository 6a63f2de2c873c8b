"""Run a module as a whole process and record its own peak memory.

`python -m benchmarks.measure OUT.json module arg...` runs `python -m module arg...`
in this process and, at exit, writes {"peak_mb": VmHWM, "exit": code} to OUT.json.
The parent measures the wall time around the process, interpreter start included.
(VmHWM is this process's own high-water mark; ru_maxrss would report the larger
parent's, which Linux keeps across exec.)
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text("ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    out, module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    code: object = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code
    Path(out).write_text(json.dumps({"peak_mb": peak_mb(), "exit": code}), "utf-8")
    sys.exit(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    main()
