from __future__ import annotations

import json
from datetime import date

import pytest

from app.services.core.fields import ValidationError
from app.services.layoffs import layoffs
from app.services.negotiation import offer_findings, offers
from app.services.negotiation.offers import OfferFilter, OfferInput, SessionInput
from app.services.risk import risk_events
from tests.records import enterprise, filing, offer

TODAY = date(2023, 12, 1)


def test_offer_clock_and_stage(db):
    oid = offer(db, enterprise(db))
    data, facts = offers.get(db, oid)
    assert facts["stage"] == "received" and facts["reply_due_on"] == date(2023, 10, 17)
    assert offers.count(db, OfferFilter(overdue=True, today=date(2023, 10, 18))) == 1
    assert offers.count(db, OfferFilter(overdue=True, today=date(2023, 10, 17))) == 0
    late = [f for f in offer_findings.findings(db, oid, today=date(2023, 10, 20)) if not f.ok]
    assert "已逾期 3 天" in late[0].text
    data.replied_on, data.reply = date(2023, 10, 10), "accepted"
    data.signed_on = date(2023, 11, 1)
    offers.save(db, data, oid)
    _, facts = offers.get(db, oid)
    assert facts["stage"] == "signed" and facts["filing_due_on"] == date(2023, 11, 8)
    found = {f.text: f.ok for f in offer_findings.findings(db, oid, today=date(2023, 11, 10))}
    assert found["2023-10-10 书面答复（应在 2023-10-17 前）"] is True
    assert found["应于 2023-11-08 前报送劳动行政部门，已逾期 2 天"] is False
    data.filed_on = date(2023, 11, 6)
    data.effective_from, data.expires_on = date(2023, 11, 22), date(2025, 11, 21)
    offers.save(db, data, oid)
    assert offers.count(db, OfferFilter(stage="filed", today=date(2023, 11, 10))) == 1
    found = {f.text: f.ok for f in offer_findings.findings(db, oid, today=date(2023, 11, 10))}
    assert found["2023-11-06 报送（应在 2023-11-08 前）"] is True
    assert offers.count(db, OfferFilter(stage="effective", today=TODAY)) == 1
    assert any("已生效" in f.text for f in offer_findings.findings(db, oid, today=TODAY))
    assert any("续订" in f.text for f in offer_findings.findings(db, oid, today=date(2025, 10, 1)))


def test_national_rules_selectable(db):
    oid = offer(db, enterprise(db), rules="national")
    assert offers.get(db, oid)[1]["reply_due_on"] == date(2023, 10, 17)  # 20 days after 27 Sep
    oid = offers.save(
        db,
        OfferInput(
            enterprise(db, serial=2),
            topics=["g01_pay"],
            received_on=date(2023, 9, 12),
            rules="national",
        ),
    )
    assert offers.get(db, oid)[1]["reply_due_on"] == date(2023, 10, 7)


def test_reply_before_offer_refused_and_nothing_saved(db):
    eid = enterprise(db)
    with pytest.raises(ValidationError) as err:
        offers.save(
            db,
            OfferInput(
                eid,
                topics=["g01_pay"],
                received_on=date(2023, 9, 27),
                replied_on=date(2023, 9, 20),
                reply="accepted",
            ),
        )
    assert "早于" in err.value.errors["replied_on"]
    with pytest.raises(ValidationError) as err:
        offers.save(db, OfferInput(eid, topics=[]))
    assert "议题" in err.value.errors["topics"]
    assert offers.count(db, OfferFilter()) == 0


def test_session_with_25_and_2_representatives_is_a_visible_finding(db):
    oid = offer(db, enterprise(db))
    offers.add_session(db, oid, SessionInput(date(2023, 10, 12), 25, 2, 1, 1))
    bad = [f.text for f in offer_findings.findings(db, oid, today=TODAY) if not f.ok]
    assert any("不相等" in t for t in bad) and any("职工方代表 2 人，少于 3 人" in t for t in bad)
    with pytest.raises(ValidationError):
        offers.add_session(
            db, oid, SessionInput(date(2023, 9, 1), 3, 3)
        )  # before the offer was received


def test_congress_vote_findings(db):
    oid = offer(db, enterprise(db), congress_members=90, congress_attended=59, congress_approved=50)
    texts = {f.text: f.ok for f in offer_findings.findings(db, oid, today=TODAY)}
    assert texts["出席 59/90 人（须达到 2/3）"] is False
    assert texts["同意 50 人，占全体 90 人（须超过 1/2）"] is True


def test_offer_filters(db):
    a = offer(db, enterprise(db, serial=1))
    offers.save(
        db, OfferInput(enterprise(db, serial=2), topics=["piece_rate"], situation="platform")
    )
    assert offers.count(db, OfferFilter(situation="platform")) == 1
    assert offers.count(db, OfferFilter(topic="pay_level")) == 1
    assert offers.count(db, OfferFilter(stage="draft")) == 1
    assert offers.page(db, OfferFilter(stage="received"))[0]["id"] == a


def test_filing_findings(db):
    fid = filing(db, enterprise(db))
    found = {f.text: f.ok for f in layoffs.findings(db, fid, today=date(2023, 4, 1))}
    assert any("未达到第41条" in t for t in found)
    assert found["提前 30 日说明情况（须至少 30 日）"] is True
    fid = filing(db, enterprise(db, serial=2), total_staff=190, explained_on=date(2023, 3, 2))
    found = {f.text: f.ok for f in layoffs.findings(db, fid, today=date(2023, 4, 1))}
    assert any("属于经济性裁员" in t and ok for t, ok in found.items())
    assert any("不足 1 日" in t and not ok for t, ok in found.items())


