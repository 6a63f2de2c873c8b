"""The office server failing in the middle of work (issue 20): read-only, every
connection slot taken, the database or the login gone, the connection dropped,
the server's disk full. Each is a message that says what to do and the file's
exit code (read-only 7, disk full 8, slots 6; the rest 1), with nothing written;
made for real on the scratch cluster where the server can do it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.models.db import open_database
from app.services.core import server_errors, storage_errors
from tests import pg_support
from tests.commands import run
from tests.pg_support import read
from tests.records import plain_enterprise

pytestmark = pytest.mark.skipif(
    not pg_support.PG_URL, reason="needs the test server (HEXIE_TEST_PG, started by .ci/run)"
)


@pytest.fixture
def office(pg_template):
    name = pg_support.new_name("fail")
    url = pg_support.create(name, pg_template)
    assert run_ok("init", "--db", url, "--office", "410482")
    yield name, url
    with pg_support.admin() as conn:
        conn.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
        conn.execute(f'ALTER DATABASE "{name}" CONNECTION LIMIT -1')
    pg_support.drop(name)


def run_ok(*argv: str) -> bool:
    from app.cli import main

    return main(list(argv)) == 0


def _count(url: str) -> int:
    return read(url, "SELECT count(*) FROM enterprise")[0][0]


def test_a_read_only_database_refuses_writes_with_exit_7(office, capsys):
    name, url = office
    capsys.readouterr()
    with pg_support.admin() as conn:  # as a hot standby, or an administrator's switch
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    code, _, err = run(capsys, "demo", "--db", url, "--enterprises", "3")
    assert code == 7 and "只读" in err and "default_transaction_read_only = off" in err
    # A command has no window (the issue-20 trial found "窗口中填写的内容仍在" here).
    assert "这条命令没有写入服务器" in err and "窗口" not in err
    assert "Traceback" not in err and _count(url) == 0
    code, out, _ = run(capsys, "stats", "--db", url, "--json")  # reading goes on
    assert code == 0 and json.loads(out)["records"]["enterprise"] == 0


def test_every_connection_slot_taken_is_exit_6(office, capsys):
    name, url = office
    capsys.readouterr()
    with pg_support.admin() as conn:  # a superuser is let in past the limit: a clerk's role
        conn.execute(
            "DO $$ BEGIN CREATE ROLE hexie_clerk LOGIN;"
            " EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        conn.execute(f'ALTER DATABASE "{name}" CONNECTION LIMIT 0')
    clerk = make_url(url).set(username="hexie_clerk").render_as_string()
    code, _, err = run(capsys, "stats", "--db", clerk)
    assert code == 6 and "连接数已满" in err and "max_connections" in err


def test_a_missing_database_and_an_unknown_login_are_exit_1(office, capsys):
    _name, url = office
    capsys.readouterr()
    missing = make_url(url).set(database="hx_no_such_office").render_as_string()
    code, out, _ = run(capsys, "stats", "--db", missing, "--json")
    problem = json.loads(out)
    assert (
        code == 1
        and problem["error"] == "server_missing"
        and "没有这个数据库" in problem["message"]
    )
    stranger = make_url(url).set(username="nobody_here").render_as_string()
    code, _, err = run(capsys, "stats", "--db", stranger)
    assert code == 1 and "拒绝了用户名或密码" in err and "Traceback" not in err


def test_a_stopped_server_is_exit_1_with_what_to_do(capsys):
    with pg_support.admin() as conn:  # a port nothing listens on: a server that is off
        import socket

        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        del conn
    off = make_url(pg_support.PG_URL).set(port=port, database="hexie").render_as_string()
    code, _, err = run(capsys, "stats", "--db", off)
    assert code == 1 and "连接断开了" in err and "服务器已开机" in err


def test_a_connection_dropped_in_the_middle_of_a_save_loses_nothing(office):
    """pg_terminate_backend while a unit of work is open: the save is undone whole,
    the message says so, and the next save reconnects by itself."""
    _name, url = office
    db = open_database(url, operator="张三")
    try:
        with pytest.raises(Exception) as caught, db.session() as session:
            plain_enterprise(db, 1)
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            with pg_support.admin() as conn:
                conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
            plain_enterprise(db, 2)
        problem = storage_errors.classify(caught.value, url)
        assert isinstance(problem, server_errors.ServerProblem)
        assert problem.kind == "server_unreachable" and "已全部撤销" in problem.message
        assert str(make_url(url).database) in problem.message
        assert _count(url) == 0  # neither of the two: one unit of work
        plain_enterprise(db, 3)  # the pool opens a new connection
        assert _count(url) == 1
    finally:
        db.close()


def test_the_servers_disk_full_is_exit_8(office, capsys, monkeypatch):
    """A full disk cannot be made safely on the shared scratch cluster: the demo's
    first write is made to fail as the server fails it (SQLSTATE 53100, psycopg's
    DiskFull) inside the command's unit of work."""
    import psycopg.errors

    from app.services.demo import demo

    _name, url = office
    capsys.readouterr()
    real = demo.generate

    def full(db, **kwargs):
        with db.session():
            plain_enterprise(db, 1)
            raise psycopg.errors.DiskFull(
                'could not extend file "base/1/2": No space left on device'
            )
        yield from real(db, **kwargs)  # never reached: makes this a generator like the real one

    monkeypatch.setattr(demo, "generate", full)
    code, _, err = run(capsys, "demo", "--db", url, "--enterprises", "2")
    assert code == 8 and "磁盘空间不足" in err and "已全部撤销" in err
    assert _count(url) == 0


