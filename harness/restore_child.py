"""A child process that restores a backup over an office's database through the
storage service the window uses (app/services/core/storage.restore): the crash
harness kills it. `python3 -m harness.restore_child DB BACKUP`.

Used until the CLI has `hexie restore` (see scenarios.restore_command, the hook
that switches to it)."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from app.services.core import storage
    from app.settings import AppSettings

    db_path, backup = Path(argv[0]), Path(argv[1])
    db = storage.open_office_database(
        db_path, operator="压力测试员", create=False, backup_folder=AppSettings.load().backup_dir()
    )
    try:
        safety = storage.restore(db, backup)
    finally:
        db.close()
    print(f"restored {db_path} from {backup} (safety copy {safety})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
