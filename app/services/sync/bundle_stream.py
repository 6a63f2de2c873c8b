"""Bundles on disk, never whole in memory (issue 17; docs/architecture.md, "Sync
bundles"): a full bundle of a million enterprises is a zip of ~2 GB of records,
~200 MB compressed, and a bytes copy of it cost the export 650 MB and the import
530 MB of peak.

The plaintext zip lives in an owner-only file in the office's `收到` folder beside
the database (`<db>-附件/收到/同步包-<random>.zip.part`): the database on the same
disk holds the same records, while the folder a bundle is written to may be a USB
stick or a mail client's folder that must only ever see the encrypted file. The
stale-file sweep of that folder (pending_files) removes what a killed process left.
age encrypts and decrypts file to file in its 64 KiB chunks: pyrage's `encrypt_io`
and `decrypt_io` read and write a block at a time (measured: 300 MB through either
adds under 1 MB to the peak), each chunk authenticated, so a bundle changed
anywhere still fails to decrypt and nothing of it is believed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.models.db import Database

BLOCK = 1 << 20


def work_file(db: Database, suffix: str = ".zip.part") -> Path:
    """A new, empty, owner-only file for a bundle's plaintext zip (or, with another
    `suffix` ending in .part, for what the export notes of it: sent_versions)."""
    from app.owner_only import create_private_file, private_folder
    from app.services.core import record_files

    base = record_files.folder(db)
    folder = base / record_files.RECEIVED_FOLDER
    private_folder(base)  # personal data: owner-only (README: 存储 / Storage)
    private_folder(folder)
    path = folder / f"同步包-{uuid.uuid4().hex}{suffix}"
    create_private_file(path)
    return path


def discard(path: Path) -> None:
    """Remove a work file, and its folder (`收到`) when nothing else is in it. A file
    still open elsewhere (Windows) stays for the stale-file sweep (pending_files)."""
    # Still in use, or the folder holds other files: they stay.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
        path.parent.rmdir()


def blocks(path: Path, start: int = 0, length: int | None = None) -> Iterator[bytes]:
    """The bytes of `path` from `start`, `length` of them (or to the end), a block at a time."""
    with open(path, "rb") as source:
        source.seek(start)
        left = length
        while left is None or left > 0:
            block = source.read(BLOCK if left is None else min(BLOCK, left))
            if not block:
                return
            if left is not None:
                left -= len(block)
            yield block


def file_sha(path: Path, start: int = 0, length: int | None = None) -> str:
    digest = hashlib.sha256()
    for block in blocks(path, start, length):
        digest.update(block)
    return digest.hexdigest()


class Pieces:
    """A file-like reader of (file, offset, length) pieces joined in order: a
    whole bundle file, or the chunks of its parts after their headers."""

    def __init__(self, pieces: list[tuple[Path, int, int]]) -> None:
        self.pieces = list(pieces)
        self.current: BinaryIO | None = None
        self.left = 0

    def read(self, size: int = -1) -> bytes:
        size = BLOCK if size is None or size < 0 else size
        while True:
            if self.current is None:
                if not self.pieces:
                    return b""
                path, start, self.left = self.pieces.pop(0)
                self.current = open(path, "rb")  # noqa: SIM115 - closed when its piece ends
                self.current.seek(start)
            data = self.current.read(min(size, self.left)) if self.left else b""
            self.left -= len(data)
            if data:
                return data
            self.close()

    def close(self) -> None:
        """Close the piece being read (reading on opens the next)."""
        if self.current is not None:
            self.current.close()
            self.current = None


def encrypt_file(plain: Path, target: Path, recipient: str) -> None:
    """`plain` encrypted to `recipient` (an age X25519 public key) into a new
    `target`, written to the disk (fsync) before it is renamed into place."""
    import pyrage
    from pyrage import x25519

    with open(plain, "rb") as source, open(target, "wb") as out:
        pyrage.encrypt_io(source, out, [x25519.Recipient.from_str(recipient)])
        out.flush()
        os.fsync(out.fileno())


class WriteFailed(Exception):
    """The temporary file could not be written (a full disk): not a damaged bundle."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Writer:
    """The file pyrage writes, remembering why a write failed."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.error: OSError | None = None

    def write(self, data: bytes) -> int:
        try:
            return self.out.write(data)
        except OSError as exc:
            self.error = exc
            raise

    def flush(self) -> None:
        self.out.flush()


def decrypt_into(source: Pieces, target: Path, identity: object) -> None:
    """The age file `source` decrypted into `target`: pyrage's errors for a
    bundle that is not ours or is damaged, WriteFailed when `target` cannot be written."""
    import pyrage

    with open(target, "wb") as out:
        writer = _Writer(out)
        try:
            pyrage.decrypt_io(source, writer, [identity])
        except Exception as exc:
            if writer.error is not None:
                raise WriteFailed(writer.error) from exc
            raise
        finally:
            source.close()
