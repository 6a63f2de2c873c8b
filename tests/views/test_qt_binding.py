"""Guards against a Qt for Python binding that mis-counts references (PySide6 6.12.0
dropped a reference to None on each void QPainter call, crashing after a few
thousand calls — one printed form)."""

import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

CALLS = 2000


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12 (PEP 683): its count cannot be read or dropped; "
    "test_the_installed_binding_is_one_the_project_allows guards there",
)
def test_void_painter_calls_keep_none_alive(qapp):
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        painter.save()
        painter.fillRect(QRectF(0, 0, 5, 5), QColor("black"))
        painter.drawRect(QRectF(0, 0, 5, 5))
        painter.restore()
    painter.end()
    # The broken binding loses 4 × CALLS references here; other threads move the
    # count by a few at most.
    assert sys.getrefcount(None) >= before - CALLS // 20


def test_the_installed_binding_is_one_the_project_allows():
    """pyproject.toml keeps PySide6 below 6.12 (the release with the miscount); the
    binding the tests run against must be one that range allows."""
    pyproject = tomllib.loads(
        (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8")
    )
    pins = [
        Requirement(r)
        for r in pyproject["project"]["dependencies"]
        if Requirement(r).name.lower().startswith("pyside6")
    ]
    assert pins, "pyproject.toml must name the PySide6 it allows"
    for pin in pins:
        installed = version(pin.name)
        assert pin.specifier.contains(installed), (pin, installed)
        assert not pin.specifier.contains("6.12.0"), f"{pin} allows the broken 6.12.0"
