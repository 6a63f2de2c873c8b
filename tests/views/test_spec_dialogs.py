"""The offer, layoff and risk-event dialogs are built from their record specs: every
field a person enters has an editor, typed values reach the database, and a wrong
value is refused beside its field with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.models.layoff import LayoffFiling
from app.models.negotiation import NegotiationOffer
from app.models.risk_event import MajorRiskEvent
from app.views.layoffs.layoff_dialog import LayoffDialog
from app.views.negotiation.offer_dialog import OfferDialog
from app.views.risk.risk_dialog import RiskDialog
from tests.gui import type_text
from tests.records import enterprise


def stored(db, model) -> list:
    with db.session() as session:
        return list(session.scalars(select(model).where(model.deleted.is_(False))))


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("dialog_class", [RiskDialog, LayoffDialog, OfferDialog])
def test_every_entered_field_of_the_spec_has_its_editor(qtbot, db, dialog_class):
    dialog = opened(qtbot, dialog_class(db, enterprise_id=enterprise(db)))
    entered = {f.name for f in dialog_class.SPEC.fields if f.editor != "custom"}
    assert set(dialog.form.editors) == entered
    for name in entered:  # each sits above its own message label
        assert name in dialog.errors.labels and dialog.form.editors[name].isVisible()


def test_risk_event_typed_values_reach_the_database(qtbot, db):
    eid = enterprise(db)
    dialog = opened(qtbot, RiskDialog(db, enterprise_id=eid))
    dialog.kind.setCurrentIndex(dialog.kind.findData("work_stoppage"))
    type_text(qtbot, dialog.people, "35")
    type_text(qtbot, dialog.amount, "42,000")
    dialog.found_on.set_value(date(2024, 5, 6))
    type_text(qtbot, dialog.description, "三个车间停工，职工聚集在厂门口")
    dialog.may_spread.setChecked(True)
    assert dialog.save()
    (event,) = stored(db, MajorRiskEvent)
    assert (event.id, event.enterprise_id, event.kind) == (dialog.event_id, eid, "work_stoppage")
    assert (event.people, event.amount_owed_yuan, event.found_on) == (35, 42000, date(2024, 5, 6))
    assert event.description == "三个车间停工，职工聚集在厂门口" and event.may_spread

    again = opened(qtbot, RiskDialog(db, event_id=event.id))
    assert again.people.text() == "35" and again.found_on.value() == date(2024, 5, 6)
    assert again.enterprise.value() == eid and again.may_spread.isChecked()


def test_risk_event_wrong_number_is_refused_beside_its_field(qtbot, db):
    dialog = opened(qtbot, RiskDialog(db, enterprise_id=enterprise(db)))
    type_text(qtbot, dialog.people, "三十")
    assert not dialog.save()
    assert "不是数字" in dialog.errors.text("people") and dialog.errors.text("kind") == ""
    assert dialog.errors.labels["people"].isVisible()
    assert count(db, MajorRiskEvent) == 0
    dialog.people.clear()
    assert dialog.errors.text("people") == ""  # fixed: its message goes at once
    type_text(qtbot, dialog.people, "30")
    assert dialog.save() and stored(db, MajorRiskEvent)[0].people == 30


def test_risk_event_without_enterprise_is_refused(qtbot, db):
    dialog = opened(qtbot, RiskDialog(db))
    assert not dialog.save()
    assert "请选择企业" in dialog.errors.text("enterprise_id")
    assert count(db, MajorRiskEvent) == 0


def test_layoff_filing_typed_values_and_note_reach_the_database(qtbot, db):
    eid = enterprise(db)
    dialog = opened(qtbot, LayoffDialog(db, enterprise_id=eid))
    assert dialog.total_staff.text() == "120"  # the enterprise's staff, as registered
    dialog.ground.setCurrentIndex(dialog.ground.findData("3"))
    dialog.total_staff.clear()
    type_text(qtbot, dialog.total_staff, "200")
    type_text(qtbot, dialog.laid_off, "25")
    dialog.explained_on.set_value(date(2023, 3, 1))
    dialog.layoff_on.set_value(date(2023, 4, 10))
    type_text(qtbot, dialog.opinions, "工会同意")
    type_text(qtbot, dialog.form.editors["note"], "第二批名单待报")
    dialog.counts["skills_training"].setValue(7)
    assert dialog.save()
    (filing,) = stored(db, LayoffFiling)
    assert (filing.id, filing.enterprise_id, filing.ground) == (dialog.filing_id, eid, "3")
    assert (filing.total_staff, filing.laid_off, filing.skills_training) == (200, 25, 7)
    assert (filing.explained_on, filing.layoff_on) == (date(2023, 3, 1), date(2023, 4, 10))
    assert filing.opinions == "工会同意" and filing.note == "第二批名单待报"

    again = opened(qtbot, LayoffDialog(db, filing_id=filing.id))
    assert again.form.editors["note"].toPlainText() == "第二批名单待报"
    assert not again.enterprise.pick_button.isEnabled()  # a filing keeps its enterprise


def test_layoff_wrong_count_is_refused_beside_its_field(qtbot, db):
    dialog = opened(qtbot, LayoffDialog(db, enterprise_id=enterprise(db)))
    type_text(qtbot, dialog.laid_off, "12.5")
    assert not dialog.save()
    assert "不是整数" in dialog.errors.text("laid_off") and dialog.errors.text("total_staff") == ""
    assert count(db, LayoffFiling) == 0


def test_offer_typed_values_reach_the_database(qtbot, db):
    eid = enterprise(db)
    dialog = opened(qtbot, OfferDialog(db, enterprise_id=eid))
    dialog.offeror.setCurrentIndex(dialog.offeror.findData("enterprise"))
    type_text(qtbot, dialog.union_name, "某某公司工会委员会")
    dialog.set_topics({"g01_pay"})
    dialog.dates["sent_on"].set_value(date(2023, 9, 25))
    dialog.dates["received_on"].set_value(date(2023, 9, 27))
    type_text(qtbot, dialog.members, "10")
    type_text(qtbot, dialog.form.editors["note"], "对方要求延期")
    assert dialog.save()
    (offer,) = stored(db, NegotiationOffer)
    assert (offer.id, offer.enterprise_id, offer.offeror) == (dialog.offer_id, eid, "enterprise")
    assert offer.union_name == "某某公司工会委员会" and offer.congress_members == 10
    assert (offer.sent_on, offer.received_on) == (date(2023, 9, 25), date(2023, 9, 27))
    assert "g01_pay" in offer.topics_json and offer.note == "对方要求延期"

    again = opened(qtbot, OfferDialog(db, offer_id=offer.id))
    assert again.checked_topics() == {"g01_pay"} and again.members.text() == "10"


def test_offer_wrong_number_is_refused_beside_its_field(qtbot, db):
    dialog = opened(qtbot, OfferDialog(db, enterprise_id=enterprise(db)))
    dialog.set_topics({"g01_pay"})
    type_text(qtbot, dialog.approved, "abc")
    assert not dialog.save()
    assert "不是数字" in dialog.errors.text("congress_approved")
    assert count(db, NegotiationOffer) == 0
    dialog.approved.clear()
    assert dialog.errors.text("congress_approved") == ""
