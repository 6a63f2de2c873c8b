"""What the import commands print: the result as JSON (--json), or its summary line
and one line per skipped or doubtful row."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.shared import print_json


def print_result(args: argparse.Namespace, result: dict[str, Any], summary: str) -> None:
    if args.json:
        print_json(result)
        return
    print(summary)
    for p in result["problems"]:
        print(f"  第 {p['row']} 行：{p['reason']}")