def test_migrate_db_to_a_missing_database_names_it_and_says_what_to_do(office, capsys, tmp_path):
    """Found in the issue-20 trial: the message named 办公室服务器 instead of --to,
    spoke of a window, and said to run hexie init, after which migrate-db refuses
    the database as not empty."""
    _name, url = office
    source = str(tmp_path / "汝州市.sqlite3")
    assert run_ok("init", "--db", source, "--office", "410482")
    capsys.readouterr()
    missing = make_url(url).set(database="hx_no_such_office")
    code, _, err = run(capsys, "migrate-db", "--from", source, "--to", missing.render_as_string())
    assert code == 1 and "没有这个数据库" in err and "hx_no_such_office" in err
    assert "hexie migrate-db" in err and "窗口" not in err


def test_saving_again_once_the_administrator_turns_read_only_off_writes(office):
    """Found in the issue-20 trial: after ALTER DATABASE … default_transaction_read_only
    = off the window's pooled connections kept the old setting, so every save was
    refused until the database was opened again. A refused write drops them."""
    name, url = office
    db = open_database(url, operator="张三")
    try:
        plain_enterprise(db, 1)  # the pool holds a connection from before the switch
        with pg_support.admin() as conn:
            conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        db.engine.dispose()  # the next connection is the read-only server's
        with pytest.raises(Exception) as caught:
            plain_enterprise(db, 2)
        assert storage_errors.classify(caught.value, url).kind == "read_only"
        with pg_support.admin() as conn:
            conn.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
        plain_enterprise(db, 3)  # no reopening: the same Database writes again
        assert _count(url) == 2
    finally:
        db.close()


def test_a_table_the_offices_user_may_not_write_is_exit_7_without_a_traceback(office, capsys):
    """Found in the issue-20 trial: a REVOKE on one table (permission denied, 42501)
    ended a command in a traceback."""
    name, url = office
    with pg_support.admin() as conn:
        conn.execute(
            "DO $$ BEGIN CREATE ROLE hexie_clerk LOGIN;"
            " EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
    owner = create_engine(url)
    try:
        with owner.begin() as conn:  # the clerk reads everything and writes nothing
            conn.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO hexie_clerk"))
    finally:
        owner.dispose()
    clerk = make_url(url).set(username="hexie_clerk").render_as_string()
    capsys.readouterr()
    code, _, err = run(capsys, "campaign", "--db", clerk, "--new-year", "2027")
    assert code == 7 and "Traceback" not in err
    assert "权限不足" in err and "GRANT" in err and name in err
    assert read(url, "SELECT count(*) FROM campaign")[0][0] == 0
