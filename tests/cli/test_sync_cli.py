"""The city and three counties through the `hexie` commands, as a new user would:
init, demo, keys, export-bundle, import-bundle (many offices, never one)."""

from __future__ import annotations

import json
from pathlib import Path

from app.models.db import open_database
from app.services.sync import keys
from tests.commands import run
from tests.sync_support import CITY, SYNC_PASSPHRASE, snapshot

COUNTIES = ("410421", "410422", "410423")


def test_city_merges_three_counties_from_the_command_line(
    capsys, tmp_path, monkeypatch, office_keys
):
    monkeypatch.setenv("HEXIE_PASSPHRASE", SYNC_PASSPHRASE)
    monkeypatch.setattr("builtins.input", lambda _prompt: "yes")
    path = {code: str(tmp_path / f"{code}.sqlite3") for code in (CITY, *COUNTIES)}
    for code, db in path.items():
        assert run(capsys, "init", "--db", db, "--office", code)[0] == 0
        with open_database(db) as opened:  # `hexie keys init`, its scrypt paid once per session
            office_keys(opened)
        code_, out, _ = run(
            capsys, "keys", "export", "--db", db, "-o", str(tmp_path / f"{code}.pub")
        )
        assert code_ == 0 and "指纹" in out
    for n, county in enumerate(COUNTIES, start=1):
        assert (
            run(capsys, "demo", "--db", path[county], "--enterprises", "12", "--seed", str(n))[0]
            == 0
        )
        code_, out, _ = run(
            capsys, "keys", "trust", str(tmp_path / f"{CITY}.pub"), "--db", path[county]
        )
        assert code_ == 0 and "已信任" in out
        code_, out, _ = run(
            capsys, "keys", "trust", str(tmp_path / f"{county}.pub"), "--db", path[CITY]
        )
        assert code_ == 0 and "已信任" in out
        code_, out, _ = run(
            capsys,
            "export-bundle",
            "--db",
            path[county],
            "--to",
            CITY,
            "-o",
            str(tmp_path / "inbox"),
        )
        assert code_ == 0 and "第 1 号" in out
        assert "  企业：12\n" in out and "enterprise" not in out  # record types in words
    bundles = sorted((tmp_path / "inbox").iterdir())
    assert len(bundles) == 3
    with open_database(path[CITY], operator="窗口里的协调员"):  # a dry run only reads
        code_, out, err = run(
            capsys,
            "import-bundle",
            str(tmp_path / "inbox"),
            "--db",
            path[CITY],
            "--dry-run",
            "--json",
        )
    assert code_ == 0, err
    assert [b["already_imported"] for b in json.loads(out)["bundles"]] == [False] * 3
    # all three counties (each with its own default checklist edition 1), one bundle given twice
    code_, out, err = run(
        capsys,
        "import-bundle",
        str(tmp_path / "inbox"),
        str(bundles[0]),
        "--db",
        path[CITY],
        "--json",
    )
    assert code_ == 0, err
    summary = json.loads(out)
    assert [b["already_imported"] for b in summary["bundles"]].count(True) == 1
    added = {
        b["sender"]: b["counts"]["enterprise"]["added"]
        for b in summary["bundles"]
        if not b["already_imported"]
    }
    assert added == dict.fromkeys(COUNTIES, 12)
    assert {
        b["sender"]: b["counts"]["checklist"]["added"] for b in summary["bundles"] if b["counts"]
    } == (dict.fromkeys(COUNTIES, 1))
    assert len(summary["receipts"]) == 3
    code_, out, _ = run(capsys, "stats", "--db", path[CITY], "--json")
    assert json.loads(out)["records"]["enterprise"] == 36

    # A new key for a trusted county: refused without --replace, both fingerprints shown.
    old = keys.read_public(tmp_path / "410421.pub").fingerprint
    with open_database(path["410421"]) as opened:
        office_keys(opened, generation=1)
        keys.export_public(opened, tmp_path / "410421-new.pub")
    new = keys.read_public(tmp_path / "410421-new.pub").fingerprint
    code_, _, err = run(
        capsys, "keys", "trust", str(tmp_path / "410421-new.pub"), "--db", path[CITY]
    )
    assert code_ == 1 and old in err and new in err and "--replace" in err
    code_, out, _ = run(
        capsys, "keys", "trust", str(tmp_path / "410421-new.pub"), "--db", path[CITY], "--replace"
    )
    assert code_ == 0 and old in out and new in out and "已作废" in out

    # A hostile bundle is a rejection (exit 3) with a Chinese message, the city unchanged.
    with open_database(path[CITY]) as opened:
        before = snapshot(opened)
    bad = tmp_path / "bad" / "x.hexie"
    bad.parent.mkdir()
    bad.write_bytes(b"age-encryption.org/v1\n-> X25519 garbage\n")
    code_, out, err = run(capsys, "import-bundle", str(bad), "--db", path[CITY])
    assert code_ == 3 and "已损坏或被改动" in err and "Traceback" not in err
    with open_database(path[CITY]) as opened:
        assert snapshot(opened) == before


