"""Three visits of one patient, driven through the real window as a clinician would: the plan and two
sessions, then an override, a re-save and two more sessions, then the progress report. At every step
every session is visible and every figure follows the plan as overridden."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.course_helpers import fill, open_window, override_week, table_text
from tests.storage.helpers import example


def log_through_the_form(qtbot, window, *, days_ago: int, week: int, minutes: float, rpe: int,
                         during: int | None, morning: int | None) -> None:
    form = window.sessions
    form.date.setDate(QDate(dt.date.today() - dt.timedelta(days=days_ago)))
    fill(form, week=week, minutes=minutes, rpe=rpe, during=during, morning=morning)
    before = form.model.rowCount()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.model.rowCount() == before + 1, form.message.text()


def panel_column(window, name: str) -> list[str]:
    model = window.editor.panel.weeks
    column = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == name)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def whole_week(row) -> float:
    """A row's planned minutes for the whole week (a week stopped by the step-back plans only its walks before)."""
    return row.planned_minutes / row.planned_sessions * (row.stopped_of or row.planned_sessions)


def check_every_figure(window, sessions_so_far: int) -> None:
    """The plan panel, the session log, the progress view and the handout's input agree with each other
    and with arithmetic on the minutes the panel shows."""
    assert window.sessions.model.rowCount() == sessions_so_far
    assert window.progress.weeks_model.rowCount() and len(window.course.progress.sessions) == sessions_so_far
    weekly = [float(value) for value in panel_column(window, "Min/week")]
    changes = panel_column(window, "Change")
    for before, now, shown in zip(weekly, weekly[1:], changes[1:]):
        assert shown == f"{round((now / before - 1) * 100, 1):+g}%", (before, now, shown)
    plan = window.editor.plan
    assert [w.weekly_main_min for w in plan.weeks] == weekly
    assert [w.weekly_main_min for w in window.handout._inputs.plan.weeks] == weekly  # the handout's plan
    if not window.editor.dirty:  # progress follows the saved version in force, as the patient has it
        in_force = [row for row in window.course.progress.weeks if row.plan_version == window.course.in_force.version]
        assert in_force and all(whole_week(row) == weekly[row.week - 1] for row in in_force)
    rising = [w.message for w in plan.warnings if w.code == "override-breaks-rule"]
    for index, change in enumerate(changes[1:], start=1):
        if window.editor.overrides and float(change.rstrip("%")) > plan.rules.max_weekly_increase_pct:
            assert any(message.startswith(f"Week {index + 1}:") or message.startswith(f"Week {index}:")
                       for message in rising), (index, change, rising)


