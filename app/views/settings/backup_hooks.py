"""The backup taken before an import, with the folder from this PC's settings."""

from __future__ import annotations

from pathlib import Path

from app.models.db import Database
from app.services.core import backups
from app.settings import AppSettings


def backup_before_import(db: Database) -> Path | None:
    return backups.before_import(db.path, AppSettings.load().backup_dir())
