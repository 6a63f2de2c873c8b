"""Shared fixtures: offscreen Qt, a fresh database per test, no network, no waiting dialogs."""

from __future__ import annotations

import contextlib
import os
import shutil
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


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open an internet socket fails the test that made it."""
    from tests.network_guard import refuse_network

    refuse_network(monkeypatch)


@pytest.fixture(autouse=True)
def no_held_keys() -> Iterator[None]:
    """No test starts with a modifier key still held by the one before it.

    Qt keeps the modifiers of the last key event application-wide: after a test's
    Ctrl+S, every later `selectRow` in the same process reads Ctrl as held and
    toggles the row off. A key release with no modifiers after each test lets go."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    if QApplication.instance() is None:
        return
    anything = QWidget()
    QTest.keyRelease(anything, Qt.Key.Key_Control)
    anything.deleteLater()


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("HEXIE_DATA_DIR", str(path))
    monkeypatch.delenv("HEXIE_DB", raising=False)
    return path


@pytest.fixture(scope="session")
def empty_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with every migration run and nothing in it, made once.

    Running the migrations costs one to two seconds a file; copying this file costs
    milliseconds. Tests that open a database copy it (the `db`, `city_db` and
    `sync_office` fixtures) instead of migrating a file of their own: the copy is the
    very file open_database would make, and open_database still checks its revision.
    Tests of migrating and creating files (tests/models, `hexie init`) make theirs for real."""
    from app.models.db import open_database

    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(path, operator="template").close()
    return path


def open_copy(template: Path, path: Path, *, operator: str) -> Any:
    """Open a fresh database at `path`, made by copying the migrated `template`."""
    from app.models.db import open_database

    shutil.copyfile(template, path)
    return open_database(path, operator=operator)


# -- both engines: SQLite files, and a PostgreSQL server when HEXIE_TEST_PG names one ---------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The storage, services and CLI tests that open a database run on each engine
    (tests/pg_support.py); the views stay on SQLite."""
    from tests.pg_support import BOTH_ENGINES_UNDER, ENGINES

    if "db_engine" not in metafunc.fixturenames or len(ENGINES) < 2:
        return  # without a server, server_only tests are skipped at collection
    if metafunc.definition.get_closest_marker("server_only"):
        metafunc.parametrize("db_engine", ["postgresql"], indirect=True)
        return
    if metafunc.definition.get_closest_marker("sqlite_file"):
        return
    if metafunc.definition.get_closest_marker("one_engine"):
        return
    where = str(metafunc.definition.path).replace("\\", "/")
    if any(f"/{folder}" in where for folder in BOTH_ENGINES_UNDER):
        metafunc.parametrize("db_engine", ENGINES, indirect=True)