def test_three_visits_of_one_patient(qtbot, data_dir, tmp_path) -> None:
    window = open_window(qtbot, data_dir)
    # Visit 1: the plan, saved; two walks of week 1 logged through the session form.
    window.editor.form.set_profile(example(name="Teodora Vasquez-Lindqvist")[0])
    window.save_action.trigger()
    assert window.editor.plan_id is not None and not window.editor.dirty
    first_version = window.editor.plan_id
    log_through_the_form(qtbot, window, days_ago=20, week=1, minutes=8, rpe=11, during=3, morning=None)
    log_through_the_form(qtbot, window, days_ago=18, week=1, minutes=8, rpe=12, during=4, morning=3)
    check_every_figure(window, 2)
    assert table_text(window.sessions, "Pain next\nmorning")[0] == "not recorded"

    # Visit 2: week 2 changed by the clinician, saved as version 2; two walks of week 2.
    minutes = float(panel_column(window, "Walk\n(min)")[1].split()[0]) + 2
    override_week(window, 2, f"{minutes:g}")
    assert window.editor.dirty
    check_every_figure(window, 2)
    window.save_action.trigger()
    assert window.editor.plan_id != first_version and window.course.in_force.version == 2
    check_every_figure(window, 2)  # the new version hides no session
    # walked after version 2 was saved (today, so no next morning yet): logged under it, the version in force on
    # their date (the walks before any version, a diary, stay under the version of the diary's walks)
    log_through_the_form(qtbot, window, days_ago=0, week=2, minutes=minutes, rpe=12, during=3, morning=None)
    log_through_the_form(qtbot, window, days_ago=0, week=2, minutes=minutes, rpe=13, during=6, morning=None)
    check_every_figure(window, 4)
    assert table_text(window.sessions, "Plan\nversion") == ["1", "1", "2", "2"]
    window.save_action.trigger()  # nothing changed: no third version
    assert window.course.in_force.version == 2 and "nothing new saved" in window.statusBar().currentMessage()

    # Visit 3: reopened from the records, every session is still there; the progress report is written.
    window.open_plan(first_version)  # an older version on screen: the log still holds the whole course
    assert window.sessions.model.rowCount() == 4 and not window.editor.overrides and not window.editor.dirty
    window.open_plan(window.course.in_force.id)
    check_every_figure(window, 4)
    report = tmp_path / "progress.pdf"
    with qtbot.waitSignal(window.progress.report_saved, timeout=30_000):  # made off the GUI thread
        assert window.progress.export_report(report, "Walking steadily; review in four weeks.")
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    flat = " ".join(text.split())
    assert "Teodora Vasquez-Lindqvist" in flat and "Walking steadily; review in four weeks." in flat
    assert "Week 2 changed by the clinician" in flat
    walked = window.course.progress.weeks
    assert (walked[0].walked_sessions, walked[1].walked_sessions) == (2, 2)
    assert whole_week(walked[1]) == float(panel_column(window, "Min/week")[1])
    assert walked[1].stopped_of == 3  # pain 6 during, above the usual 3 + 2: stopped by the step-back after 2 walks


def test_saving_an_older_version_unchanged_asks_first(qtbot, data_dir, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example(name="Ines Duarte")[0])
    window.save_action.trigger()
    first = window.editor.plan_id
    override_week(window, 2, f"{window.editor.plan.weeks[1].main_min + 1:g}")
    window.save_action.trigger()
    window.open_plan(first)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert window.save_plan() is False and "version 2 stays the plan in force" in window.statusBar().currentMessage()
    assert "version 1" in asked[0] and window.course.in_force.version == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.save_plan() and window.course.in_force.version == 3
    assert window.course.in_force.overrides == []  # version 1's plan, in force again


