"""`hexie self-test`: proves an installed copy works on this PC, with no network.

In a temporary folder it creates a database (running every migration), writes
one record of each kind, renders one form to PDF and one to Word, makes a
sync bundle from a county to the city and reads it back, and backs up and
checks the file. It prints one line per step and returns 0 only if every
step worked. The installers run it after building (and .ci/run runs it from
the PyInstaller bundle and from the installed .deb).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PASSPHRASE = "self-test passphrase 2023"


class SelfTestFailure(AssertionError):
    """A step produced the wrong result."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def run(folder: Path | None = None, out: Callable[[str], Any] = print) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keep = folder is not None
    tmp = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="hexie-self-test-"))
    tmp.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], str]]] = [
        ("数据库与迁移", lambda: _database(tmp, state)),
        ("每类记录各写一条", lambda: _records(tmp, state)),
        ("表单 PDF", lambda: _pdf(tmp, state)),
        ("表单 Word", lambda: _docx(tmp, state)),
        ("空白表扫描读回", lambda: _scan(tmp, state)),
        ("工作总结 Word", lambda: _report(tmp, state)),
        ("同步包导出与导入", lambda: _bundle(tmp, state)),
        ("备份与完整性检查", lambda: _backup(tmp, state)),
    ]
    from app import __version__

    out(
        f"和谐台账 {__version__} 自检（{sys.platform}，{'打包版' if getattr(sys, 'frozen', False) else '源码版'}）"
    )
    failed = 0
    try:
        for name, step in steps:
            started = time.perf_counter()
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next step runs
                failed += 1
                out(f"✗ {name}：{exc}")
                out("".join(traceback.format_exception(exc)).rstrip())
                continue
            out(f"✓ {name}（{time.perf_counter() - started:.1f} 秒）{detail}")
    finally:
        for db in (state.get("county"), state.get("city")):
            if db is not None:
                db.close()
        if not keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    out("自检通过。" if not failed else f"自检失败：{failed} 项未通过。")
    return 0 if not failed else 1


def _database(tmp: Path, state: dict[str, Any]) -> str:
    from app.models import migrate
    from app.models.db import open_database
    from app.services.core import office

    county = open_database(tmp / "county.sqlite3", operator="自检")
    office.configure(county, "410482", level="county")
    city = open_database(tmp / "city.sqlite3", operator="自检")
    office.configure(city, "410400", level="city")
    state["county"], state["city"] = county, city
    revision = migrate.current_revision(county.engine)
    _check(revision == migrate.head_revision(), f"结构版本为 {revision}")
    return f"：结构版本 {revision}"


def _records(tmp: Path, state: dict[str, Any]) -> str:
    from app.models.base import sync_record_types
    from app.services.checks import health_checks
    from app.services.core import stats
    from app.services.core.progress import drain
    from app.services.demo import demo
    from app.services.layoffs import layoffs
    from app.services.ledger import attachments

    db = state["county"]
    drain(demo.generate(db, enterprises=30, seed=2, today=date.today()))
    # The kinds the demo leaves empty: an amended check, a layoff list, evidence.
    from sqlalchemy import select

    from app.models import HealthCheck, LayoffFiling, RectificationItem
    from app.services.campaign import campaign_report, campaigns
    from app.services.ledger import ledger

    with db.session() as session:
        check_id = session.execute(
            select(HealthCheck.id).where(HealthCheck.status == "final").limit(1)
        ).scalar_one()
        filing_id = session.execute(select(LayoffFiling.id).limit(1)).scalar_one()
        item = session.execute(
            select(RectificationItem.id, RectificationItem.deadline)
            .where(RectificationItem.status != "closed")
            .limit(1)
        ).one()
    state["check_id"] = check_id
    item_id = item.id
    ledger.extend_deadline(db, item_id, item.deadline + timedelta(days=30), "自检：企业申请延期")
    campaign = campaigns.current(db)
    _check(campaign is not None, "演示数据没有专项行动")
    report = campaign_report.get(db, campaign.id)  # type: ignore[union-attr]
    report.narratives["basic"] = "自检写入的总体情况。"
    campaign_report.save(db, campaign.id, report)  # type: ignore[union-attr]
    data = health_checks.get(db, check_id).input
    data.advice = (data.advice + "（复核后补充）").strip()
    health_checks.amend(db, check_id, data, "自检：复核后补充建议")
    people = tmp / "名单.csv"
    people.write_text(
        "姓名,身份证号码,本单位工作年限,月工资\n张丽,11010519491231002X,3.5,4000\n", "utf-8"
    )
    layoffs.import_people(db, filing_id, people)
    evidence = tmp / "整改报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 self-test evidence")
    attachments.add(db, item_id, evidence)
    counts = stats.record_counts(db)
    empty = [cls.__tablename__ for cls in sync_record_types() if not counts.get(cls.__tablename__)]  # type: ignore[attr-defined]
    _check(not empty, "没有写入：" + "、".join(empty))
    return f"：{len(counts)} 类，共 {sum(counts.values())} 条"


