"""文件 → 生成演示数据… on a database that already holds an office's records asks
first (default No): the demo's enterprises, checks and offers would mix with the
real ones and go up in the sync bundles (README, 命令行 `hexie demo`)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.services.register import enterprises
from tests.builders import code
from tests.gui import answer_questions


def answering(monkeypatch, answer):
    asked = answer_questions(monkeypatch, answer, keep=lambda _title, text: text)
    counts: list[str] = []

    def get_int(*_args, **_kwargs):
        counts.append("asked")
        return 0, False  # the count dialog cancelled: nothing generated either way

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    return asked, counts


def test_demo_into_a_database_with_enterprises_asks_and_no_writes_nothing(
    qtbot, window, monkeypatch
):
    enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    asked, counts = answering(monkeypatch, QMessageBox.StandardButton.No)
    window.demo_action.trigger()
    assert len(asked) == 1 and "已有 1 家企业" in asked[0] and "同步包" in asked[0]
    assert counts == []  # stopped before the number was even asked
    assert enterprises.count(window.db, enterprises.EnterpriseFilter()) == 1
    asked, counts = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    window.demo_action.trigger()
    assert counts == ["asked"]


def test_demo_into_an_empty_database_goes_straight_to_the_number(qtbot, window, monkeypatch):
    asked, counts = answering(monkeypatch, QMessageBox.StandardButton.No)
    window.demo_action.trigger()
    assert asked == [] and counts == ["asked"]


def test_demo_data_a_second_time_is_made_not_refused_for_its_seed(qtbot, window, monkeypatch):
    """The window used the count as the seed: the same count again made the same credit
    codes and was refused with "请换一个 --seed", which the window cannot do."""
    from app.services.core.progress import drain
    from app.services.demo import demo

    drain(demo.generate(window.db, enterprises=20, seed=20))  # an earlier demo of 20
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (20, True))
    window.demo_action.trigger()
    assert enterprises.count(window.db, enterprises.EnterpriseFilter()) == 40
