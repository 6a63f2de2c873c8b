"""An offer's stages, in the order of the procedure (集体合同规定 第32–47条), by name:
a module of their own, so the summary report's process reads them without the
offer services (issue 17)."""

STAGES = {
    "draft": "未发出",
    "sent": "已发出待收到",
    "received": "待答复",
    "refused": "拒绝协商",
    "negotiating": "协商中",
    "signed": "已签订待报送",
    "filed": "已报送审查中",
    "objection": "审查有异议",
    "effective": "已生效",
    "expired": "已到期",
    "changed": "已变更",
    "terminated": "已解除",
}
