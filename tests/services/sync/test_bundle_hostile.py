"""Bad bundles from trusted offices: every one is a rejection with a message in
plain words, never a traceback, and the city's database is unchanged."""

from __future__ import annotations

import json
import os
import uuid
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle
from app.services.sync.bundle import BundleError
from tests.pg_support import read
from tests.sync_support import (
    CITY,
    craft,
    jsonl,
    manifest_for,
    raw_zip,
    record_row,
    seal,
    snapshot,
    trust_each_other,
)


@pytest.fixture
def offices(sync_office, tmp_path):
    """The city and two counties, each trusting the others."""
    city, city_keys = sync_office(CITY)
    a, a_keys = sync_office("410421")
    b, b_keys = sync_office("410422")
    (tmp_path / "pub").mkdir()
    trust_each_other(tmp_path / "pub", city, a, b)
    return {"city": (city, city_keys), "a": (a, a_keys), "b": (b, b_keys)}


def rejected(db, private, path, *expected):
    """Import `path`; it must be refused with all of `expected` in the message, and
    the database must be exactly as before."""
    before = snapshot(db)
    with pytest.raises(BundleError) as err:
        bundle.import_paths(db, [path], private)
    message = str(err.value)
    for text in expected:
        assert text in message, message
    assert snapshot(db) == before
    return message


BAD_LINES = [
    (b"[1, 2, 3]\n", "不是一条记录"),
    (b'{"name": "no id"}\n', "deleted、id、origin_office、version"),
    (None, "字段 version 的类型不对"),  # version "abc"
    (None, "不是有效的日期"),  # registration_date "2023-13-45"
    (None, "不是有效的时间"),  # updated_at with a time zone
    (None, "数值超出范围"),  # employee_count 2**70
    (None, "编号（id）不是有效的格式"),  # id "../../x"
    (None, "所属单位代码不是 6 位区划代码"),
    (None, "字段 name 不能为空"),
    (None, "不成对的代理项"),  # a lone surrogate SQLite cannot store
    (b"\xff\xfe not utf-8\n", "不是 UTF-8 文本"),
    (b"{not json\n", "不是有效的 JSON"),
]


def _line(n: int, sender: str) -> bytes:
    variants = {
        2: {"version": "abc"},
        3: {"registration_date": "2023-13-45"},
        4: {"updated_at": "2023-07-01T08:00:00+08:00"},
        5: {"employee_count": 2**70},
        6: {"id": "../../x"},
        7: {"origin_office": "41042"},
        8: {"name": None},
    }
    if n == 9:
        return json.dumps(record_row(sender, name="\ud800")).encode() + b"\n"
    return jsonl(record_row(sender, **variants[n]))


@pytest.mark.parametrize("case", range(len(BAD_LINES)))
def test_each_malformed_line_is_a_rejection(offices, tmp_path, case):
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    line, expected = BAD_LINES[case]
    body = jsonl(record_row("410421", name="好的一行")) + (line or _line(case, "410421"))
    path = craft(tmp_path / "bad.hexie", "410421", a_keys, city, {"records/enterprise.jsonl": body})
    message = rejected(city, city_keys, path, expected, "整包未导入")
    assert "Traceback" not in message
    assert enterprises.count(city, EnterpriseFilter()) == 0  # the good line was not kept either


def test_duplicate_id_and_missing_parent(offices, tmp_path):
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    row = record_row("410421")
    orphan = {
        **record_row("410421"),
        "enterprise_id": "f" * 32,
        "matter": "未签劳动合同",
        "found_on": "2023-07-01",
        "deadline": "2023-08-01",
        "original_deadline": "2023-08-01",
    }
    for key in ("name", "credit_code", "county_code"):
        orphan.pop(key)
    members = {
        "records/enterprise.jsonl": jsonl(row, row),
        "records/rectification_item.jsonl": jsonl(orphan),
    }
    path = craft(tmp_path / "dup.hexie", "410421", a_keys, city, members)
    rejected(city, city_keys, path, "重复", f"引用的企业 {'f' * 32} 不存在")