# The longest tests (10–30 s each), started first: xdist hands tests out in the order
# collected, and one of these collected near the end ran alone after the rest had
# finished, adding its whole length to the suite's time.
LONGEST_FIRST = (
    "test_bundle_streaming.py::test_a_bundle_far_larger_than_the_bound",
    "test_fuzz_harness.py::test_fuzzed_files_and_bundles",
    "test_crash_harness.py::test_kills_leave_every_database_sound",
    "test_sync_convergence.py::test_ten_counties_converge",
    "test_demo_believable.py::test_a_generated_demo_is_believable",
    "test_demo_linear.py::test_demo_cost_grows_linearly",
    "test_scans.py::test_finalising_with_items_unread",
    "test_import_scans.py::test_json_gives_every_page",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests first (LONGEST_FIRST). A test about a server office (marked
    server_only) runs on the test server alone; without HEXIE_TEST_PG it is skipped,
    saying what it needs (`.ci/run` sets it)."""
    from tests.pg_support import PG_URL

    items.sort(key=lambda item: not any(name in item.nodeid for name in LONGEST_FIRST))
    if PG_URL:
        return
    needs = pytest.mark.skip(reason="about a server office: needs HEXIE_TEST_PG (.ci/run sets it)")
    for item in items:
        if item.get_closest_marker("server_only"):
            item.add_marker(needs)


@pytest.fixture
def db_engine(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql": where this test's databases live."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The migrated, empty template database on the test server (one per worker)."""
    from tests import pg_support

    name = pg_support.make_template()
    yield name
    pg_support.drop(name)


@pytest.fixture
def fresh_database(
    db_engine: str, tmp_path: Path, empty_database_file: Path, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """make(stem, operator) → a fresh, migrated, empty database on this test's engine:
    a copy of the template file, or a database made from the server's template."""
    from app.models.db import open_database
    from tests import pg_support

    made: list[str] = []

    def make(stem: str, *, operator: str, engine: str | None = None) -> Any:
        if (engine or db_engine) == "sqlite":
            return open_copy(empty_database_file, tmp_path / f"{stem}.sqlite3", operator=operator)
        template = request.getfixturevalue("pg_template")
        name = pg_support.new_name(stem)
        url = pg_support.create(name, template)
        made.append(name)
        return open_database(url, operator=operator)

    yield make
    for name in made:
        pg_support.drop(name)


@pytest.fixture
def fresh_location(db_engine: str, tmp_path: Path) -> Iterator[Any]:
    """where(stem) → where a command may create a database: a file path in tmp_path,
    or the URL of an empty database on the test server (the commands migrate it)."""
    from tests import pg_support

    made: list[str] = []

    def where(stem: str) -> str:
        if db_engine == "sqlite":
            return str(tmp_path / f"{stem}.sqlite3")
        name = pg_support.new_name(stem)
        made.append(name)
        return pg_support.create(name)

    yield where
    for name in made:
        pg_support.drop(name)


def _office_database(
    fresh_database: Any, stem: str, code: str, level: str, operator: str
) -> Iterator[Any]:
    """A fresh database set up as the office with division `code`, closed after the test."""
    from app.services.core import office

    database = fresh_database(stem, operator=operator)
    office.configure(database, code, level=level)
    yield database
    database.close()


@pytest.fixture
def db(fresh_database: Any) -> Iterator[Any]:
    """A county office's database (汝州市, 410482), fresh for each test."""
    yield from _office_database(fresh_database, "county", "410482", "county", "测试员")


@pytest.fixture
def city_db(fresh_database: Any) -> Iterator[Any]:
    """The city office's database (平顶山市, 410400), fresh for each test."""
    yield from _office_database(fresh_database, "city", "410400", "city", "市级测试员")


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

# Test-only work factor for the scrypt that seals an office's private keys: N=2^4
# instead of production's 2^17 (app/services/sync/key_sealing.py KDF). The sealed box
# records its own N, r and p, so a box sealed here opens the same way (also in a
# `hexie` subprocess) and every other step of sealing and opening runs as in use.
# Production's cost is checked by the tests marked with the `production_kdf` fixture.
TEST_KDF = {"n": 2**4, "r": 8, "p": 1}


@pytest.fixture(scope="session", autouse=True)
def cheap_key_derivation() -> Iterator[dict[str, int]]:
    """For the whole session keys are sealed with TEST_KDF; yields production's KDF."""
    from app.services.sync import key_sealing

    production = dict(key_sealing.KDF)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(key_sealing, "KDF", dict(TEST_KDF))
        yield production


@pytest.fixture
def production_kdf(
    cheap_key_derivation: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> dict[str, int]:
    """Seal with production's work factor in this test (a test of the cost itself)."""
    from app.services.sync import key_sealing

    monkeypatch.setattr(key_sealing, "KDF", dict(cheap_key_derivation))
    return cheap_key_derivation


@pytest.fixture(scope="session")
def office_keys(tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path) -> Any:
    """install(db) → the unlocked keys of db's office.

    The first time an office code is asked for, keys.init runs for real in a scratch
    database (sealed with TEST_KDF), and the key pair it generates is kept as it is
    made. Afterwards the same key rows are written into each fresh database and the
    same keys handed back, so `pair` and `sync_office` cost a settings write. The
    rows are exactly what keys.init wrote, and keys.unlock(db, SYNC_PASSPHRASE) opens
    them (tests/services/sync/test_bundle.py).
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
                from tests.sync_support import SYNC_PASSPHRASE

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
def sync_office(fresh_database: Any, office_keys: Any) -> Iterator[Any]:
    """make(code) → (database, unlocked keys) of a new office with its own database."""
    from app.services.core import office

    opened: list[Any] = []

    def make(code: str, *, operator: str = "测试员", engine: str | None = None) -> tuple[Any, Any]:
        """`engine`: this office's engine when not the test's (a mixed exchange)."""
        database = fresh_database(f"office-{code}", operator=operator, engine=engine)
        office.configure(database, code)
        opened.append(database)
        return database, office_keys(database)

    yield make
    for database in opened:
        database.close()


# -- records shared by several test modules --------------------------------------------------


@pytest.fixture
def counted(db: Any) -> tuple[str, str, str, str]:
    """A small county year, counted by hand in tests/services/campaign/test_campaign.py:
    the 2023 campaign with a target of 4 checks; three enterprises (the third
    registered in May 2023), checked on 1 July, 10 August and 20 December (after the
    campaign), and a draft check of the third on 5 September; one open item found 1 September, overdue since 28 September.
    Returns (campaign id, a, b, c)."""
    from datetime import date

    from app.services.campaign import campaigns
    from app.services.checks import health_checks
    from app.services.register import enterprises
    from tests.records import enterprise, filled, manual

    campaign_id = campaigns.save(db, campaigns.load_template())
    data = campaigns.get(db, campaign_id)
    data.targets = {"410482": 4}
    campaigns.save(db, data, campaign_id)
    a, b, c = (enterprise(db, serial=n) for n in (1, 2, 3))
    enterprises.update(db, c, {"registration_date": date(2023, 5, 1)})
    for eid, on in ((a, date(2023, 7, 1)), (b, date(2023, 8, 10)), (c, date(2023, 12, 20))):
        health_checks.create(db, filled(db, eid, on, noncompliant=()), final=True)
    # A draft in the period is no check done: no figure counts it (README, 工作总结).
    health_checks.create(db, health_checks.template(db, c, date(2023, 9, 5)))
    manual(db, a, found=date(2023, 9, 1), deadline=date(2023, 9, 28))  # open, overdue
    return campaign_id, a, b, c


@pytest.fixture(scope="session")
def printed(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    """Two field forms (a manufacturer, a builder) printed once for the whole session,
    their pages filled in by hand and scanned: (folder with county.sqlite3 and
    blank.pdf, [(form id, layout)], [(image, form id, page, truth)]).

    The scan tests of the services, the review window and `hexie import-scans` read
    the same scans; each copies county.sqlite3 before writing, and the images are
    read-only, so a test that drew on one would fail instead of changing the others'."""
    from app.models.db import open_database
    from app.services.core import office
    from tests import scan_builders as sb

    folder = tmp_path_factory.mktemp("printed")
    with open_database(folder / "county.sqlite3", operator="测试员") as database:
        office.configure(database, "410482", level="county")
        forms = sb.print_forms(database, folder / "blank.pdf")
    scans = sb.filled_scans(folder / "blank.pdf", forms, seed=7)
    for image, *_rest in scans:
        image.flags.writeable = False  # shared by many tests: a test that drew on one would fail
    return folder, forms, scans
