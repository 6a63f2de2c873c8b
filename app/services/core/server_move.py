"""Moving an office from its SQLite file to the office server (`hexie migrate-db`).

The file is opened as a writer (its lock held, so no window writes during the
move, and upgraded to this version first, backed up); the server database must be
empty — the move never overwrites records. The server is migrated to the same
version, then every table is copied in ONE transaction and verified inside it:
row counts and per-table checksums (app/models/table_copy.py) computed the same
way on both sides; the evidence files beside the file go into the server's
`stored_file` table in the same transaction, counted and checked by their hashes
(app/services/core/server_files.py). A difference rolls the whole copy back; the
file is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect

from app.models import table_copy
from app.models.db import DatabaseError, make_engine, open_database
from app.models.location import Location
from app.services.core import server_files
from app.services.core.messages import N_
from app.services.core.storage import open_office_database


class MoveRefused(DatabaseError):
    """The move cannot start (the target is not empty, not a server, …)."""


class MoveMismatch(DatabaseError):
    """The copy differs from the file: rolled back, nothing changed."""


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_checksum) == (
            self.target_rows,
            self.target_checksum,
        )


@dataclass
class MoveReport:
    source: str
    target: str
    tables: list[TableCheck] = field(default_factory=list)
    # The evidence files moved from the folder into the server's table.
    files: server_files.FileMove = field(default_factory=server_files.FileMove)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables) and self.files.ok

    @property
    def rows(self) -> int:
        return sum(t.source_rows for t in self.tables)


def _refuse_non_empty(target: Location) -> None:
    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            names = sorted(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    if names:
        raise MoveRefused(
            N_(
                "目标数据库 {target} 不是空的（已有 {count} 张表，例如 {names}）。"
                "migrate-db 只搬到新建的空数据库，不覆盖已有数据。\n"
                "请在服务器上新建一个空数据库（例如 createdb -O hexie hexie_new），"
                "再运行 hexie migrate-db --from 文件 --to postgresql://…/hexie_new；"
                "若确认目标里的数据不要了，请先删除并重建该数据库。",
                target=str(target),
                count=len(names),
                names="、".join(names[:3]),
            )
        )


def move(
    source: str | Path,
    target: str | Location,
    *,
    operator: str,
    backup_folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> MoveReport:
    """Copy the office file `source` into the empty server database `target`,
    verified table by table. Raises MoveRefused before anything is written, or
    MoveMismatch after rolling the copy back."""
    where = Location.of(target)
    if not where.is_server:
        raise MoveRefused(
            N_(
                "--to 应是办公室服务器的地址（postgresql://用户名@服务器:端口/数据库名），而不是文件：{target}",
                target=str(target),
            )
        )
    origin = Location.of(source)
    if origin.is_server or not origin.file().is_file():
        raise MoveRefused(
            N_("--from 应是本机上的数据库文件（.sqlite3）：{source}", source=str(source))
        )
    _refuse_non_empty(where)
    say = progress or (lambda _text: None)
    with open_office_database(
        origin.file(), operator=operator, create=False, backup_folder=backup_folder
    ) as office_file:
        server = open_database(where, operator=operator)  # runs the migrations there
        try:
            report = MoveReport(source=str(origin), target=str(where))
            with office_file.engine.connect() as read, server.engine.begin() as write:
                table_copy.clear(write)  # what the migrations seeded: the file's rows replace it
                for table in table_copy.tables():
                    say(table.name)
                    table_copy.insert_all(write, table, table_copy.rows(read, table))
                table_copy.after_copy(write)
                for table in table_copy.tables():
                    mine, theirs = (
                        table_copy.table_sum(read, table),
                        table_copy.table_sum(write, table),
                    )
                    report.tables.append(
                        TableCheck(
                            table.name, mine.rows, theirs.rows, mine.checksum, theirs.checksum
                        )
                    )
                report.files = server_files.move_files(office_file, write)
                if not report.ok:
                    bad = [t.table for t in report.tables if not t.ok]
                    bad += [] if report.files.ok else ["stored_file"]
                    raise MoveMismatch(
                        N_(
                            "复制后核对不一致（{tables}），已全部撤销：服务器数据库里没有留下任何记录，原文件未改动。请删除并重建该数据库后再试。",
                            tables="、".join(bad),
                        )
                    )
            return report
        finally:
            server.close()