def test_manifest_not_an_object_and_wrong_field_types(offices, tmp_path):
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    for n, (body, expected) in enumerate(
        [
            (b"[1, 2]", "清单不是有效的格式"),
            (b'"just text"', "清单不是有效的格式"),
            (b"{not json", "清单或签名不是有效的格式"),
            (
                json.dumps({**manifest_for("410421", CITY, {}), "sequence": "1"}).encode(),
                "sequence",
            ),
            (json.dumps({**manifest_for("410421", CITY, {}), "members": []}).encode(), "members"),
            (
                json.dumps({**manifest_for("410421", CITY, {}), "sender": "../x"}).encode(),
                "6 位区划代码",
            ),
            (json.dumps({**manifest_for("410421", CITY, {}), "kind": "evil"}).encode(), "无法识别"),
            (
                json.dumps({**manifest_for("410421", CITY, {}), "created": "昨天"}).encode(),
                "生成时间",
            ),
            (
                json.dumps(
                    {**manifest_for("410421", CITY, {}), "members": {"x": "not a dict"}}
                ).encode(),
                "缺少校验值",
            ),
        ]
    ):
        path = seal(tmp_path / f"m{n}.hexie", raw_zip(body, a_keys, {}), city)
        rejected(city, city_keys, path, expected)
    # a signature that is not base64, and no signature at all
    body = json.dumps(manifest_for("410421", CITY, {})).encode()
    path = seal(tmp_path / "sig.hexie", raw_zip(body, a_keys, {}, signature=b"%%%"), city)
    rejected(city, city_keys, path, "签名不是有效的格式")


def test_crc_error_in_manifest_and_in_records(offices, tmp_path):
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    records = jsonl(record_row("410421", name="校验码测试公司"))
    members = {"records/enterprise.jsonl": records}
    body = json.dumps(manifest_for("410421", CITY, members), ensure_ascii=False).encode()
    for target, expected in ((body, "manifest.json"), (records, "records/enterprise.jsonl")):
        zipped = bytearray(raw_zip(body, a_keys, members, method=zipfile.ZIP_STORED))
        at = bytes(zipped).index(target) + len(target) // 2
        zipped[at] ^= 0x20  # one bit flipped inside the stored member: its CRC no longer matches
        path = seal(tmp_path / f"crc-{len(target)}.hexie", bytes(zipped), city)
        rejected(city, city_keys, path, expected, "损坏")


def test_damaged_outer_files_and_parts(offices, tmp_path):
    city, city_keys = offices["city"]
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "garbage.hexie").write_bytes(b"not an age file at all")
    rejected(city, city_keys, tmp_path / "x", "损坏或被改动")
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "a.hexie.part1of2").write_bytes(b"HEXIE-PART/1\n[1,2]\n" + b"x" * 10)
    rejected(city, city_keys, tmp_path / "y", "分卷信息不完整")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "a.hexie.part1of2").write_bytes(
        b'HEXIE-PART/1\n{"bundle": "a", "part": 3, "parts": 2, "sha256": "", "total_sha256": ""}\n'
    )
    rejected(city, city_keys, tmp_path / "z", "分卷信息不完整")
    (tmp_path / "w").mkdir()
    seal(tmp_path / "w" / "notzip.hexie", b"PK\x03\x04 broken zip", city)
    rejected(city, city_keys, tmp_path / "w", "不是有效的同步包")


HOSTILE_NAMES = [
    ("/etc/cron.d/evil", "绝对路径"),
    ("C:/Windows/System32/evil.dll", "盘符"),
    ("c:evil.pdf", "盘符"),
    ("..\\..\\evil.pdf", "反斜杠"),
    ("a/../../evil.pdf", ".."),
    ("evil\x00.pdf", "空字符"),
    ("CON", "保留名"),
    ("folder/nul.txt", "保留名"),
    ("LPT1.pdf", "保留名"),
    ("trailing.", "以空格或点结尾"),
]


