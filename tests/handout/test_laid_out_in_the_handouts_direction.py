"""What reportlab makes as it lays the patient's pages out (a section's "continued" lines, the stop page set closer,
a chart or picture drawn smaller) reads in the handout's direction, also when a clinician summary, in English and
left to right, follows (seen in review: the renderer had turned to the summary's direction by then, and an Arabic
stop page set closer came out left to right)."""

from __future__ import annotations

import pytest

from core.handout import renderer as renderer_module
from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, handout_for


@pytest.mark.parametrize("ambulance_signs_times", [1, 3])  # as it is, and taller than a page however set
def test_an_arabic_stop_page_reads_right_to_left_beside_a_clinician_summary(monkeypatch, ambulance_signs_times) -> None:
    made: list[tuple[str, bool]] = []
    paragraph = renderer_module.paragraph

    def recorded(text, style, **kwargs):
        made.append((text, kwargs.get("rtl", False)))
        return paragraph(text, style, **kwargs)

    monkeypatch.setattr(renderer_module, "paragraph", recorded)
    handout = handout_for(example("diabetic-neuropathy"), language="ar", paper="letter", summary=True,
                          ambulance="997")
    handout = handout.model_copy(update={"ambulance_signs": handout.ambulance_signs * ambulance_signs_times})
    HandoutRenderer().render(handout)
    labels = handout.labels
    patients = {labels.turn_over, labels.continued.format(heading=labels.stop_heading), handout.stop_intro,
                *handout.ambulance_signs, *handout.stop_after}
    said = [(text, rtl) for text, rtl in made if text in patients]
    assert said and all(rtl for _, rtl in said), [text for text, rtl in said if not rtl][:3]
    if ambulance_signs_times == 3:  # parted: its "continued" lines were made as it was laid out
        assert {labels.turn_over, labels.continued.format(heading=labels.stop_heading)} <= {text for text, _ in said}
