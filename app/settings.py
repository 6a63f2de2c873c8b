"""Every per-PC setting and its default, in one place.

Per-PC settings (who is operating, which file was open last, the language)
live in a small JSON file in the data folder. Settings that describe the
office's data (its name and code) live in the database instead (app.services.core.office).
"""

from __future__ import annotations

import getpass
import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.owner_only import private_file
from app.paths import data_dir

log = logging.getLogger(__name__)


@dataclass
class AppSettings:
    operator: str = ""  # name written into the audit log and on each record as author
    last_db: str = ""  # database opened last; empty = the default file in the data folder
    # Office servers connected to, newest first (postgresql://user@host:port/db, never a password).
    recent_servers: list[str] = field(default_factory=list)
    language: str = "zh_CN"  # zh_CN or en
    new_enterprise_months: int = 12  # "newly registered" = registered within this many months
    window_geometry: str = ""  # hex of QMainWindow.saveGeometry()
    backup_folder: str = ""  # empty = 备份 in the data folder; may be another disk or a USB stick
    column_widths: dict[str, list[int]] = field(default_factory=dict)  # table name → widths
    time_zone: str = ""  # IANA zone times are shown in; empty = Asia/Shanghai
    # Printing many forms for a duplex printer: each form starts on an odd page.
    duplex_odd_pages: bool = False
    # The 整改提醒 panel: folded away to the status bar's badge (the default, so the
    # lists keep their room at 1280×800) or open at the height the coordinator left it.
    reminders_folded: bool = True
    reminders_height: int = 0  # 0 = the default height

    @staticmethod
    def path() -> Path:
        return data_dir() / "settings.json"

    @classmethod
    def load(cls) -> AppSettings:
        try:
            data = json.loads(cls.path().read_text("utf-8"))
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, using defaults: %s", exc)
            data = {}
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in data.items() if k in known})
        return settings

    def save(self) -> None:
        target = self.path()
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), "utf-8")
        private_file(tmp)
        os.replace(tmp, target)  # atomic: a crash never leaves half a settings file

    def backup_dir(self) -> Path:
        from app.services.core.backups import default_folder

        return Path(self.backup_folder) if self.backup_folder else default_folder()

    def operator_name(self) -> str:
        return self.operator or os.environ.get("HEXIE_OPERATOR") or _login_name()

    def operator_known(self) -> bool:
        """Whether this PC has named its operator (else the window asks at start)."""
        return bool(self.operator.strip() or os.environ.get("HEXIE_OPERATOR", "").strip())


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        return "operator"
