"""Where things live: the user's data and log folders, and the shipped resources.

resource_path() works both from a source checkout and inside the PyInstaller
bundle (sys._MEIPASS), as Vorta's utils.get_asset does; every resource is found
through it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from app import APP_NAME
from app.owner_only import private_folder


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a file under resources/."""
    return _root().joinpath("resources", *parts)


def data_dir() -> Path:
    """The user's data folder; HEXIE_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("HEXIE_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return private_folder(path)  # settings, logs, default backups: owner-only


def log_dir() -> Path:
    override = os.environ.get("HEXIE_DATA_DIR")
    path = Path(override, "logs") if override else Path(user_log_dir(APP_NAME, appauthor=False))
    return private_folder(path)


def default_db_path() -> Path:
    return data_dir() / "hexie.sqlite3"
