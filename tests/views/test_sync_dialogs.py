from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.services.register import enterprises
from app.services.sync import bundle, keys
from app.views.sync.sync_dialogs import ConflictsDialog, ExportDialog, KeysDialog, ReceivedDialog
from tests.builders import code

PASS = "county passphrase"


def test_keys_export_and_import_through_the_window(
    qtbot, window, city_db, tmp_path, monkeypatch, messages
):
    answers = iter([(PASS, True), (PASS, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    dialog = KeysDialog(window.db, window)
    assert dialog.generate() and "指纹" in dialog.own.text()
    keys.init(city_db, "city passphrase")
    keys.export_public(city_db, tmp_path / "city.pub")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("city@example.cn", True))
    assert dialog.trust(str(tmp_path / "city.pub")) and dialog.peers.rowCount() == 1
    assert messages[-1][0] == "question" and keys.own_public(city_db).fingerprint in messages[-1][2]
    keys.export_public(window.db, tmp_path / "county.pub")
    keys.trust(city_db, keys.read_public(tmp_path / "county.pub"))

    enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    export = ExportDialog(window.db, window)
    export.folder.setText(str(tmp_path / "out"))
    assert export.do_export(keys.unlock(window.db, PASS))
    assert any(p.suffix == ".eml" for p in export.files) and "第 1 号" in export.result.text()

    # The city imports and sees the county in its received list.
    summary = bundle.import_paths(
        city_db,
        [tmp_path / "out"],
        keys.unlock(city_db, "city passphrase"),
        receipt_dir=tmp_path / "r",
    )
    assert summary["bundles"][0]["counts"]["enterprise"]["added"] == 1
    received = ReceivedDialog(city_db, window)
    assert received.table.item(0, 3).text() == "无"

    # The county imports the receipt through the menu.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASS, True))
    window.import_bundle([str(p) for p in (tmp_path / "r").iterdir()])
    assert keys.peer(window.db, "410400").acked_seq > 0


def test_conflicts_dialog_side_by_side(qtbot, window, city_db, tmp_path, messages):
    keys.init(window.db, PASS)
    keys.init(city_db, "city passphrase")
    keys.export_public(window.db, tmp_path / "c.pub")
    keys.export_public(city_db, tmp_path / "y.pub")
    keys.trust(window.db, keys.read_public(tmp_path / "y.pub"))
    keys.trust(city_db, keys.read_public(tmp_path / "c.pub"))
    county_keys, city_keys = keys.unlock(window.db, PASS), keys.unlock(city_db, "city passphrase")
    eid = enterprises.create(
        city_db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    bundle.export(city_db, "410482", tmp_path / "b1", city_keys)
    bundle.import_paths(window.db, [tmp_path / "b1"], county_keys)
    enterprises.update(window.db, eid, {"contact_person": "县里"})
    enterprises.update(city_db, eid, {"contact_person": "市里"})
    bundle.export(city_db, "410482", tmp_path / "b2", city_keys)
    bundle.import_paths(window.db, [tmp_path / "b2"], county_keys)
    dialog = ConflictsDialog(window.db, window)
    assert dialog.list.rowCount() == 1
    fields = {
        dialog.fields.item(r, 0).text(): (
            dialog.fields.item(r, 1).text(),
            dialog.fields.item(r, 2).text(),
        )
        for r in range(dialog.fields.rowCount())
    }
    assert fields["contact_person"] == ("县里", "市里")
    from PySide6.QtCore import Qt

    dialog.fields.item(0, 3).setCheckState(Qt.CheckState.Checked)  # take their contact person
    dialog.merge_button.click()
    assert dialog.list.rowCount() == 0
    assert enterprises.get(window.db, eid)["contact_person"] == "市里"
    assert QMessageBox and QFileDialog


def test_city_filters_every_tab_by_sending_office(qtbot, city_db, db, tmp_path, messages):
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    keys.init(db, PASS)
    keys.init(city_db, "city passphrase")
    keys.export_public(db, tmp_path / "c.pub")
    keys.export_public(city_db, tmp_path / "y.pub")
    keys.trust(db, keys.read_public(tmp_path / "y.pub"))
    keys.trust(city_db, keys.read_public(tmp_path / "c.pub"))
    enterprises.create(
        db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    enterprises.create(
        city_db, {"name": "市直乙公司", "credit_code": code(2, "410402"), "county_code": "410402"}
    )
    bundle.export(db, "410400", tmp_path / "b", keys.unlock(db, PASS))
    bundle.import_paths(city_db, [tmp_path / "b"], keys.unlock(city_db, "city passphrase"))
    window = MainWindow(city_db, AppSettings(operator="市"), SyncTaskRunner())
    qtbot.addWidget(window)
    tab = window.enterprise_tab
    assert not tab.origin.isHidden() and tab.model.rowCount() == 2
    tab.origin.setCurrentIndex(tab.origin.findData("410482"))
    assert tab.model.rowCount() == 1 and tab.model.index(0, 0).data() == "汝州市甲公司"
    assert window.ledger_tab.origin.count() == 3


def test_replacing_a_trusted_key_needs_its_own_confirmation(
    qtbot, db, city_db, office_keys, tmp_path, monkeypatch, messages
):
    """A different key for an office already trusted: after the fingerprint check, a
    second box shows both fingerprints with Cancel as the default; only 更换密钥
    replaces it, and the old key stays listed as revoked with its date."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    office_keys(db)
    office_keys(city_db)
    keys.export_public(db, tmp_path / "county-old.pub")
    old_fingerprint = keys.own_public(db).fingerprint
    keys.trust(city_db, keys.read_public(tmp_path / "county-old.pub"))
    office_keys(db, generation=1)  # the county made new keys
    keys.export_public(db, tmp_path / "county-new.pub")
    new_fingerprint = keys.own_public(db).fingerprint
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("county@example.cn", True))
    dialog = KeysDialog(city_db)
    qtbot.addWidget(dialog)
    seen: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert box is not None and box.objectName() == "replace_key"
        seen.append(box.text())
        assert box.defaultButton().objectName() == "cancel"
        qtbot.mouseClick(
            box.findChild(type(box.defaultButton()), button), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, lambda: answer("cancel"))
    assert dialog.trust(str(tmp_path / "county-new.pub")) is False
    assert old_fingerprint in seen[0] and new_fingerprint in seen[0]
    assert keys.trusted_fingerprint(city_db, "410482") == old_fingerprint
    assert messages[-1][0] == "question" and new_fingerprint in messages[-1][2]

    QTimer.singleShot(0, lambda: answer("replace"))
    assert dialog.trust(str(tmp_path / "county-new.pub")) is True
    assert keys.trusted_fingerprint(city_db, "410482") == new_fingerprint
    rows = {
        dialog.peers.item(r, 2).text(): dialog.peers.item(r, 4).text()
        for r in range(dialog.peers.rowCount())
    }
    [revoked] = keys.revoked_keys(city_db)
    assert rows[new_fingerprint].startswith("在用")
    assert rows[old_fingerprint] == f"已作废（{revoked.revoked_at:%Y-%m-%d} 更换）"

    # the same key again: nothing to confirm, nothing changes
    assert dialog.trust(str(tmp_path / "county-new.pub")) is False
    assert messages[-1][0] == "information" and "已信任过" in messages[-1][2]
