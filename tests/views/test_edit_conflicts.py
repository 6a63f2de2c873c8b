"""Two coordinators on one database (two Database objects on the same file), each
through the real dialogs: the second save meets the first, the merge view shows both,
and nothing is overwritten that the user did not choose (app/views/common/merge_dialog.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.models import AuditEntry, NegotiationOffer
from app.views.common.merge_dialog import MergeDialog
from app.views.common.record_dialog import RecordDialog
from app.views.negotiation.offer_dialog import OfferDialog
from tests import records
from tests.edit_support import stored_enterprise
from tests.gui import type_text


def _edit(qtbot: Any, window: Any) -> RecordDialog:
    tab = window.enterprise_tab
    tab.refresh()
    tab.table.selectRow(0)
    dialog = tab.edit_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _retype(qtbot: Any, dialog: Any, name: str, text: str) -> None:
    """A field retyped in a RecordDialog or a SpecDialog (its editors in its form)."""
    editors = dialog.form.editors if hasattr(dialog, "form") else dialog.editors
    editors[name].clear()
    type_text(qtbot, editors[name], text)


def _merge_view(qtbot: Any, dialog: Any) -> MergeDialog:
    qtbot.waitUntil(lambda: dialog.merge_view is not None and dialog.merge_view.isVisible())
    view: MergeDialog = dialog.merge_view
    return view


def test_enterprise_second_save_opens_the_merge_view_and_saves_the_choice(
    qtbot: Any, window: Any, other: Any, second_window: Any
) -> None:
    eid = records.enterprise(window.db)
    mine = _edit(qtbot, window)
    theirs = _edit(qtbot, second_window(other))
    _retype(qtbot, theirs, "contact_phone", "0375-2345671")
    _retype(qtbot, theirs, "address", "叶县昆阳镇")
    theirs.try_save()
    assert not theirs.isVisible()

    _retype(qtbot, mine, "contact_person", "张三")
    _retype(qtbot, mine, "address", "汝州市煤山街道")
    mine.try_save()

    view = _merge_view(qtbot, mine)
    assert mine.isVisible()  # nothing saved, my edits still in the dialog
    stored = stored_enterprise(window.db, eid)
    assert (stored.address, stored.contact_person, stored.version) == ("叶县昆阳镇", "", 2)
    assert "李四" in view.findChild(QLabel, "conflict_message").text()
    shown = {f.name: (f.mine_text, f.theirs_text) for f in view.fields}
    assert shown == {
        "contact_person": ("张三", ""),
        "address": ("汝州市煤山街道", "叶县昆阳镇"),
        "contact_phone": ("", "0375-2345671"),
    }
    # Mine where I changed the field, theirs otherwise.
    assert view.choices() == {
        "contact_person": "mine",
        "address": "mine",
        "contact_phone": "theirs",
    }

    view.reject()  # 取消: back to my dialog, my edits kept, nothing written
    assert mine.isVisible() and mine.editors["address"].text() == "汝州市煤山街道"  # type: ignore[attr-defined]
    assert stored_enterprise(window.db, eid).version == 2

    mine.try_save()  # still against version 1: the merge view again
    view = _merge_view(qtbot, mine)
    view.choose("address", "theirs")
    view.save_button.click()

    qtbot.waitUntil(lambda: not mine.isVisible())
    stored = stored_enterprise(window.db, eid)
    assert (stored.contact_person, stored.address, stored.contact_phone) == (
        "张三",
        "叶县昆阳镇",
        "0375-2345671",
    )
    assert stored.version == 3
    with window.db.session() as session:
        log = session.execute(
            select(AuditEntry.operator, AuditEntry.action)
            .where(AuditEntry.record_id == eid)
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(r) for r in log] == [
        ("测试员", "create"),
        ("李四", "update"),
        ("测试员", "update"),
    ]


def test_offer_merge_meets_a_third_save_and_opens_again(qtbot: Any, db: Any, other: Any) -> None:
    offer_id = records.offer(db, records.enterprise(db))
    mine = OfferDialog(db, offer_id=offer_id)
    theirs = OfferDialog(other, offer_id=offer_id)
    for dialog in (mine, theirs):
        qtbot.addWidget(dialog)
        dialog.show()
    type_text(qtbot, theirs.union_name, "某某公司工会")
    assert theirs.save()
    assert theirs.loaded == 2  # what the colleague's dialog holds after its own save

    type_text(qtbot, mine.form.editors["note"], "企业要求延期答复")
    assert not mine.save()
    view = _merge_view(qtbot, mine)
    assert {f.name: f.default for f in view.fields} == {"union_name": "theirs", "note": "mine"}

    # Before I save the merge, the colleague saves again (from their dialog, version 2).
    theirs.union_name.clear()
    type_text(qtbot, theirs.union_name, "某某公司工会委员会")
    assert theirs.save()

    view.save_button.click()  # against version 2: refused, the merge view opens again
    qtbot.waitUntil(lambda: mine.merge_view is not view and mine.merge_view is not None)
    again = mine.merge_view
    assert again is not None and again.conflict.theirs.version == 3
    assert {f.name: f.theirs_text for f in again.fields} == {
        "union_name": "某某公司工会委员会",
        "note": "",
    }
    again.save_button.click()
    with db.session() as session:
        offer = session.get(NegotiationOffer, offer_id)
        assert offer is not None
        assert (offer.union_name, offer.note, offer.version) == (
            "某某公司工会委员会",
            "企业要求延期答复",
            4,
        )
    assert mine.loaded == 4


def test_deleting_what_a_colleague_changed_since_the_list_was_read_is_refused(
    qtbot: Any, window: Any, other: Any, messages: Any
) -> None:
    from app.services.register import enterprises

    eid = records.enterprise(window.db)
    tab = window.enterprise_tab
    tab.refresh()
    tab.table.selectRow(0)
    enterprises.update(other, eid, {"contact_person": "王五"})
    tab.delete_selected()
    assert not stored_enterprise(window.db, eid).deleted
    [warning] = [text for kind, _t, text in messages if kind == "warning"]
    assert "李四" in warning and "没有删除" in warning and "合并" not in warning
    tab.table.selectRow(0)  # the list was read again: now the delete goes through
    tab.delete_selected()
    assert stored_enterprise(window.db, eid).deleted


def test_health_check_merge_keeps_their_item_and_my_advice(qtbot: Any, db: Any, other: Any) -> None:
    from app.services.checks import health_checks
    from app.views.checks.check_dialog import CheckDialog

    check_id = health_checks.create(db, records.filled(db, records.enterprise(db)))
    mine, theirs = CheckDialog(db, check_id=check_id), CheckDialog(other, check_id=check_id)
    for dialog in (mine, theirs):
        qtbot.addWidget(dialog)
        dialog.show()
    combo = theirs.results.combo("B01")
    combo.setCurrentIndex(combo.findData("na"))
    theirs.conclusion.setPlainText("企业存在劳动用工法律风险，须限期整改（复核）。")
    assert theirs.save()

    mine.advice.setPlainText("建议建立工资集体协商制度。")
    assert not mine.save()
    view = _merge_view(qtbot, mine)
    defaults = {f.name: f.default for f in view.fields}
    assert defaults == {"result:B01": "theirs", "conclusion": "theirs", "advice": "mine"}
    view.save_button.click()

    stored = health_checks.get(db, check_id).input
    assert {r.item_code: r.result for r in stored.results}["B01"] == "na"
    assert stored.conclusion == "企业存在劳动用工法律风险，须限期整改（复核）。"
    assert stored.advice == "建议建立工资集体协商制度。"
    assert mine.loaded == edit_lock_version(db, check_id)  # what the dialog now holds


def edit_lock_version(db: Any, check_id: str) -> int | None:
    from app.services.core import edit_lock

    return edit_lock.version_of(db, "health_check", check_id)


def test_guidance_activity_merge_keeps_the_colleagues_enterprise_list(
    qtbot: Any, db: Any, other: Any
) -> None:
    from app.services.campaign import campaigns, guidance
    from app.views.campaign.guidance_dialogs import ActivityDialog

    eid = records.enterprise(db)
    campaign_id = campaigns.save(db, campaigns.load_template(year=2023))
    values = {"title": "政策宣讲会", "held_on": "2023-05-06", "kind": "lecture_onsite"}
    activity_id = guidance.save_activity(db, values, campaign_id=campaign_id)
    mine = ActivityDialog(db, campaign_id=campaign_id, activity_id=activity_id)
    theirs = ActivityDialog(other, campaign_id=campaign_id, activity_id=activity_id)
    for dialog in (mine, theirs):
        qtbot.addWidget(dialog)
        dialog.show()
    theirs.add_enterprise(eid)
    _retype(qtbot, theirs, "place", "汝州市人社局")
    theirs.try_save()
    assert not theirs.isVisible()

    _retype(qtbot, mine, "title", "劳动合同法宣讲会")
    mine.try_save()
    view = _merge_view(qtbot, mine)
    assert {f.name: f.default for f in view.fields} == {"title": "mine", "place": "theirs"}
    view.save_button.click()
    qtbot.waitUntil(lambda: not mine.isVisible())
    stored, reached, _files = guidance.activity(db, activity_id)
    assert (stored["title"], stored["place"]) == ("劳动合同法宣讲会", "汝州市人社局")
    assert [e.id for e in reached] == [eid]  # their list, which I did not touch


def test_report_merge_is_section_by_section(qtbot: Any, db: Any, other: Any) -> None:
    from app.services.campaign import campaign_report, campaigns
    from app.tasks import SyncTaskRunner
    from app.views.campaign.report_dialog import ReportDialog

    campaign_id = campaigns.save(db, campaigns.load_template(year=2023))
    assert campaign_report.version(db, campaign_id) == 0
    mine = ReportDialog(db, SyncTaskRunner(), campaign_id)
    theirs = ReportDialog(other, SyncTaskRunner(), campaign_id)
    for dialog in (mine, theirs):
        qtbot.addWidget(dialog)
        dialog.show()
    theirs.signer.setText("王局长")
    assert theirs.save()
    first = next(iter(mine.editors))
    mine.editors[first].setPlainText("我县本次专项行动覆盖全部规上企业。")

    assert not mine.save()  # they wrote the first report while I edited the drafts
    view = _merge_view(qtbot, mine)
    defaults = {f.name: f.default for f in view.fields}
    assert defaults == {"signer": "theirs", f"narratives.{first}": "mine"}
    view.save_button.click()
    stored = campaign_report.get(db, campaign_id)
    assert stored.signer == "王局长"
    assert stored.narratives[first] == "我县本次专项行动覆盖全部规上企业。"


def test_rectification_status_change_after_a_colleagues_extension_is_refused(
    qtbot: Any, db: Any, other: Any
) -> None:
    from datetime import date

    from app.services.ledger import ledger
    from app.views.ledger.rectification_dialog import RectificationDialog

    item_id = records.manual(db, records.enterprise(db))
    dialog = RectificationDialog(db, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    ledger.extend_deadline(other, item_id, date(2023, 10, 31), "企业申请延期一个月", loaded=1)
    dialog.to_status.setCurrentIndex(dialog.to_status.findData("in_progress"))
    dialog.on_date.setDate(dialog.on_date.date().currentDate())
    type_text(qtbot, dialog.note, "企业已着手整改")

    assert not dialog.apply_status()
    assert "李四" in dialog.error.text()
    # No merge view here (the issue-20 trial found the message asking for one): the
    # dialog shows the item again and keeps what was typed.
    assert "合并" not in dialog.error.text() and "您填写的内容仍在" in dialog.error.text()
    assert "2023-10-31" in dialog.details.text()  # the item as it now stands
    assert dialog.note.text() == "企业已着手整改"  # what I typed stays
    assert ledger.get(db, item_id).status == "pending"
    dialog.to_status.setCurrentIndex(dialog.to_status.findData("in_progress"))
    assert dialog.apply_status()  # decided again, on their version
    assert ledger.get(db, item_id).status == "in_progress"


def test_campaign_dialog_merges_a_colleagues_doc_number(qtbot: Any, db: Any, other: Any) -> None:
    from app.services.campaign import campaigns
    from app.views.campaign.campaign_dialog import CampaignDialog

    campaign_id = campaigns.save(db, campaigns.load_template(year=2023))
    mine = CampaignDialog(db)
    qtbot.addWidget(mine)
    mine.show()
    assert mine.editing == campaign_id
    data = campaigns.get(other, campaign_id)
    data.doc_number = "平人社〔2023〕12号"
    campaigns.save(other, data, campaign_id, loaded=1)
    mine.issuer.setText("汝州市人力资源和社会保障局")

    assert not mine.save()
    view = _merge_view(qtbot, mine)
    assert {f.name: f.default for f in view.fields} == {"issuer": "mine", "doc_number": "theirs"}
    view.save_button.click()
    stored = campaigns.get(db, campaign_id)
    assert (stored.issuer, stored.doc_number) == (
        "汝州市人力资源和社会保障局",
        "平人社〔2023〕12号",
    )


def test_a_session_added_after_a_colleagues_save_is_refused_and_merged_first(
    qtbot: Any, db: Any, other: Any, tmp_path: Any
) -> None:
    """A child row (a negotiation session) is written against the offer's version the
    dialog shows: after a colleague's save it is refused with who and when, nothing is
    written, the merge view opens; once merged the same session goes in."""
    from datetime import date

    from app.models import NegotiationSession

    offer_id = records.offer(db, records.enterprise(db))
    mine = OfferDialog(db, offer_id=offer_id)
    qtbot.addWidget(mine)
    mine.show()
    theirs = OfferDialog(other, offer_id=offer_id)
    qtbot.addWidget(theirs)
    type_text(qtbot, theirs.union_name, "某某公司工会")
    assert theirs.save()

    mine.session_date.set_value(date(2023, 10, 9))
    assert not mine.add_session()
    assert "李四" in mine.error.text()
    with db.session() as session:
        assert session.scalars(select(NegotiationSession)).all() == []
    view = _merge_view(qtbot, mine)
    view.save_button.click()
    qtbot.waitUntil(lambda: mine.loaded == 2)
    assert mine.add_session()
    with db.session() as session:
        assert len(session.scalars(select(NegotiationSession)).all()) == 1


def test_evidence_added_after_a_colleagues_change_is_refused(
    qtbot: Any, db: Any, other: Any, tmp_path: Any
) -> None:
    from datetime import date

    from app.models import Attachment
    from app.services.ledger import ledger
    from app.views.ledger.rectification_dialog import RectificationDialog

    item_id = records.manual(db, records.enterprise(db))
    photo = tmp_path / "整改照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 64)
    dialog = RectificationDialog(db, item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    ledger.extend_deadline(other, item_id, date(2023, 10, 31), "企业申请延期一个月", loaded=1)

    dialog.add_files([str(photo)])
    assert "李四" in dialog.error.text()
    with db.session() as session:
        assert session.scalars(select(Attachment)).all() == []
    dialog.add_files([str(photo)])  # shown again as it now stands: added
    dialog.add_files([str(tmp_path / "不存在.pdf")])  # a refusal of its own still reads
    with db.session() as session:
        assert len(session.scalars(select(Attachment)).all()) == 1
