from __future__ import annotations

import pytest

from core.storage import evidence_store
from core.storage.database import open_database
from core.storage.library_sync import sync_library
from tests import evidence_factory as make


@pytest.fixture
def db(tmp_path):
    """A migrated database with the shipped evidence library, as every command and the window have it."""
    database = open_database(tmp_path / "records.sqlite3")
    sync_library(database)
    yield database
    database.close()


@pytest.fixture
def small_library_db(data_dir):
    """A migrated database holding the small hand-made test library (tests/evidence_factory.py)."""
    database = open_database(data_dir.database_path)
    evidence_store.install_library(database, make.library(), "h")
    yield database
    database.close()
