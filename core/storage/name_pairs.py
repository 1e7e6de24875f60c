"""The letter pairs of each patient's folded name, in a full-text index (migration m010), so a two-letter
search finds its patients without reading every name (docs/performance.md). The clinic server has had the
same since its m007 (a GIN index of each name's pairs).

A pair is one token: its text as SQLite's ``lower()`` leaves it (ASCII letters only, which is exactly what
LIKE ignores the case of), written in hex, so spaces, punctuation and letters of any script make one token
that no tokenizer splits. A name contains the two characters typed, as ``name_folded LIKE '%xy%'`` means
it, exactly when its pairs hold ``hex(lower('xy'))``. The index stores only which patients have a pair
(``detail=none``): about 1.6 MB for 100,000 names. Its rows come from a view that derives the pairs from
``name_folded``, so ``rebuild`` works, and triggers keep it in step with every insert, rename and delete."""

from __future__ import annotations

import sqlite_utils

VIEW = "patients_name_pairs"
INDEX = "patients_name_pairs_fts"

# Each position of the name but the last: the pair starting there (none for a name of one character).
_PAIRS = ("(with recursive at(i) as (select 1 union all select i + 1 from at where i < length(p.name_folded) - 1) "
          "select group_concat(hex(lower(substr(p.name_folded, i, 2))), ' ') from at "
          "where length(p.name_folded) > 1)")
_FROM_VIEW = f"select patient_id, pairs from {VIEW} where patient_id = "
_REMOVE = f"insert into {INDEX}({INDEX}, rowid, pairs) select 'delete', patient_id, pairs from {VIEW} where patient_id = "


def create(db: sqlite_utils.Database) -> None:
    """The view, the index built from every saved name, and the triggers that keep it current."""
    db.execute(f"create view {VIEW} as select p.id as patient_id, {_PAIRS} as pairs from patients p")
    db.execute(f"create virtual table {INDEX} using fts5(pairs, content='{VIEW}', content_rowid='patient_id', "
               "detail='none', columnsize=0)")
    db.execute(f"insert into {INDEX}({INDEX}) values ('rebuild')")
    # The view reads the patient's row: an entry is removed before its row goes, and added after it is written.
    db.execute(f"create trigger {INDEX}_insert after insert on patients begin "
               f"insert into {INDEX}(rowid, pairs) {_FROM_VIEW}new.id; end")
    db.execute(f"create trigger {INDEX}_delete before delete on patients begin {_REMOVE}old.id; end")
    # Saving a version writes the name again: its entry changes only when the folded name does.
    renamed = "when new.name_folded is not old.name_folded"
    db.execute(f"create trigger {INDEX}_rename_old before update of name_folded on patients {renamed} begin "
               f"{_REMOVE}old.id; end")
    db.execute(f"create trigger {INDEX}_rename_new after update of name_folded on patients {renamed} begin "
               f"insert into {INDEX}(rowid, pairs) {_FROM_VIEW}new.id; end")


def present(db: sqlite_utils.Database) -> bool:
    """False on a database before m010, read without migrating (an older Treadwell holds the lock)."""
    return db.execute("select 1 from sqlite_master where type = 'table' and name = ?", [INDEX]).fetchone() is not None


def _matching(column: str) -> str:
    return f"select {column} from {INDEX} where {INDEX} match '\"' || hex(lower(?)) || '\"'"


def condition(folded: str) -> tuple[str, list]:
    """SQL condition on patients ``p``: the name contains the two characters ``folded``."""
    return f"where p.id in ({_matching('rowid')})", [folded]


def count(db: sqlite_utils.Database, folded: str, limit: int) -> int:
    """How many names contain the two characters, counted up to ``limit`` (the index alone: no name is read)."""
    return db.execute(f"select count(*) from ({_matching('1')} limit {limit})", [folded]).fetchone()[0]
