"""What this office knows about its exchanges: trusted peers, bundles received,
the version of each record at the last exchange, and conflicts to resolve.
Local bookkeeping: none of these travel."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, live_index, utcnow


class PeerKey(Base):
    """A trusted office: its public keys, and how far our exchange with it has got."""

    __tablename__ = "peer_key"

    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    age_recipient: Mapped[str] = mapped_column(String(100), nullable=False)
    signing_public: Mapped[str] = mapped_column(String(100), nullable=False)  # Ed25519, base64
    fingerprint: Mapped[str] = mapped_column(String(40), nullable=False)
    email: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    trusted_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    acked_seq: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0
    )  # our change_seq the peer confirmed
    sent_sequence: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0
    )  # bundles sent to the peer
    last_sent_hash: Mapped[str] = mapped_column(String(64), nullable=False, default="")


class RevokedPeerKey(Base):
    """A key an office used before its key was replaced (`hexie keys trust --replace`).
    Kept so the replacement stays visible, and so a bundle it signs after
    `revoked_at` is refused with a message that says so."""

    __tablename__ = "revoked_peer_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office_code: Mapped[str] = mapped_column(String(12), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    age_recipient: Mapped[str] = mapped_column(String(100), nullable=False)
    signing_public: Mapped[str] = mapped_column(String(100), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(40), nullable=False)
    trusted_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    revoked_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    replaced_by: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class ImportedBundle(Base):
    __tablename__ = "imported_bundle"

    bundle_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sender: Mapped[str] = mapped_column(String(12), nullable=False, index=True)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="data")  # data / receipt
    file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    upto_seq: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0
    )  # the sender's change_seq
    counts_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class RecordSyncBase(Base):
    """The version a record had when it was last exchanged with a peer: a record
    changed on both sides since then is a conflict."""

    __tablename__ = "record_sync_base"
    # One row per record and peer (300,000 after a city's merge): kept in its primary
    # key's own B-tree, half the size and a third faster to fill than with a rowid.
    __table_args__ = {"sqlite_with_rowid": False}

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    peer: Mapped[str] = mapped_column(String(12), primary_key=True)
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    peer: Mapped[str] = mapped_column(String(12), nullable=False)
    incoming_json: Mapped[str] = mapped_column(Text, nullable=False)
    local_json: Mapped[str] = mapped_column(Text, nullable=False)
    detected_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    status: Mapped[str] = mapped_column(
        String(10), nullable=False, default="open"
    )  # open / resolved
    resolution: Mapped[str] = mapped_column(String(20), nullable=False, default="")

    # One open conflict per record and office: a later bundle from that office updates
    # it instead of adding another. A record has a second one only when another office
    # proposes a change to it too (two counties' edits of a city record are both kept).
    __table_args__ = (
        live_index(
            "uq_sync_conflict_open_record",
            "table_name",
            "record_id",
            "peer",
            unique=True,
            where="status = 'open'",
        ),
    )


class SentBundle(Base):
    """A bundle sent to a peer. When the peer's receipt confirms it, the versions it
    carried (SentVersion) become the versions last exchanged (RecordSyncBase), so a
    record edited on both sides afterwards is recognised as a conflict."""

    __tablename__ = "sent_bundle"

    peer: Mapped[str] = mapped_column(String(12), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    upto_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    confirmed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class SentVersion(Base):
    """The version of one record a bundle carried, one row a record (a full bundle of
    a million enterprises: 2.2 million rows, written and read in chunks or by SQL;
    docs/architecture.md, "Sync bundles"). They were one JSON text value of the
    sent bundle until 0018_sent_versions: storing an 80 MB value cost 235 MB."""

    __tablename__ = "sent_version"
    # A surrogate key: rows arrive in the bundle's order and append to the table and
    # to the (peer, sequence) index, three times faster than a primary key on
    # (peer, sequence, table_name, record_id) filled in random order.
    __table_args__ = (Index("ix_sent_version_peer_sequence", "peer", "sequence"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    peer: Mapped[str] = mapped_column(String(12), nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(32), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
