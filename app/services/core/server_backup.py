"""Backups of a database on the office server (README: 办公室服务器 → 备份).

The app's own logical export is always made: one zip with a manifest (version,
office, time, row counts and per-table checksums, app/models/table_copy.py) and one
JSON-lines file per table. It is what `restore` reads, with a preview of the
office and counts before anything changes, and it is verified against its
manifest after the restore, inside the restore's one transaction. When `pg_dump`
is on PATH a custom-format dump is written beside it for the administrator's own
tools (`pg_restore`); a pg_dump that fails (another server version) is logged and
the export stands alone.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import false, func, select

from app.models import migrate, table_copy
from app.models.server_login import known_password
from app.owner_only import create_private_file
from app.services.core.backups import COUNTED_TABLES, BackupError, prepare_folder
from app.services.core.messages import N_
from app.services.core.storage import Database

log = logging.getLogger(__name__)

SUFFIX = ".hexie-export.zip"
FORMAT = 1


@dataclass(frozen=True)
class ServerBackup:
    export: Path
    dump: Path | None  # pg_dump's file, when pg_dump was found and worked


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    made_at: datetime | None
    office: str
    revision: str
    counts: dict[str, int]  # live records per kind, as the file backups' preview
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def make_backup(db: Database, folder: Path, reason: str = "manual") -> ServerBackup:
    # Owner-only like a file office's backups (app/owner_only.py): the export holds
    # every record and evidence file (it was 0644, found in the issue-20 trial).
    prepare_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = f"{db.location.database}-{stamp}-{reason}"
    export = folder / f"{stem}{SUFFIX}"
    _export(db, export, reason)
    return ServerBackup(export, _pg_dump(db, folder / f"{stem}.pgdump"))


def _export(db: Database, target: Path, reason: str) -> None:
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)  # a killed run's
    create_private_file(partial)
    with db.engine.connect() as conn, conn.begin():
        # One snapshot of every table (REPEATABLE READ): writers on other PCs go on.
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        sums: dict[str, dict[str, object]] = {}
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in table_copy.tables():
                total = table_copy.table_sum(conn, table)
                sums[table.name] = {"rows": total.rows, "checksum": total.checksum}
                with archive.open(f"tables/{table.name}.jsonl", "w") as out:
                    for row in table_copy.rows(conn, table):
                        out.write(table_copy.line(row) + b"\n")
            manifest = {
                "format": FORMAT,
                "kind": "hexie-server-export",
                "revision": migrate.current_revision_on(conn),
                "office": db.get_setting("office.name", "") or db.office_code,
                "made_at": datetime.now().isoformat(timespec="seconds"),
                "reason": reason,
                "source": db.address,
                "counts": _counts(conn),
                "tables": sums,
            }
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    os.replace(partial, target)


def _counts(conn: object) -> dict[str, int]:
    from app.models import Base, declare_all

    declare_all()
    out: dict[str, int] = {}
    for name, label in COUNTED_TABLES.items():
        table = Base.metadata.tables.get(name)
        if table is not None:
            out[label] = int(
                conn.execute(  # type: ignore[attr-defined]
                    select(func.count()).select_from(table).where(table.c.deleted == false())
                ).scalar_one()
            )
    return out


def _pg_dump(db: Database, target: Path) -> Path | None:
    program = shutil.which("pg_dump")
    if program is None:
        return None
    where = db.location
    env = dict(os.environ, PGHOST=where.host, PGPORT=str(where.port), PGUSER=where.user)
    password = known_password(where)
    if password:
        env["PGPASSWORD"] = password  # in the child's environment only, never its arguments
    create_private_file(target)  # pg_dump writes into it, keeping the mode
    done = subprocess.run(  # noqa: S603 - a fixed program and our own arguments
        [program, "--format=custom", "--no-password", "--file", str(target), where.database],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        log.warning("pg_dump failed (%s): %s", done.returncode, done.stderr.strip())
        target.unlink(missing_ok=True)
        return None
    return target


def describe(path: Path) -> ExportInfo:
    problems: list[str] = []
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return ExportInfo(path, None, "", "", {}, ["这不是和谐台账的服务器备份（或文件已损坏）。"])
    if manifest.get("kind") != "hexie-server-export":
        problems.append("这不是和谐台账的服务器备份。")
    revision = str(manifest.get("revision") or "")
    if revision != migrate.head_revision():
        problems.append(
            f"备份的结构版本是 {revision}，当前程序是 {migrate.head_revision()}；"
            "请用同一版本的和谐台账恢复。"
        )
    try:
        made = datetime.fromisoformat(str(manifest.get("made_at")))
    except ValueError:
        made = None
    return ExportInfo(
        path,
        made,
        str(manifest.get("office", "")),
        revision,
        {str(k): int(v) for k, v in dict(manifest.get("counts", {})).items()},
        problems,
    )


def restore(db: Database, path: Path, folder: Path) -> Path:
    """Replace every record on the server with the export's, in one transaction,
    after an export of what is there now (returned: the way back). The restored
    tables are checked against the manifest's counts and checksums before the
    commit; any difference undoes the restore whole."""
    info = describe(path)
    if not info.ok:
        raise BackupError("；".join(info.problems) + " 服务器上的数据未改动。")
    kept = make_backup(db, folder, "before-restore").export
    with zipfile.ZipFile(path) as archive, db.engine.begin() as conn:
        manifest = json.loads(archive.read("manifest.json"))
        table_copy.clear(conn)
        for table in table_copy.tables():
            with archive.open(f"tables/{table.name}.jsonl") as lines:
                table_copy.insert_all(conn, table, (json.loads(raw) for raw in lines))
        table_copy.after_copy(conn)
        for table in table_copy.tables():
            found = table_copy.table_sum(conn, table)
            expected = manifest["tables"].get(table.name, {})
            if (found.rows, found.checksum) != (expected.get("rows"), expected.get("checksum")):
                raise BackupError(
                    str(
                        N_(
                            "恢复后核对不一致（{table}），已撤销：服务器上的数据未改动。请换一个备份。",
                            table=table.name,
                        )
                    )
                )
    return kept
