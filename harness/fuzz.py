"""Fuzzer: hypothesis-made files given to every import, in process through the
services, and a handful through the real CLI for the exit codes.

    python3 -m harness.fuzz [--examples N] [--seed S]

N is the number of cases per target (default: the full size, 300 in all; the test
suite runs the CI size, 120 in all, unless HEXIE_HARNESS=full).
Every case must end in the import's result or its documented rejection
(SpreadsheetError, ChecklistError, HolidayError, BundleError: the CLI's exit 2 or
3), never another exception; on a rejection the database must be byte-for-byte
the same dump as before.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from harness.common import OPERATOR, cli, run_cli
from harness.fuzz_bundles import bundle_contents, seal_bundle
from harness.fuzz_files import spreadsheet_files
from harness.fuzz_headers import Door, enterprise_door, risk_doors

# Cases per target of the full run: 300 in all, with the CLI ones.
FULL_EXAMPLES = {
    "enterprise register": 70,
    "department risk data": 60,
    "checklist xlsx": 30,
    "holiday table": 30,
    "sync bundle": 100,
    "CLI import-enterprises": 6,
    "CLI import-bundle": 4,
}
# The suite's size (tests/harness): 80 in all, each target reached, two CLI runs each
# (the suite's five minutes; HEXIE_HARNESS=full runs the 300 above).
CI_EXAMPLES = {
    "enterprise register": 20,
    "department risk data": 18,
    "checklist xlsx": 10,
    "holiday table": 6,
    "sync bundle": 22,
    "CLI import-enterprises": 2,
    "CLI import-bundle": 2,
}
COUNTY, CITY, SENDER = "410482", "410400", "410421"
PASSPHRASE = "fuzz-passphrase-2024"


@dataclass
class Outcome:
    target: str
    cases: int = 0
    accepted: int = 0
    rejected: int = 0
    with_rows: int = 0  # accepted files that imported rows (enterprises added or updated, facts)
    findings: list[str] = field(default_factory=list)


def digest(path: Path) -> str:
    """The whole database as SQL text, hashed: equal digests mean nothing changed."""
    con = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


@dataclass
class Offices:
    county: Any
    city: Any
    city_keys: Any
    sender_keys: Any
    city_age: str
    folder: Path


def offices(folder: Path) -> Offices:
    """A county with a few enterprises (so rows match), and a city that trusts a county
    whose key signs every fuzzed bundle."""
    from datetime import date

    from app.models.db import open_database
    from app.services.core import office
    from app.services.core.progress import drain
    from app.services.demo import demo
    from app.services.sync import keys

    county = open_database(folder / "county.sqlite3", operator=OPERATOR)
    office.configure(county, COUNTY, level="county")
    drain(demo.generate(county, enterprises=20, seed=3, today=date(2024, 6, 28)))
    sender = open_database(folder / "sender.sqlite3", operator=OPERATOR)
    office.configure(sender, SENDER, level="county")
    city = open_database(folder / "city.sqlite3", operator=OPERATOR)
    office.configure(city, CITY, level="city")
    keys.init(sender, PASSPHRASE)
    keys.init(city, PASSPHRASE)
    keys.trust(city, keys.own_public(sender))
    keys.trust(sender, keys.own_public(city))
    result = Offices(
        county,
        city,
        keys.unlock(city, PASSPHRASE),
        keys.unlock(sender, PASSPHRASE),
        keys.own_public(city).age_recipient,
        folder,
    )
    sender.close()
    return result


Target = tuple[Callable[[Path], int], tuple[type[Exception], ...], tuple[Door, ...]]


def _spreadsheet_targets(o: Offices) -> dict[str, Target]:
    """Each import: a function returning how many rows it imported, its documented
    rejections, and the headers it recognises (for files that reach its rows)."""
    from app.services.checks.checklist_xlsx import import_xlsx
    from app.services.checks.checklists import ChecklistError
    from app.services.core import holidays
    from app.services.core.progress import drain
    from app.services.core.spreadsheet import SpreadsheetError
    from app.services.register import enterprise_import
    from app.services.risk import risk_import

    def enterprise(path: Path) -> int:
        plan = drain(enterprise_import.plan_import(o.county, path))
        done = drain(enterprise_import.apply_import(o.county, plan))
        return int(done["added"]) + int(done["updated"])

    sources = tuple(risk_import.sources())

    def risk(path: Path) -> int:
        # A file made for a source is imported as that source's; any other as the
        # source its size picks (mostly the wrong one: the "looks like" refusal).
        stem = path.stem
        source = stem if stem in sources else sources[path.stat().st_size % len(sources)]
        plan = drain(risk_import.plan_import(o.county, path, source))
        drain(risk_import.apply_import(o.county, plan))
        return len(plan.facts)

    def counted(read: Callable[[Path], Any]) -> Callable[[Path], int]:
        return lambda path: len(read(path) or ())

    return {
        "enterprise register": (enterprise, (SpreadsheetError,), (enterprise_door(o.county),)),
        "department risk data": (risk, (SpreadsheetError,), risk_doors(o.county)),
        "checklist xlsx": (counted(import_xlsx), (SpreadsheetError, ChecklistError), ()),
        "holiday table": (
            counted(holidays.read_file),
            (SpreadsheetError, holidays.HolidayError),
            (),
        ),
    }


def _run(
    outcome: Outcome,
    examples: int,
    seed: int,
    strategy: st.SearchStrategy[Any],
    case: Callable[[Any], None],
    *,
    shrink: bool = True,
) -> None:
    @settings(
        max_examples=examples,
        # Shrinking makes a finding's example small for the report; a test that only
        # asks whether a finding is reported skips it.
        phases=[p for p in Phase if shrink or p is not Phase.shrink],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @hypothesis_seed(seed)
    @given(strategy)
    def test(value: Any) -> None:
        outcome.cases += 1
        case(value)

    try:
        test()
    except Exception:  # a finding: the falsifying example and its traceback
        outcome.findings.append(traceback.format_exc(limit=-12))


def _file_case(
    db_path: Path,
    target: Callable[[Path], int],
    rejections: tuple[type[Exception], ...],
    outcome: Outcome,
    folder: Path,
) -> Callable[[Path], None]:
    def case(path: Path) -> None:
        before = digest(db_path)
        try:
            imported = target(path)
        except rejections as exc:
            assert str(exc).strip(), "a rejection without a message"
            assert "Traceback" not in str(exc)
            assert digest(db_path) == before, f"the database changed although refused: {exc}"
            outcome.rejected += 1
        else:
            outcome.accepted += 1
            outcome.with_rows += imported > 0
        finally:
            for f in folder.iterdir():
                f.unlink()

    return case


def fuzz_spreadsheets(
    o: Offices, examples: dict[str, int], seed: int, *, shrink: bool = True
) -> list[Outcome]:
    results = []
    db_path = o.county.path
    for name, (target, rejections, doors) in _spreadsheet_targets(o).items():
        outcome = Outcome(name)
        folder = o.folder / name.replace(" ", "-")
        folder.mkdir(exist_ok=True)
        _run(
            outcome,
            examples[name],
            seed,
            spreadsheet_files(folder, doors),
            _file_case(db_path, target, rejections, outcome, folder),
            shrink=shrink,
        )
        results.append(outcome)
    return results


def fuzz_bundles(o: Offices, examples: int, seed: int) -> Outcome:
    from app.services.sync import bundle

    outcome = Outcome("sync bundle")
    folder = o.folder / "bundles"
    folder.mkdir(exist_ok=True)
    receipts = o.folder / "receipts"
    receipts.mkdir(exist_ok=True)

    def case(contents: tuple[dict[str, bytes], dict[str, Any], list[str]]) -> None:
        path = seal_bundle(
            folder / "fuzz.hexie", SENDER, CITY, o.city_age, o.sender_keys, *contents
        )
        before = digest(o.city.path)
        try:
            bundle.import_paths(o.city, [path], o.city_keys, receipt_dir=receipts)
        except bundle.BundleError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)
            assert digest(o.city.path) == before, (
                f"the database changed although the bundle was refused: {exc}"
            )
            outcome.rejected += 1
        else:
            outcome.accepted += 1
        finally:
            path.unlink()

    _run(outcome, examples, seed, bundle_contents(SENDER), case)
    return outcome


def fuzz_cli(o: Offices, examples: dict[str, int], seed: int) -> list[Outcome]:
    """A few cases through `python3 -m app.cli`: the documented exit codes and no traceback."""
    data = o.folder / "cli-data"
    data.mkdir(exist_ok=True)
    out = []
    xlsx_folder = o.folder / "cli-files"
    xlsx_folder.mkdir(exist_ok=True)
    enterprise = Outcome("CLI import-enterprises")

    def enterprise_case(path: Path) -> None:
        before = digest(o.county.path)
        o.county.close()  # the CLI takes the instance lock
        try:
            done = run_cli(cli("import-enterprises", path, "--db", o.county.path, "--json"), data)
        finally:
            o.county = _reopen(o.county.path)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 2), (done.returncode, done.stderr)
        if done.returncode == 2:
            assert done.stderr.startswith("错误："), done.stderr
            assert digest(o.county.path) == before
            enterprise.rejected += 1
        else:
            enterprise.accepted += 1
            done_json = json.loads(done.stdout)
            enterprise.with_rows += done_json["added"] + done_json["updated"] > 0
        for f in xlsx_folder.iterdir():
            f.unlink()

    _run(
        enterprise,
        examples["CLI import-enterprises"],
        seed,
        spreadsheet_files(xlsx_folder, (enterprise_door(o.county),)),
        enterprise_case,
    )
    out.append(enterprise)

    bundles = Outcome("CLI import-bundle")
    (o.folder / "pass.txt").write_text(PASSPHRASE, "utf-8")

    def bundle_case(contents: tuple[dict[str, bytes], dict[str, Any], list[str]]) -> None:
        path = seal_bundle(
            o.folder / "cli.hexie", SENDER, CITY, o.city_age, o.sender_keys, *contents
        )
        before = digest(o.city.path)
        o.city.close()
        try:
            done = run_cli(
                cli(
                    "import-bundle",
                    path,
                    "--db",
                    o.city.path,
                    "--passphrase-file",
                    o.folder / "pass.txt",
                    "--json",
                ),
                data,
            )
        finally:
            o.city = _reopen(o.city.path)
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 3), (done.returncode, done.stderr)
        if done.returncode == 3:
            assert '"rejected"' in done.stdout and digest(o.city.path) == before
            bundles.rejected += 1
        else:
            bundles.accepted += 1
        path.unlink()

    _run(bundles, examples["CLI import-bundle"], seed, bundle_contents(SENDER), bundle_case)
    out.append(bundles)
    return out


def _reopen(path: Path) -> Any:
    from app.models.db import open_database

    return open_database(path, operator=OPERATOR, create=False)


def run(examples: dict[str, int], seed: int, folder: Path) -> list[Outcome]:
    o = offices(folder)
    try:
        results = fuzz_spreadsheets(o, examples, seed)
        results.append(fuzz_bundles(o, examples["sync bundle"], seed))
        results += fuzz_cli(o, examples, seed)
    finally:
        o.county.close()
        o.city.close()
    return results


def table(results: list[Outcome]) -> str:
    head = (
        f"{'target':26} {'cases':>6} {'accepted':>9} {'with rows':>10} {'rejected':>9} "
        f"{'findings':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r.target:26} {r.cases:6d} {r.accepted:9d} {r.with_rows:10d} {r.rejected:9d} "
            f"{len(r.findings):9d}"
        )
    lines.append(
        f"{'total':26} {sum(r.cases for r in results):6d} {sum(r.accepted for r in results):9d} "
        f"{sum(r.with_rows for r in results):10d} {sum(r.rejected for r in results):9d} "
        f"{sum(len(r.findings) for r in results):9d}"
    )
    for r in results:
        for f in r.findings:
            lines.append(f"--- {r.target}:\n{f}")
    return "\n".join(lines)


def sizes(examples: int | None, *, ci: bool = False) -> dict[str, int]:
    if examples is None:
        return dict(CI_EXAMPLES if ci else FULL_EXAMPLES)
    # --examples N: N cases for each in-process target, a hundredth of that (at least the full run's) through the CLI.
    return {
        k: (max(v, examples // 100) if k.startswith("CLI") else examples)
        for k, v in FULL_EXAMPLES.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m harness.fuzz", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--examples", type=int, default=None, help="cases per target (default: 300 in all)"
    )
    parser.add_argument("--ci", action="store_true", help="the suite's size (120 in all)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hexie-fuzz-") as scratch:
        results = run(sizes(args.examples, ci=args.ci), seed, Path(scratch))
    print(table(results))
    print(f"seed {seed}, {time.monotonic() - started:.0f} s")
    return 1 if any(r.findings for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
