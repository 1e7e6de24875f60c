"""A clinic's imported study may give a person's walking speed; a rat's or mouse's above 60 m/min is a unit slipped."""

from __future__ import annotations

from core.storage.evidence_import import import_studies
from tests.test_evidence_import import _csv_line, _template, problems, shipped_db, write  # noqa: F401 (the fixture)


def test_a_human_walking_trials_speed_is_imported_and_a_rodents_above_60_is_refused(
        shipped_db, tmp_path) -> None:  # noqa: F811
    """Seen in review: every speed above 60 m/min was refused, a human walking trial's 4 km/h (66.7 m/min) with it;
    a rat's 66.7 m/min is still a unit slipped."""
    header, rows = _template()
    human = dict.fromkeys(rows[0], "") | {
        "first_author": "Okafor", "year": "2024", "species": "human", "model": "painful diabetic neuropathy",
        "exercise_type": "treadmill", "etiologies": "diabetic-neuropathy", "speed_reported": "4 km/h",
        "speed_m_per_min": "66.7", "minutes_low": "30", "days_per_week": "3",
        "protocol": "4 km/h, 30 min, 3 days a week",
        "findings": "pain:down:neuroinflammation-glia", "evidence_level": "2"}
    report = import_studies(shipped_db, write(tmp_path, "human.csv", header + "\n" + _csv_line(header, human)))
    assert report.ok, problems(report)
    rat = human | {"first_author": "Adeyemi", "species": "rat", "model": "STZ", "evidence_level": "5"}
    text = problems(import_studies(shipped_db, write(tmp_path, "rat.csv", header + "\n" + _csv_line(header, rat))))
    assert text == ["row 2: speed_m_per_min: 66.7 m/min is not a rat's treadmill speed; allowed for rats and "
                    "mice: at most 60 (3.6 km/h); check the units"], text
