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

from app.models import PeerKey
from app.models.base import utcnow
from app.models.db import Database
from app.owner_only import private_file
from app.services.core import office
from app.services.sync.key_sealing import (
    KeyError_,
    PrivateKeys,
    open_sealed,
    seal,
    store_private,
    unlock_legacy,
)

__all__ = ["KeyError_", "PrivateKeys"]

KEY_FILE_FORMAT = "hexie-public-key/1"


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
    sealed = seal(passphrase, identity, signing)
    db.set_settings(
        {
            "keys.age_recipient": str(identity.to_public()),
            "keys.signing_public": base64.b64encode(public_raw).decode(),
            "keys.created": utcnow().isoformat(timespec="seconds"),
        }
    )
    store_private(db, sealed)
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


def unlock(db: Database, passphrase: str) -> PrivateKeys:
    """The private keys, opened with the passphrase. Keys stored by an older version
    (age's passphrase format and a PEM) are opened once that way and stored again
    in the current one."""
    if not has_keys(db):
        raise KeyError_("本单位还没有密钥。请先生成密钥。")
    sealed = db.get_setting("keys.private")
    if sealed:
        return open_sealed(passphrase, sealed)
    private = unlock_legacy(db, passphrase)
    store_private(db, seal(passphrase, private.age_identity, private.signing))
    return private


def export_public(db: Database, out: str | Path) -> Path:
    out = Path(out)
    out.write_text(own_public(db).to_json(), "utf-8")
    private_file(out)
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


class KeyReplacementNeeded(KeyError_):
    """A different key for an office already trusted: only an explicit replacement
    (`--replace`, a separate confirmation in the window) may change it."""

    def __init__(self, office_code: str, name: str, old: str, new: str) -> None:
        super().__init__(
            f"已信任 {name}（{office_code}）的另一把密钥：\n"
            f"  现在信任的指纹：{old}\n"
            f"  这个公钥文件的指纹：{new}\n"
            "如果对方确实更换了密钥，请先打电话核对新指纹，再明确选择“更换密钥”"
            "（命令行：hexie keys trust --replace）；旧密钥会作废，并记下作废日期。"
            "如果对方没有更换密钥，这个文件可能是伪造的，请不要信任。"
        )
        self.office_code, self.old_fingerprint, self.new_fingerprint = office_code, old, new


@dataclass(frozen=True)
class TrustResult:
    """What trust() did: "new", "same" (already trusted, nothing changed) or "replaced"."""

    outcome: str
    fingerprint: str
    old_fingerprint: str = ""


def trusted_fingerprint(db: Database, office_code: str) -> str:
    """The fingerprint trusted for `office_code` now, or "" if none."""
    with db.session() as session:
        row = session.get(PeerKey, office_code)
        return row.fingerprint if row else ""


# What names an office's key, alike in a public key file, a trusted key (PeerKey)
# and a replaced one kept (RevokedPeerKey): copied whole from one to the other.
_KEY_COLUMNS = ("office_code", "name", "age_recipient", "signing_public", "fingerprint")


def _key_values(source: PublicKey | PeerKey) -> dict[str, str]:
    return {column: getattr(source, column) for column in _KEY_COLUMNS}


def trust(db: Database, key: PublicKey, *, email: str = "", replace: bool = False) -> TrustResult:
    """Trust `key` for its office. A different key for an office already trusted
    raises KeyReplacementNeeded unless `replace`: then the old key is kept as
    revoked, dated now, and bundles it signs later are refused."""
    from app.models import RevokedPeerKey

    if key.office_code == db.office_code:
        raise KeyError_("这是本单位自己的公钥，不需要信任。请导入对方单位导出的公钥文件。")
    with db.session() as session:
        existing = session.get(PeerKey, key.office_code)
        if existing is None:
            session.add(PeerKey(**_key_values(key), email=email or key.email))
            return TrustResult("new", key.fingerprint)
        if existing.fingerprint == key.fingerprint:
            if email and email != existing.email:
                existing.email = email
            return TrustResult("same", key.fingerprint)
        if not replace:
            raise KeyReplacementNeeded(
                key.office_code, existing.name or key.name, existing.fingerprint, key.fingerprint
            )
        old = existing.fingerprint
        session.add(
            RevokedPeerKey(
                **_key_values(existing),
                trusted_at=existing.trusted_at,
                revoked_at=utcnow(),
                replaced_by=key.fingerprint,
            )
        )
        existing.age_recipient, existing.signing_public = key.age_recipient, key.signing_public
        existing.fingerprint, existing.trusted_at = key.fingerprint, utcnow()
        existing.name = key.name or existing.name
        if email or key.email:
            existing.email = email or key.email
        return TrustResult("replaced", key.fingerprint, old)


@dataclass(frozen=True)
class RevokedKey:
    office_code: str
    name: str
    fingerprint: str
    signing_public: str
    trusted_at: datetime
    revoked_at: datetime
    replaced_by: str


def revoked_keys(db: Database, office_code: str | None = None) -> list[RevokedKey]:
    """Keys replaced for an office (or every office), oldest revocation first."""
    from sqlalchemy import select

    from app.models import RevokedPeerKey

    stmt = select(RevokedPeerKey).order_by(RevokedPeerKey.revoked_at, RevokedPeerKey.id)
    if office_code is not None:
        stmt = stmt.where(RevokedPeerKey.office_code == office_code)
    with db.reader() as conn:
        return [
            RevokedKey(
                r.office_code,
                r.name,
                r.fingerprint,
                r.signing_public,
                r.trusted_at,
                r.revoked_at,
                r.replaced_by,
            )
            for r in conn.execute(stmt)
        ]


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
