"""The records of the campaign's guidance work: the guidance activity's and the
typical case's record specs (what their dialogs edit, what their lists show, the
rules every door applies: guidance_rules)."""

from __future__ import annotations

from app.services.campaign import guidance_rules
from app.services.core import reference
from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_choice, yes_column
from app.services.core.messages import Label
from app.services.core.record_spec import RecordSpec, choice_field, counted_column

ACTIVITY_KINDS = {
    "law_into_enterprise": "送法进企业",
    "lecture_onsite": "现场讲座",
    "lecture_online": "线上讲座",
    "guide": "发放用工指南",
    "rules_help": "指导建立规章制度",
    "other": "其他指导服务",
}
ACTIVITY_KINDS_EN = {
    "law_into_enterprise": "Law into enterprises",
    "lecture_onsite": "Lecture on site",
    "lecture_online": "Lecture online",
    "guide": "Employment guides handed out",
    "rules_help": "Help with internal rules",
    "other": "Other guidance",
}
CASE_KINDS = {
    "practice": "典型做法",
    "model_enterprise": "示范企业",
    "coordinator": "金牌劳动关系协调员",
    "negotiation": "集体协商典型案例",
}
CASE_KINDS_EN = {
    "practice": "Good practice",
    "model_enterprise": "Model enterprise",
    "coordinator": "Outstanding coordinator",
    "negotiation": "Collective negotiation case",
}


COUNTY_FIELD = county_choice(matcher=reference.match_division, width=90)
ACTIVITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("held_on", "日期", "Date", Kind.DATE, required=True, width=90),
    choice_field(
        "kind", "服务方式", "Kind", ACTIVITY_KINDS, ACTIVITY_KINDS_EN, required=True, width=120
    ),
    FieldSpec("title", "活动名称", "Title", required=True, max_length=200, width=260),
    COUNTY_FIELD,
    FieldSpec("place", "地点或平台", "Place or platform", max_length=200, width=140),
    FieldSpec(
        "other_enterprises",
        "名录外企业数",
        "Enterprises not in the register",
        Kind.INT,
        minimum=0,
        in_table=False,
    ),
    FieldSpec("people_reached", "覆盖人数", "People reached", Kind.INT, minimum=0, width=70),
    FieldSpec("materials", "发放或使用的材料", "Materials", Kind.LONGTEXT, in_table=False),
    FieldSpec("copies_handed_out", "发放份数", "Copies handed out", Kind.INT, minimum=0, width=70),
    FieldSpec("note", "备注", "Note", Kind.LONGTEXT, in_table=False),
)
CASE_FIELDS: tuple[FieldSpec, ...] = (
    choice_field("kind", "类别", "Kind", CASE_KINDS, CASE_KINDS_EN, required=True, width=140),
    FieldSpec("title", "标题", "Title", required=True, max_length=200, width=320),
    COUNTY_FIELD,
    FieldSpec("person", "人物或联系人", "Person", max_length=60, width=90),
    FieldSpec("body", "案例正文", "Text", Kind.LONGTEXT, required=True, in_table=False),
    FieldSpec("in_report", "写入工作总结", "In the summary report", Kind.BOOL, width=90),
)


ACTIVITY_COLUMNS: tuple[FieldSpec | str, ...] = (
    "held_on",
    "kind",
    "title",
    "county_code",
    counted_column("enterprises", "覆盖企业", "Enterprises", "enterprises"),
    "people_reached",
    FieldSpec(
        "files",
        "照片材料",
        "Files",
        Kind.INT,
        width=70,
        show=lambda row, _t: row["files"] or "",
    ),
)
CASE_COLUMNS: tuple[FieldSpec | str, ...] = (
    "kind",
    "title",
    "county_code",
    FieldSpec(
        "enterprise",
        "相关企业",
        "Enterprise",
        width=200,
        show=lambda row, _t: row["enterprise"] or "",
    ),
    FieldSpec("person", "人物", "Person", width=80),
    yes_column("in_report", "写入总结", "In report"),
)

GUIDANCE_ACTIVITY = RecordSpec(
    "guidance_activity",
    Label("指导服务活动", "Guidance activity"),
    ACTIVITY_FIELDS,
    ACTIVITY_COLUMNS,
    rules=guidance_rules.activity_rules,
    title="title",
    files=True,
    list_title="指导服务活动台账",
)
TYPICAL_CASE = RecordSpec(
    "typical_case",
    Label("典型案例", "Typical case"),
    CASE_FIELDS,
    CASE_COLUMNS,
    title="title",
    files=True,
    list_title="典型案例清单",
)
