"""The drawings on the patient's pages (core/handout/drawings.py): the treadmill with the safety clip for every
patient and the handrails where the plan asks for them, and the effort scale with the target marked, drawn as
vectors."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, String
from reportlab.lib.rl_accel import fp_str

from core.handout.drawings import MARKER, MODERATE_FILL, effort_scale_drawing, treadmill_drawing
from core.handout.patient_words import TREADMILL_SAFETY
from core.handout.renderer import HandoutRenderer
from core.plan.engine import compute_plan
from core.plan.warnings import WarningCode
from tests.handout.helpers import STUDIES, example, flat, handout_for

ETIOLOGIES = ["chemotherapy-neuropathy", "diabetic-neuropathy", "multiple-sclerosis-pain", "parkinsons-pain",
              "peripheral-nerve-injury", "post-stroke-pain", "spinal-cord-injury", "trigeminal-neuropathy"]


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


@pytest.mark.parametrize("etiology", ETIOLOGIES)
def test_the_treadmill_picture_shows_what_the_safety_points_ask(etiology) -> None:
    profile = example(etiology)
    codes = {warning.code for warning in compute_plan(profile, STUDIES).warnings}
    handout = handout_for(profile)
    if codes & {WarningCode.FALL_RISK, WarningCode.HARNESS}:
        assert handout.safety_picture == "handrails-and-clip"
        assert handout.safety_captions == ["Hold the handrails.", "Clip the safety cord to your clothes."]
    else:
        assert (handout.safety_picture, handout.safety_captions) == ("clip", ["Clip the safety cord to your clothes."])
    assert handout.treadmill_safety == list(TREADMILL_SAFETY)  # getting on and off the machine, for every patient


def _colour(colour) -> bytes:
    return f"{fp_str(colour.red, colour.green, colour.blue)} rg".encode()


def test_drawings_are_vectors_on_the_pages_that_explain_them(renderer) -> None:
    handout = handout_for(example("diabetic-neuropathy"))
    assert handout.safety_picture == "handrails-and-clip"
    reader = PdfReader(BytesIO(renderer.render(handout)))
    for page in reader.pages:  # no picture of anything: every drawing is paths and text
        objects = page.get("/Resources", {}).get("/XObject", {})
        assert not [ref for ref in objects.values() if ref.get_object().get("/Subtype") == "/Image"]
    texts = [flat(page.extract_text()) for page in reader.pages]
    streams = [page.get_contents().get_data() for page in reader.pages]
    safety = next(i for i, text in enumerate(texts) if "Using the treadmill safely" in text)
    assert "1 Hold the handrails. 2 Clip the safety cord to your clothes." in texts[safety]
    assert _colour(MARKER) in streams[safety]  # the numbered markers, filled discs drawn on that page
    effort = next(i for i, text in enumerate(texts) if "How hard should it feel?" in text)
    assert "6 7 8 9 10 11 12 13 14 15 16 17 18 19 20" in texts[effort]  # the scale's numbers, as text
    assert _colour(MODERATE_FILL) in streams[effort]


def _numbers_left_to_right(drawing) -> list[str]:
    strings = [shape for shape in drawing.contents if isinstance(shape, String)]
    return [s.text for s in sorted(strings, key=lambda s: s.x)]


def test_the_effort_scale_marks_the_target_and_reads_right_to_left_in_arabic() -> None:
    left_to_right = effort_scale_drawing(500, (12, 13), (9, 11))
    assert _numbers_left_to_right(left_to_right) == [str(n) for n in range(6, 21)]
    bold = {s.text for s in left_to_right.contents if isinstance(s, String) and s.fontName.endswith("Bold")}
    assert bold == {"12", "13"}
    right_to_left = effort_scale_drawing(500, (12, 13), rtl=True)
    assert _numbers_left_to_right(right_to_left) == [str(n) for n in range(20, 5, -1)]


def test_a_plan_without_a_fall_risk_shows_the_clip_with_the_arms_free(renderer) -> None:
    """A patient with no fall risk is not told to hold the handrails (the arms swing), but clips the safety cord
    on and reads how to get on and off the belt, in the clinician summary with its source."""
    handout = handout_for(example("trigeminal-neuropathy"), summary=True)
    assert handout.safety_picture == "clip"
    reader = PdfReader(BytesIO(renderer.render(handout)))
    texts = [flat(page.extract_text()) for page in reader.pages]
    assert "Your safety points • Walk indoors." in " ".join(texts)  # the patient's own point (cold air) first
    safety = next(i for i, text in enumerate(texts) if "Using the treadmill safely" in text)
    assert "1 Clip the safety cord to your clothes. • The safety cord stops the belt" in texts[safety]
    assert "stand on the edges beside it, one foot on each side" in texts[safety]
    assert "Do not step off while the belt moves." in texts[safety]
    assert "Hold the handrails." not in " ".join(texts)
    assert "Consumer Reports 2019" in " ".join(texts)  # the clinician's pages cite it


def test_the_drawing_holds_the_rail_only_where_the_plan_asks() -> None:
    """Marker 1 is on the handrail when the patient holds it (the clip then 2); without, the clip is 1 and no hand
    is at the rail's height."""
    def markers(drawing) -> list[str]:
        return sorted(s.text for s in drawing.contents if isinstance(s, String))

    assert markers(treadmill_drawing(300, handrails=True)) == ["1", "2"]
    free = treadmill_drawing(300, handrails=False)
    assert markers(free) == ["1"]
    hands = [shape for shape in free.contents if isinstance(shape, Circle) and shape.r == 5]
    assert len(hands) == 2 and all(abs(hand.cy - 118) > 10 for hand in hands)  # the rail is at 118


