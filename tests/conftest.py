"""Shared fixtures: offscreen Qt, a fresh database per test, no network, no waiting dialogs."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--sync-long",
        action="store_true",
        default=False,
        help="run the ten-county convergence test with more rounds and orders",
    )


class NetworkUsed(AssertionError):
    pass


def _refuse(*_args: Any, **_kwargs: Any) -> Any:
    raise NetworkUsed("the app must never open a network connection")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open an internet socket fails the test that made it."""
    real_socket = socket.socket

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: Any, **kwargs: Any) -> None:
            if family in (socket.AF_INET, socket.AF_INET6):
                _refuse()
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HEXIE_DATA_DIR", str(path))
    monkeypatch.delenv("HEXIE_DB", raising=False)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Any]:
    from app.models.db import open_database
    from app.services.core import office

    database = open_database(tmp_path / "county.sqlite3", operator="测试员")
    office.configure(database, "410482", level="county")
    yield database
    database.close()


@pytest.fixture
def city_db(tmp_path: Path) -> Iterator[Any]:
    from app.models.db import open_database
    from app.services.core import office

    database = open_database(tmp_path / "city.sqlite3", operator="市级测试员")
    office.configure(database, "410400", level="city")
    yield database
    database.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Message boxes answer at once (Yes/Ok) and are recorded: (kind, title, text)."""
    from PySide6.QtWidgets import QMessageBox

    seen: list[tuple[str, str, str]] = []

    def fake(kind: str, answer: Any) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            seen.append((kind, title, text))
            return answer

        return show

    monkeypatch.setattr(
        QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "about", fake("about", None))
    return seen


# -- sync offices: keys derived once per session ----------------------------------------------

SYNC_PASSPHRASE = "correct horse 42"


@pytest.fixture(scope="session")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with every migration run and nothing in it, made once:
    tests with ten offices copy it instead of migrating ten files."""
    from app.models.db import open_database

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(path, operator="template").close()
    return path


@pytest.fixture(scope="session")
def office_keys(tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path) -> Any:
    """install(db) → the unlocked keys of db's office.

    Deriving an office's keys from its passphrase (scrypt, on purpose slow against
    guessing) costs seconds; a suite with ten offices per test cannot pay that per
    test. The first time an office code is asked for, keys.init runs for real in a
    scratch database, and the key pair it generates is kept as it is made (so the
    seconds of keys.unlock are not paid a second time). Afterwards the same key
    rows are written into each fresh database and the same keys handed back. The
    production code is unchanged: the rows are exactly what keys.init wrote, and
    keys.unlock(db, SYNC_PASSPHRASE) opens them (tests/services/test_bundle.py).
    """
    from sqlalchemy import select

    from app.models import Setting
    from app.models.db import open_database
    from app.services.core import office
    from app.services.sync import keys

    cache: dict[tuple[str, int], tuple[dict[str, str], Any]] = {}

    def install(database: Any, generation: int = 0) -> Any:
        """`generation` > 0: another key pair for the same office (a key replaced)."""
        code = database.office_code
        if (code, generation) not in cache:
            folder = tmp_path_factory.mktemp(f"keys-{code}-{generation}")
            shutil.copyfile(empty_database_file, folder / "keys.sqlite3")
            scratch = open_database(folder / "keys.sqlite3", operator="keys")
            office.configure(scratch, code)
            with _keep_generated_keys() as made:
                keys.init(scratch, SYNC_PASSPHRASE)
            with scratch.reader() as conn:
                rows = dict(
                    conn.execute(
                        select(Setting.key, Setting.value).where(Setting.key.like("keys.%"))
                    ).all()
                )
            cache[code, generation] = (rows, keys.PrivateKeys(made["age"], made["signing"]))
            scratch.close()
        rows, private = cache[code, generation]
        database.set_settings(rows)
        return private

    return install


@contextlib.contextmanager
def _keep_generated_keys() -> Iterator[dict[str, Any]]:
    """While keys.init runs, keep the X25519 identity and Ed25519 key it generates."""
    import pyrage
    from cryptography.hazmat.primitives.asymmetric import ed25519

    made: dict[str, Any] = {}
    real_x25519, real_ed25519 = pyrage.x25519, ed25519.Ed25519PrivateKey

    class Identity:
        @staticmethod
        def generate() -> Any:
            made["age"] = real_x25519.Identity.generate()
            return made["age"]

    class SigningKey:
        @staticmethod
        def generate() -> Any:
            made["signing"] = real_ed25519.generate()
            return made["signing"]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            pyrage,
            "x25519",
            types.SimpleNamespace(Identity=Identity, Recipient=real_x25519.Recipient),
        )
        patch.setattr(ed25519, "Ed25519PrivateKey", SigningKey)
        yield made


def trust_each_other(folder: Path, *databases: Any) -> None:
    """Every office trusts every other one (as after exchanging .pub files and
    checking fingerprints by phone)."""
    from app.services.sync import keys

    for database in databases:
        keys.export_public(database, folder / f"{database.office_code}.pub")
    for database in databases:
        for other in databases:
            if other is not database:
                keys.trust(database, keys.read_public(folder / f"{other.office_code}.pub"))


@pytest.fixture
def pair(db: Any, city_db: Any, office_keys: Any, tmp_path: Path) -> Any:
    """A county (410482) and the city (410400) that trust each other, with their keys."""
    from app.services.sync import keys

    cpriv, ypriv = office_keys(db), office_keys(city_db)
    keys.export_public(db, tmp_path / "county.pub")
    keys.export_public(city_db, tmp_path / "city.pub")
    keys.trust(db, keys.read_public(tmp_path / "city.pub"), email="pds@example.cn")
    keys.trust(city_db, keys.read_public(tmp_path / "county.pub"))
    return db, city_db, cpriv, ypriv


@pytest.fixture
def sync_office(tmp_path: Path, office_keys: Any, empty_database_file: Path) -> Iterator[Any]:
    """make(code) → (database, unlocked keys) of a new office with its own file."""
    from app.models.db import open_database
    from app.services.core import office

    opened: list[Any] = []

    def make(code: str, *, operator: str = "测试员") -> tuple[Any, Any]:
        path = tmp_path / f"office-{code}.sqlite3"
        shutil.copyfile(empty_database_file, path)
        database = open_database(path, operator=operator)
        office.configure(database, code)
        opened.append(database)
        return database, office_keys(database)

    yield make
    for database in opened:
        database.close()
