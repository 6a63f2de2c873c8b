"""Tables and storage. Importing this package registers every table on Base.metadata."""

from app.models.audit import AuditEntry
from app.models.base import Base, SyncMixin
from app.models.calendar import CalendarDay, CalendarYear
from app.models.campaign import Campaign, CampaignReport, GuidanceActivity, TypicalCase
from app.models.checklist import Checklist, ChecklistItem
from app.models.enterprise import Enterprise
from app.models.health_check import CheckAmendment, CheckResult, HealthCheck
from app.models.layoff import LayoffFiling, LayoffPerson
from app.models.negotiation import NegotiationOffer, NegotiationSession
from app.models.printed_form import PrintedForm
from app.models.rectification import (
    Attachment,
    DeadlineExtension,
    RectificationEvent,
    RectificationItem,
)
from app.models.risk import EnterpriseRisk, RiskDataBatch, RiskFact, RiskGrade, RiskGrading
from app.models.risk_event import MajorRiskEvent, RiskIntervention
from app.models.scanned_page import ScannedPage
from app.models.setting import Setting, SyncCounter
from app.models.stored_file import StoredFile
from app.models.sync_state import (
    ImportedBundle,
    PeerKey,
    RecordSyncBase,
    RevokedPeerKey,
    SentBundle,
    SentVersion,
    SyncConflict,
)

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "Campaign",
    "CampaignReport",
    "CheckAmendment",
    "CheckResult",
    "Checklist",
    "ChecklistItem",
    "DeadlineExtension",
    "Enterprise",
    "EnterpriseRisk",
    "GuidanceActivity",
    "HealthCheck",
    "ImportedBundle",
    "LayoffFiling",
    "LayoffPerson",
    "MajorRiskEvent",
    "NegotiationOffer",
    "NegotiationSession",
    "PeerKey",
    "PrintedForm",
    "RecordSyncBase",
    "RectificationEvent",
    "RectificationItem",
    "RevokedPeerKey",
    "RiskDataBatch",
    "RiskFact",
    "RiskGrade",
    "RiskGrading",
    "RiskIntervention",
    "ScannedPage",
    "SentBundle",
    "SentVersion",
    "Setting",
    "StoredFile",
    "SyncConflict",
    "SyncCounter",
    "SyncMixin",
    "TypicalCase",
]
