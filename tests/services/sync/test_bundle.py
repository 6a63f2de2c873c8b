"""Two offices in one test: a county and the city, exchanging bundles."""

from __future__ import annotations

import email
import os
import stat
import zipfile
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle, bundle_format, keys
from app.services.sync.bundle import BundleError
from tests.builders import code
from tests.sync_support import SYNC_PASSPHRASE as PASS

# The county/city `pair` fixture lives in tests/conftest.py: keys are derived once
# per session there (scrypt costs seconds per office).


def send(county, private, tmp_path, name, **kw):
    out = tmp_path / name
    result = bundle.export(county, "410400", out, private, **kw)
    return result, out


def wordy_enterprises(county, count, *, notes):
    """`count` enterprises with long notes: a bundle of several parts when small ones are asked for."""
    for n in range(1, count + 1):
        values = {"name": f"企业{n}", "credit_code": code(n), "county_code": "410482"}
        enterprises.create(county, {**values, "notes": "说明" * notes})


def test_keys_fingerprint_and_passphrase(db, tmp_path):
    with pytest.raises(keys.KeyError_):
        keys.init(db, "short")
    public = keys.init(db, PASS)
    assert len(public.fingerprint.split()) == 5
    with pytest.raises(keys.KeyError_) as err:
        keys.unlock(db, "wrong passphrase")
    assert "口令不对" in str(err.value)
    sheet = keys.recovery_sheet(db, PASS)
    assert (
        sheet["age_identity"].startswith("AGE-SECRET-KEY-1")
        and "PRIVATE KEY" in sheet["signing_private"]
    )
    bad = tmp_path / "x.pub"
    bad.write_text("{}", "utf-8")
    with pytest.raises(keys.KeyError_):
        keys.read_public(bad)


