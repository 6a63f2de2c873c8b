"""The guidance dialogs' doors (guidance.ACTIVITY_DOORS / CASE_DOORS), as the offer
and layoff services have them: the stored values with the campaign, the
enterprises reached or the case's enterprise and the files; the problems of a
dialog's values, nothing written; the save of what the dialog shows."""

from __future__ import annotations

from app.services.campaign import campaigns, guidance
from tests.records import enterprise

ACTIVITY = {"title": "政策宣讲会", "held_on": "2023-05-06", "kind": "lecture_onsite"}


def test_activity_doors_keep_a_colleagues_enterprise_list_unless_changed(db, tmp_path):
    doors = guidance.ACTIVITY_DOORS
    first, second = enterprise(db, serial=1), enterprise(db, serial=2)
    campaign_id = campaigns.save(db, campaigns.load_template(year=2023))
    assert doors.problems_of(db, {**ACTIVITY, "title": ""}) == {"title": "活动名称为必填项"}
    assert guidance.count_activities(db, guidance.ActivityFilter()) == 0

    activity_id = doors.save_values(db, {**ACTIVITY, "campaign_id": campaign_id})
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    guidance.add_activity_file(db, activity_id, photo)
    stored = doors.values_of(db, activity_id)
    assert stored["campaign_id"] == campaign_id and stored["enterprise_ids"] == []
    assert [f["file_name"] for f in stored["files"]] == ["现场.jpg"]

    changed = {**stored, "enterprise_ids": [second, first], "place": "汝州市人社局"}
    doors.save_values(db, changed, activity_id, loaded=None)
    stored = doors.values_of(db, activity_id)
    assert stored["enterprise_ids"] == sorted([first, second])
    kept = {**stored, "enterprise_ids": None, "title": "劳动合同法宣讲会"}  # list untouched
    doors.save_values(db, kept, activity_id)
    stored = doors.values_of(db, activity_id)
    assert stored["title"] == "劳动合同法宣讲会" and stored["place"] == "汝州市人社局"
    assert stored["enterprise_ids"] == sorted([first, second])


def test_case_doors_save_the_cases_enterprise(db):
    doors = guidance.CASE_DOORS
    eid = enterprise(db)
    campaign_id = campaigns.save(db, campaigns.load_template(year=2023))
    values = {
        "title": "集体协商",
        "kind": "negotiation",
        "body": "正文",
        "campaign_id": campaign_id,
    }
    assert "body" in doors.problems_of(db, {**values, "body": ""})
    case_id = doors.save_values(db, {**values, "enterprise_id": eid})
    stored = doors.values_of(db, case_id)
    assert (stored["enterprise_id"], stored["campaign_id"], stored["files"]) == (
        eid,
        campaign_id,
        [],
    )
