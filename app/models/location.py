"""Where an office's database lives: a SQLite file on this PC, or a PostgreSQL
database on the office's server (README.md, "办公室服务器").

Everything that opens a database is given a Location rather than a Path, so the
file-only steps (the instance lock, WAL, PRAGMAs, quick_check, file copies) are
taken only for a file, and a server is never mistaken for a file name. A server
URL never holds a password: it comes from the keyring, ~/.pgpass or a prompt
(app/models/server_login.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

__all__ = ["Location", "LocationError", "is_server_url"]

# The schemes a user may type; all are opened with psycopg 3.
SERVER_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")
DEFAULT_PORT = 5432
# Address parameters that carry a secret (libpq's password, and the one for an SSL key).
SECRET_PARAMETERS = ("password", "sslpassword")


class LocationError(ValueError):
    """A database address that cannot be used; the message says what to do."""


def is_server_url(value: str | os.PathLike[str]) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(SERVER_SCHEMES)


@dataclass(frozen=True)
class Location:
    """A SQLite file (`path`) or a PostgreSQL database (`url`, no password)."""

    path: Path | None = None
    url: URL | None = None

    @classmethod
    def of(cls, value: Location | str | os.PathLike[str]) -> Location:
        if isinstance(value, Location):
            return value
        if is_server_url(value):
            return cls.server(str(value))
        return cls(path=Path(value).expanduser().resolve())

    @classmethod
    def server(cls, text: str) -> Location:
        raw = text.strip()
        scheme, _, rest = raw.partition("://")
        try:
            url = make_url("postgresql+psycopg://" + rest)
        except Exception as exc:  # sqlalchemy's ArgumentError: not a URL at all
            raise LocationError(
                f"无法识别的服务器地址：{raw}\n"
                "请写成 postgresql://用户名@服务器:端口/数据库名，例如 "
                "postgresql://hexie@192.168.1.10:5432/hexie"
            ) from exc
        # libpq also takes the password as a parameter (…/hexie?password=…): refused
        # the same way, for the command line and its history keep the address too.
        secret = {k for k in url.query if k.lower() in SECRET_PARAMETERS}
        if url.password is not None or secret:
            raise LocationError(
                "服务器地址里不能写密码（命令行和历史记录会留下它）。\n"
                "请去掉地址中的“:密码”或“?password=…”，程序会从系统钥匙串、~/.pgpass 读取，或询问您。"
            )
        if not url.host or not url.database:
            raise LocationError(
                f"服务器地址缺少服务器名或数据库名：{raw}\n"
                "请写成 postgresql://用户名@服务器:端口/数据库名。"
            )
        return cls(url=url)

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def is_file(self) -> bool:
        return self.path is not None

    def file(self) -> Path:
        """The SQLite file; a programming error to ask a server for one."""
        if self.path is None:
            raise TypeError(f"{self} is a server database, not a file")
        return self.path

    @property
    def user(self) -> str:
        return (self.url.username or "") if self.url else ""

    @property
    def host(self) -> str:
        return (self.url.host or "") if self.url else ""

    @property
    def port(self) -> int:
        return (self.url.port or DEFAULT_PORT) if self.url else 0

    @property
    def database(self) -> str:
        return (self.url.database or "") if self.url else ""

    def sqlalchemy_url(self) -> str:
        if self.url is None:
            return f"sqlite:///{self.path}"
        return self.url.render_as_string(hide_password=False)

    def key(self) -> str:
        """Names this server database in the keyring and the recent list."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def local_folder(self, data_dir: Path) -> Path:
        """This PC's folder for what lives beside a file (the outbox, attachments
        waiting to be sent, backups' rotation): one per server database."""
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{self.host}_{self.port}_{self.database}")
        digest = hashlib.sha1(self.key().encode()).hexdigest()[:8]
        return data_dir / "servers" / f"{slug}-{digest}"

    def stand_in(self, data_dir: Path) -> Path:
        """For a file, the file; for a server, a path in its local folder whose
        stem is the database name, so `<stem>-附件`, `<stem>-发件箱` and backup
        names work the same way for both."""
        if self.path is not None:
            return self.path
        return self.local_folder(data_dir) / self.database

    def __str__(self) -> str:
        if self.url is None:
            return str(self.path)
        return f"postgresql://{self.key()}"
