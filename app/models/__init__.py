"""Tables and storage. Importing this package registers every table on Base.metadata."""

from app.models.audit import AuditEntry
from app.models.base import Base, SyncMixin
from app.models.enterprise import Enterprise
from app.models.setting import Setting, SyncCounter

__all__ = ["AuditEntry", "Base", "Enterprise", "Setting", "SyncCounter", "SyncMixin"]