def test_a_rejected_bundle_from_a_real_process_exits_3_without_a_traceback(tmp_path, office_keys):
    """`python3 -m app.cli` runs cli.py as __main__; the command modules' CliError must
    still be the one caught (it was not: a rejection ended in a traceback, exit 1)."""
    import os
    import subprocess
    import sys

    city = tmp_path / "city.sqlite3"
    with open_database(city) as opened:
        from app.services.core import office

        office.configure(opened, CITY)
        office_keys(opened)
    bad = tmp_path / "bad.hexie"
    bad.write_bytes(b"age-encryption.org/v1\n-> X25519 garbage\n")
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "import-bundle", str(bad), "--db", str(city)],
        capture_output=True,
        text=True,
        env={**os.environ, "HEXIE_PASSPHRASE": SYNC_PASSPHRASE},
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr and "已损坏或被改动" in proc.stderr


def test_each_countys_receipt_goes_beside_its_own_bundle(
    capsys, tmp_path, monkeypatch, office_keys
):
    """The city imports two counties' bundles, each in its own folder, in one command:
    each receipt lies beside the bundle it answers (it went beside the first file
    named, for every county). The folder imported again, now holding the city's
    receipt, is still read: its own receipts are left out, not refused."""
    monkeypatch.setenv("HEXIE_PASSPHRASE", SYNC_PASSPHRASE)
    counties = COUNTIES[:2]
    path = {code: str(tmp_path / f"{code}.sqlite3") for code in (CITY, *counties)}
    for code, db in path.items():
        assert run(capsys, "init", "--db", db, "--office", code)[0] == 0
        with open_database(db) as opened:
            office_keys(opened)
        run(capsys, "keys", "export", "--db", db, "-o", str(tmp_path / f"{code}.pub"))
    files = []
    for n, county in enumerate(counties, start=1):
        assert (
            run(capsys, "demo", "--db", path[county], "--enterprises", "3", "--seed", str(n))[0]
            == 0
        )
        run(capsys, "keys", "trust", str(tmp_path / f"{CITY}.pub"), "--db", path[county], "--yes")
        run(capsys, "keys", "trust", str(tmp_path / f"{county}.pub"), "--db", path[CITY], "--yes")
        out = tmp_path / f"out-{county}"
        assert (
            run(capsys, "export-bundle", "--db", path[county], "--to", CITY, "-o", str(out))[0] == 0
        )
        files += [str(f) for f in out.iterdir()]
    code_, out, err = run(capsys, "import-bundle", *files, "--db", path[CITY], "--json")
    assert code_ == 0, err
    receipts = sorted(json.loads(out)["receipts"])
    assert [(Path(r).parent.name, Path(r).name.split("-")[-1]) for r in receipts] == [
        (f"out-{c}", f"{c}.hexie") for c in counties
    ]
    code_, out, err = run(
        capsys, "import-bundle", str(tmp_path / f"out-{counties[0]}"), "--db", path[CITY], "--json"
    )
    assert code_ == 0, err
    again = json.loads(out)
    assert [b["already_imported"] for b in again["bundles"]] == [True]
    assert len(list((tmp_path / f"out-{counties[0]}").glob(f"{CITY}-回执-*"))) >= 1
    # The county reads the receipt from where the city left it.
    code_, _, err = run(capsys, "import-bundle", receipts[0], "--db", path[counties[0]])
    assert code_ == 0, err
    with open_database(path[counties[0]]) as opened:
        assert keys.peer(opened, CITY).acked_seq > 0
