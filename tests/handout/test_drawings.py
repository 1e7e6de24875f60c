"""The drawings on the patient's pages (core/handout/drawings.py): the treadmill with the handrails and the
safety clip where the plan asks for them, and the effort scale with the target marked, drawn as vectors."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import String
from reportlab.lib.rl_accel import fp_str

from core.handout.drawings import MARKER, MODERATE_FILL, effort_scale_drawing
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
    if WarningCode.FALL_RISK in codes:
        assert handout.safety_picture == "handrails-and-clip"
        assert handout.safety_captions == ["Hold the handrails.", "Clip the safety cord to your clothes."]
    elif WarningCode.HARNESS in codes:
        assert (handout.safety_picture, handout.safety_captions) == ("handrails", ["Hold the handrails."])
    else:
        assert (handout.safety_picture, handout.safety_captions) == ("", [])


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
    safety = next(i for i, text in enumerate(texts) if "Your safety points" in text)
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


def test_a_plan_without_those_precautions_has_no_treadmill_picture(renderer) -> None:
    handout = handout_for(example("trigeminal-neuropathy"))
    assert not handout.safety_picture
    text = flat(" ".join(page.extract_text() for page in PdfReader(BytesIO(renderer.render(handout))).pages))
    assert "Hold the handrails." not in text


def test_the_scale_marks_a_light_target_only_when_the_plan_has_light_weeks() -> None:
    for etiology in ETIOLOGIES:
        profile = example(etiology)
        light_weeks = any(week.band == "light" for week in compute_plan(profile, STUDIES).weeks)
        handout = handout_for(profile)
        bands = {level.band for level in handout.effort_scale} - {""}
        assert bands == ({"light", "moderate"} if light_weeks else {"moderate"}), etiology
        assert any("Light is" in text for text in handout.effort_intro) == light_weeks, etiology
