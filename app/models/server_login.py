"""The password for an office server, never an argument (README.md, "办公室服务器").

In order: the OS keyring when the `keyring` package finds a real one (Windows
Credential Manager, macOS Keychain, the Secret Service on a Linux desktop); else
libpq's own password file (PGPASSFILE or ~/.pgpass, which psycopg reads when no
password is given — and a server that trusts loopback needs none); else the
prompt the door installed (the CLI: getpass; the window: a password dialog).
A password that worked from a prompt may be kept in the keyring for next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.models.location import Location

log = logging.getLogger(__name__)

KEYRING_SERVICE = "hexie-desk"

Prompt = Callable[[Location, str], "str | None"]
"""Asks the user for the password of `location`; the str is why (a first ask, a
refused password). None: the user cancelled."""

_prompt: Prompt | None = None
# Passwords that opened a server in this process (from the keyring or a prompt), so
# pg_dump can be given the same one in its environment. Never written anywhere.
_known: dict[str, str] = {}


class LoginCancelled(RuntimeError):
    """The user closed the password prompt; nothing was opened."""


def set_prompt(prompt: Prompt | None) -> None:
    """The door's way of asking for a password (None: never ask, fail instead)."""
    global _prompt
    _prompt = prompt


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or a broken backend configuration
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def note_password(location: Location, password: str | None) -> None:
    if password is not None:
        _known[location.key()] = password


def known_password(location: Location) -> str | None:
    return _known.get(location.key())


def keyring_password(location: Location) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, location.key())
    except Exception:
        log.exception("reading the keyring")
        return None


def remember_password(location: Location, password: str) -> bool:
    """Keep the password in the OS keyring; False when there is none."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, location.key(), password)
    except Exception:
        log.exception("writing the keyring")
        return False
    return True


def is_password_refusal(exc: BaseException) -> bool:
    """psycopg's words when the server wants a password it did not get or refused."""
    text = str(exc).lower()
    return "password" in text and (
        "no password supplied" in text
        or "authentication failed" in text
        or "password authentication" in text
    )


def ask(location: Location, reason: str) -> str:
    if _prompt is None:
        raise PermissionError(
            f"服务器 {location} 要求密码，但没有可询问的地方。\n"
            "请把密码存入系统钥匙串，或写入 ~/.pgpass（或 PGPASSFILE 指向的文件）。"
        )
    answer = _prompt(location, reason)
    if answer is None:
        raise LoginCancelled(f"已取消连接服务器 {location}。")
    return answer
