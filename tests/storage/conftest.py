from __future__ import annotations

import pytest

from core.storage.database import open_database


@pytest.fixture
def db(data_dir):
    """A real, migrated database file in the test's data directory."""
    database = open_database(data_dir.database_path)
    yield database
    database.close()
