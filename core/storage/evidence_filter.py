"""One full-text index over each study's searchable words and its etiology and mechanism ids (migration
m011), so an evidence search with filters is a single FTS5 query: FTS5 intersects the lists of studies
itself. Without it SQLite built, for each filter and for the words, a list of every study matching it (a
two-letter word such as 'IL' matches 71 % of a synthetic library), then probed those lists study by study.

The words are indexed as the main index (``evidence_studies_fts``) indexes them: the same columns and
tokenizer, so words match here exactly the studies they match there; the search keeps ranking by the main
index. Each id is one token in a column of its own (``filter_terms``): 'e' or 'm' and the id's text in hex,
so no id splits into words, and a column filter keeps the typed words from matching ids. The ids are read
from each study's JSON, the lists the link tables are filled from. The index takes its rows from a view, so
``rebuild`` works, and triggers keep it in step with every insert, update and delete of a study."""

from __future__ import annotations

import sqlite_utils

from core.storage.evidence_tables import SEARCH_COLUMNS, STUDIES

VIEW = f"{STUDIES}_filter_rows"
INDEX = f"{STUDIES}_filter"
TERMS = "filter_terms"
MATCHING = f"select rowid from {INDEX} where {INDEX} match ?"
_COLUMNS = ", ".join([*SEARCH_COLUMNS, TERMS])


def _ids(array: str, field: str, prefix: str) -> str:
    """The ids of a JSON array of the study (or a field of each of its items) as tokens, or null."""
    return (f"(with recursive at(i) as (select 0 union all select i + 1 from at "
            f"where i + 1 < json_array_length(s.json, '{array}')) "
            f"select group_concat('{prefix}' || hex(json_extract(s.json, '{array}[' || i || ']{field}')), ' ') "
            f"from at where i < json_array_length(s.json, '{array}'))")


_TERMS = (f"trim(coalesce({_ids('$.etiologies', '', 'e')}, '') || ' ' || "
          f"coalesce({_ids('$.findings', '.mechanism', 'm')}, ''))")
_FROM_VIEW = f"select study_rowid, {_COLUMNS} from {VIEW} where study_rowid = "
_REMOVE = f"insert into {INDEX}({INDEX}, rowid, {_COLUMNS}) select 'delete', study_rowid, {_COLUMNS} from {VIEW} where study_rowid = "


def create(db: sqlite_utils.Database) -> None:
    """The view, the index built from every stored study, and the triggers that keep it current."""
    words = ", ".join(f"s.{column}" for column in SEARCH_COLUMNS)
    db.execute(f"create view {VIEW} as select s.rowid as study_rowid, {words}, {_TERMS} as {TERMS} from {STUDIES} s")
    db.execute(f"create virtual table {INDEX} using fts5({_COLUMNS}, content='{VIEW}', content_rowid='study_rowid', "
               "tokenize='unicode61')")
    db.execute(f"insert into {INDEX}({INDEX}) values ('rebuild')")
    # The view reads the study's row: an entry is removed before its row goes, and added after it is written.
    db.execute(f"create trigger {INDEX}_insert after insert on {STUDIES} begin "
               f"insert into {INDEX}(rowid, {_COLUMNS}) {_FROM_VIEW}new.rowid; end")
    db.execute(f"create trigger {INDEX}_delete before delete on {STUDIES} begin {_REMOVE}old.rowid; end")
    db.execute(f"create trigger {INDEX}_update_old before update on {STUDIES} begin {_REMOVE}old.rowid; end")
    db.execute(f"create trigger {INDEX}_update_new after update on {STUDIES} begin "
               f"insert into {INDEX}(rowid, {_COLUMNS}) {_FROM_VIEW}new.rowid; end")


def present(db: sqlite_utils.Database) -> bool:
    """False on a database before m011, read without migrating (an older Treadwell holds the lock)."""
    return db.execute("select 1 from sqlite_master where type = 'table' and name = ?", [INDEX]).fetchone() is not None


def expression(words: str, etiology: str | None, mechanism: str | None) -> str:
    """The FTS5 query for this index: the words (``fts_query``'s, in the searchable columns only) and each filter."""
    parts = [f"{{{' '.join(SEARCH_COLUMNS)}}} : ({words})"] if words else []
    for prefix, value in (("e", etiology), ("m", mechanism)):
        if value:
            parts.append(f'{TERMS} : "{prefix}{value.encode("utf-8").hex()}"')
    return " AND ".join(parts)
