"""The week plan's times and headings are never broken inside (seen by a helper: in Spanish and Portuguese large
print, the weakest patients' walks in parts read "5:30 (5 × aprox. 1:0" over "5)", and the heading "Seman" over "a":
six columns whose longest words were wider than the page, so every column was cut to its share)."""

from __future__ import annotations

import re

import pytest

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, handout_for, pdf_text
from tests.handout.test_stop_page_parted import ETIOLOGIES

BROKEN_TIME = re.compile(r"\d:\d?\n|\d\n:|:\d\n\d")


@pytest.mark.parametrize("language", ["es", "pt", "en", "vi"])
def test_a_walk_s_times_and_the_headings_stay_whole(language) -> None:
    renderer = HandoutRenderer()
    for etiology in ETIOLOGIES:
        handout = handout_for(example(etiology, baseline_walk_min=1), language=language)
        week = handout.labels.week_columns[0]
        plan = "\n".join(pdf_text(renderer.render(handout)))  # the week plan goes on over a page or two
        assert not BROKEN_TIME.search(plan), (etiology, plan[:600])
        assert week in plan.split(), (etiology, week)  # the first column's heading on one line
        for row in handout.weeks:  # each part's time whole, wherever its line breaks
            assert all(time in plan for time in re.findall(r"\d+:\d\d", row.walking)), (etiology, row.walking)