def test_a_walk_dated_before_the_plan_was_saved_is_logged_with_a_note_to_check_the_date(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    log_through_the_form(qtbot, window, days_ago=30, week=1, minutes=8, rpe=12, during=3, morning=3)  # a diary
    said = window.sessions.message.text()
    assert "before the first plan was saved" in said
    assert "check the date (a walk before the course began is still counted" in said
    assert "a diary entered late is fine" not in said  # seen in review: said of a walk before any plan
    log_through_the_form(qtbot, window, days_ago=0, week=1, minutes=8, rpe=12, during=3, morning=None)
    assert "check the date" not in window.sessions.message.text()


def test_the_same_walk_logged_twice_through_the_form_is_said(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    log_through_the_form(qtbot, window, days_ago=0, week=1, minutes=8, rpe=12, during=3, morning=3)
    assert "entered twice" not in window.sessions.message.text()
    log_through_the_form(qtbot, window, days_ago=0, week=1, minutes=8, rpe=12, during=3, morning=3)
    assert "check that the walk was not entered twice" in window.sessions.message.text()
    assert len(window.course.sessions) == 2
    first = window.course.sessions[0]  # the note names it "(session N)": the log's date says which row that is
    assert f"(session {first.id})" in window.sessions.message.text()
    shown = [window.sessions.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
             for row in range(window.sessions.model.rowCount())]
    assert any(tip.startswith(f"Session {first.id} ") for tip in shown), shown


def test_a_new_patient_with_the_name_of_one_already_saved_is_asked_about_before_it_is_saved(qtbot, data_dir,
                                                                                          monkeypatch) -> None:
    """Seen by a clinic's tester: told only once the duplicate was saved, whose one way out was deleting it."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan()
    monkeypatch.setattr(window, "_discard_ok", lambda: True)
    window.new_patient()
    window.editor.form.set_profile(example()[0])
    asked, answers = [], [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *a: asked.append((title, text))
                        or answers.pop(0))
    assert not window.save_plan()  # No: nothing saved
    assert asked == [("Another patient has this name", "<p>Patient 1 has the same name, Example Patient (CIPN). Save a "
                      "new patient anyway?<br><br>No saves nothing: if this is the same person, open that patient in "
                      "Records (the Patient no. column) and save the plan there.</p>")]
    assert window.statusBar().currentMessage() == "Not saved: Patient 1 has the same name, Example Patient (CIPN)."
    assert window.records.model.total == 1 and window.editor.patient_id is None
    assert window.save_plan(), window.statusBar().currentMessage()  # Yes
    said = window.statusBar().currentMessage()  # not told again what was just answered (seen in review)
    assert said == "Saved plan version 1 of Example Patient (CIPN) (patient 2)."
    records = window.records.table.model()
    assert [records.index(row, 1).data() for row in range(records.rowCount())] == ["2", "1"]  # Records shows them
    window.new_patient()  # a third: both named, not only the first found
    window.editor.form.set_profile(example()[0])
    answers.append(QMessageBox.StandardButton.Yes)
    assert window.save_plan() and len(asked) == 3
    assert any(f"Patients {pair} have the same name" in asked[-1][1] for pair in ("2 and 1", "1 and 2"))
    window.new_patient()  # tried again by the clinic server's timer: said, not asked (seen in review: a question
    window.editor.form.set_profile(example()[0])  # popping up unasked once the server was back)
    window._saving_on_retry = True
    assert not window.save_plan() and len(asked) == 3
    assert window.statusBar().currentMessage().endswith("Save again (Ctrl+S) to say whether this is a new patient.")


def test_the_handout_tab_says_when_it_is_not_the_plan_in_force(qtbot, data_dir) -> None:
    """Opening version 1 from Records showed its handout, dated today, exactly like the plan in force: nothing said
    it was an older version, or that a plan with unsaved changes was not the one on record."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example(name="Ines Duarte")[0])
    note = window.handout.record_note
    assert note.text().startswith("Not saved yet")
    assert window.save_plan() and note.text() == "" and note.isHidden()
    first = window.editor.plan_id
    override_week(window, 2, f"{window.editor.plan.weeks[1].main_min + 1:g}")
    assert "unsaved changes, so this handout is not the plan on record" in note.text()
    assert window.save_plan() and note.text() == ""
    assert "older version" not in window.editor.header.text()
    window.open_plan(first)
    assert note.text() == ("This handout is of plan version 1, an older version: version 2 is the plan in force "
                           "(open it in Records to give its handout).")
    # step 4 says so too (seen in review: it read only "plan version 1 — plan ready")
    assert ("plan version 1 — plan ready<br><b>An older version:</b> version 2 is the plan in force (open it in "
            "Records to go on from it).") in window.editor.header.text()
    window.tabs.setCurrentWidget(window.handout)
    assert note.isVisible()


def test_the_handout_starts_the_patient_where_their_course_carries_on(qtbot, data_dir) -> None:
    """A version saved mid-course printed its table and log from week 1, and nothing told the patient where to
    carry on: once week 1 is walked, the handout says to start at week 2 and its walking log begins there."""
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example()[0])
    assert window.save_plan(), window.statusBar().currentMessage()
    assert window.handout._inputs.start_week is None  # no walk yet
    minutes = window.editor.plan.weeks[0].main_min
    for days_ago in (6, 4, 2):
        log_through_the_form(qtbot, window, days_ago=days_ago, week=1, minutes=minutes, rpe=12, during=2, morning=2)
    assert window.course.progress.next_walk_week == 2
    assert window.handout._inputs.start_week == 2
    window.tabs.setCurrentWidget(window.handout)
    qtbot.waitUntil(lambda: window.handout._pdf is not None, timeout=20_000)
    assert "start at week 2, where their course carries on" in window.handout.status.text()
