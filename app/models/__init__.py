"""Tables and storage.

`from app.models import Enterprise` declares the model's module when a name is
first asked for (PEP 562 `__getattr__`), not every model at every import: a
command that reads a few tables (`hexie report`) declares and configures only
those (docs/architecture.md, "Speed rules"; issue 17). Whatever walks every
table — Base.metadata's table list, the travelling record types, a writable
database's unit of work, the migrations — calls `declare_all()` first
(`open_database` does for every writable database).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from app.models.base import Base, SyncMixin

if TYPE_CHECKING:
    from app.models.audit import AuditEntry
    from app.models.calendar import CalendarDay, CalendarYear
    from app.models.campaign import Campaign, CampaignReport, GuidanceActivity, TypicalCase
    from app.models.check_result import CheckAmendment, CheckResult
    from app.models.checklist import Checklist, ChecklistItem
    from app.models.enterprise import Enterprise
    from app.models.health_check import HealthCheck
    from app.models.layoff import LayoffFiling, LayoffPerson
    from app.models.negotiation import NegotiationOffer, NegotiationSession
    from app.models.printed_form import PrintedForm
    from app.models.rectification import RectificationItem
    from app.models.rectification_records import Attachment, DeadlineExtension, RectificationEvent
    from app.models.risk import EnterpriseRisk
    from app.models.risk_data import RiskDataBatch, RiskFact, RiskGrade, RiskGrading
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

# Each model's module; every module that declares a table is here.
MODULES: dict[str, tuple[str, ...]] = {
    "audit": ("AuditEntry",),
    "calendar": ("CalendarDay", "CalendarYear"),
    "campaign": ("Campaign", "CampaignReport", "GuidanceActivity", "TypicalCase"),
    "checklist": ("Checklist", "ChecklistItem"),
    "enterprise": ("Enterprise",),
    "check_result": ("CheckAmendment", "CheckResult"),
    "health_check": ("HealthCheck",),
    "layoff": ("LayoffFiling", "LayoffPerson"),
    "negotiation": ("NegotiationOffer", "NegotiationSession"),
    "printed_form": ("PrintedForm",),
    "rectification": ("RectificationItem",),
    "rectification_records": ("Attachment", "DeadlineExtension", "RectificationEvent"),
    "risk": ("EnterpriseRisk",),
    "risk_data": ("RiskDataBatch", "RiskFact", "RiskGrade", "RiskGrading"),
    "risk_event": ("MajorRiskEvent", "RiskIntervention"),
    "scanned_page": ("ScannedPage",),
    "setting": ("Setting", "SyncCounter"),
    "stored_file": ("StoredFile",),
    "sync_state": (
        "ImportedBundle",
        "PeerKey",
        "RecordSyncBase",
        "RevokedPeerKey",
        "SentBundle",
        "SentVersion",
        "SyncConflict",
    ),
}
_MODULE_OF = {name: module for module, names in MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'app.models' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"app.models.{module}"), name)
    globals()[name] = value
    return value


def declare_all() -> None:
    """Declare every model: Base.metadata then holds every table."""
    for module in MODULES:
        importlib.import_module(f"app.models.{module}")


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
    "declare_all",
]
