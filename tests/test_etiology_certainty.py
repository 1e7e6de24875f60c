"""How certain the evidence in people is, rated the GRADE way (the clinical brief's evidence grading; seen in a check
of the clinical claims: no GRADE rating was shown anywhere, while the human evidence behind every etiology is small
or indirect). Read back from a real database, step 1 and the clinician summary's PDF."""

from __future__ import annotations

import json

import pytest

from core.evidence.entries import EntryError, entry_from_row
from core.handout.renderer import HandoutRenderer
from core.resources import resource_path
from core.storage.etiology_entries import read_installed_entries
from core.storage.library_sync import open_evidence_database
from tests.handout.helpers import example, handout_for, pdf_text

SHIPPED = json.loads(resource_path("evidence", "etiologies.json").read_text(encoding="utf-8"))


def test_every_etiology_is_rated_or_says_why_there_is_nothing_in_people_to_rate(data_dir) -> None:
    open_evidence_database(data_dir.database_path).close()
    entries = {entry.id: entry for entry in read_installed_entries(data_dir.database_path)}
    assert {i: e.certainty.rating for i, e in entries.items() if e.certainty.rating} == {
        "diabetic-neuropathy": "very low", "chemotherapy-neuropathy": "low"}  # the two with trials in people on it
    for entry in entries.values():
        assert entry.certainty.source.doi == "10.1016/j.jclinepi.2010.07.015"  # GRADE's rating of quality
        assert "Treadwell's reading" in entry.certainty.source.label  # not a published rating
    assert entries["trigeminal-neuropathy"].certainty.in_words.startswith("Certainty (GRADE): not rated. No trial")


def test_a_stored_row_with_a_rating_grade_does_not_have_is_refused_by_name() -> None:
    record = json.loads(json.dumps(next(e for e in SHIPPED if e["id"] == "diabetic-neuropathy")))
    record["human_certainty"]["rating"] = "good"
    with pytest.raises(EntryError, match="diabetic-neuropathy.*human_certainty.*'rating' must be high, moderate"):
        entry_from_row(json.dumps(record), 0)


def test_step_1_and_the_clinician_summary_say_it_with_its_source(qtbot) -> None:
    from ui.views.etiology_picker import EtiologyPicker

    entry = entry_from_row(json.dumps(next(e for e in SHIPPED if e["id"] == "chemotherapy-neuropathy")), 1)
    shown = EtiologyPicker._describe(entry)
    assert "<b>Certainty (GRADE):</b> low. One randomised trial" in shown and "Balshem H et al. 2011" in shown
    handout = handout_for(example("chemotherapy-neuropathy"), summary=True)
    text = " ".join(" ".join(pdf_text(HandoutRenderer().render(handout))).split())
    assert "Certainty (GRADE): low. One randomised trial (randomised trials start at high), rated down twice" in text
    assert "doi:10.1016/j.jclinepi.2010.07.015" in text
