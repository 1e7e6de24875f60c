"""Step 1 on its own: filtering from the keyboard, choosing, and new entries keeping the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.evidence.entries import AnimalModelEntry, EtiologyEntry, Source
from ui.views.etiology_picker import EtiologyPicker


def entry(etiology_id: str, name: str, count: int) -> EtiologyEntry:
    return EtiologyEntry(id=etiology_id, name=name, description=f"About {name.lower()} in plain words.",
                         description_source=Source("Scholz J et al. 2019, Pain", "10.1097/j.pain.0000000000001365", False),
                         study_count=count, animal_models=(AnimalModelEntry("CCI", ("chen-2012",)),),
                         human_evidence="Human evidence in plain words.",
                         human_sources=(Source("Kluding 2015, Phys Ther", "10.2522/ptj.20130418", False),), safety=(),
                         no_animal_treadmill_note=None)


ENTRIES = [entry("peripheral-nerve-injury", "Peripheral nerve injury", 21), entry("diabetic-neuropathy",
           "Painful diabetic neuropathy", 1), entry("post-stroke-pain", "Central post-stroke pain", 0)]


def make_picker(qtbot) -> EtiologyPicker:
    picker = EtiologyPicker()
    qtbot.addWidget(picker)
    picker.set_entries(ENTRIES)
    return picker


def test_lists_each_etiology_with_its_study_count(qtbot) -> None:
    picker = make_picker(qtbot)
    assert [picker.list.item(r).text().replace("\u00a0", " ") for r in range(picker.list.count())] == [
        "Peripheral nerve injury  (21 studies)", "Painful diabetic neuropathy  (1 study)",
        "Central post-stroke pain  (0 studies)"]
    assert picker.current_id() == "peripheral-nerve-injury"
    assert "doi:10.2522/ptj.20130418" in picker.details.toPlainText()


def test_typed_words_filter_in_any_case_and_order_and_choose_the_first_left(qtbot) -> None:
    picker = make_picker(qtbot)
    with qtbot.waitSignal(picker.etiology_chosen) as chosen:
        qtbot.keyClicks(picker.search, "NEUROPATHY diab")
    assert picker.shown_names() == ["Painful diabetic neuropathy"] and chosen.args == ["diabetic-neuropathy"]
    picker.search.clear()
    assert len(picker.shown_names()) == 3 and picker.current_id() == "diabetic-neuropathy"  # kept, not the first


def test_a_filter_that_still_shows_the_chosen_etiology_keeps_it(qtbot) -> None:
    """Seen by a helper: post-stroke pain chosen, "pain" typed to look something up moved the choice to the first
    etiology shown, and a new patient's form in step 4 to that etiology."""
    picker = make_picker(qtbot)
    picker.select("post-stroke-pain")
    chosen: list[str] = []
    picker.etiology_chosen.connect(chosen.append)
    qtbot.keyClicks(picker.search, "pain")
    assert picker.current_id() == "post-stroke-pain" and chosen == []
    picker.search.clear()
    assert picker.current_id() == "post-stroke-pain" and chosen == []


def test_no_match_says_so_and_keeps_the_choice(qtbot) -> None:
    picker = make_picker(qtbot)
    qtbot.keyClicks(picker.search, "migraine")
    assert picker.shown_names() == []
    assert "No etiology matches “migraine”" in picker.details.toPlainText()
    assert picker.current_id() == "peripheral-nerve-injury"
    picker.search.selectAll()  # seen in review: cleared, the list came back and "No etiology matches" stayed
    qtbot.keyClick(picker.search, Qt.Key.Key_Backspace)
    assert len(picker.shown_names()) == 3 and "No etiology matches" not in picker.details.toPlainText()
    assert "doi:10.2522/ptj.20130418" in picker.details.toPlainText()  # the chosen one's details again


def test_return_in_the_filter_confirms_the_shown_etiology(qtbot) -> None:
    picker = make_picker(qtbot)
    qtbot.keyClicks(picker.search, "stroke")
    with qtbot.waitSignal(picker.etiology_confirmed) as confirmed:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert confirmed.args == ["post-stroke-pain"]


