"""Merging a checked bundle into this office's records, one table and one chunk
of records at a time (README.md, 同步包: the ownership rule).

Every line is checked as it is read (bundle_checks), every record against its
owner: a bundle may create, change or delete only the records of the office
that sent it (the city also sends what it issues: campaigns, checklists,
guidance — they are the city's own records). One office's edit of another's
record may come back to the owner only as a proposal: it is never applied, the
owner sees it as a conflict and chooses. Anything else rejects the whole bundle
with the record and both offices named, and the transaction rolls back.

A record changed on both sides since the last exchange is a conflict: both
versions are kept, one open conflict per record and office, updated by later bundles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import SQLAlchemyError

from app.models import RecordSyncBase, SyncConflict
from app.models.base import utcnow
from app.models.db import Database, next_change_seq
from app.services import record_types
from app.services.core import office
from app.services.core.progress import Progress, Work, drain
from app.services.core.stats import RECORD_TYPE_NAMES
from app.services.sync.bundle_checks import RowChecker, has_surrogate_escape, lone_surrogates
from app.services.sync.bundle_format import BundleError, jsonable, parsers, record_tables
from app.services.sync.bundle_read import ZIP_ERRORS, OpenBundle, member_lines
from app.services.sync.bundle_seen import SeenIds
from app.services.sync.bundle_write import TableWriter, insert_bases

COUNT_KEYS = ("added", "updated", "deleted", "unchanged", "conflicts")
CHUNK = 2000


def office_name(code: str) -> str:
    from app.services.core.office import known_office_codes

    return known_office_codes().get(code, "") or code


def _same(row: dict[str, Any], local: dict[str, Any]) -> bool:
    return all(jsonable(local.get(k)) == v for k, v in row.items() if k != "change_seq")


def decide(row: dict[str, Any], local: dict[str, Any] | None, base: int | None) -> str:
    """added / updated / deleted / unchanged / conflicts for one incoming record.

    `base` is the version both sides had at the last exchange with this sender. A
    record changed on both sides since then is a conflict: both versions are kept
    and a person chooses (never last-writer-wins silently).
    """
    if local is None:
        return "deleted" if row.get("deleted") else "added"
    if _same(row, local):
        return "unchanged"
    if base is None:
        # Never exchanged with this sender: a newer version from them is taken,
        # anything else means both sides wrote it.
        if row["version"] > local["version"]:
            return "deleted" if row.get("deleted") and not local.get("deleted") else "updated"
        return "conflicts"
    local_changed = local["version"] > base
    incoming_changed = row["version"] > base
    if local_changed and incoming_changed:
        return "conflicts"
    if incoming_changed:
        return "deleted" if row.get("deleted") and not local.get("deleted") else "updated"
    return "unchanged"  # only ours changed: it goes back with our next bundle


def _label(table: str, row: dict[str, Any]) -> str:
    """The record as a person knows it: its kind and the field that names it (its
    record spec's title), else the first naming field it has."""
    kind = RECORD_TYPE_NAMES.get(table, table)
    spec = record_types.spec_for(table)
    named = (spec.title,) if spec is not None and spec.title else ()
    for key in (*named, "name", "title", "matter", "credit_code", "question", "metric"):
        value = row.get(key)
        if isinstance(value, str) and value:
            return f"{kind}“{value[:30]}”（{row['id']}）"
    return f"{kind} {row['id']}"


def judge(
    table: str,
    row: dict[str, Any],
    local: dict[str, Any] | None,
    base: int | None,
    sender: str,
    me: str,
) -> tuple[str, str]:
    """(verdict, "") or ("", why the bundle may not do this) under the ownership rule."""
    claimed = row["origin_office"]

    def refused(owner: str, what: str) -> tuple[str, str]:
        return "", (
            f"：{_label(table, local or row)}属于{office_name(owner)}（{owner}），同步包却来自"
            f"{office_name(sender)}（{sender}），{what}。一个单位只能新建、修改、删除本单位的记录"
        )

    if local is None:
        if claimed != sender:
            return refused(claimed, "不能替别的单位新建记录")
        return decide(row, None, base), ""
    owner = local["origin_office"]
    if claimed != owner:
        return refused(owner, f"却要把它改为属于{office_name(claimed)}（{claimed}）")
    verdict = decide(row, local, base)
    if owner == sender or verdict == "unchanged":
        return verdict, ""
    if owner == me:
        # Another office edited one of our records: a proposal, never applied.
        return ("conflicts" if verdict in ("updated", "deleted") else verdict), ""
    return refused(owner, "不能改动或删除它")


@dataclass
class MergeResult:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # SHA-256 → original file name


class _TableMerge:
    """One table of one bundle: lines in, checked, judged, and (when writing) written."""

    def __init__(
        self, session: Any, bundle: OpenBundle, table: Table, me: str, write: bool, seen: SeenIds
    ) -> None:
        self.session = session
        self.connection = session.connection()
        self.bundle = bundle
        self.table = table
        self.name = str(table.name)  # a plain str: SQLAlchemy's quoted_name slows the driver
        self.me = me
        self.write = write
        self.seen = seen  # the ids this bundle carries, per table (bundle_seen)
        self.checker = RowChecker(table)
        self.tally = dict.fromkeys(COUNT_KEYS, 0)
        self.problems = bundle.problems
        assert self.problems is not None
        self.parsers = parsers(table)
        self.writer = TableWriter(self.connection, table)
        self.missing = self.writer.missing
        self.foreign = [
            (fk.parent.name, fk.column.table.name, fk.column.table) for fk in table.foreign_keys
        ]
        self.files: dict[str, str] = {}
        self.with_files = self.name == "attachment" or self.name in record_types.tables_with_files()

    def feed(self, lines: Any) -> Iterator[int]:
        """Read the lines; yields the number of records taken after each chunk. Problems
        are noted when the lines read are settled (`_settle`), in their order, and a
        chunk is merged after the line that fills it: the message is as it was."""
        chunk: list[tuple[int, dict[str, Any]]] = []
        pending: list[tuple[int, Any, list[str]]] = []  # (line, record or None, problems)
        waiting = 0  # records in `pending`
        loads: Callable[[str], Any] = json.JSONDecoder().decode
        for number, line in lines:
            if not line or line.isspace():
                continue
            try:
                row = loads(line)
            except ValueError:
                pending.append((number, None, ["不是有效的 JSON"]))
                continue
            bad = self.checker.check(row)
            if not bad and "\\u" in line and has_surrogate_escape(line) and lone_surrogates(row):
                bad = ["含有无法保存的字符（不成对的代理项）"]
            if bad:
                pending.append((number, None, bad))
            else:
                pending.append((number, row, []))
                waiting += 1
            # Settled when the chunk could be full (no id repeated), or many bad lines wait.
            if waiting >= CHUNK - len(chunk) or len(pending) >= 4 * CHUNK:
                self._settle(pending, chunk)
                pending, waiting = [], 0
                if len(chunk) >= CHUNK:
                    self._chunk(chunk)
                    yield len(chunk)
                    chunk = []
        self._settle(pending, chunk)
        if chunk:
            self._chunk(chunk)
            yield len(chunk)

    def _settle(
        self, pending: list[tuple[int, Any, list[str]]], chunk: list[tuple[int, dict[str, Any]]]
    ) -> None:
        """Note the problems of `pending`'s lines in order (an id carried before among
        them: one query for them all); the rest join `chunk`, their ids now seen."""
        before = self.seen.known(self.name, [r["id"] for _n, r, _b in pending if r is not None])
        new: set[str] = set()
        for number, row, bad in pending:
            if row is not None and (row["id"] in before or row["id"] in new):
                bad = [f"与前面的记录编号 {row['id']} 重复"]
            if bad:
                self.problems.line(self.name, number, bad)
                continue
            new.add(row["id"])
            chunk.append((number, row))
        self.seen.add(self.name, new)

    def _missing_parents(self, chunk: list[tuple[int, dict[str, Any]]]) -> None:
        for column, parent_name, parent in self.foreign:
            refs = {r[column] for _n, r in chunk if r.get(column) is not None}
            refs -= self.seen.known(parent_name, refs)
            if not refs:
                continue
            found = {
                r[0]
                for r in self.connection.execute(
                    select(parent.c.id).where(parent.c.id.in_(list(refs)))
                )
            }
            for number, row in chunk:
                if row.get(column) in refs - found:
                    self.problems.line(
                        self.name,
                        number,
                        [
                            f"引用的{RECORD_TYPE_NAMES.get(parent_name, parent_name)} {row[column]} 不存在"
                        ],
                    )

    def _chunk(self, chunk: list[tuple[int, dict[str, Any]]]) -> None:
        name, sender = self.name, self.bundle.sender
        ids = [r["id"] for _n, r in chunk]
        local = self.writer.existing(ids)
        bases = self.writer.bases(sender, ids) if local else {}
        self._missing_parents(chunk)
        todo: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = []
        for number, row in chunk:
            mine = local.get(row["id"])
            verdict, why = judge(name, row, mine, bases.get(row["id"]), sender, self.me)
            if why:
                self.problems.line(name, number, [why])
                continue
            self.tally[verdict] += 1
            todo.append((verdict, row, mine))
            if self.with_files and not row["deleted"]:
                self._note_files(row)
        if self.write and not self.problems:
            try:
                self._write(todo, bases)
            except (SQLAlchemyError, ValueError, OverflowError) as exc:
                reason = str(getattr(exc, "orig", exc)).splitlines()[0][:120]
                self.problems.add(f"{RECORD_TYPE_NAMES.get(name, name)}记录无法写入：{reason}")

    def _note_files(self, row: dict[str, Any]) -> None:
        if self.name == "attachment":
            self.files[row["sha256"]] = row["file_name"]
        elif self.name in record_types.tables_with_files():
            for entry in json.loads(row.get("files_json") or "[]"):
                self.files[entry["sha256"]] = entry["file_name"]

    def _write(
        self,
        todo: list[tuple[str, dict[str, Any], dict[str, Any] | None]],
        bases: dict[str, int],
    ) -> None:
        table, connection, sender = self.table, self.connection, self.bundle.sender
        seq = next_change_seq(self.session, max(len(todo), 1))
        inserts: list[dict[str, Any]] = []
        new_bases: list[tuple[str, str, str, int]] = []
        raised: list[dict[str, Any]] = []
        for verdict, row, mine in todo:
            if mine is None:
                # New here (added, or a tombstone never seen): inserted below, and its
                # exchanged version copied from the inserted rows in one statement.
                inserts.append(row)
                continue
            if verdict == "conflicts":
                self._conflict(row, mine)
            elif verdict != "unchanged":
                values = {**self.missing, **row}
                for column, convert in self.parsers.items():
                    if isinstance(values.get(column), str):
                        values[column] = convert(values[column])
                values["change_seq"] = seq
                seq += 1
                connection.execute(table.update().where(table.c.id == row["id"]).values(values))
            # The version the sender has; ours, if newer, goes back. Never lowered:
            # an older bundle arriving late must not make an old version the base.
            version = row["version"]
            old = bases.get(row["id"])
            if old is None:
                new_bases.append((self.name, row["id"], sender, version))
            elif version > old:
                raised.append({"r": row["id"], "v": version})
        self.writer.insert(inserts, seq)
        self.writer.bases_of_inserted(sender, seq, seq + len(inserts))
        insert_bases(connection, new_bases)
        if raised:
            base = RecordSyncBase.__table__
            connection.execute(
                update(base)
                .where(
                    base.c.table_name == self.name,
                    base.c.peer == sender,
                    base.c.record_id == bindparam("r"),
                )
                .values(base_version=bindparam("v")),
                raised,
            )

    def _conflict(self, row: dict[str, Any], mine: dict[str, Any] | None) -> None:
        """One open conflict per record and sending office: a later bundle updates it
        (with the newer of the two incoming versions, whatever order the bundles
        came in). Two offices proposing changes to one record are two conflicts:
        neither proposal is lost."""
        incoming = json.dumps(row, ensure_ascii=False)
        local = json.dumps(
            {k: jsonable(v) for k, v in (mine or {}).items() if k != "change_seq"},
            ensure_ascii=False,
        )
        existing = self.session.execute(
            select(SyncConflict).where(
                SyncConflict.table_name == self.name,
                SyncConflict.record_id == row["id"],
                SyncConflict.peer == self.bundle.sender,
                SyncConflict.status == "open",
            )
        ).scalar_one_or_none()
        if existing is None:
            self.session.add(
                SyncConflict(
                    table_name=self.name,
                    record_id=row["id"],
                    peer=self.bundle.sender,
                    incoming_json=incoming,
                    local_json=local,
                )
            )
            self.session.flush()
        elif int(row["version"]) >= int(json.loads(existing.incoming_json).get("version", 0)):
            existing.incoming_json, existing.local_json = incoming, local
            existing.detected_at = utcnow()


def merge_work(db: Database, session: Any, bundle: OpenBundle, *, write: bool) -> Work[MergeResult]:
    """Read every record line of `bundle`, check and judge it, and write it when
    `write`, yielding progress after each chunk. Raises BundleError listing every
    problem (the caller's transaction then rolls back whole)."""
    here = office.current(db)
    me = here.code if here else ""
    result = MergeResult()
    assert bundle.problems is not None
    counts = bundle.manifest.get("counts") or {}
    total = sum(v for v in counts.values() if type(v) is int and v > 0) or 1
    done = 0
    seen = SeenIds()
    try:
        for name, table in record_tables().items():  # parents before children
            member = bundle.record_members.get(name)
            if member is None:
                continue
            step = _TableMerge(session, bundle, table, me, write, seen)
            label = f"{bundle.name}：{RECORD_TYPE_NAMES.get(name, name)}"
            for taken in step.feed(member_lines(bundle, member)):
                done += taken
                yield Progress(min(done, total), total, label)
            result.counts[name] = step.tally
            result.files.update(step.files)
    finally:  # merged, refused or cancelled: the scratch file goes
        seen.close()
    for sha in result.files:
        member = bundle.attachment_members.get(sha)
        if member is not None:
            _check_file(bundle, member, sha)
    if bundle.problems:
        raise bundle.problems.error()
    return result


def merge(db: Database, session: Any, bundle: OpenBundle, *, write: bool) -> MergeResult:
    return drain(merge_work(db, session, bundle, write=write))


def _check_file(bundle: OpenBundle, member: str, sha: str) -> None:
    """An evidence file's content is the hash its name and the manifest say."""
    digest = hashlib.sha256()
    try:
        with bundle.archive.open(member) as stream:
            while block := stream.read(1 << 20):
                digest.update(block)
    except ZIP_ERRORS as exc:
        raise BundleError(f"{bundle.name} 的附件“{member}”已损坏（{exc}）。整包未导入。") from exc
    if digest.hexdigest() != sha or sha != bundle.manifest["members"][member]["sha256"]:
        raise BundleError(f"{bundle.name} 中的附件 {sha[:12]}… 校验不符，整包未导入。")
