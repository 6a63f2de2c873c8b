"""The enterprise register's fields and record spec: the one description its
table, dialog, spreadsheets, importer and entry rules all read."""

from __future__ import annotations

from app.services.core import reference
from app.services.core.fields import FieldSpec, Kind
from app.services.core.messages import Label
from app.services.core.record_spec import RecordSpec
from app.services.core.validation import phone_problem
from app.services.register import credit_code, enterprise_rules


def _county_choices() -> list[tuple[str, str]]:
    return [(d.code, d.name) for d in reference.divisions()]


def _industry_choices() -> list[tuple[str, str]]:
    return [(i.name, i.name) for i in reference.industries()]


def _county_choices_en() -> list[tuple[str, str]]:
    return [(d.code, d.name_en) for d in reference.divisions()]


def _industry_choices_en() -> list[tuple[str, str]]:
    return [(i.name, i.name_en) for i in reference.industries()]


ENTERPRISE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "name",
        "企业名称",
        "Enterprise name",
        required=True,
        max_length=200,
        width=260,
        aliases=(
            "单位名称",
            "企业（单位）名称",
            "用人单位名称",
            "用人单位",
            "名称",
            "企业名",
            "纳税人名称",
            "单位",
        ),
    ),
    FieldSpec(
        "credit_code",
        "统一社会信用代码",
        "Unified social credit code",
        required=True,
        max_length=18,
        width=170,
        validator=credit_code.problem,
        aliases=("信用代码", "社会信用代码", "统一信用代码", "统一代码", "纳税人识别号", "USCC"),
        placeholder=Label("18 位，如 91410400MA44XXXXXX", "18 characters, e.g. 91410400MA44XXXXXX"),
    ),
    FieldSpec(
        "county_code",
        "所属县（市、区）",
        "County / district",
        Kind.CHOICE,
        required=True,
        choices=_county_choices,
        choices_en=_county_choices_en,
        matcher=reference.match_division,
        width=120,
        aliases=(
            "县区",
            "县（市、区）",
            "所属县区",
            "所属区县",
            "区县",
            "所在县区",
            "行政区划",
            "所属地区",
            "地区",
            "辖区",
        ),
    ),
    FieldSpec(
        "address",
        "地址",
        "Address",
        max_length=300,
        width=220,
        aliases=("住所", "注册地址", "经营地址", "企业地址", "单位地址", "详细地址"),
    ),
    FieldSpec(
        "industry",
        "行业",
        "Industry",
        Kind.CHOICE,
        choices=_industry_choices,
        choices_en=_industry_choices_en,
        matcher=reference.match_industry,
        width=140,
        aliases=("所属行业", "行业门类", "行业类别", "国民经济行业"),
    ),
    FieldSpec(
        "legal_representative",
        "法定代表人",
        "Legal representative",
        max_length=60,
        width=90,
        aliases=("法人代表", "法人", "负责人", "法定代表人（负责人）"),
    ),
    FieldSpec(
        "contact_person",
        "联系人",
        "Contact person",
        max_length=60,
        width=80,
        aliases=("联系人姓名", "人事负责人", "联系人/姓名"),
    ),
    FieldSpec(
        "contact_phone",
        "联系电话",
        "Contact phone",
        max_length=40,
        width=120,
        validator=phone_problem,
        aliases=("电话", "手机", "联系方式", "手机号码", "联系人电话", "联系人/电话"),
        placeholder=Label("13912345678 或 0375-2345678", "13912345678 or 0375-2345678"),
    ),
    FieldSpec(
        "employee_count",
        "职工人数",
        "Employees",
        Kind.INT,
        minimum=0,
        width=80,
        aliases=("从业人数", "从业人员", "在职职工人数", "用工人数", "员工人数", "职工数", "人数"),
    ),
    FieldSpec(
        "has_union",
        "已建工会",
        "Union established",
        Kind.BOOL,
        width=70,
        aliases=("是否建立工会", "是否建会", "工会", "建会情况", "是否已建工会"),
    ),
    FieldSpec(
        "registration_date",
        "成立日期",
        "Registration date",
        Kind.DATE,
        width=100,
        aliases=("注册日期", "成立时间", "登记日期", "设立日期", "注册时间"),
    ),
    FieldSpec(
        "is_platform",
        "平台企业",
        "Platform enterprise",
        Kind.BOOL,
        width=70,
        aliases=("是否平台企业", "平台"),
    ),
    FieldSpec(
        "notes",
        "备注",
        "Notes",
        Kind.LONGTEXT,
        max_length=2000,
        width=160,
        sortable=False,
        aliases=("说明",),
    ),
)

FIELDS_BY_NAME = {spec.name: spec for spec in ENTERPRISE_FIELDS}

ENTERPRISE = RecordSpec(
    "enterprise",
    Label("企业", "Enterprise"),
    ENTERPRISE_FIELDS,
    # The register shows each enterprise's fields and, computed by the register
    # tab from the ledger and the risk grading, its rectification progress and risk.
    columns=(
        *(spec.name for spec in ENTERPRISE_FIELDS),
        FieldSpec("rectification", "整改进度", "Rectification", width=110, sortable=False),
        FieldSpec("risk", "风险等级", "Risk", width=80, sortable=False),
    ),
    rules=enterprise_rules.record_rules,
    title="name",
    list_title="企业名册",
)
