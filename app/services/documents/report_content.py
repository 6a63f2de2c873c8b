"""What a report written as an official document (公文, GB/T 9704-2012) holds: the
issuing office and its mark, the title, the document number, the addressee, the
date, the signer, the body blocks and the attachment note. The campaign's summary
report fills it (app/services/campaign/campaign_report.py); report_docx and
report_head lay it out, without knowing where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass
class ReportContent:
    authority: str  # 发文机关 (the office), signed under the text
    title: str
    doc_number: str
    addressee: str
    issued_on: date | None
    signer: str
    blocks: list[Any]
    attachment_note: str = ""
    mark: str = ""  # 发文机关标志; empty: no red header band
