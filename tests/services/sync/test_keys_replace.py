"""A different key for an office already trusted: only an explicit replacement,
showing both fingerprints; the old key kept as revoked with its date, and what it
signs after that date refused."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app.models.base import utcnow
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle, keys
from app.services.sync.bundle import BundleError
from tests.builders import code
from tests.sync_support import CITY, craft, jsonl, record_row, snapshot, trust_each_other


def test_replacing_a_trusted_key(sync_office, office_keys, tmp_path):
    city, city_keys = sync_office(CITY)
    county, old_keys = sync_office("410421")
    other, _other_keys = sync_office("410422")
    (tmp_path / "pub").mkdir()
    trust_each_other(tmp_path / "pub", city, county, other)
    old_fingerprint = keys.own_public(county).fingerprint
    enterprises.create(
        county, {"name": "宝丰县甲公司", "credit_code": code(1, "410421"), "county_code": "410421"}
    )
    before_change = bundle.export(county, CITY, tmp_path / "old", old_keys)

    new_keys = office_keys(county, generation=1)  # the county's PC was replaced: new keys
    new_pub = keys.export_public(county, tmp_path / "new.pub")
    new_fingerprint = keys.own_public(county).fingerprint
    assert new_fingerprint != old_fingerprint
    with pytest.raises(keys.KeyReplacementNeeded) as err:
        keys.trust(city, keys.read_public(new_pub))
    assert old_fingerprint in str(err.value) and new_fingerprint in str(err.value)
    assert keys.trusted_fingerprint(city, "410421") == old_fingerprint  # unchanged
    assert keys.revoked_keys(city) == []

    result = keys.trust(city, keys.read_public(new_pub), replace=True)
    assert (result.outcome, result.old_fingerprint) == ("replaced", old_fingerprint)
    [revoked] = keys.revoked_keys(city)
    assert revoked.fingerprint == old_fingerprint and revoked.replaced_by == new_fingerprint
    assert revoked.revoked_at <= utcnow()
    assert keys.trust(city, keys.read_public(new_pub)).outcome == "same"

    # made before the replacement: still the county's bundle
    bundle.import_paths(city, before_change.files, city_keys)
    assert enterprises.count(city, EnterpriseFilter()) == 1
    # signed with the old key after it was revoked: refused, saying so
    later = (revoked.revoked_at + timedelta(minutes=5)).isoformat(timespec="seconds")
    stale = craft(
        tmp_path / "stale.hexie",
        "410421",
        old_keys,
        city,
        {"records/enterprise.jsonl": jsonl(record_row("410421", credit_code=code(2, "410421")))},
        created=later,
    )
    before = snapshot(city)
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [stale], city_keys)
    message = str(err.value)
    assert "已作废的旧密钥" in message and old_fingerprint in message
    assert f"{revoked.revoked_at:%Y-%m-%d}" in message
    assert snapshot(city) == before
    # the new key's bundles are taken
    enterprises.create(
        county, {"name": "宝丰县乙公司", "credit_code": code(3, "410421"), "county_code": "410421"}
    )
    fresh = bundle.export(county, CITY, tmp_path / "new", new_keys)
    bundle.import_paths(city, fresh.files, city_keys)
    assert enterprises.count(city, EnterpriseFilter()) == 2
    # nobody trusts its own key as a peer
    with pytest.raises(keys.KeyError_):
        keys.trust(city, keys.own_public(city))
    assert other


@pytest.mark.one_engine(
    "age's passphrase work factor; key rows on both engines: test_replacing_a_trusted_key"
)
def test_keys_stored_by_an_older_version_open_and_are_sealed_again(db, production_kdf):
    """Before 0.1 keys were kept in age's passphrase format (its cost tuned to the PC:
    256 MiB to 1 GiB to open) and a PEM; they still open, and are stored again under
    the fixed-cost scrypt box, the old rows dropped."""
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from pyrage import passphrase as age_passphrase
    from pyrage import x25519

    identity, signing = x25519.Identity.generate(), Ed25519PrivateKey.generate()
    public = signing.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    db.set_settings(
        {
            "keys.age_recipient": str(identity.to_public()),
            "keys.age_identity": base64.b64encode(
                age_passphrase.encrypt(str(identity).encode(), "old passphrase")
            ).decode(),
            "keys.signing_public": base64.b64encode(public).decode(),
            "keys.signing_private": signing.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(b"old passphrase"),
            ).decode(),
        }
    )
    with pytest.raises(keys.KeyError_, match="口令不对"):
        keys.unlock(db, "wrong passphrase")
    opened = keys.unlock(db, "old passphrase")
    assert str(opened.age_identity) == str(identity)
    assert (
        db.get_setting("keys.age_identity") == "" and db.get_setting("keys.signing_private") == ""
    )
    sealed = json.loads(db.get_setting("keys.private"))
    assert (sealed["kdf"], sealed["n"], sealed["r"]) == ("scrypt", 2**17, 8)
    again = keys.unlock(db, "old passphrase")  # now from the sealed box
    message = b"manifest"
    assert again.signing.sign(message) == signing.sign(message)  # Ed25519 is deterministic
    db.set_settings({"keys.private": "{broken"})
    with pytest.raises(keys.KeyError_, match="恢复单"):
        keys.unlock(db, "old passphrase")
