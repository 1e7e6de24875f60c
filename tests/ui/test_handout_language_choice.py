"""Step 7 prints a copy in another language (a carer's, a family member's) without a new plan version."""

from __future__ import annotations

from pypdf import PdfReader

from tests.ui.course_helpers import saved_patient


def _pdf_text(window) -> str:
    import io

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(window.handout._pdf)).pages)


def test_a_copy_in_another_language_leaves_the_plan_saved_and_the_next_patient_as_their_profile(qtbot,
                                                                                              data_dir) -> None:
    """Seen in testing: only the profile's language could be printed; changing it on step 4 marked the plan unsaved
    and the handout "not the plan on record", so an English copy for a carer meant saving a version."""
    window = saved_patient(qtbot, data_dir)
    handout = window.handout
    window.tabs.setCurrentWidget(handout)
    qtbot.waitUntil(lambda: handout._pdf is not None, timeout=30_000)
    assert "When to stop and get help" in _pdf_text(window)
    with qtbot.waitSignal(handout.rendered, timeout=30_000):
        handout.language.setCurrentIndex(handout.language.findData("es"))
    text = _pdf_text(window)
    assert "Cuándo parar y pedir ayuda" in text and "When to stop and get help" not in text
    assert "has not been reviewed by a qualified medical translator" in handout.status.text()  # told, as on export
    assert not window.editor.dirty and not handout.record_note.isVisibleTo(handout)  # the plan on record, unchanged
    assert window.gateway.history(window.editor.patient_id)[-1].version == 1
    age = window.editor.form.numbers["age"]
    typed = age.text()
    age.setText("")  # an unfinished profile on the way: the copy's language stays
    age.setText(typed)
    assert handout.language.currentData() == "es"
    window.open_plan(window.editor.plan_id)  # the same patient opened again: the same
    assert handout.language.currentData() == "es"
    window.new_patient()  # the next patient's handout is in their own profile's language again
    assert handout.language.currentIndex() == 0
    handout.language.setCurrentIndex(handout.language.findData("vi"))
    window.new_patient()  # one unsaved patient after another too (seen in review: both had no id, the choice stayed)
    assert handout.language.currentIndex() == 0


def test_the_unreviewed_translation_stays_said_after_the_copy_is_exported(qtbot, data_dir, tmp_path) -> None:
    """Seen by a tester: the review warning was replaced by "Sent 9 pages to ..." once the Arabic copy was printed,
    the language still chosen."""
    window = saved_patient(qtbot, data_dir)
    handout = window.handout
    window.tabs.setCurrentWidget(handout)
    with qtbot.waitSignal(handout.rendered, timeout=30_000):
        handout.language.setCurrentIndex(handout.language.findData("ar"))
    with qtbot.waitSignal(handout.exported, timeout=30_000):
        handout.export_pdf(str(tmp_path / "ar.pdf"))
    said = handout.status.text()
    assert said.startswith(f"Saved {tmp_path / 'ar.pdf'}. ") and "not been reviewed by a qualified medical" in said
