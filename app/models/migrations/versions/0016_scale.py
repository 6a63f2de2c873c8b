"""short-fragment search: an index of the two-character pieces of enterprise names
and pinyin initials

Revision ID: 0016_scale
Revises: 0014_search
Create Date: 2027-02-01 10:00:00

SQLite-specific (like 0014_search's FTS5 table): the trigram index cannot find one
or two characters, and LIKE '%…%' then read the whole register when few names
matched. `enterprise_gram` holds, for every enterprise, each two-character piece
of its lower-cased name and of its initials, and the last character alone — so
every character starts some piece: two characters are one key (gram = ?), one
character a key range (gram >= ? AND gram < ? || U+10FFFF). Triggers keep it in
step with every write path, as 0014's do for the trigram table; a later migration
that rebuilds `enterprise` in batch mode must recreate them and refill the table
(app/models/name_index.py). On PostgreSQL this revision does nothing.
"""

from alembic import op

revision = "0016_scale"
down_revision = "0014_search"
branch_labels = None
depends_on = None

# Names longer than this many characters have their tail unindexed (the longest
# registered enterprise names run to about 60).
POSITIONS = 128


def _pieces(row: str) -> str:
    """SELECT of the pieces of `row`.name and `row`.name_initials, with its rowid."""
    return (
        f"SELECT substr(lower({row}.name), k, 2), {row}.rowid FROM search_position"
        f" WHERE k <= length({row}.name)"
        f" UNION SELECT substr({row}.name_initials, k, 2), {row}.rowid FROM search_position"
        f" WHERE k <= length({row}.name_initials)"
    )


def _delete_pieces(row: str) -> str:
    # By the primary key (gram, enterprise_rowid): no second index on the rowid.
    return (
        "DELETE FROM enterprise_gram WHERE enterprise_rowid = old.rowid AND gram IN"
        f" (SELECT g FROM (SELECT substr(lower({row}.name), k, 2) AS g FROM search_position"
        f" WHERE k <= length({row}.name) UNION SELECT substr({row}.name_initials, k, 2)"
        f" FROM search_position WHERE k <= length({row}.name_initials)))"
    )


UPGRADE_SQL = (
    "CREATE TABLE search_position (k INTEGER PRIMARY KEY)",
    "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < "
    f"{POSITIONS}) INSERT INTO search_position(k) SELECT k FROM n",
    "CREATE TABLE enterprise_gram (gram TEXT NOT NULL, enterprise_rowid INTEGER NOT NULL,"
    " PRIMARY KEY (gram, enterprise_rowid)) WITHOUT ROWID",
    "CREATE TRIGGER enterprise_gram_insert AFTER INSERT ON enterprise BEGIN"
    f" INSERT OR IGNORE INTO enterprise_gram(gram, enterprise_rowid) {_pieces('new')}; END",
    "CREATE TRIGGER enterprise_gram_delete AFTER DELETE ON enterprise BEGIN"
    f" {_delete_pieces('old')}; END",
    "CREATE TRIGGER enterprise_gram_update AFTER UPDATE OF name, name_initials ON enterprise"
    f" BEGIN {_delete_pieces('old')};"
    f" INSERT OR IGNORE INTO enterprise_gram(gram, enterprise_rowid) {_pieces('new')}; END",
    # Existing enterprises: one pass over the register.
    "INSERT OR IGNORE INTO enterprise_gram(gram, enterprise_rowid)"
    " SELECT substr(lower(e.name), p.k, 2), e.rowid FROM enterprise e"
    " JOIN search_position p ON p.k <= length(e.name)"
    " UNION SELECT substr(e.name_initials, p.k, 2), e.rowid FROM enterprise e"
    " JOIN search_position p ON p.k <= length(e.name_initials)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # a server searches short fragments with ILIKE (app/models/name_index.py)
    for statement in UPGRADE_SQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS enterprise_gram_{trigger}")
    op.execute("DROP TABLE IF EXISTS enterprise_gram")
    op.execute("DROP TABLE IF EXISTS search_position")
