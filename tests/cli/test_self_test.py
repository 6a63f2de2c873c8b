"""`hexie self-test` from source (the bundle's run is in .ci/run)."""

from __future__ import annotations

from app.cli import main


def test_self_test_passes_and_reports_each_step(tmp_path, capsys):
    assert main(["self-test", "--keep", str(tmp_path / "st")]) == 0
    out = capsys.readouterr().out
    for step in (
        "数据库与迁移",
        "每类记录各写一条",
        "表单 PDF",
        "表单 Word",
        "同步包导出与导入",
        "备份与完整性检查",
    ):
        assert f"✓ {step}" in out
    assert out.strip().endswith("自检通过。")
    assert (tmp_path / "st" / "体检报告.pdf").read_bytes().startswith(b"%PDF")


def test_self_test_fails_when_a_step_fails(tmp_path, capsys, monkeypatch):
    from app import selftest

    def broken(_tmp, _state):
        raise selftest.SelfTestFailure("PDF 文件不完整")

    monkeypatch.setattr(selftest, "_pdf", broken)
    assert main(["self-test", "--keep", str(tmp_path / "st")]) == 1
    out = capsys.readouterr().out
    assert "✗ 表单 PDF：PDF 文件不完整" in out and "自检失败：1 项未通过。" in out
