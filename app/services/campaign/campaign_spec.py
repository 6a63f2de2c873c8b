"""The campaign's record spec: the fields of the campaign dialog's form and the
rules every door applies (campaign_rules; the phases, the plan and the targets
per county are the dialog's own tables)."""

from __future__ import annotations

from app.services.campaign import campaign_rules
from app.services.core.fields import FieldSpec, Kind
from app.services.core.messages import Label
from app.services.core.record_spec import RecordSpec

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "名称", "Name"),
    FieldSpec("issuer", "发文机关", "Issuing office"),
    FieldSpec(
        "doc_number",
        "文号",
        "Document number",
        placeholder=Label("平协调三方办〔2023〕3号", 'e.g. "平协调三方办〔2023〕3号"'),
    ),
    FieldSpec("issued_on", "发文日期", "Issued on", Kind.DATE),
    FieldSpec("starts_on", "开始日期", "Start date", Kind.DATE),
    FieldSpec("ends_on", "结束日期", "End date", Kind.DATE),
    FieldSpec("report_due", "总结报送截止", "Summary due", Kind.DATE),
)

CAMPAIGN = RecordSpec(
    "campaign",
    Label("专项行动", "Campaign"),
    FIELDS,
    rules=campaign_rules.check,
    title="name",
)
