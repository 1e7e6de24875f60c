"""`evidence --search` with no letter or digit in it is refused, naming what it takes: seen by a tester, a search of
only '*' or '(' listed all 95 studies without a word, read as 95 matches."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("typed", ["*", "(", "-", "\"", "*-*"])
def test_a_search_with_nothing_to_search_for_is_refused(run_main, tmp_path, typed) -> None:
    result = run_main("evidence", "--search", typed, data_dir=tmp_path / "data")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == (f"--search: '{typed}' has no letter or digit to search for; give a word, an "
                                     "author or a marker (TNF, IL-1β)")


def test_a_search_for_a_marker_still_finds_it(run_main, tmp_path) -> None:
    result = run_main("evidence", "--search", "IL-1β", data_dir=tmp_path / "data")
    found = re.search(r"^(\d+) stud(y|ies)$", result.stdout, re.MULTILINE)
    assert result.returncode == 0 and found and int(found[1]) >= 1
    assert "bobinski" not in result.stdout  # IL-4 and β-NGF, not IL-1β
