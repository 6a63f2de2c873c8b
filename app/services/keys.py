"""The office's key pair for sync bundles, and the peers it trusts.

Encryption uses the age format (pyrage, X25519): a bundle can be opened with the
standard `age` tool given the key, so losing the app never means losing access.
Signing uses Ed25519 (cryptography). Private keys are kept in the database only
encrypted with the office's passphrase; the printable recovery sheet holds them
in the clear, to be locked away.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.models import PeerKey
from app.models.base import utcnow
from app.models.db import Database
from app.services import office

KEY_FILE_FORMAT = "hexie-public-key/1"


class KeyError_(ValueError):
    """A key problem, in words that say what to do."""


@dataclass(frozen=True)
class PublicKey:
    office_code: str
    name: str
    age_recipient: str
    signing_public: str  # base64 of the raw 32-byte Ed25519 key
    email: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.age_recipient, self.signing_public)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "office_code": self.office_code,
                "name": self.name,
                "age_recipient": self.age_recipient,
                "signing_public": self.signing_public,
                "email": self.email,
            },
            ensure_ascii=False,
            indent=2,
        )


def fingerprint(age_recipient: str, signing_public: str) -> str:
    """20 hex digits in groups of four: short enough to read over the phone."""
    digest = hashlib.sha256(f"{age_recipient}\n{signing_public}".encode()).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise KeyError_(
            "口令至少 8 个字符。请设一个只有本单位负责人知道的口令，并抄在恢复单上锁好。"
        )


def has_keys(db: Database) -> bool:
    return bool(db.get_setting("keys.age_recipient"))


def init(db: Database, passphrase: str, *, replace: bool = False) -> PublicKey:
    """Make the office's key pair, protected by `passphrase`."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from pyrage import passphrase as age_passphrase
    from pyrage import x25519

    if has_keys(db) and not replace:
        raise KeyError_(
            "本单位已有密钥。重新生成会使对方无法再验证本单位的同步包；确需更换请先与对方联系。"
        )
    _check_passphrase(passphrase)
    identity = x25519.Identity.generate()
    signing = Ed25519PrivateKey.generate()
    public_raw = signing.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    pem = signing.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    db.set_settings(
        {
            "keys.age_recipient": str(identity.to_public()),
            "keys.age_identity": base64.b64encode(
                age_passphrase.encrypt(str(identity).encode(), passphrase)
            ).decode(),
            "keys.signing_public": base64.b64encode(public_raw).decode(),
            "keys.signing_private": pem.decode(),
            "keys.created": utcnow().isoformat(timespec="seconds"),
        }
    )
    return own_public(db)


def own_public(db: Database) -> PublicKey:
    if not has_keys(db):
        raise KeyError_("本单位还没有密钥。请先在“设置 → 密钥”中生成（命令行：hexie keys init）。")
    o = office.current(db)
    return PublicKey(
        o.code if o else "",
        o.name if o else "",
        db.get_setting("keys.age_recipient"),
        db.get_setting("keys.signing_public"),
        db.get_setting("keys.email"),
    )


@dataclass
class PrivateKeys:
    age_identity: Any
    signing: Any


def unlock(db: Database, passphrase: str) -> PrivateKeys:
    from cryptography.hazmat.primitives import serialization
    from pyrage import DecryptError, x25519
    from pyrage import passphrase as age_passphrase

    if not has_keys(db):
        raise KeyError_("本单位还没有密钥。请先生成密钥。")
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


def export_public(db: Database, out: str | Path) -> Path:
    out = Path(out)
    out.write_text(own_public(db).to_json(), "utf-8")
    return out


def read_public(path: str | Path) -> PublicKey:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KeyError_(
            f"无法读取公钥文件 {Path(path).name}：请确认是对方用“导出公钥”得到的 .pub 文件。"
        ) from exc
    if data.get("format") != KEY_FILE_FORMAT:
        raise KeyError_("这不是和谐台账的公钥文件。")
    try:
        key = PublicKey(
            data["office_code"],
            data.get("name", ""),
            data["age_recipient"],
            data["signing_public"],
            data.get("email", ""),
        )
        from pyrage import x25519

        x25519.Recipient.from_str(key.age_recipient)
        if len(base64.b64decode(key.signing_public)) != 32:
            raise ValueError("signing key")
    except Exception as exc:  # noqa: BLE001 - any malformed field
        raise KeyError_("公钥文件内容不完整或已损坏，请让对方重新导出。") from exc
    return key


def trust(db: Database, key: PublicKey, *, email: str = "") -> None:
    with db.session() as session:
        existing = session.get(PeerKey, key.office_code)
        if existing and existing.fingerprint != key.fingerprint:
            existing.age_recipient, existing.signing_public = key.age_recipient, key.signing_public
            existing.fingerprint, existing.trusted_at = key.fingerprint, utcnow()
        elif existing is None:
            session.add(
                PeerKey(
                    office_code=key.office_code,
                    name=key.name,
                    age_recipient=key.age_recipient,
                    signing_public=key.signing_public,
                    fingerprint=key.fingerprint,
                    email=email or key.email,
                )
            )


def peers(db: Database) -> list[PeerKey]:
    from sqlalchemy import select

    with db.session() as session:
        rows = list(session.execute(select(PeerKey).order_by(PeerKey.office_code)).scalars())
        for r in rows:
            session.expunge(r)
        return rows


def peer(db: Database, code: str) -> PeerKey:
    with db.session() as session:
        row = session.get(PeerKey, code)
        if row is None:
            raise KeyError_(f"尚未信任区划代码为 {code} 的单位：请先导入对方的公钥文件并核对指纹。")
        session.expunge(row)
        return row


def recovery_sheet(db: Database, passphrase: str) -> dict[str, str]:
    """What the printed recovery sheet holds: the age identity (usable with the `age`
    tool) and the signing key, in the clear."""
    from cryptography.hazmat.primitives import serialization

    keys = unlock(db, passphrase)
    public = own_public(db)
    pem = keys.signing.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return {
        "office": f"{public.name}（{public.office_code}）",
        "fingerprint": public.fingerprint,
        "age_identity": str(keys.age_identity),
        "signing_private": pem.decode(),
        "printed": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }
