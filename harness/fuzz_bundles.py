"""Hypothesis strategies for bundle contents: manifests and record lines of every
record type with wrong shapes, field types, missing or repeated ids, wrong
versions and huge strings — signed with the sending office's real key, so each
case passes the signature and reaches the parser and the merge."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["", "2023-07-01", "2023-07-01T08:00:00", "9999-99-99", "0", "true", "410421"]),
    st.integers(min_value=10_000, max_value=200_000).map(lambda n: "长" * n),  # huge strings
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _tables() -> dict[str, list[str]]:
    from app.services.sync.bundle_format import record_tables

    return {name: [c.name for c in table.c] for name, table in record_tables().items()}


def carried_row(sender: str, row_id: str) -> dict[str, Any]:
    """The sync fields of a record as `sender`'s bundle carries it (written
    2023-07-01 08:00 by another office, version 1, not deleted)."""
    now = datetime(2023, 7, 1, 8, 0).isoformat()
    return {
        "id": row_id,
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "origin_office": sender,
        "author": "外单位",
        "deleted": False,
    }


@st.composite
def record_lines(draw: st.DrawFn, sender: str) -> tuple[str, bytes]:
    """One member `records/<type>.jsonl`: plausible rows of that type, a few fields
    changed to anything, some keys dropped, perhaps a line that is not JSON."""
    from app.models.base import new_id

    tables = _tables()
    name = draw(st.sampled_from(sorted(tables)))
    rows = []
    shared_id = new_id()
    for _ in range(draw(st.integers(0, 3))):
        row = carried_row(sender, draw(st.sampled_from([new_id(), shared_id])))
        for column in tables[name]:
            row.setdefault(column, None)
        for column in draw(st.lists(st.sampled_from(tables[name] + ["nonsense"]), max_size=4)):
            row[column] = draw(JSON_VALUES)
        for column in draw(st.lists(st.sampled_from(tables[name]), max_size=2)):
            row.pop(column, None)
        rows.append(row)
    body = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
    if draw(st.booleans()):
        body += draw(st.sampled_from([b"{", b"[]\n", b"null\n", b"\xff\xfe\n", b'"x"\n', b"{}\n"]))
    return f"records/{name}.jsonl", body


MANIFEST_KEYS = [
    "format",
    "kind",
    "schema",
    "sender",
    "recipient",
    "created",
    "sequence",
    "upto_seq",
    "members",
    "bundle_id",
    "full",
    "counts",
]


@st.composite
def bundle_contents(
    draw: st.DrawFn, sender: str
) -> tuple[dict[str, bytes], dict[str, Any], list[str]]:
    """Members, manifest fields to replace, and manifest fields to drop."""
    members = dict(draw(st.lists(record_lines(sender), max_size=3)))
    if draw(st.booleans()):
        members[
            draw(st.sampled_from(["summary.xlsx", "files/x.pdf", "records/../x", "其他.txt"]))
        ] = draw(st.binary(max_size=64))
    changes = draw(
        st.dictionaries(
            st.sampled_from(MANIFEST_KEYS),
            st.one_of(
                JSON_VALUES,
                st.sampled_from([1, 2, "1", "data", "receipt", "0001_register", "9999_future"]),
            ),
            max_size=2,
        )
    )
    dropped = draw(st.lists(st.sampled_from(MANIFEST_KEYS), max_size=1))
    return members, changes, dropped


def seal_bundle(
    path: Path,
    sender: str,
    recipient_code: str,
    recipient_age: str,
    private: Any,
    members: dict[str, bytes],
    changes: dict[str, Any],
    dropped: list[str],
) -> Path:
    """A bundle signed with `private` and encrypted to the recipient, whatever it holds."""
    import pyrage
    from pyrage import x25519

    from app.models.base import new_id
    from app.models.migrate import head_revision
    from app.services.sync import bundle

    manifest: dict[str, Any] = {
        "format": 1,
        "kind": "data",
        "schema": head_revision(),
        "bundle_id": new_id(),
        "sender": sender,
        "recipient": recipient_code,
        "created": datetime(2024, 6, 1, 8, 0).isoformat(timespec="seconds"),
        "sequence": 1,
        "upto_seq": 1,
        "members": {k: {"sha256": bundle.sha(v), "size": len(v)} for k, v in members.items()},
    }
    manifest.update(changes)
    for key in dropped:
        manifest.pop(key, None)
    zipped = bundle.zip_bundle(manifest, members, private)
    path.write_bytes(pyrage.encrypt(zipped, [x25519.Recipient.from_str(recipient_age)]))
    return path
