"""The campaign's record dialogs share CampaignRecordDialog (a SpecDialog); what each
type must give (its title, files title, how it files a record) is a hook the base
leaves to it. Every dialog type defines each one (a type without one is refused when
it is defined), and reads and saves through its service's doors."""

from __future__ import annotations

import pytest

from app.views.campaign import guidance_dialogs
from app.views.campaign.guidance_dialogs import CampaignRecordDialog

HOOKS = ("title", "files_title", "add_file")


def _types() -> list[type]:
    return [
        value
        for value in vars(guidance_dialogs).values()
        if isinstance(value, type)
        and issubclass(value, CampaignRecordDialog)
        and value is not CampaignRecordDialog
    ]


def test_there_are_dialog_types_to_check():
    assert {t.__name__ for t in _types()} >= {"ActivityDialog", "CaseDialog"}


@pytest.mark.parametrize("hook", HOOKS)
def test_every_dialog_type_defines_each_hook(hook):
    for dialog_type in _types():
        assert callable(getattr(dialog_type, hook, None)), (dialog_type.__name__, hook)
    assert not hasattr(CampaignRecordDialog, hook)  # each its own: no base to fall back on


def test_a_dialog_type_without_a_hook_is_refused_when_defined():
    with pytest.raises(TypeError, match=r"files_title\(\)、add_file\(\)"):

        class Half(CampaignRecordDialog):
            def title(self) -> str:
                return "半个"


def test_every_dialog_type_reads_and_saves_through_its_services_doors():
    for dialog_type in _types():
        for door in ("values_of", "problems_of", "save_values"):
            assert callable(getattr(dialog_type.SERVICE, door, None)), (dialog_type.__name__, door)


def test_the_lists_count_show_and_delete_through_the_doors(qtbot, window, messages):
    """Each guidance list reads its rows and deletes through its type's doors, with
    its own question."""
    from app.services.campaign import campaigns, guidance

    campaign_id = campaigns.save(window.db, campaigns.load_template(year=2023))
    for title in ("政策宣讲会", "送法进企业"):
        values = {"title": title, "held_on": "2023-05-06", "kind": "lecture_onsite"}
        guidance.save_activity(window.db, values, campaign_id=campaign_id)
    case = {"title": "集体协商", "kind": "negotiation", "body": "正文"}
    guidance.save_case(window.db, case, campaign_id=campaign_id)
    window.guidance_tab.refresh()
    activities, cases = window.guidance_tab.activities, window.guidance_tab.cases
    assert (activities.model.rowCount(), cases.model.rowCount()) == (2, 1)
    activities.table.selectRow(0)
    activities.delete_selected()
    assert messages[-1][:3] == ("question", "删除", "删除选中的指导服务活动？")
    cases.table.selectRow(0)
    cases.delete_selected()
    assert messages[-1][2] == "删除选中的典型案例？"
    assert (activities.model.rowCount(), cases.model.rowCount()) == (1, 0)
    assert guidance.count_activities(window.db, guidance.ActivityFilter()) == 1