@pytest.mark.parametrize(("stored", "why"), HOSTILE_NAMES)
def test_attachment_paths_that_choose_a_place_are_refused(offices, tmp_path, stored, why):
    from app.services.core import record_files

    city, city_keys = offices["city"]
    a, a_keys = offices["a"]
    firm = record_row("410421")
    item = {
        **record_row("410421"),
        "enterprise_id": firm["id"],
        "matter": "未签劳动合同",
        "found_on": "2023-07-01",
        "deadline": "2023-08-01",
        "original_deadline": "2023-08-01",
    }
    for key in ("name", "credit_code", "county_code"):
        item.pop(key)
    data = b"%PDF-1.4 evidence"
    digest = bundle.sha(data)
    attachment = {
        **{k: item[k] for k in ("created_at", "updated_at", "version", "origin_office", "author")},
        "id": record_row("410421")["id"],
        "deleted": False,
        "item_id": item["id"],
        "file_name": "扫描件.pdf",
        "stored_name": stored,
        "sha256": digest,
        "size": len(data),
    }
    members = {
        "records/enterprise.jsonl": jsonl(firm),
        "records/rectification_item.jsonl": jsonl(item),
        "records/attachment.jsonl": jsonl(attachment),
        f"attachments/{digest}": data,
    }
    path = craft(tmp_path / "files.hexie", "410421", a_keys, city, members)
    rejected(city, city_keys, path, why, "整包未导入")
    assert not list(record_files.folder(city).rglob("*"))
    # the same file under a harmless stored name is kept under its hash, never that name
    attachment["stored_name"] = "x/扫描件.pdf"
    members["records/attachment.jsonl"] = jsonl(attachment)
    path = craft(tmp_path / "files-ok.hexie", "410421", a_keys, city, members)
    bundle.import_paths(city, [path], city_keys)
    if city.is_server:  # kept in the database, under its hash (shared_files)
        [(content,)] = read(city.address, "SELECT content FROM stored_file")
        assert bytes(content) == data
    else:
        kept = record_files.folder(city) / record_files.received_name(digest, "扫描件.pdf")
        assert kept.read_bytes() == data
    assert not (record_files.folder(city) / "x").exists()
    assert a  # the county itself never wrote anything here


def test_files_json_of_a_guidance_activity_is_checked(offices, tmp_path):
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    activity = {
        **record_row("410421"),
        "held_on": "2023-08-01",
        "kind": "lecture",
        "title": "送法进企业",
        "files_json": json.dumps(
            [{"file_name": "现场.jpg", "stored_name": "/tmp/evil.jpg", "sha256": "0" * 64}]
        ),
    }
    for key in ("name", "credit_code", "county_code"):
        activity.pop(key)
    path = craft(
        tmp_path / "g.hexie",
        "410421",
        a_keys,
        city,
        {"records/guidance_activity.jsonl": jsonl(activity)},
    )
    rejected(city, city_keys, path, "绝对路径")


# -- fuzzing: any value anywhere in a record, any manifest field -------------------------

# HEXIE_FUZZ_EXAMPLES=1000 for a longer run (the suite keeps it short).
FUZZ_EXAMPLES = int(os.environ.get("HEXIE_FUZZ_EXAMPLES", "40"))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = st.sampled_from(
    [
        "id",
        "version",
        "origin_office",
        "deleted",
        "created_at",
        "updated_at",
        "name",
        "credit_code",
        "employee_count",
        "registration_date",
        "has_union",
        "nonsense",
    ]
)


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    changes=st.lists(st.tuples(FIELDS, JSON_VALUES), min_size=1, max_size=4),
    manifest_key=st.sampled_from(["sequence", "upto_seq", "full", "created", "counts", None]),
    manifest_value=JSON_VALUES,
    drop_line_end=st.booleans(),
    raw_line=st.none() | st.binary(max_size=80),
)
def test_fuzzed_bundles_never_end_in_a_traceback(
    offices, tmp_path, changes, manifest_key, manifest_value, drop_line_end, raw_line
):
    """Whatever a trusted office's bundle holds, the import either succeeds or is a
    BundleError; when it is refused the city's database is exactly as it was."""
    city, city_keys = offices["city"]
    _a, a_keys = offices["a"]
    row = record_row("410421")
    for key, value in changes:
        row[key] = value
    body = jsonl(record_row("410421"), row) + (raw_line or b"")
    if drop_line_end:
        body = body.rstrip(b"\n")
    extra = {manifest_key: manifest_value} if manifest_key else {}
    path = craft(
        tmp_path / "fuzz" / f"{uuid.uuid4().hex}.hexie",
        "410421",
        a_keys,
        city,
        {"records/enterprise.jsonl": body},
        **extra,
    )
    before = snapshot(city)
    try:
        bundle.import_paths(city, [path], city_keys, receipt_dir=tmp_path / "receipts")
    except BundleError as exc:
        assert str(exc) and snapshot(city) == before
    path.unlink()
