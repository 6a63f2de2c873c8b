"""Keeping the office's private keys at rest: both (the age identity that opens
bundles, the Ed25519 key that signs them) sealed together under one key derived
from the passphrase, and opening them again. Keys stored by an older version
(age's passphrase format and a PKCS#8 PEM) are still opened.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from app.models.db import Database


class KeyError_(ValueError):
    """A key problem, in words that say what to do."""


@dataclass
class PrivateKeys:
    age_identity: Any
    signing: Any


# The passphrase guards both private keys through one scrypt derivation of fixed
# cost (RFC 7914; N=2^17, r=8, p=1 is OWASP's recommended minimum): 128 MiB and
# about half a second here, on every PC the same. age's own passphrase format
# tunes its cost to the PC that made the key (256 MiB here, 1 GiB on a fast PC),
# and the signing key's PKCS#8 PEM used a cheap PBKDF2 that undid the scrypt.
KDF = {"n": 2**17, "r": 8, "p": 1}
MAX_KDF_N = 2**20  # a stored box asking for more is refused (it would eat the PC's memory)
BOX_FORMAT = "hexie-private-keys/2"


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def seal(passphrase: str, identity: Any, signing: Any) -> str:
    """Both private keys, encrypted with a key derived from the passphrase."""
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    raw = signing.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    payload = json.dumps(
        {"age_identity": str(identity), "signing": base64.b64encode(raw).decode()}
    ).encode()
    salt, nonce = os.urandom(16), os.urandom(12)
    box = ChaCha20Poly1305(_derive(passphrase, salt, **KDF)).encrypt(
        nonce, payload, BOX_FORMAT.encode()
    )
    return json.dumps(
        {
            "format": BOX_FORMAT,
            "kdf": "scrypt",
            **KDF,
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
            "box": base64.b64encode(box).decode(),
        }
    )


def open_sealed(passphrase: str, text: str) -> PrivateKeys:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from pyrage import x25519

    try:
        sealed = json.loads(text)
        n, r, p = (int(sealed[k]) for k in ("n", "r", "p"))
        if sealed.get("format") != BOX_FORMAT or not (2 <= n <= MAX_KDF_N and r <= 32 and p <= 4):
            raise ValueError("format")
        salt, nonce, box = (base64.b64decode(sealed[k]) for k in ("salt", "nonce", "box"))
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyError_("本单位的私钥记录已损坏：请用打印的恢复单恢复密钥。") from exc
    try:
        payload = json.loads(
            ChaCha20Poly1305(_derive(passphrase, salt, n, r, p)).decrypt(
                nonce, box, BOX_FORMAT.encode()
            )
        )
    except InvalidTag as exc:
        raise KeyError_(
            "口令不对，无法打开本单位的私钥。请重新输入（注意大小写和输入法）。"
        ) from exc
    return PrivateKeys(
        x25519.Identity.from_str(payload["age_identity"]),
        Ed25519PrivateKey.from_private_bytes(base64.b64decode(payload["signing"])),
    )


def store_private(db: Database, sealed: str) -> None:
    """Write the sealed private keys and drop the older format's rows."""
    from app.models import Setting

    with db.session() as session:
        session.merge(Setting(key="keys.private", value=sealed))
        for legacy in ("keys.age_identity", "keys.signing_private"):
            row = session.get(Setting, legacy)
            if row is not None:
                session.delete(row)


def unlock_legacy(db: Database, passphrase: str) -> PrivateKeys:
    from cryptography.hazmat.primitives import serialization
    from pyrage import DecryptError, x25519
    from pyrage import passphrase as age_passphrase

    try:
        identity_text = age_passphrase.decrypt(
            base64.b64decode(db.get_setting("keys.age_identity")), passphrase
        ).decode()
        signing = serialization.load_pem_private_key(
            db.get_setting("keys.signing_private").encode(), passphrase.encode()
        )
    except (DecryptError, ValueError, TypeError) as exc:
        raise KeyError_(
            "口令不对，无法打开本单位的私钥。请重新输入（注意大小写和输入法）。"
        ) from exc
    return PrivateKeys(x25519.Identity.from_str(identity_text), signing)
