"""The clinician summary's dosing table marks a speed the curators flagged implausible where it is printed (seen in
review: Chen 2012's 30 m/min stood unmarked beside 7-12 m/min, its flag two pages later), as the evidence table
and the evidence command do."""

from __future__ import annotations

from core.handout.clinician_summary import IMPLAUSIBLE
from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, handout_for, pdf_text


def test_an_implausible_speed_is_marked_in_its_row_and_a_plausible_one_is_not() -> None:
    handout = handout_for(example("peripheral-nerve-injury"), summary=True)
    rows = {row.study: row.speed for row in handout.clinician.dosing}
    assert rows["Chen 2012"] == "30 m/min (1.8 km/h as printed)" + IMPLAUSIBLE
    assert rows["Cobianchi 2010"] == "12 m/min (20 cm/s as printed)"
    text = " ".join(" ".join(pdf_text(HandoutRenderer().render(handout))).split())
    assert "30 m/min (1.8 km/h as printed), flagged implausible" in text