@pytest.mark.parametrize("handrails", [True, False])
def test_each_numbered_marker_sits_beside_the_ring_it_names(handrails) -> None:
    """Seen in review: without the handrails, marker 1 stood 18 points off the clip's ring, by the legs, and read as
    theirs. Each marker (a filled disc with its number) is within 12 points of the ring its caption names (the hands
    on the rail, 19 points across; the clip at the waist, 17) and nearer to it than to any other ring."""
    import math

    from core.handout.drawings import MARKER

    drawing = treadmill_drawing(300, handrails=handrails)
    circles = [shape for shape in drawing.contents if isinstance(shape, Circle)]
    numbers = {(s.x, s.y + 6): s.text for s in drawing.contents if isinstance(s, String)}  # drawn 6 below the centre
    discs = {numbers[(c.cx, c.cy)]: c for c in circles if c.fillColor == MARKER}
    rings = {ring.r: ring for ring in circles if ring.fillColor is None and ring.strokeColor == MARKER}
    named = {"1": 19, "2": 17} if handrails else {"1": 17}  # the caption's: the handrails first, then the clip
    assert set(discs) == set(named) and set(rings) == set(named.values())

    def gap(disc, ring) -> float:
        return math.dist((disc.cx, disc.cy), (ring.cx, ring.cy)) - ring.r - disc.r

    for number, disc in discs.items():
        own = gap(disc, rings[named[number]])
        assert 0 < own <= 12 and all(own < gap(disc, ring) for r, ring in rings.items() if r != named[number]), own


def test_the_scale_marks_a_light_target_only_when_the_plan_has_light_weeks() -> None:
    for etiology in ETIOLOGIES:
        profile = example(etiology)
        light_weeks = any(week.band == "light" for week in compute_plan(profile, STUDIES).weeks)
        handout = handout_for(profile)
        bands = {level.band for level in handout.effort_scale} - {""}
        assert bands == ({"light", "moderate"} if light_weeks else {"moderate"}), etiology
        assert any("Light is" in text for text in handout.effort_intro) == light_weeks, etiology
        # and what to do with a moderate week that feels easier (seen in review: the same speed as the light weeks)
        assert handout.talk_test[-1] == ("In a moderate week, if it feels easier than 12, do not speed up on your "
                                            "own: tell your clinician, who can change the speed or slope."), etiology
