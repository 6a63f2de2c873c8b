"""The fuzzer in its CI size (harness/fuzz.py), and that it reports what it finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness import fuzz


def test_fuzzed_files_and_bundles_end_in_a_result_or_the_documented_rejection(
    tmp_path: Path,
) -> None:
    """80 cases (HEXIE_HARNESS=full: 300): spreadsheets for every import, signed
    bundles, a few through the CLI; no traceback, the documented exit code, the
    database unchanged on rejection."""
    sizes = fuzz.sizes(None, ci=os.environ.get("HEXIE_HARNESS") != "full")
    results = fuzz.run(sizes, 18, tmp_path)
    report = fuzz.table(results)
    assert not any(r.findings for r in results), report
    assert sum(r.cases for r in results) == sum(sizes.values()), report
    for r in results:
        assert r.cases == r.accepted + r.rejected, report
    # The cases reach past the door: some files and bundles are accepted, some refused.
    assert sum(r.accepted for r in results) and sum(r.rejected for r in results), report
    # Files with a recognised header reach the row rules: some enterprise and some
    # risk files import rows (harness/fuzz_headers.py), so the fuzzer cannot go back
    # to stopping every file at the header check unnoticed.
    by_target = {r.target: r for r in results}
    assert by_target["enterprise register"].with_rows >= 1, report
    assert by_target["department risk data"].with_rows >= 1, report


def test_an_undocumented_exception_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.core import holidays

    def broken(_path: Path) -> None:
        raise KeyError("cell")

    monkeypatch.setattr(holidays, "read_file", broken)
    o = fuzz.offices(tmp_path)
    try:
        sizes = dict.fromkeys(fuzz.CI_EXAMPLES, 1)
        [*_others, holiday] = fuzz.fuzz_spreadsheets(o, sizes, 1, shrink=False)
    finally:
        o.county.close()
        o.city.close()
    assert holiday.target == "holiday table"
    assert holiday.findings and "KeyError" in holiday.findings[0]
