"""Blank health-check forms printed for later machine reading: ids and layouts."""

from __future__ import annotations

import json
import secrets
from typing import Any

from app.models.db import Database
from app.models.printed_form import PrintedForm

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read over the phone too


def new_form_id() -> str:
    return "F" + "".join(secrets.choice(_ALPHABET) for _ in range(9))


def qr_payload(form_id: str, credit_code: str, edition: int, page: int, pages: int) -> str:
    """What the QR code on each page says: form, enterprise, checklist edition, page.

    HX1:B:<form>:<credit code>:<edition>:<page>/<pages> — upper-case letters, digits,
    ':' and '/' only, so the code is in QR's alphanumeric mode: 45 characters fit
    version 3 (29 modules) at error-correction level Q, and a 24 mm code has modules
    of 0.83 mm that still read at 150 dpi through blur and a skewed scan."""
    return f"HX1:B:{form_id}:{credit_code.upper()}:{edition}:{page}/{pages}"


PAYLOAD_PREFIXES = ("HX1:", "HEXIE1;")  # this format, and the first one


def is_payload(text: str) -> bool:
    """Whether a QR code's text is one of ours (either format)."""
    return text.startswith(PAYLOAD_PREFIXES)


def parse_payload(text: str) -> dict[str, str]:
    """The QR code's fields as T (kind), F (form), E (enterprise's credit code),
    V (checklist edition) and P (page/pages); reads the first format too."""
    if text.startswith("HX1:"):
        parts = text.split(":")
        if len(parts) != 6:
            raise ValueError("二维码内容不完整。")
        kinds = {"B": "blank-check"}
        return dict(zip("TFEVP", [kinds.get(parts[1], parts[1]), *parts[2:]], strict=True))
    if not text.startswith("HEXIE1;"):
        raise ValueError("不是和谐台账打印的表单二维码。")
    return dict(part.split("=", 1) for part in text.split(";")[1:])


def record(db: Database, printed: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Store (form id, enterprise id, checklist id, layout) of forms printed together, in one transaction."""
    with db.session() as session:
        for form_id, enterprise_id, checklist_id, layout in printed:
            session.add(
                PrintedForm(
                    id=form_id,
                    kind="blank-check",
                    enterprise_id=enterprise_id,
                    checklist_id=checklist_id,
                    created_by=db.operator,
                    pages=len(layout.get("pages", [])),
                    layout_json=json.dumps(layout, ensure_ascii=False),
                )
            )


def layout(db: Database, form_id: str) -> dict[str, Any] | None:
    with db.session() as session:
        form = session.get(PrintedForm, form_id)
        return json.loads(form.layout_json) if form else None