def _pdf(tmp: Path, state: dict[str, Any]) -> str:
    from PySide6.QtWidgets import QApplication

    from app.views.printing import output

    QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    path = output.write_documents(
        state["county"], "check-report", [state["check_id"]], tmp / "体检报告.pdf"
    )
    data = path.read_bytes()
    _check(data.startswith(b"%PDF") and len(data) > 2000, "PDF 文件不完整")
    return f"：{len(data) // 1024} KB"


def _scan(tmp: Path, state: dict[str, Any]) -> str:
    """The blank field form printed to PDF and read back as a scan would be (OpenCV,
    zxing-cpp and PDFium present and working in this copy)."""
    from app.models import HealthCheck
    from app.services.core.progress import drain
    from app.services.scans import batch
    from app.views.printing import output

    db = state["county"]
    with db.session() as session:
        enterprise_id = session.get(HealthCheck, state["check_id"]).enterprise_id
    path = drain(output.blank_forms(db, [enterprise_id], tmp / "空白现场记录表.pdf"))
    scans = drain(batch.read_scans(db, [path]))
    _check(len(scans.forms) == 1 and not scans.set_aside, "空白表的二维码或定位块未能读出")
    items = scans.forms[0].items()
    _check(all(i.reading == "unchecked" for i in items), "空白表上读出了勾选")
    return f"：{scans.pages_read} 页，{len(items)} 项均为空白"


def _docx(tmp: Path, state: dict[str, Any]) -> str:
    import zipfile

    from app.views.printing import output

    path = output.write_documents(
        state["county"], "rectification-notice", [state["check_id"]], tmp / "整改建议书.docx"
    )
    with zipfile.ZipFile(path) as z:
        text = z.read("word/document.xml").decode("utf-8")
    _check("整改" in text, "Word 文件中没有表单内容")
    return f"：{path.stat().st_size // 1024} KB"


def _report(tmp: Path, state: dict[str, Any]) -> str:
    from app.services.campaign import campaign_report, campaigns

    db = state["county"]
    current = campaigns.current(db)
    _check(current is not None, "演示数据没有专项行动")
    result = campaign_report.write(db, current.id, tmp / "工作总结.docx", annex=tmp / "统计表.xlsx")  # type: ignore[union-attr]
    _check(result.docx.stat().st_size > 5000 and result.annex is not None, "工作总结不完整")
    return ""


def _bundle(tmp: Path, state: dict[str, Any]) -> str:
    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter
    from app.services.sync import bundle, keys

    county, city = state["county"], state["city"]
    keys.init(county, PASSPHRASE)
    keys.init(city, PASSPHRASE)
    keys.trust(county, keys.read_public(keys.export_public(city, tmp / "city.pub")))
    keys.trust(city, keys.read_public(keys.export_public(county, tmp / "county.pub")))
    result = bundle.export(county, "410400", tmp / "out", keys.unlock(county, PASSPHRASE))
    summary = bundle.import_paths(
        city, [tmp / "out"], keys.unlock(city, PASSPHRASE), receipt_dir=tmp / "receipt"
    )
    sent = enterprises.count(county, EnterpriseFilter())
    got = enterprises.count(city, EnterpriseFilter())
    _check(sent == got > 0, f"发出 {sent} 家企业，收到 {got} 家")
    added = sum(c["added"] for b in summary["bundles"] for c in b["counts"].values())
    _check(
        added == sum(result.counts.values()),
        f"导出 {sum(result.counts.values())} 条，导入 {added} 条",
    )
    return f"：{added} 条记录，{sum(f.stat().st_size for f in result.files) // 1024} KB"


def _backup(tmp: Path, state: dict[str, Any]) -> str:
    from app.services.core import backups

    db = state["county"]
    made = backups.make_backup(db.path, tmp / "备份", "manual")
    info = backups.describe(made)
    _check(info.ok and info.counts.get("企业", 0) > 0, "备份不完整：" + "；".join(info.problems))
    return f"：{made.stat().st_size // 1024} KB"
