"""A bundle is never whole in memory (issue 17): export zips into a temporary file and
encrypts file to file, import decrypts into a temporary file and reads the zip's
members from it in blocks; the temporary files go on success, refusal and cancel
(app/services/sync/bundle_stream.py)."""

from __future__ import annotations

import base64
import errno
import os
import random
import stat
import time
import tracemalloc
from datetime import UTC, datetime

import pytest

from app.models import Enterprise
from app.models.base import sync_values
from app.models.bulk import fast_insert
from app.services.core import record_files
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle, bundle_stream
from app.services.sync.bundle import BundleError
from tests.builders import code

# Records whose encrypted bundle is several times this bound: holding the bundle,
# its zip or a copy of either as bytes (what export and import did before) goes over
# it; a record chunk of the merge (2,000 records) and the 1 MB blocks stay under it.
RECORDS = 22_000
NOTE_BYTES = 1_450  # random (notes hold 2,000 characters): ~1.65 KB a record zipped, a 31 MB bundle
BOUND = 20 * 1024 * 1024


def _many_enterprises(county, count: int) -> None:
    rng = random.Random(17)
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {
            **sync_values(office="410482", author="测试员", change_seq=1_000 + n, now=now),
            "name": f"企业{n}",
            "credit_code": code(n),
            "county_code": "410482",
            "notes": base64.b64encode(rng.randbytes(NOTE_BYTES)).decode(),
            **dict.fromkeys(("address", "industry", "legal_representative"), ""),
            **dict.fromkeys(
                ("contact_person", "contact_phone", "name_pinyin", "name_initials"), ""
            ),
            **dict.fromkeys(("employee_count", "registration_date"), None),
            **dict.fromkeys(("has_union", "is_platform"), False),
        }
        for n in range(1, count + 1)
    ]
    with county.session() as session:
        for start in range(0, len(rows), 2_000):
            fast_insert(session.connection(), Enterprise.__table__, rows[start : start + 2_000])


def _peak(work):
    """What `work()` returns, and the most Python memory it held at once."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _left_over(db, *folders):
    """Temporary files a bundle left: in the office's 收到 folder and in `folders`."""
    received = record_files.folder(db) / record_files.RECEIVED_FOLDER
    found = list(received.glob("*")) if received.exists() else []
    for folder in folders:
        found += [p for p in folder.glob("*") if p.name.startswith("~") or p.suffix == ".part"]
    return found


@pytest.mark.one_engine(
    "the bound is the bundle's files (zip, age, 1 MB blocks), the same code on both engines; "
    "the export, merge and temporary files on both: test_temporary_files_go_on_success_refusal_and_cancel"
)
def test_a_bundle_far_larger_than_the_bound_is_exported_and_imported_within_it(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    # A first small bundle out and in: the modules both load once (openpyxl alone is
    # 18 MB) are not what is measured.
    enterprises.create(county, {"name": "企业", "credit_code": code(0), "county_code": "410482"})
    bundle.export(county, "410400", tmp_path / "first", cpriv)
    bundle.import_paths(city, [tmp_path / "first"], ypriv, receipt_dir=tmp_path / "r")
    _many_enterprises(county, RECORDS)
    out = tmp_path / "out"
    result, export_peak = _peak(
        lambda: bundle.export(county, "410400", out, cpriv, full=True, max_part_mb=1000)
    )
    assert result.size > 1.5 * BOUND, result.size  # the bundle itself is far over the bound
    summary, import_peak = _peak(
        lambda: bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r")
    )
    assert summary["bundles"][0]["counts"]["enterprise"]["added"] == RECORDS
    assert enterprises.count(city, EnterpriseFilter()) == RECORDS + 1
    assert export_peak < BOUND, f"export held {export_peak / 2**20:.1f} MB"
    assert import_peak < BOUND, f"import held {import_peak / 2**20:.1f} MB"
    assert not _left_over(county, out) and not _left_over(city, out)


def test_temporary_files_go_on_success_refusal_and_cancel(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    for n in range(1, 4):
        enterprises.create(
            county, {"name": f"企业{n}", "credit_code": code(n), "county_code": "410482"}
        )
    out = tmp_path / "out"
    # Export cancelled after its first table: nothing beside the target, nothing kept.
    work = bundle.export_work(county, "410400", out, cpriv)
    next(work)
    next(work)
    work.close()
    assert not list(out.glob("*")) and not _left_over(county)
    result = bundle.export(county, "410400", out, cpriv)
    assert [p.name for p in out.glob("*")] == [result.files[0].name]
    # Import cancelled while merging (the bundle decrypted and checked).
    work = bundle.import_work(city, [out], ypriv, receipt_dir=tmp_path / "r")
    for step in work:  # on to the step after decryption
        if "正在解密" in str(step.message):
            break
    next(work)
    assert _left_over(city)  # the decrypted copy, while it is read
    work.close()
    assert not _left_over(city) and enterprises.count(city, EnterpriseFilter()) == 0
    # A tampered bundle: the same refusal as ever, nothing imported, nothing left.
    tampered = tmp_path / "bad" / result.files[0].name
    tampered.parent.mkdir()
    data = bytearray(result.files[0].read_bytes())
    data[len(data) // 2] ^= 1
    tampered.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="已损坏或被改动，无法解密。请让对方重新发送。"):
        bundle.import_paths(city, [tampered], ypriv)
    assert not _left_over(city) and enterprises.count(city, EnterpriseFilter()) == 0
    # And the bundle itself, imported: nothing left either.
    bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r")
    assert enterprises.count(city, EnterpriseFilter()) == 3 and not _left_over(city)


def test_parts_are_written_whole_and_read_in_blocks(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    _many_enterprises(county, 400)  # ~640 KB of random notes: several parts of 0.2 MB
    out = tmp_path / "out"
    result = bundle.export(county, "410400", out, cpriv, full=True, max_part_mb=0.2)
    assert len(result.files) > 2
    assert sorted(p.name for p in out.glob("*")) == sorted(p.name for p in result.files)
    assert sum(p.stat().st_size for p in result.files) > result.size
    summary = bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r")
    assert summary["bundles"][0]["counts"]["enterprise"]["added"] == 400
    assert not _left_over(county, out) and not _left_over(city)


def test_a_full_disk_is_not_called_a_damaged_bundle(pair, tmp_path, monkeypatch):
    county, city, cpriv, ypriv = pair
    enterprises.create(county, {"name": "企业", "credit_code": code(1), "county_code": "410482"})
    out = tmp_path / "out"
    bundle.export(county, "410400", out, cpriv)

    def full(self, data):
        self.error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        raise self.error

    monkeypatch.setattr(bundle_stream._Writer, "write", full)
    with pytest.raises(BundleError, match="无法写入临时文件") as refused:
        bundle.import_paths(city, [out], ypriv)
    assert "损坏" not in str(refused.value)
    assert not _left_over(city) and enterprises.count(city, EnterpriseFilter()) == 0


def test_a_killed_bundles_plaintext_is_owner_only_and_swept_once_stale(db):
    from app.services.core import pending_files

    left = bundle_stream.work_file(db)  # as a killed export or import leaves it
    if os.name == "posix":
        assert stat.S_IMODE(left.stat().st_mode) == 0o600
    pending_files.sweep(db, now=time.time() + 60)
    assert left.exists()  # an import running now may be reading it
    pending_files.sweep(db, now=time.time() + pending_files.STALE_SECONDS + 1)
    assert not left.exists()