def test_arrow_keys_in_the_filter_move_through_the_shown_etiologies(qtbot) -> None:
    picker = make_picker(qtbot)
    qtbot.keyClicks(picker.search, "pain")  # hides the nerve injury
    assert picker.current_id() == "diabetic-neuropathy"
    with qtbot.waitSignal(picker.etiology_chosen) as chosen:
        qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert chosen.args == ["post-stroke-pain"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # stays on the last one shown
    assert picker.current_id() == "post-stroke-pain" and picker.search.text() == "pain"
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)
    assert picker.current_id() == "diabetic-neuropathy"  # never onto the hidden row


def test_double_click_confirms(qtbot) -> None:
    picker = make_picker(qtbot)
    with qtbot.waitSignal(picker.etiology_confirmed) as confirmed:
        picker.list.itemActivated.emit(picker.list.item(2))
    assert confirmed.args == ["post-stroke-pain"]


def test_choosing_a_filtered_out_etiology_clears_the_filter(qtbot) -> None:
    picker = make_picker(qtbot)
    qtbot.keyClicks(picker.search, "nerve")
    with qtbot.waitSignal(picker.etiology_chosen) as chosen:
        assert picker.select("post-stroke-pain")
    assert chosen.args == ["post-stroke-pain"] and picker.search.text() == "" and len(picker.shown_names()) == 3
    assert not picker.select("migraine")


def test_new_entries_keep_the_chosen_etiology_and_the_filter(qtbot) -> None:
    picker = make_picker(qtbot)
    qtbot.keyClicks(picker.search, "pain")
    picker.select("post-stroke-pain")
    picker.set_entries([*ENTRIES[:2], entry("post-stroke-pain", "Central post-stroke pain", 2)])
    assert picker.current_id() == "post-stroke-pain"
    assert picker.shown_names() == ["Painful diabetic neuropathy", "Central post-stroke pain"]
    assert "Studies in the library: 2" in picker.details.toPlainText()


def test_without_entries_the_details_say_why(qtbot) -> None:
    picker = make_picker(qtbot)
    picker.set_entries([], waiting="The records could not be opened: the disk is full.")
    assert picker.entry_count() == 0 and picker.current_id() == ""
    assert picker.details.toPlainText() == "The records could not be opened: the disk is full."


def test_the_animal_models_name_their_studies_by_author_and_year(qtbot) -> None:
    """They listed record ids ("chen-2013-diabetic, chen-2015"), which a clinician never sees anywhere else."""
    from core.storage.library_sync import shipped_etiology_entry

    picker = EtiologyPicker()
    qtbot.addWidget(picker)
    picker.set_entries([shipped_etiology_entry("diabetic-neuropathy")])
    text = picker.details.toPlainText()
    assert "(studies: Chen 2013, Chen 2015, Azarbayjani 2020)" in text and "chen-2015" not in text


def test_an_entry_stored_before_its_studies_were_named_still_shows_them_by_id(qtbot) -> None:
    picker = make_picker(qtbot)
    assert "(studies: chen-2012)" in picker.details.toPlainText()


def test_an_etiology_whose_studies_are_not_of_neuropathic_pain_says_so_and_names_them(qtbot) -> None:
    """Seen in a check against the seeds: "Central post-stroke pain (5 studies)", none of which is of its pain."""
    picker = EtiologyPicker()
    qtbot.addWidget(picker)
    picker.set_entries([entry("post-stroke-pain", "Central post-stroke pain", 2)._replace(
        not_of_neuropathic_pain=("Lu 2021", "Tamakoshi 2022"))])
    assert picker.list.item(0).text() == ("Central post-stroke pain  "  # the count kept on one line
                                          "(2\u00a0studies,\u00a0none\u00a0of\u00a0neuropathic\u00a0pain)")
    assert ("Studies in the library: 2 studies, none of neuropathic pain (no neuropathic pain model or no pain "
            "outcome, flagged in the evidence table: Lu 2021, Tamakoshi 2022)") in picker.details.toPlainText()


def test_typing_pain_finds_the_etiologies_named_for_it_not_every_one_with_studies_not_of_it(qtbot) -> None:
    picker = EtiologyPicker()
    qtbot.addWidget(picker)
    picker.set_entries([entry("peripheral-nerve-injury", "Peripheral nerve injury", 19)._replace(
                            not_of_neuropathic_pain=("Ilha 2008",)),
                        entry("post-stroke-pain", "Central post-stroke pain", 5)])
    qtbot.keyClicks(picker.search, "pain")
    assert picker.shown_names() == ["Central post-stroke pain"]
    picker.search.setText("19")  # the count is still found
    assert picker.shown_names() == ["Peripheral nerve injury"]