def test_round_trip_receipt_and_next_incremental(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    a = enterprises.create(
        county, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    enterprises.create(
        county, {"name": "汝州市乙公司", "credit_code": code(2), "county_code": "410482"}
    )
    first, out = send(county, cpriv, tmp_path, "b1")
    assert first.counts == {"enterprise": 2} and first.files[0].name.startswith("410482至410400-")
    summary = bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r1")
    assert summary["bundles"][0]["counts"]["enterprise"]["added"] == 2
    assert enterprises.count(city, EnterpriseFilter()) == 2
    assert enterprises.get(city, a)["name"] == "汝州市甲公司"
    again = bundle.import_paths(city, [out], ypriv)
    assert (
        again["bundles"][0]["already_imported"] is True
        and enterprises.count(city, EnterpriseFilter()) == 2
    )
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)  # the receipt
    assert keys.peer(county, "410400").acked_seq > 0
    enterprises.update(county, a, {"employee_count": "77"})
    second, out2 = send(county, cpriv, tmp_path, "b2")
    assert second.counts == {"enterprise": 1}  # only what changed since the receipt
    summary = bundle.import_paths(city, [out2], ypriv, receipt_dir=tmp_path / "r2")
    assert summary["bundles"][0]["counts"]["enterprise"]["updated"] == 1
    assert enterprises.get(city, a)["employee_count"] == 77


def one_enterprise_at_the_city(pair, tmp_path):
    """An enterprise the county registered and sent in its first bundle (b1), imported
    at the city; its id."""
    county, city, cpriv, ypriv = pair
    a = enterprises.create(
        county, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    _r, out = send(county, cpriv, tmp_path, "b1")
    bundle.import_paths(city, [out], ypriv)
    return a


def test_tombstones_travel(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    a = one_enterprise_at_the_city(pair, tmp_path)
    enterprises.delete(county, [a])
    _r, out = send(county, cpriv, tmp_path, "b2")
    summary = bundle.import_paths(city, [out], ypriv)
    assert summary["bundles"][0]["counts"]["enterprise"]["deleted"] == 1
    assert enterprises.get(city, a) is None


def test_conflict_kept_and_resolved(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    a = one_enterprise_at_the_city(pair, tmp_path)
    enterprises.update(city, a, {"contact_person": "市里改的"})
    enterprises.update(county, a, {"contact_person": "县里改的"})
    _r, out = send(county, cpriv, tmp_path, "b2")
    summary = bundle.import_paths(city, [out], ypriv)
    assert summary["bundles"][0]["counts"]["enterprise"]["conflicts"] == 1
    assert enterprises.get(city, a)["contact_person"] == "市里改的"  # nothing overwritten silently
    [conflict] = bundle.conflicts(city)
    bundle.resolve(city, conflict["id"], "theirs")
    assert enterprises.get(city, a)["contact_person"] == "县里改的" and bundle.conflicts(city) == []


def test_gap_reported_later_bundles_still_import(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    enterprises.create(county, {"name": "甲", "credit_code": code(1), "county_code": "410482"})
    send(county, cpriv, tmp_path, "b1")  # bundle 1 never arrives
    enterprises.create(county, {"name": "乙", "credit_code": code(2), "county_code": "410482"})
    _r, out2 = send(county, cpriv, tmp_path, "b2")
    summary = bundle.import_paths(city, [out2], ypriv)
    assert "第 1 号同步包尚未收到" in summary["gaps"][0]
    assert (
        enterprises.count(city, EnterpriseFilter()) == 2
    )  # bundle 2 carries everything not yet acknowledged
    assert bundle.received(city)[0]["missing"] == [1]


def test_parts_join_in_any_order_and_missing_part(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    wordy_enterprises(county, 59, notes=400)
    result, out = send(county, cpriv, tmp_path, "parts", max_part_mb=0.003)
    assert len(result.files) > 2
    shuffled = list(reversed(result.files))
    assert len(bundle.collect(shuffled)) == 1
    result.files[1].unlink()
    with pytest.raises(BundleError) as err:
        bundle.collect([out])
    assert "缺少第 2 卷" in str(err.value)


def test_bad_bundles_rejected_database_unchanged(pair, tmp_path, db):
    county, city, cpriv, ypriv = pair
    enterprises.create(county, {"name": "甲", "credit_code": code(1), "county_code": "410482"})
    result, out = send(county, cpriv, tmp_path, "b1")
    path = result.files[0]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    altered = tmp_path / "altered" / path.name
    altered.parent.mkdir()
    altered.write_bytes(bytes(data))
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [altered], ypriv)
    assert "损坏或被改动" in str(err.value)
    with pytest.raises(BundleError) as err:
        bundle.import_paths(county, [path], cpriv)  # a bundle for another recipient
    assert "不是发给本单位" in str(err.value)
    assert enterprises.count(city, EnterpriseFilter()) == 0


def test_untrusted_sender_and_hostile_zip(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    import pyrage
    from pyrage import x25519

    recipient = x25519.Recipient.from_str(keys.own_public(city).age_recipient)
    manifest = {
        "format": 1,
        "kind": "data",
        "schema": "0007_sync",
        "bundle_id": "x" * 32,
        "sender": "410482",
        "recipient": "410400",
        "sequence": 1,
        "members": {"../../evil.txt": {"sha256": "", "size": 1}},
    }
    import io
    import json

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        raw = json.dumps(manifest).encode()
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", __import__("base64").b64encode(cpriv.signing.sign(raw)))
        archive.writestr("../../evil.txt", b"x")
    hostile = tmp_path / "h.hexie"
    hostile.write_bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [hostile], ypriv)
    assert "越出文件夹" in str(err.value)
    stranger = tmp_path / "s.hexie"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        raw = json.dumps({**manifest, "sender": "410421", "members": {}}).encode()
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", __import__("base64").b64encode(cpriv.signing.sign(raw)))
    stranger.write_bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [stranger], ypriv)
    assert "尚未被信任" in str(err.value)


def test_malformed_line_and_unknown_type(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    import io
    import json

    import pyrage
    from pyrage import x25519

    lines = "".join(json.dumps({"id": f"{n:032x}"}) + "\n" for n in range(10_000)).splitlines()
    lines[4999] = "{not json"
    members = {
        "records/enterprise.jsonl": ("\n".join(lines) + "\n").encode(),
        "records/spaceship.jsonl": b"{}\n",
    }
    manifest = {
        "format": 1,
        "kind": "data",
        "schema": "0007_sync",
        "bundle_id": "y" * 32,
        "sender": "410482",
        "recipient": "410400",
        "sequence": 1,
        "created": "",
        "members": {k: {"sha256": bundle.sha(v), "size": len(v)} for k, v in members.items()},
    }
    data = bundle.zip_bundle(manifest, members, cpriv)
    path = tmp_path / "m.hexie"
    path.write_bytes(
        pyrage.encrypt(data, [x25519.Recipient.from_str(keys.own_public(city).age_recipient)])
    )
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [path], ypriv)
    assert "第 5000 行不是有效的 JSON" in str(err.value) and "spaceship" in str(err.value)
    assert io  # used above


def test_eml_draft_parses_back(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    enterprises.create(county, {"name": "甲", "credit_code": code(1), "county_code": "410482"})
    result, _out = send(county, cpriv, tmp_path, "b1")
    eml = bundle.write_eml(
        result.files, "pds2978836@163.com", "汝州市", "平顶山市", tmp_path / "draft.eml"
    )
    message = email.message_from_bytes(eml.read_bytes())
    assert message["To"] == "pds2978836@163.com" and message["X-Unsent"] == "1"
    attachments = [p for p in message.walk() if p.get_filename()]
    assert [a.get_filename() for a in attachments] == [f.name for f in result.files]
    assert attachments[0].get_payload(decode=True) == result.files[0].read_bytes()


def test_opened_with_standard_age_tools(pair, tmp_path):
    """With the recovery sheet's identity, the bundle opens without the app (age format)."""
    county, city, cpriv, ypriv = pair
    enterprises.create(county, {"name": "甲", "credit_code": code(1), "county_code": "410482"})
    result, _out = send(county, cpriv, tmp_path, "b1")
    import pyrage
    from pyrage import x25519

    identity = x25519.Identity.from_str(keys.recovery_sheet(city, PASS)["age_identity"])
    archive = zipfile.ZipFile(
        __import__("io").BytesIO(pyrage.decrypt(Path(result.files[0]).read_bytes(), [identity]))
    )
    assert {"manifest.json", "manifest.sig", "records/enterprise.jsonl", "summary.xlsx"} <= set(
        archive.namelist()
    )


def test_neighbouring_county_gets_only_spreading_risks(db, tmp_path, office_keys, sync_office):
    from datetime import date

    from app.services.risk import risk_events
    from tests.sync_support import trust_each_other

    neighbour, neighbour_keys = sync_office("410425")
    county_keys = office_keys(db)
    trust_each_other(tmp_path, db, neighbour)
    a = enterprises.create(
        db, {"name": "汝州市甲建筑公司", "credit_code": code(1), "county_code": "410482"}
    )
    b = enterprises.create(
        db, {"name": "汝州市乙公司", "credit_code": code(2), "county_code": "410482"}
    )
    risk_events.save(
        db,
        risk_events.EventInput(a, "wage_claim", 80, 900000, date(2023, 8, 1), "跨县项目讨薪", True),
        today=date(2023, 9, 1),
    )
    risk_events.save(
        db,
        risk_events.EventInput(b, "work_stoppage", 10, None, date(2023, 8, 1), "本地", False),
        today=date(2023, 9, 1),
    )
    result = bundle.export(db, "410425", tmp_path / "n", county_keys)
    assert result.counts == {"enterprise": 1, "major_risk_event": 1}
    bundle.import_paths(neighbour, [tmp_path / "n"], neighbour_keys)
    assert (
        enterprises.get(neighbour, a)["name"] == "汝州市甲建筑公司"
        and enterprises.get(neighbour, b) is None
    )


def test_bundle_from_an_older_version_fills_new_columns(pair, tmp_path):
    county, city, cpriv, ypriv = pair
    import json

    import pyrage
    from pyrage import x25519

    row = {
        "id": "a" * 32,
        "created_at": "2023-01-01T00:00:00",
        "updated_at": "2023-01-01T00:00:00",
        "version": 1,
        "origin_office": "410482",
        "author": "x",
        "deleted": False,
        "name": "老版本企业",
        "credit_code": code(7),
        "county_code": "410482",
    }  # no address, industry, pinyin … columns
    members = {"records/enterprise.jsonl": (json.dumps(row, ensure_ascii=False) + "\n").encode()}
    manifest = {
        "format": 1,
        "kind": "data",
        "schema": "0001_register",
        "bundle_id": "z" * 32,
        "sender": "410482",
        "recipient": "410400",
        "sequence": 1,
        "created": "",
        "upto_seq": 1,
        "members": {k: {"sha256": bundle.sha(v), "size": len(v)} for k, v in members.items()},
    }
    path = tmp_path / "old.hexie"
    path.write_bytes(
        pyrage.encrypt(
            bundle.zip_bundle(manifest, members, cpriv),
            [x25519.Recipient.from_str(keys.own_public(city).age_recipient)],
        )
    )
    bundle.import_paths(city, [path], ypriv)
    assert enterprises.get(city, "a" * 32)["address"] == ""


def test_attachments_travel_when_chosen(pair, tmp_path):
    from datetime import date

    from app.services.ledger import attachments, ledger

    county, city, cpriv, ypriv = pair
    eid = enterprises.create(
        county, {"name": "甲", "credit_code": code(1), "county_code": "410482"}
    )
    item = ledger.add_manual(
        county, ledger.ManualItem(eid, "未签合同", date(2023, 9, 1), date(2023, 9, 30))
    )
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 evidence")
    attachments.add(county, item, scan)
    bundle.export(county, "410400", tmp_path / "b", cpriv, with_attachments=True)
    bundle.import_paths(city, [tmp_path / "b"], ypriv)
    [row] = attachments.list_for(city, item)
    assert row.state == "ok" and row.path.read_bytes() == b"%PDF-1.4 evidence"
    if os.name == "posix":  # personal data: owner-only, as the sender's copy
        assert stat.S_IMODE(row.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(row.path.parent.stat().st_mode) == 0o700


def test_truncated_part_and_oversized_member_and_unknown_field(pair, tmp_path):
    import io
    import json
    import zipfile as zf

    import pyrage
    from pyrage import x25519

    county, city, cpriv, ypriv = pair
    wordy_enterprises(county, 39, notes=300)
    result, out = send(county, cpriv, tmp_path, "parts", max_part_mb=0.003)
    part = result.files[0]
    part.write_bytes(part.read_bytes()[:-10])  # truncated in the mail
    with pytest.raises(BundleError) as err:
        bundle.collect([out])
    assert "已损坏" in str(err.value)

    recipient = x25519.Recipient.from_str(keys.own_public(city).age_recipient)
    big = b"0" * (bundle_format.MAX_MEMBER_BYTES + 1)
    members = {"records/enterprise.jsonl": big}
    manifest = {
        "format": 1,
        "kind": "data",
        "schema": "0007_sync",
        "bundle_id": "b" * 32,
        "sender": "410482",
        "recipient": "410400",
        "sequence": 1,
        "members": {k: {"sha256": "", "size": len(v)} for k, v in members.items()},
    }
    buffer = io.BytesIO()
    raw = json.dumps(manifest).encode()
    with zf.ZipFile(buffer, "w", zf.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", __import__("base64").b64encode(cpriv.signing.sign(raw)))
        archive.writestr("records/enterprise.jsonl", big)
    bomb = tmp_path / "bomb.hexie"
    bomb.write_bytes(pyrage.encrypt(buffer.getvalue(), [recipient]))
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [bomb], ypriv)
    assert "过大" in str(err.value)

    row = {"id": "c" * 32, "colour": "red"}
    members = {"records/enterprise.jsonl": (json.dumps(row) + "\n").encode()}
    manifest = {
        **manifest,
        "bundle_id": "c" * 32,
        "members": {k: {"sha256": bundle.sha(v), "size": len(v)} for k, v in members.items()},
    }
    odd = tmp_path / "odd.hexie"
    odd.write_bytes(pyrage.encrypt(bundle.zip_bundle(manifest, members, cpriv), [recipient]))
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [odd], ypriv)
    assert "未知字段：colour" in str(err.value)
    assert enterprises.count(city, EnterpriseFilter()) == 0


def test_record_edited_twice_there_and_once_here_is_a_conflict(pair, tmp_path):
    """Our own record, confirmed by the city's receipt: the city's later edits cannot silently replace ours."""
    county, city, cpriv, ypriv = pair
    a = enterprises.create(
        county, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    _r, out = send(county, cpriv, tmp_path, "b1")
    bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r1")
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)  # receipt: version 1 is the common base
    enterprises.update(county, a, {"contact_person": "县里改的"})  # v2 here
    enterprises.update(city, a, {"contact_person": "市里改一"})
    enterprises.update(city, a, {"contact_person": "市里改二"})  # v3 there
    bundle.export(city, "410482", tmp_path / "back", ypriv)
    summary = bundle.import_paths(county, [tmp_path / "back"], cpriv)
    assert summary["bundles"][0]["counts"]["enterprise"]["conflicts"] == 1
    assert enterprises.get(county, a)["contact_person"] == "县里改的"


def test_a_record_that_breaks_the_entry_rules_is_reported_by_record(pair, tmp_path):
    """A county database written before a rule existed: its bundle is refused and each
    offending record is named with the rule it breaks; the city is unchanged."""
    from sqlalchemy import update

    from app.models import Enterprise

    county, city, cpriv, ypriv = pair
    good = enterprises.create(
        county, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    bad = enterprises.create(
        county, {"name": "汝州市乙公司", "credit_code": code(2), "county_code": "410482"}
    )
    with county.session() as session:  # as an older version let it in
        session.execute(update(Enterprise).where(Enterprise.id == bad).values(contact_phone="abc"))
    _r, out = send(county, cpriv, tmp_path, "b1")
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [out], ypriv)
    message = str(err.value)
    assert bad in message and "不是电话号码" in message and good not in message
    assert enterprises.count(city, EnterpriseFilter()) == 0


def test_a_records_member_larger_than_an_evidence_file_may_be_is_read_in_blocks(
    pair, tmp_path, monkeypatch
):
    """A province's full bundle holds a 700 MB enterprise.jsonl: records are read a
    block at a time, so their own, larger bound applies; evidence files are read whole
    and keep the smaller one. Both scaled down here to 100 KB."""
    from app.services.sync import bundle_read

    county, city, cpriv, ypriv = pair
    wordy_enterprises(county, 40, notes=900)  # 5 KB of notes each: 200 KB of records
    _, out = send(county, cpriv, tmp_path, "big")
    monkeypatch.setattr(bundle_read, "MAX_MEMBER_BYTES", 100_000)
    monkeypatch.setattr(bundle_read, "MAX_RECORDS_MEMBER_BYTES", 100_000)
    with pytest.raises(BundleError, match="enterprise.jsonl.*过大"):
        bundle.import_paths(city, sorted(out.glob("*.hexie")), ypriv)
    assert enterprises.count(city, EnterpriseFilter()) == 0

    monkeypatch.setattr(bundle_read, "MAX_RECORDS_MEMBER_BYTES", 10_000_000)
    bundle.import_paths(city, sorted(out.glob("*.hexie")), ypriv)
    assert enterprises.count(city, EnterpriseFilter()) == 40


def test_bundles_to_two_offices_into_one_folder_keep_both(pair, sync_office, tmp_path):
    """Found in the issue-20 trial: the city's bundles to two counties, made in the
    same minute into one folder, had the same name (<office>-<time>-<seq>): the
    second replaced the first. The recipient is in the name."""
    from app.services.campaign import campaigns

    county, city, cpriv, ypriv = pair
    yexian, yexian_priv = sync_office("410422")
    keys.export_public(yexian, tmp_path / "yexian.pub")
    keys.trust(city, keys.read_public(tmp_path / "yexian.pub"))
    keys.trust(yexian, keys.read_public(tmp_path / "city.pub"))
    campaigns.save(city, campaigns.load_template(year=2023))
    out = tmp_path / "发件箱"
    first = bundle.export(city, "410482", out, ypriv)
    second = bundle.export(city, "410422", out, ypriv)
    assert "410482" in first.files[0].name and "410422" in second.files[0].name
    assert sorted(out.iterdir()) == sorted(first.files + second.files)
    for office, private, made in ((county, cpriv, first), (yexian, yexian_priv, second)):
        summary = bundle.import_paths(office, made.files, private)
        assert summary["bundles"][0]["counts"]["campaign"]["added"] == 1


def test_a_folder_shared_with_other_offices_files_imports_what_is_ours(pair, tmp_path):
    """The city's bundles to several counties share a folder (the recipient is in the
    name), and receipts lie beside the bundles they answer: importing the folder reads
    what is addressed to this office and leaves out, by name and with a note, what
    this office wrote and what is for another office (each would refuse the whole
    import). A file named on its own is still read, and refused."""
    county, city, cpriv, ypriv = pair
    enterprises.create(
        city, {"name": "市登记企业", "credit_code": code(7), "county_code": "410482"}
    )
    shared = tmp_path / "shared"
    bundle.export(city, "410482", shared, ypriv)
    other = shared / "410400至410423-202612021925-1.hexie"  # the city's bundle to another county
    stranger = x25519.Identity.generate().to_public()  # that county's key
    other.write_bytes(pyrage.encrypt(b"a bundle for someone else", [stranger]))
    ours = bundle.export(county, "410400", shared, cpriv).files[0]  # the county's own
    summary = bundle.import_paths(county, [shared], cpriv)
    assert [b["sender"] for b in summary["bundles"]] == ["410400"]
    assert sorted(summary["skipped"]) == sorted([other.name, ours.name])
    assert any(other.name in note for note in summary["gaps"])
    assert [Path(r).parent for r in summary["receipts"]] == [shared]
    again = bundle.import_paths(county, [shared], cpriv)  # now with its own receipt in it
    assert [b["already_imported"] for b in again["bundles"]] == [True]
    with pytest.raises(BundleError, match="不是发给本单位"):
        bundle.import_paths(county, [other], cpriv)


def test_a_full_bundle_after_a_receipt_carries_every_record_of_the_sender(pair, tmp_path):
    """全量 is what an office that lost its data is sent (README, 同步包): after a
    receipt it still carries every record of the sender's (it was empty: the
    versions the receipt confirmed were left out as echoes), never the recipient's
    own records it already has, and the recipient counts them as unchanged."""
    county, city, cpriv, ypriv = pair
    for n in (1, 2):
        enterprises.create(
            county, {"name": f"企业{n}", "credit_code": code(n), "county_code": "410482"}
        )
    enterprises.create(
        city, {"name": "市登记企业", "credit_code": code(9), "county_code": "410482"}
    )
    _first, out = send(county, cpriv, tmp_path, "b1")
    bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r1")
    bundle.export(city, "410482", tmp_path / "c1", ypriv)
    bundle.import_paths(county, [tmp_path / "c1"], cpriv, receipt_dir=tmp_path / "r2")
    bundle.import_paths(county, [tmp_path / "r1"], cpriv)  # the city confirms both records
    assert send(county, cpriv, tmp_path, "b2")[0].counts == {}  # nothing new
    full, out = send(county, cpriv, tmp_path, "b3", full=True)
    assert full.counts == {"enterprise": 2}  # the county's two, not the city's
    summary = bundle.import_paths(city, [out], ypriv, receipt_dir=tmp_path / "r3")
    counts = {b["name"]: b["counts"] for b in summary["bundles"]}
    assert counts[full.files[0].name]["enterprise"]["unchanged"] == 2


def test_a_folder_with_nothing_to_import_is_said_so(pair, tmp_path):
    """A wrong folder chosen imported nothing in silence (exit 0, an empty summary)."""
    county, _city, cpriv, _ypriv = pair
    empty = tmp_path / "空"
    empty.mkdir()
    (empty / "说明.txt").write_text("不是同步包", "utf-8")
    with pytest.raises(BundleError, match="没有 .hexie 文件"):
        bundle.import_paths(county, [empty], cpriv)
    sent = tmp_path / "已发出"
    bundle.export(county, "410400", sent, cpriv)  # only what the county sent itself
    with pytest.raises(BundleError, match="只有本单位发出的或发给其他单位的文件"):
        bundle.import_paths(county, [sent], cpriv)
