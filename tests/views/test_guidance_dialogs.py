"""The campaign's record dialogs share CampaignRecordDialog (a SpecDialog); what each
type must give (its title, files title, how it files a record) is a hook the base
leaves abstract. Every dialog type defines each one, so no save can meet the base's
NotImplementedError, and reads and saves through its service's doors."""

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
        assert getattr(dialog_type, hook) is not getattr(CampaignRecordDialog, hook), (
            dialog_type.__name__,
            hook,
        )


def test_every_dialog_type_reads_and_saves_through_its_services_doors():
    for dialog_type in _types():
        for door in ("values_of", "problems_of", "save_values"):
            assert callable(getattr(dialog_type.SERVICE, door, None)), (dialog_type.__name__, door)
