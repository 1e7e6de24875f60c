"""The handout's stop page: the signs that need an ambulance at once, the others, what to do after them, and the
clinic's phone where it says to call."""

from __future__ import annotations

from tests.handout.helpers import example, handout_for


def test_missing_phone_leaves_a_line_to_write_it_on_every_page_and_where_the_stop_page_says_to_call() -> None:
    """Seen in review: "Then call your clinic." with no number, and no phone line on any page but the first."""
    from core.handout.stop_page import WRITE_IN

    handout = handout_for(example("peripheral-nerve-injury"), phone="")
    assert handout.stop_after[-1] == f"Then call the clinic: {WRITE_IN}."
    assert handout.labels.clinic_phone == f"Clinic phone: {WRITE_IN}"


def test_the_signs_of_a_heart_attack_or_stroke_and_fainting_mean_an_ambulance_at_once() -> None:
    """Resting a few minutes first is for the other stop signs only (guidelines.EMERGENCY_SOURCES). Seen in review:
    one long sentence named only "chest pain", so pressure or tightness in the chest, or pain in the neck, jaw or arm,
    read as "rest, and call if it does not pass in a few minutes". The list is in the stop signs' own words."""
    handout = handout_for(example("post-stroke-pain"), summary=True)
    assert handout.ambulance_intro == "Stop walking and call an ambulance at once if you have any of these:"
    assert handout.ambulance_signs == ["Pain, pressure or tightness in your chest, neck, jaw or arm", "Fainting",
                                       "New numbness or weakness",
                                       "Sudden trouble speaking, or one side of your face suddenly drooping",
                                       "Sudden trouble seeing that is new for you"]
    assert "Feeling you are about to faint" in handout.stop_signs  # rest first, and an ambulance if it does not pass
    assert handout.stop_after[0] == ("For these, sit down and rest. If they do not pass in a few minutes, call an "
                                     "ambulance.")
    row = next(row for row in handout.clinician.rules if row.text.startswith("After a stop sign"))
    for doi in ("10.1161/CIR.0000000000001029", "10.1161/STR.0000000000000211", "10.1093/eurheartj/ehy037"):
        assert doi in row.source


def test_with_atrial_fibrillation_the_stop_sign_is_a_heartbeat_that_changes() -> None:
    """The handout said the beat is uneven and so hard to count, then: stop at once for a heartbeat that feels uneven,
    and call an ambulance if it does not pass. With atrial fibrillation it never passes."""
    usual = handout_for(example("diabetic-neuropathy"))
    uneven = handout_for(example("diabetic-neuropathy", atrial_fibrillation=True, known_disease=True))
    assert "A heartbeat that feels uneven or races" in usual.stop_signs
    assert "A heartbeat that feels uneven or races" not in uneven.stop_signs
    assert ("A heartbeat that suddenly feels faster than usual, or different from your usual beat"
            in uneven.stop_signs)
    assert len(uneven.stop_signs) == len(usual.stop_signs)


def test_at_t6_and_above_the_stop_page_names_dysreflexias_signs_and_points_to_its_first_aid() -> None:
    """Seen in review: a T4 patient's handout gave autonomic dysreflexia's signs only among the safety points, not on
    the page a patient turns to when something goes wrong; below T6 there is no such sign."""
    said = ('If you get a pounding headache, or flushing or sweating above your injury, stop at once, sit up, and do '
            'as "Your safety points" says.')
    high = handout_for(example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70)))
    assert high.stop_after[1] == said and high.labels.safety_heading == "Your safety points"
    assert high.stop_after[0].startswith("For these, sit down and rest.")  # the other signs', not dysreflexia's
    assert any("pounding headache" in point for point in high.safety)
    on_insulin = handout_for(example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70), diabetes="type2",
                                     insulin_or_secretagogue=True, medical_clearance=True))  # seen: sent to low sugar
    assert on_insulin.stop_after[0].startswith("For these, sit down and check your blood sugar")
    assert on_insulin.stop_after[1] == said and on_insulin.stop_after[2].startswith("Then call the clinic")
    low = handout_for(example("spinal-cord-injury", sci_level="T10", resting_bp=(110, 70)))
    assert not any("pounding headache" in line for line in [*low.stop_signs, *low.stop_after, *low.safety])
    spanish = handout_for(example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70)), language="es")
    assert spanish.stop_after[1].endswith(f"haga lo que dice «{spanish.labels.safety_heading}».")


def test_the_local_emergency_number_is_given_first_on_the_stop_page_where_settings_have_one() -> None:
    """Seen in review: "call an ambulance" three times on the stop page, and the number nowhere; it differs by country,
    so none is assumed. Where Settings has it, it is the stop page's first line, in bold, before the signs; where not,
    that line is one to write it on, as the clinic's phone (seen in review: no number and nowhere to put one)."""
    from core.handout.export import render_handout
    from core.handout.stop_page import WRITE_IN
    from tests.handout.helpers import flat, pdf_text

    unset = handout_for(example("post-stroke-pain"))  # a line to write it on, as the clinic's phone (seen in review)
    assert unset.ambulance_call == f"Ambulance: {WRITE_IN}"
    handout = handout_for(example("post-stroke-pain"), ambulance="1 1 2")
    assert handout.ambulance_call == "Ambulance: \u20681\u00a01\u00a02\u2069"  # one piece, never broken, in order
    page = next(flat(text) for text in pdf_text(render_handout(handout)) if "When to stop and get help" in text)
    assert page.index("When to stop and get help") < page.index("Ambulance:") < page.index(
        "Stop walking and call an ambulance at once")
    assert "1 1 2" in page.replace("\u00a0", " ") or "112" in page.replace(" ", "")
    spanish = handout_for(example("post-stroke-pain", language="es"), ambulance="112", language="es")
    assert spanish.ambulance_call == "Ambulancia: \u2068112\u2069"


def test_on_insulin_signs_still_there_once_the_blood_sugar_is_back_up_mean_an_ambulance() -> None:
    """Seen in review: on insulin, every stop sign (an uneven or racing beat, breathlessness) is sent to the low blood
    sugar steps, which ended in "medical help" while the sugar stayed low and said nothing of a beat still racing once
    it was back up. A step of their own says when, with the level; the clinician summary says the same."""
    from core.handout.stop_page import blood_sugar
    from core.handout.language import Wording

    handout = handout_for(example("diabetic-neuropathy", diabetes="type2", insulin_or_secretagogue=True), summary=True)
    low = blood_sugar(70, Wording("en"))
    assert handout.low_sugar_steps[-1] == (f"If your blood sugar is back to {low} or more but the signs that made you "
                                           "stop have not passed after a few minutes' rest, call an ambulance.")
    row = next(row for row in handout.clinician.rules if row.text.startswith("After a stop sign"))
    assert "an ambulance where the signs have not passed after a few minutes' rest once it is back up" in row.text
    spanish = handout_for(example("diabetic-neuropathy", diabetes="type2", insulin_or_secretagogue=True),
                          language="es")
    assert spanish.low_sugar_steps[-1].endswith(", pero las señales por las que se detuvo no se le pasan después de "
                                                "descansar unos minutos, llame a una ambulancia.")
