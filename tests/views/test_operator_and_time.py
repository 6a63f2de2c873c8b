"""The audit trail names a person and shows local time."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.services.core import audit, local_time
from app.services.register import enterprises
from app.settings import AppSettings
from app.views.settings.operator_dialog import OperatorDialog
from tests.builders import code


def test_window_asks_for_the_operator_of_a_database_made_by_init(
    qtbot, tmp_path, monkeypatch, messages, capsys
):
    from app.gui import open_main_window
    from tests.commands import run

    db_path = tmp_path / "county.sqlite3"
    monkeypatch.delenv("HEXIE_OPERATOR", raising=False)
    made, _out, err = run(capsys, "init", "--db", str(db_path), "--office", "410482")
    assert made == 0, err
    asked = []

    def answer(dialog):
        asked.append(dialog.office.text())
        dialog.operator.setText("王小明")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(OperatorDialog, "exec", answer)
    settings = AppSettings()  # this PC has no operator yet
    window = open_main_window(db_path, settings)
    qtbot.addWidget(window)
    assert asked and "汝州" in asked[0]
    assert settings.operator == "王小明" and AppSettings.load().operator == "王小明"
    eid = enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    assert audit.history(window.db, "enterprise", eid)[0].operator == "王小明"
    window.db.close()
    # Next start on this PC: nobody is asked again.
    asked.clear()
    again = open_main_window(db_path, AppSettings.load())
    qtbot.addWidget(again)
    assert asked == []
    again.db.close()


def test_the_operator_dialog_wants_a_name(qtbot):
    dialog = OperatorDialog("汝州市协调劳动关系三方委员会办公室")
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert "姓名" in dialog.error.text() and dialog.result() == 0


def test_cli_takes_operator_from_the_option_or_the_environment(tmp_path, monkeypatch, capsys):
    """In-process `hexie` (the environment is read when a command runs, as in a new process)."""
    from tests.commands import run

    monkeypatch.delenv("HEXIE_OPERATOR", raising=False)
    db_path = tmp_path / "c.sqlite3"
    code_, _out, err = run(
        capsys, "init", "--db", str(db_path), "--office", "410482", "--operator", "张三"
    )
    assert code_ == 0, err
    assert AppSettings.load().operator == "张三"  # init names this PC's operator
    csv = tmp_path / "名录.csv"
    csv.write_text(f"企业名称,统一社会信用代码\n汝州市甲公司,{code(1)}\n", encoding="utf-8")
    monkeypatch.setenv("HEXIE_OPERATOR", "李四")
    code_, _out, err = run(capsys, "import-enterprises", str(csv), "--db", str(db_path))
    assert code_ == 0, err
    monkeypatch.delenv("HEXIE_OPERATOR")
    csv.write_text(f"企业名称,统一社会信用代码\n汝州市乙公司,{code(2)}\n", encoding="utf-8")
    code_, _out, err = run(
        capsys, "import-enterprises", str(csv), "--db", str(db_path), "--operator", "赵五"
    )
    assert code_ == 0, err
    from sqlalchemy import select

    from app.models import AuditEntry
    from app.models.db import open_database

    with open_database(db_path) as db, db.session() as session:
        operators = {r for r in session.execute(select(AuditEntry.operator)).scalars()}
    assert operators == {"李四", "赵五"}


def test_history_shows_local_time(qtbot, window):
    from app.services.register.enterprises import EnterpriseFilter

    eid = enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    stored = audit.history(window.db, "enterprise", eid)[0].at  # UTC
    tab = window.enterprise_tab
    tab.refresh()
    assert enterprises.count(window.db, EnterpriseFilter()) == 1
    tab.table.selectRow(0)
    dialog = tab.show_history()
    shown = datetime.strptime(dialog.table.item(0, 0).text(), "%Y-%m-%d %H:%M:%S")
    assert shown == (stored + timedelta(hours=8)).replace(microsecond=0)
    assert local_time.local(datetime(2023, 6, 30, 20, 30)) == datetime(2023, 7, 1, 4, 30)
