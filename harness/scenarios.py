"""The operations the crash harness kills, each prepared once as a template folder
(a database and whatever the command reads) that every trial copies.

Set-up runs in this process through the services (quick); the operations
themselves always run as real `hexie` processes."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from harness.common import OPERATOR, cli

COUNTY, CITY = "410482", "410400"
PASSPHRASE = "harness-passphrase-2024"
IMPORT_ROWS = 50_000
ENTERPRISES = 150  # the demo's size, and of the data in the bundle, restore and migration files
# The revision a migration trial starts from: 0011_truth's data step and every
# later table change run when the file is opened.
OLD_REVISION = "0010_ownership"


@dataclass
class Operation:
    """One kind of work to kill. `command(trial)` is the child's argv for a trial
    folder holding a copy of the template; `database` names the file checked."""

    name: str
    template: Path
    database: str
    command: Callable[[Path], list[str]]
    outputs: list[str] = field(default_factory=list)  # folders the command writes into


def _open(path: Path, code: str, level: str, data: Path):  # type: ignore[no-untyped-def]
    from app.services.core import office
    from app.services.core.storage import open_office_database

    db = open_office_database(path, operator=OPERATOR, backup_folder=data / "备份")
    if office.current(db) is None:
        office.configure(db, code, level=level)
    return db


def _demo(db, enterprises: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    from app.services.core.progress import drain
    from app.services.demo import demo

    drain(demo.generate(db, enterprises=enterprises, seed=seed, today=date(2024, 6, 28)))


def enterprise_xlsx(cache: Path, rows: int = IMPORT_ROWS) -> Path:
    """The enterprise list every import trial reads, made once and kept in `cache`."""
    path = cache / f"enterprises-{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    from app.services.demo.demo import enterprise_rows

    cache.mkdir(parents=True, exist_ok=True)
    names = {"410402": "新华区", "410421": "宝丰县", "410482": "汝州市"}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("企业名单")
    ws.append(["企业名单（压力测试）"])
    ws.append(
        ["企业名称", "统一社会信用代码", "所属县区", "地址", "所属行业", "联系人", "联系电话"]
        + ["从业人数", "成立日期"]
    )
    for r in enterprise_rows(rows, 7, list(names), date(2024, 6, 28)):
        ws.append(
            [
                r["name"],
                r["credit_code"],
                names[r["county_code"]],
                r["address"],
                r["industry"],
                r["contact_person"],
                r["contact_phone"],
                str(r["employee_count"]),
                r["registration_date"],
            ]
        )
    part = path.with_name(path.name + ".part")
    wb.save(part)
    part.replace(path)
    return path


def restore_command(trial: Path) -> list[str]:
    """`hexie restore BACKUP --db … --yes`, exactly as an office runs it."""
    backup = trial / "backup" / "county-20240601-080000-manual.sqlite3"
    return cli("restore", backup, "--db", trial / "county.sqlite3", "--yes")


def prepare(
    root: Path, cache: Path, *, import_rows: int = IMPORT_ROWS, enterprises: int = ENTERPRISES
) -> list[Operation]:
    """Every operation's template under `root` (about 10 s on two cores)."""
    from sqlalchemy import create_engine

    from app.models import migrate
    from app.services.core import backups
    from app.services.sync import bundle, keys

    xlsx = enterprise_xlsx(cache, import_rows)
    ops: list[Operation] = []
    data = root / "setup-data"

    t = root / "import"
    t.mkdir(parents=True)
    _open(t / "county.sqlite3", COUNTY, "county", data).close()
    ops.append(
        Operation(
            "import-enterprises (50k-row xlsx)"
            if import_rows == IMPORT_ROWS
            else f"import-enterprises ({import_rows} rows)",
            t,
            "county.sqlite3",
            lambda trial: cli(
                "import-enterprises", xlsx, "--db", trial / "county.sqlite3", "--json"
            ),
        )
    )

    t = root / "demo"
    t.mkdir(parents=True)
    _open(t / "county.sqlite3", COUNTY, "county", data).close()
    ops.append(
        Operation(
            f"demo ({enterprises} enterprises)",
            t,
            "county.sqlite3",
            lambda trial: cli(
                "demo", "--db", trial / "county.sqlite3", "--enterprises", str(enterprises)
            ),
        )
    )

    # City ← county: the county's full bundle, and the city already holding its own records.
    t = root / "bundle"
    (t / "in").mkdir(parents=True)
    (t / "pass.txt").write_text(PASSPHRASE, "utf-8")
    county = _open(t / "county.sqlite3", COUNTY, "county", data)
    city = _open(t / "city.sqlite3", CITY, "city", data)
    try:
        _demo(county, enterprises, 5)
        _demo(city, max(enterprises // 4, 10), 6)
        keys.init(county, PASSPHRASE)
        keys.init(city, PASSPHRASE)
        keys.trust(city, keys.own_public(county))
        keys.trust(county, keys.own_public(city))
        bundle.export(county, CITY, t / "in", keys.unlock(county, PASSPHRASE), full=True)
    finally:
        county.close()
        city.close()
    ops.append(
        Operation(
            "import-bundle (city ← county)",
            t,
            "city.sqlite3",
            lambda trial: cli(
                "import-bundle",
                trial / "in",
                "--db",
                trial / "city.sqlite3",
                "--passphrase-file",
                trial / "pass.txt",
                "--json",
            ),
        )
    )
    ops.append(
        Operation(
            "export-bundle (county → city)",
            t,
            "county.sqlite3",
            lambda trial: cli(
                "export-bundle",
                "--db",
                trial / "county.sqlite3",
                "--to",
                CITY,
                "-o",
                trial / "out",
                "--full",
                "--passphrase-file",
                trial / "pass.txt",
            ),
        )
    )

    # Restore: the backup holds the office and nothing else; the current file holds demo data.
    t = root / "restore"
    t.mkdir(parents=True)
    db = _open(t / "county.sqlite3", COUNTY, "county", data)
    try:
        made = backups.make_backup(db.path, t / "backup", "manual")
        made.rename(t / "backup" / "county-20240601-080000-manual.sqlite3")
        _demo(db, enterprises, 8)
    finally:
        db.close()
    ops.append(Operation("restore a backup", t, "county.sqlite3", restore_command))

    # Migration: a file of an older revision, with data in it, opened by `hexie stats`.
    t = root / "migration"
    t.mkdir(parents=True)
    db = _open(t / "county.sqlite3", COUNTY, "county", data)
    try:
        _demo(db, enterprises, 9)
    finally:
        db.close()
    engine = create_engine(f"sqlite:///{t / 'county.sqlite3'}")
    migrate.downgrade(engine, OLD_REVISION)
    engine.dispose()
    ops.append(
        Operation(
            f"migration from {OLD_REVISION}",
            t,
            "county.sqlite3",
            lambda trial: cli("stats", "--db", trial / "county.sqlite3", "--json"),
        )
    )
    shutil.rmtree(data, ignore_errors=True)
    return ops


def default_cache() -> Path:
    return Path(tempfile.gettempdir()) / "hexie-harness-cache"
