"""The text of the register's filter as SQL: a name fragment, pinyin initials or
the start of a credit code (README, 企业名录 "搜索").

Which index answers depends on the fragment (app/models/name_index.py): a short
rare fragment the two-character piece index, a longer one the trigram table; a
page in name order with a fragment of three characters or more the name-order
snapshot (app/models/name_order.py), which reads the first matches in pinyin order
and stops at the page's end; a common fragment with no usable snapshot is tested
along the sort index. The credit codes a fragment begins are one more list of
rowids, unioned with the name's: an OR of the two made SQLite walk the whole sort
index.
"""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    false,
    literal_column,
    or_,
    select,
    union,
    union_all,
)

from app.models import Enterprise, name_order
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.register import name_search


def credit_code_prefix(prefix: str) -> ColumnElement[bool]:
    """Credit codes starting with `prefix`, as a range the live credit-code index
    answers (LIKE 'X%' could not use it: LIKE ignores case, the index does not)."""
    code = Enterprise.credit_code
    return and_(code >= prefix, code < prefix + "\uffff")


def text_condition(
    text: str,
    filters: list[ColumnElement[bool]],
    conn: Connection | None = None,
    counting: bool = False,
    window: name_order.Window | None = None,
) -> ColumnElement[bool]:
    """Enterprises whose name holds `text`, whose pinyin initials do, or whose credit
    code begins with it — written so each engine answers it from an index (the
    module's docstring). `filters`: the list's other conditions (the name-order
    snapshot applies them as it reads); `window`: the page, when in name order."""
    e = Enterprise
    ranked = _in_name_order(conn, text, filters, window) if window else None
    if ranked is not None:
        return ranked
    if not (text.isascii() and text.replace(" ", "").isalnum()):
        return name_search.fragment_matches(text, conn=conn, common_too=counting)
    compact = text.replace(" ", "")
    rare = name_search.rare_short_rowids(conn, text, compact.lower(), common_too=counting)
    common = None
    if rare is None:
        rare = name_search.trigram_rowids(conn, text, compact.lower(), common_too=counting)
    if rare is None and not counting:
        common = name_search.trigram_rowids(conn, text, compact.lower(), common_too=True)
    codes = select(literal_column("rowid")).where(
        e.deleted == false(), credit_code_prefix(compact.upper())
    )
    # A long list of credit codes ("9141…") is read faster along the indexes.
    few_codes = (
        (rare is not None or common is not None)  # None on a server: no rowid there
        and conn is not None
        and name_search.fewer_than_rare(conn, codes)
    )
    if rare is not None and few_codes:
        # One list of rowids (the name's and the credit codes').
        return literal_column("enterprise.rowid").in_(union(rare, codes))
    if common is not None and few_codes and name_search.dense(conn, text, compact.lower()):  # type: ignore[arg-type]
        # In most names ("yxgs"): LIKE along the sort index fills a page at once.
        return or_(
            name_search.like_fragment(text, compact.lower()), credit_code_prefix(compact.upper())
        )
    if common is not None and few_codes:
        # A common one ("pds"): the same list tested along the sort index.
        return name_search.walked_in(union(common, codes))  # type: ignore[arg-type]
    return or_(
        name_search.fragment_matches(text, compact.lower(), conn),
        credit_code_prefix(compact.upper()),
    )


def _in_name_order(
    conn: Connection | None,
    text: str,
    filters: list[ColumnElement[bool]],
    window: name_order.Window,
) -> ColumnElement[bool] | None:
    """The page's candidates from the name-order snapshot (app/models/name_order.py):
    a fragment of three characters or more, its first matches in pinyin order, with
    the credit codes it begins when they are few. None when the snapshot cannot
    answer (no snapshot, too many changes since, a short fragment, many codes)."""
    if conn is None or conn.dialect.name != "sqlite":
        return None
    initials = ""
    codes = None
    if text.isascii() and text.replace(" ", "").isalnum():
        compact = text.replace(" ", "")
        initials = compact.lower()
        codes = select(literal_column("rowid")).where(
            Enterprise.deleted == false(), credit_code_prefix(compact.upper())
        )
    if len(text) < name_search.TRIGRAM or (initials and len(initials) < name_search.TRIGRAM):
        return None
    seq = name_order.usable(conn)
    if seq is None:
        return None
    if codes is not None and not name_search.fewer_than_rare(conn, codes):
        return None
    found = name_order.first_matches(conn, seq, text, initials, filters, window)
    if codes is not None:
        found.append(codes)
    return literal_column("enterprise.rowid").in_(union_all(*found))


def refresh_name_order(conn: Connection) -> Work[bool]:
    """After a bulk write, in its unit of work: rebuild the name-order snapshot when
    it is due (~60 s at a million names, so the window says what it is doing)."""
    if not name_order.due(conn):
        return False
    for done, total in name_order.rebuild_steps(conn):
        yield Progress(done, total, N_("正在整理名称搜索索引…"))
    return True