def test_threshold_list_follows_the_rule_table(db, monkeypatch):
    """达到第41条标准 lists exactly the filings threshold_met passes, with the numbers
    of resources/rules/layoffs.json (not numbers written into the query)."""
    from app.services.layoffs import layoff_list, layoff_rules

    sizes = {(200, 19): 1, (190, 19): 2, (1000, 20): 3, (1000, 25): 4, (300, 29): 5}
    ids = {
        filing(db, enterprise(db, serial=n), total_staff=s, laid_off=k): (s, k)
        for (s, k), n in sizes.items()
    }

    def listed() -> set[str]:
        flt = layoff_list.FilingFilter(threshold_only=True)
        return {r["id"] for r in layoff_list.page(db, flt, limit=50)}

    def passing() -> set[str]:
        return {i for i, (s, k) in ids.items() if layoff_rules.threshold_met(s, k).ok}

    assert listed() == passing() and len(passing()) == 4  # 19 of 200 is 9.5%
    table = json.loads(json.dumps(layoff_rules.rules()))
    table["threshold"].update(people=30, share_percent=5)  # an office's other reading
    monkeypatch.setattr(layoff_rules, "rules", lambda: table)
    assert listed() == passing() and len(passing()) == 3  # 20 and 25 of 1,000 are 2–2.5%


def test_below_article_41_the_findings_cite_articles_40_and_43(db):
    """19 of 200 is no 第41条 layoff: its notice is 第40条's (to each worker), the union
    is told the reasons (第43条), and there is nothing to report before the layoff."""
    late = {"opinions": "", "reported_on": date(2023, 4, 5)}  # reported after the layoff
    below = filing(db, enterprise(db), **late)
    found = {f.text: f.basis for f in layoffs.findings(db, below, today=date(2023, 4, 10))}
    assert "第40条" in found["提前 30 日说明情况（须至少 30 日）"]
    assert "第43条" in found["未记录已将解除理由事先通知工会"]
    assert not any("第41条" in b for t, b in found.items() if "第41条" not in t)
    assert not any("实施前报告" in t or "听取工会" in t for t in found)
    above = filing(db, enterprise(db, serial=2), total_staff=190, **late)
    found = {f.text: f.basis for f in layoffs.findings(db, above, today=date(2023, 4, 10))}
    assert "第41条" in found["提前 30 日说明情况（须至少 30 日）"]
    assert "未记录工会或职工的意见" in found and any("实施前报告" in t for t in found)


def test_more_people_than_employed_refused(db):
    with pytest.raises(ValidationError) as err:
        filing(db, enterprise(db), total_staff=10, laid_off=12)
    assert "超过职工总数" in err.value.errors["laid_off"]


def test_people_list_import_masks_ids_and_finds_protected(db, tmp_path):
    from openpyxl import Workbook

    fid = filing(db, enterprise(db), laid_off=3)
    wb = Workbook()
    ws = wb.active
    ws.append(["拟裁减人员名单"])
    ws.append(["姓名", "身份证号码", "合同类型", "本单位工作年限", "月工资", "特殊情形"])
    ws.append(["张丽", "11010519491231002X", "固定期限", "3.5", "4000", "哺乳期"])
    ws.append(["王强", "110105194912310021", "无固定期限", "16", "5000", ""])
    ws.append(["李明", "410482199001011234", "固定期限", "0.3", "3500", "医疗期内"])
    wb.save(tmp_path / "名单.xlsx")
    result = layoffs.import_people(db, fid, tmp_path / "名单.xlsx")
    assert result.added == 3 and len(result.problems) >= 1 and "王强" in result.problems[0][1]
    listed = {p.name: p for _id, p, _s in layoffs.people(db, fid)}
    assert (
        listed["张丽"].id_masked == "110105********002X"
        and "pregnancy_maternity_nursing" in listed["张丽"].flags
    )
    assert listed["王强"].id_problem  # wrong check digit: kept, shown
    texts = [f.text for f in layoffs.findings(db, fid, today=date(2023, 4, 1)) if not f.ok]
    assert any(t.startswith("张丽：女职工在孕期") for t in texts)
    assert any(t.startswith("李明：患病或者非因工负伤") for t in texts)
    assert any(t.startswith("王强：与本单位订立无固定期限") for t in texts)
    assert any("王强（110105********0021）" in t for t in texts)
    comp = [
        f.text for f in layoffs.findings(db, fid, today=date(2023, 4, 1)) if "经济补偿" in f.text
    ][0]
    assert "16,000.00" not in comp and "经济补偿估算合计" in comp  # 4×4000 + 16×5000 + 0.5×3500
    assert "97,750.00" in comp
    from tests.sync_support import snapshot

    dump = snapshot(db)
    assert "11010519491231002X" not in dump and "410482199001011234" not in dump


def test_risk_event_register(db):
    eid = enterprise(db)
    rid = risk_events.save(
        db,
        risk_events.EventInput(
            eid, "wage_claim", 35, 420000, date(2023, 8, 1), "35名农民工讨要工资", True
        ),
        today=TODAY,
    )
    risk_events.add_intervention(
        db, rid, date(2023, 8, 2), "人社局劳动监察大队", "约谈项目负责人，督促总包代发"
    )
    with pytest.raises(ValidationError):
        risk_events.close(db, rid, date(2023, 7, 1), "已全部发放")
    risk_events.close(db, rid, date(2023, 8, 20), "工资已全部发放到位")
    data, facts = risk_events.get(db, rid)
    assert facts["status"] == "closed" and facts["interventions"][0][1] == "人社局劳动监察大队"
    assert risk_events.count(db, risk_events.EventFilter(may_spread=True)) == 1
    assert risk_events.count(db, risk_events.EventFilter(status="open")) == 0
