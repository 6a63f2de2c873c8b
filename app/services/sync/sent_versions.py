"""The version of every record a bundle carried to a peer (SentVersion), one row a
record: noted in a work file while the zip is written, stored in chunks once the
bundle is, and turned into the versions last exchanged (RecordSyncBase) by one
INSERT … SELECT when the peer's receipt confirms the bundle (docs/architecture.md,
"Sync bundles"). A full bundle of a million enterprises carries 2.2 million
records: as one JSON value they had cost the export 235 MB and the receipt as
much again (issue 17); here no more than a chunk is in Python at a time.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, String, delete, func, literal, select, text

from app.models import RecordSyncBase, SentBundle, SentVersion

CHUNK = 5000
COLUMNS = ("peer", "sequence", "table_name", "record_id", "version")


class VersionLog:
    """The versions sent, noted as the records are zipped: a line naming each table
    (a tab, then its name), then a line a record (its id, a tab, its version). Ids
    hold no tabs or line breaks (bundle_checks.RECORD_ID; ours are UUIDs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed by __exit__

    def table(self, name: str) -> None:
        self.file.write(f"\t{name}\n")

    def add(self, record_id: str, version: int) -> None:
        self.file.write(f"{record_id}\t{version}\n")

    def __enter__(self) -> VersionLog:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.file.close()


# A chunk goes in as one JSON object {id: version} that the database unpacks: 2.4
# times faster than an executemany of its rows (3.0 s against 7.4 s for 2.2 million).
_STORE = {
    "sqlite": "SELECT :p, :s, :t, key, value FROM json_each(:j)",
    "postgresql": (
        "SELECT :p, :s, :t, key, CAST(value AS INTEGER) FROM json_each_text(CAST(:j AS json))"
    ),
}


def store(connection: Connection, peer: str, sequence: int, log: Path) -> None:
    """The versions noted in `log` as rows of bundle (`peer`, `sequence`), CHUNK rows
    a statement."""
    sql = text(f"INSERT INTO sent_version ({', '.join(COLUMNS)}) {_STORE[connection.dialect.name]}")
    parts: list[str] = []
    table = ""

    def write() -> None:
        if parts:
            values = {"p": peer, "s": sequence, "t": table, "j": "{" + ",".join(parts) + "}"}
            connection.execute(sql, values)
            parts.clear()

    with open(log, encoding="utf-8", newline="\n") as lines:
        for line in lines:
            record_id, _tab, version = line.rstrip("\n").partition("\t")
            if not record_id:
                write()
                table = version
                continue
            # Ids are letters, digits, "_" and "-" (bundle_checks.RECORD_ID): quoted as
            # they are; anything else through the JSON encoder.
            quoted = f'"{record_id}"' if record_id.isalnum() else json.dumps(record_id)
            parts.append(f"{quoted}:{version}")
            if len(parts) >= CHUNK:
                write()
    write()


def confirm(connection: Connection, peer: str, sequences: list[int]) -> None:
    """The versions bundles `sequences` carried to `peer` become the versions last
    exchanged with it: the highest a record was sent in, inserted where none was
    known and raised where a lower one was, never lowered. One statement: the
    database groups the rows, nothing of them comes into Python."""
    if not sequences:
        return
    sent, base = SentVersion.__table__, RecordSyncBase.__table__
    newest = (
        select(sent.c.table_name, sent.c.record_id, literal(peer, String), func.max(sent.c.version))
        .where(sent.c.peer == peer, sent.c.sequence.in_(sequences))
        .group_by(sent.c.table_name, sent.c.record_id)
    )
    if connection.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        # Imported only for a server: the dialect package costs a SQLite process
        # about 40 ms (app/models/base.py, live_index).
        from sqlalchemy.dialects.postgresql import insert
    statement = insert(base).from_select(
        ["table_name", "record_id", "peer", "base_version"], newest
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["table_name", "record_id", "peer"],
            set_={"base_version": statement.excluded.base_version},
            where=base.c.base_version < statement.excluded.base_version,
        )
    )


def forget_confirmed(connection: Connection, peer: str) -> None:
    """The rows of every bundle to `peer` that a receipt has confirmed go: their
    versions now live in RecordSyncBase (confirm), and nothing else reads them — the
    next bundle is chosen by the acknowledged sequence and those bases
    (bundle_export._changed_statement). Kept, they were 2.2 million rows per full
    export of a million enterprises, growing with every export (docs/architecture.md,
    "Sync bundles"). All confirmed bundles, not only the ones just confirmed, so a
    database from before this removal sheds its old rows at the next receipt."""
    sent, bundles = SentVersion.__table__, SentBundle.__table__
    confirmed = select(bundles.c.sequence).where(bundles.c.peer == peer, bundles.c.confirmed == 1)
    connection.execute(delete(sent).where(sent.c.peer == peer, sent.c.sequence.in_(confirmed)))
