"""The questions asked before a plan is saved as something other than a new version of the patient on screen: an
older version saved again as the plan in force, a new patient whose name another patient already has, and a plan typed
for a patient deleted elsewhere meanwhile. Mixed into MainWindow through PatientCare."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from core.clinic_log import newer_saved_meanwhile
from core.words import listed
from ui.plain_text import shown_as_typed

# where a patient open here may have been deleted: on the clinic server another workstation, else another window of
# this data folder or a backup restored (seen in a clinic's try: "restoring a backup" said of a clinic server)
ELSEWHERE = "elsewhere (in another window, or by restoring a backup made before this patient was saved)"
ELSEWHERE_IN_CLINIC = "elsewhere (on another workstation, or in another Treadwell window)"


class SaveQuestions:
    _saving_on_retry = False  # a save the clinic server could not take, tried again by its timer (clinic_link)
    # (editor.save_uid, name, whether a patient already had it) a new patient's name looked up and let through: not
    # again at a later try of the same save, whose answer may have been lost after the server saved the patient; where
    # none had it, the save refuses a namesake saved meanwhile (NamesakeSaved), and it is asked then
    _namesake_checked: tuple[str, str, bool] | None = None
    # (editor.opened, patient id, the version on screen where not the one in force): the plan on screen was typed for
    # that patient, deleted elsewhere since; saved as a new patient only once asked
    _kept_from_deleted: tuple[int, int, str] | None = None
    _deleted_confirmed: str | None = None  # the save (editor.save_uid) the clinician said to make a new patient of

    def _yes_to(self, title: str, question: str) -> bool:
        """The clinician's Yes to ``question``, No its default."""
        return QMessageBox.question(self, title, shown_as_typed(question),
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def _kept_deleted_said(self) -> str:
        """What the plan on screen was typed for, while it was kept from a patient deleted elsewhere ("": it is not)."""
        kept = self._kept_from_deleted
        if kept is None or kept[0] != self.editor.opened or self.editor.patient_id is not None:  # saved since
            return ""
        return f"Patient {kept[1]}, whose plan this is, was deleted {self._elsewhere()} while open here{kept[2]}"

    def _elsewhere(self) -> str:
        return ELSEWHERE_IN_CLINIC if self.gateway.on_clinic_server else ELSEWHERE

    def _older_on_screen(self, patient_id: int) -> str:
        """Which of ``patient_id``'s versions the plan on screen is, where not the one in force (seen in a clinic's try:
        saved as a new patient, step 4's version 4 came back where version 5 had been in force, and nothing said so)."""
        course = self._course
        shown = course.older_shown if course is not None and course.patient_id == patient_id else None
        return (f" (step 4 shows version {shown.version}, an older one: version {course.in_force.version} was "
                "the plan in force)" if shown is not None else "")

    def _kept_deleted_then(self) -> str:
        """What Save plan does with a plan kept from a patient deleted elsewhere."""
        if self.read_only:
            return "This window is read-only, so it cannot save it."
        if self._deleted_confirmed == self.editor.save_uid:
            return "You said to save it as a new patient: Save plan does so; File > New patient lets it go."
        return "Save plan asks first, then saves it as a new patient; File > New patient lets it go."

    def _deleted_patient_confirmed(self) -> bool:
        """A plan typed for a patient deleted elsewhere is saved as a new patient once the clinician says so (seen by a
        clinic's tester: Save plan brought back a patient another workstation had just deleted, without a word, as a
        bundle's import does not: the deletion may have been meant). Asked once for a save, tried again as often as
        the clinic server needs; not in a read-only window, which cannot save."""
        said = self._kept_deleted_said()
        if not said or self.read_only or self._deleted_confirmed == self.editor.save_uid:
            return True
        if self._saving_on_retry:  # a question nobody asked for, popping up: said instead
            self.statusBar().showMessage(f"Not saved: {said}. Save again (Ctrl+S) to say whether it is a new patient.")
            return False
        # the plan on screen, typed in or not (seen in a clinic's try: "Save what you typed", where nothing had been)
        walk = "; the walk typed in the session log can be added once it is saved" if \
            self._walk_kept_for == self.editor.opened else ""
        if self._yes_to("Patient deleted elsewhere", f"{said}.\n\nSave the plan on screen as a new patient? Their "
                        f"earlier versions and walks are not brought back{walk}. The deletion may have been meant: a "
                        "patient who withdrew consent, or a record of the wrong person. No saves nothing, and the "
                        "plan stays on screen."):
            self._deleted_confirmed = self.editor.save_uid
            return True
        self.statusBar().showMessage(f"Not saved: {said}.")
        return False

    def _kept_walk_let_go(self, whose: str) -> bool:
        """Leaving a plan kept from a patient deleted elsewhere with a walk typed for them: Discard lets both go. No
        Save here (seen in review): the plan saved on the way out would have left the walk behind, greyed, unlogged."""
        if QMessageBox.question(
                self, "Unsaved changes", shown_as_typed(
                    f"The plan of {whose}, whose record was deleted {self._elsewhere()}, and the walk typed for them "
                    "in the session log are not saved. Discard both? Or Cancel, then Save plan (Ctrl+S) and Add "
                    "session to keep them."), QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return False
        self._drop_waiting_save()
        return True

    def _older_version_confirmed(self) -> bool:
        """Saving an older version unchanged makes it the plan in force again: only when the clinician says so."""
        course, shown_id = self._course, self.editor.plan_id
        if course is None or shown_id is None or shown_id == course.in_force.id or self.editor.dirty:
            return True
        shown = course.version_of(shown_id)
        if shown is None:
            return True
        if self._yes_to("An older version", f"Step 4 shows version {shown.version}; version "
                        f"{course.in_force.version} is the plan in force.\n\nSave version {shown.version}'s plan again "
                        "as a new version, the plan in force from now on?"):
            return True
        self.statusBar().showMessage(f"Not saved: version {course.in_force.version} stays the plan in force.")
        return False

    def _namesakes(self, name: str) -> list[int]:
        try:
            return self.gateway.namesakes(name, besides=0)
        except Exception:  # the clinic server went away: the save checks for them (refuse_namesakes), or waits
            return []

    def _newer_saved_meanwhile(self, error) -> None:
        """A save refused for a version saved meanwhile (VersionSavedMeanwhile): said, and the clinician's changes
        carried onto it where they choose (seen by a clinic's tester: the only way on was saving the whole form again,
        which undid the colleague's measured peak heart rate); otherwise the next save of this plan replaces it."""
        from core.records.carrying import NotCarried, carried_onto

        theirs, made_from, why_not = error.theirs, self.editor.made_from, ""
        newer_saved_meanwhile(theirs)
        if self._saving_on_retry:  # a save the timer tried: no question pops up unasked (seen in review); asked at the
            self.statusBar().showMessage(  # next save the clinician makes
                f"Not saved: version {theirs.version} was saved meanwhile. Save again (Ctrl+S) to choose what to do.")
            return
        carried = None
        if made_from is not None and made_from.patient_id == theirs.patient_id and self.editor.profile is not None:
            try:
                carried = carried_onto(theirs, made_from, self.editor.profile, self.editor.overrides,
                                       self.settings.units)
            except NotCarried as problem:
                why_not = f"\n\nYour changes cannot be put on version {theirs.version}: {problem}."
        # where theirs holds your changes already, nothing is asked (seen by a clinic's tester: "Save plan makes them
        # version 7", then "No changes since version 6: nothing new saved")
        nothing_new = carried is not None and carried.adds_nothing_to(theirs)
        if nothing_new or carried is not None and carry_onto_newer(
                self, carry_question(error, self.settings.units, carried), theirs.version):
            self.editor.carry_onto(theirs, carried.profile, carried.overrides)
            self._told_of_newer = None
            self._refresh_course()  # the version on screen is the one in force now (seen by a clinic's tester: step 4
            # still said "An older version: version 5 is the plan in force" over version 5)
            self.tabs.setCurrentWidget(self.editor)
            changes = "; ".join(carried.changed) or "none"
            self.statusBar().showMessage(
                f"Not saved: version {theirs.version}, saved meanwhile, already has your changes ({changes}). It is on "
                "screen; there is nothing more to save." if nothing_new else
                f"Not saved yet: version {theirs.version} is on screen with your changes ({changes}). Check them, "
                f"then Save plan makes them version {theirs.version + 1}.{carried.in_words()}")
            return
        self._told_of_newer = ((self.editor.patient_id, self.editor.opened), theirs)
        if carried is None:
            QMessageBox.information(self, "A newer version is saved",
                                    shown_as_typed(error.said_in(self.settings.units) + why_not))
        self.statusBar().showMessage(f"Not saved: version {theirs.version} is newer than the version your changes "
                                     "were made from.")

    def _new_namesake_confirmed(self, saved_meanwhile: list[int] | None = None) -> bool:
        """A new patient whose name a patient here already has may be meant as a new version of theirs: asked before
        it is saved, once (seen by a clinic's tester: told only once the duplicate was saved, whose way out was
        deleting it); or once the save was refused for ``saved_meanwhile``, namesakes saved since (NamesakeSaved)."""
        name, uid = self.editor.profile.name, self.editor.save_uid
        if saved_meanwhile is None and (
                self.editor.patient_id is not None or (self._namesake_checked or ())[:2] == (uid, name)):
            return True
        others = self._namesakes(name) if saved_meanwhile is None else saved_meanwhile
        if not others:
            self._namesake_checked = (uid, name, False)
            return True
        said = same_name(others, self._saved_as(others[0], name))
        if self._saving_on_retry:  # a question nobody asked for, popping up (seen in review): said instead
            self.statusBar().showMessage(f"Not saved: {said}, {name}. Save again (Ctrl+S) to say "
                                         "whether this is a new patient.")
            return False
        if self._yes_to("Another patient has this name", f"{said}, {name}. Save a new patient anyway?\n\nNo "
                        "saves nothing: if this is the same person, open that patient in Records (the Patient no. "
                        "column) and save the plan there."):
            self._namesake_checked = (uid, name, True)
            return True
        self.statusBar().showMessage(f"Not saved: {said}, {name}.")
        return False

    def _saved_as(self, patient_id: int, typed: str) -> str | None:
        """The patient's name as saved, where it is written otherwise than ``typed``; None where it is not, or cannot
        be read now."""
        try:
            saved = self.gateway.history(patient_id)[-1].profile.name
        except Exception:  # the clinic server went away, or the patient was deleted meanwhile: the ids alone
            return None
        return saved if saved != typed else None


def saved_and_now(course, profile, different) -> str:
    """What differs (DifferentPatient, which names the fields only, as it may be logged), as saved in the patient's
    newest version and as on screen: " (saved 67, now 60)" (seen by a clinician: neither age was given). ""
    where the newest version is not known here."""
    if course is None:
        return ""
    saved = course.in_force.profile
    values = {"name": lambda p: p.name, "sex": lambda p: p.sex or "not given", "age": lambda p: p.age}
    fields = [field for field in different.differs if field in values]
    said = [("" if len(fields) == 1 else f"{field}: ") + f"saved {values[field](saved)}, now {values[field](profile)}"
            for field in fields]  # the one field named once, in the sentence (seen under Xvfb: "age ... (age: ...)")
    return f" ({'; '.join(said)})" if said else ""


def same_name(others: list[int], saved_as: str | None = None) -> str:
    """"Patient 2 has the same name", or "Patients 2 and 5 have" it; ``saved_as``, the first one's name as saved
    where it is written otherwise than typed (seen by a tester: "the same name, margaret o’brien" of a patient saved
    as Margaret O'Brien)."""
    if len(others) == 1:
        who = f"Patient {others[0]}" + (f" (saved as {saved_as})" if saved_as else "") + " has"
    else:
        who = f"Patients {listed(others)}" + (f" (patient {others[0]} saved as {saved_as})" if saved_as else "") + " have"
    return f"{who} the same name"


def carry_question(error, units: str, carried) -> str:
    """The refusal (VersionSavedMeanwhile), then the two ways on: the changes put on the newer version (Carried: what
    goes, what both changed, what does not go), or the form kept as it is for the next save."""
    version = error.theirs.version
    return (f"{error.said_in(units, what_next=False)}\n\nPut your changes on version {version}: it opens with only "
            f"what you changed on it ({'; '.join(carried.changed) or 'nothing'}), unsaved, for you to check and save."
            f"{carried.in_words()}\n\nOr keep yours as it is: saving it again makes yours version {version + 1}, the "
            f"newest, in place of theirs; version {version} stays in the history.")


def carry_onto_newer(parent, question: str, version: int) -> bool:
    """Whether the clinician puts their changes on ``version``, saved meanwhile, or keeps their form as it is, for
    the next save to replace it (``question``: carry_question). Nothing is saved either way."""
    box = QMessageBox(QMessageBox.Icon.Question, "A newer version is saved", shown_as_typed(question), parent=parent)
    carry = box.addButton(f"Put my changes on version {version}", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep mine as it is", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(carry)
    box.exec()
    return box.clickedButton() is carry
