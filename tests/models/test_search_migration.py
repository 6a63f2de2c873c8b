"""0014_search on a file of 0013 that already holds enterprises: the trigram index
is built from the rows already there, and the triggers keep it in step after."""

from __future__ import annotations

import sqlalchemy as sa

from app.models import migrate
from app.models.db import open_database
from app.services.core import office
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.builders import code


def names(db, text: str) -> list[str]:
    return [row[1] for row in enterprises.page(db, EnterpriseFilter(text=text))]


def test_a_0013_file_with_enterprises_is_searchable_after_the_upgrade(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(path, operator="t")
    office.configure(db, "410482", level="county")
    for n, name in enumerate(("汝州市甲机械有限公司", "汝州市乙建筑工程有限公司"), start=1):
        enterprises.create(db, {"name": name, "credit_code": code(n), "county_code": "410482"})
    db.close()
    engine = sa.create_engine(f"sqlite:///{path}")
    migrate.downgrade(engine, "0013_scans")
    assert "enterprise_fts" not in sa.inspect(engine).get_table_names()
    engine.dispose()

    db = open_database(path, operator="t")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert names(db, "机械有限") == ["汝州市甲机械有限公司"]  # rows from before: indexed
    [eid] = [row[0] for row in enterprises.page(db, EnterpriseFilter(text="建筑工程"))]
    enterprises.update(db, eid, {**enterprises.get(db, eid), "name": "汝州市乙路桥有限公司"})
    assert names(db, "建筑工程") == [] and names(db, "路桥有限") == ["汝州市乙路桥有限公司"]
    with db.reader() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM enterprise WHERE credit_code = ? AND deleted = 0",
                (code(1),),
            )
        )
    assert "ix_enterprise_live_credit_code" in plan
    db.close()
