"""The records' models: what a plan version, a patient listing, a logged session and an audit event are, whatever
database holds them. A patient has one course of care: plan versions are revisions within it (immutable, numbered 1
to N), and sessions belong to the patient, each remembering the version and the week it was walked under, so a new
version never hides a session. ``uid``s are stable across workstations: a bundle carries them, and importing a
patient who is already here adds only what is new."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal, NamedTuple

from pydantic import BaseModel

from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile, checked_line
from core.plan.session_log import SessionLog
from core.records.walk_words import walk_in_full
from core.records.authors import author
from core.stamps import local_day, local_minute
from core.words import counted

AuditAction = Literal["create", "update", "export", "print", "delete", "undelete", "import"]
REASON_MAX_LENGTH = 300  # as a session's note


def reason_text(value: str) -> str:
    """Why a plan version is saved, in the clinician's words ("" for none given): one line of at most
    REASON_MAX_LENGTH characters, or ValueError saying what is wrong. Seen in review: a course of several versions
    recorded what changed between them, never why (a pain flare, a fall, a new medicine), which the next clinician
    to open the patient had to guess."""
    reason = checked_line(value).strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValueError(f"at most {REASON_MAX_LENGTH} characters (this one has {len(reason)})")
    return reason


def checked_reason(value: str) -> str:
    """reason_text, its ValueError naming the field (a bundle's names it by its own path)."""
    try:
        return reason_text(value)
    except ValueError as error:
        raise ValueError(f"reason: {error}") from None


class DifferentPatient(ValueError):
    """A new version whose profile may be someone else than the patient it would be filed under: ``differs``
    names what does not match ("name", "sex", "age"), never the values."""

    def __init__(self, patient_id: int, differs: list[str]) -> None:
        self.differs = differs
        self.what = differs[0] if len(differs) == 1 else f"{', '.join(differs[:-1])} and {differs[-1]}"
        super().__init__(
            f"The profile's {self.what} {'does' if len(differs) == 1 else 'do'} not match what is saved for patient "
            f"{patient_id}, so nothing was saved. If it is the same person (a corrected name, sex or age), confirm "
            "it; otherwise save it as a new patient.")


class NamesakeSaved(ValueError):
    """A new patient refused because patients here have the same name (case, accents, apostrophes and spaces aside),
    saved meanwhile on another workstation: ``patients``, the most recently saved first."""

    def __init__(self, patients: list[int]) -> None:
        self.patients = patients
        super().__init__(f"patients {patients} have the same name")


class PatientDeletedHere(ValueError):
    """A bundle's patient deleted here, not imported unless asked to: as a walk deleted here, an import does not undo
    a deletion (seen in review: a deleted patient came back from another workstation's bundle without a word).
    ``patient_id``, ``at`` and ``clinician``: the deletion's, as the audit keeps it; ``deletion`` in words."""

    def __init__(self, patient_id: int, at: str, clinician: str) -> None:
        self.patient_id, self.at, self.clinician = patient_id, at, clinician
        self.deletion = f"patient {patient_id}, on {local_minute(at)} by {author(clinician)}"
        super().__init__(f"the bundle's patient was deleted here: {self.deletion}")


class RecordNotFound(LookupError):
    """No record with that id; the message names it."""


class PlanVersion(BaseModel):
    id: int
    patient_id: int
    version: int
    uid: str
    profile: PatientProfile
    plan: Plan
    overrides: list[WeekOverride]
    guidelines_version: str
    created_by: str
    created_at: str
    reason: str = ""  # why the clinician saved it (checked_reason); "" where none was given, as before m016

    @property
    def saved_on(self) -> dt.date:
        """The day it was saved, on this workstation's calendar."""
        return local_day(self.created_at)


def version_in_force(saved: list[tuple[int, str]], on: dt.date,
                     walkable: Callable[[int], bool] = lambda _plan_id: True, diary: int | None = None) -> int:
    """Of a patient's versions as (id, saved at), oldest first, the one in force on ``on``: the newest saved
    that day or before on this workstation's calendar. For a day before any (a walk before the course began; its
    note asks to check the date), the version of the patient's ``diary``, their walk of before any dated nearest
    before it, else after it (seen by a clinic's tester: a diary's walks went under versions 1, 2 and 4 by when
    each was typed in or corrected, as versions were saved that day meanwhile, and the course read them as weeks
    stopped by screening);
    for a diary's first walk, the newest of the first day that ``walkable`` (not blocked by screening), else the
    first: seen in review, version 1 saved blocked and version 2 ready the same day, and such a walk was refused as
    under version 1. A walk is logged, and a corrected date moves it, under that version."""
    in_force = [row_id for row_id, at in saved if local_day(at) <= on]
    if in_force:
        return in_force[-1]
    if diary is not None:
        return diary
    first_day = [row_id for row_id, at in saved if local_day(at) == local_day(saved[0][1])]
    return next((row_id for row_id in reversed(first_day) if walkable(row_id)), saved[0][0])


class DeletedSession(BaseModel):
    """A walk deleted here and not logged again, as the audit trail keeps it: its id, when and by whom it was deleted,
    and its values (a deleted patient's went with the patient)."""

    session_id: int
    deleted_at: str
    deleted_by: str | None
    patient_id: int
    plan_id: int
    uid: str | None  # None: deleted before the audit kept it (logged again, it is given a new one)
    log: SessionLog


class PlanSummary(BaseModel):
    plan_id: int
    patient_id: int
    patient_name: str
    etiology: str
    version: int
    created_at: str


class SessionRecord(SessionLog):
    """A logged session as saved: whose, under which plan version, and when it was last changed."""

    id: int
    uid: str
    patient_id: int
    plan_id: int  # the plan version it was walked under
    plan_version: int
    created_at: str
    updated_at: str
    logged_by: str | None = None  # who logged it here, as the audit names them (None: not known)
    corrected_by: str | None = None  # who corrected it last (None: never, or not known)

    def as_logged(self) -> SessionLog:
        return SessionLog.model_validate(self.model_dump(include=set(SessionLog.model_fields)))

    def notes_in(self, history: list[PlanVersion], sessions: list[SessionRecord] = (), *,
                 typed_in: str = "km/h") -> list[str]:
        """What to check in this walk, given the patient's ``history`` oldest first and their other ``sessions``
        (core/records/walk_notes.py)."""
        from core.records.walk_notes import walk_notes

        return walk_notes(self, history, sessions, typed_in=typed_in)


class ChangedMeanwhile(Exception):
    """A correction made against a session someone else changed (or deleted) since it was read: refused, with
    both versions, so nothing typed is lost and nothing is overwritten unseen."""

    def __init__(self, yours: SessionLog, theirs: SessionRecord | None, *, by: str | None = None) -> None:
        self.yours, self.theirs, self.by = yours, theirs, by
        super().__init__(self.said_in("metric"))

    def said_in(self, units: str) -> str:
        """The refusal, speeds in the clinic's ``units`` (seen in review: km/h beside an imperial clinic's form)."""
        from core.records.authors import named

        theirs, by = self.theirs, named(self.by)
        said = f"was deleted by {by or 'someone else'} meanwhile" if theirs is None else _changed_when(theirs, by)
        return (f"Not saved: this session {said}. Yours: {walk_in_full(self.yours, units)}. "
                + ("It can no longer be corrected: add yours as a new session if it should be kept."
                   if theirs is None else f"Theirs: {walk_in_full(theirs.as_logged(), units)}."))


def _changed_when(theirs: SessionRecord, by: str | None) -> str:
    """Never corrected, the session differs from the time given, not from someone's change (seen in review: "changed
    by someone else at" its own logging time, of a --if-unchanged-since mistyped)."""
    at = f"{theirs.updated_at[:19].replace('T', ' ')} UTC"
    if theirs.updated_at == theirs.created_at:
        return f"was logged at {at} and not corrected since, so the time given is not when it was last saved"
    return f"was changed by {by or 'someone else'} at {at}"


class ChangedBeforeDelete(Exception):
    """A session deleted as shown that someone else corrected since: refused, so their correction does not go unseen
    (seen in review: the confirmation showed pain 3, and another workstation's pain 7 was deleted without a word)."""

    def __init__(self, theirs: SessionRecord, *, by: str | None = None) -> None:
        self.theirs, self.by = theirs, by
        super().__init__(self.said_in("metric"))

    def said_in(self, units: str) -> str:
        from core.records.authors import named

        return (f"Not deleted: this session {_changed_when(self.theirs, named(self.by))}. It now reads: "
                f"{walk_in_full(self.theirs.as_logged(), units)}. Delete it again if it should still go.")


class PatientChangedMeanwhile(Exception):
    """A patient deleted as shown (its plan versions and walks, counted when the clinician was asked) whose records
    changed since: refused, so another workstation's newer work is not deleted unseen (seen by a clinic's tester:
    a version and a walk saved on another workstation while the question was open went with the patient)."""

    def __init__(self, patient_id: int, shown: PatientHolding, now: PatientHolding) -> None:
        self.patient_id, self.shown, self.now = patient_id, shown, now
        when = now.last_walk_change[:19].replace("T", " ")
        what = (f"{shown.in_words()} then, {now.in_words()} now" if shown[:2] != now[:2] else
                f"a walk corrected, or one deleted and another added, at {when} UTC")
        super().__init__(f"Not deleted: this patient's records changed since you were asked ({what}; saved on another "
                         "workstation or in another window). Look at them, then delete again if that is still right.")


class PatientHolding(NamedTuple):
    """A patient's records as the clinician was shown them before deleting: counted, and when a walk last changed
    (a walk deleted and another added, or one corrected, leaves the counts as they were)."""

    versions: int
    walks: int
    last_walk_change: str = ""  # the newest updated_at of the patient's walks; "" for none

    def in_words(self) -> str:
        """"2 plan versions and 1 walk"."""
        return (f"{self.versions} plan version{'' if self.versions == 1 else 's'} and {self.walks} "
                f"walk{'' if self.walks == 1 else 's'}")


class VersionSavedMeanwhile(Exception):
    """A new version made from one older than the patient's newest (someone else saved meanwhile, or an older
    version was opened from Records): refused, naming the newest and what differs, so nothing is replaced unseen;
    what is on screen stays. Seen in testing: "saved ... after you opened it" was said of a version saved weeks
    before the older one was opened."""

    def __init__(self, theirs: PlanVersion, yours: tuple[PatientProfile, Plan, list[WeekOverride]]) -> None:
        self.theirs, self.yours = theirs, yours  # yours: the profile, the engine's plan and the overrides refused
        super().__init__(self.said_in("metric"))

    def differences(self, units: str = "metric") -> list[str]:
        """How yours differs from theirs, a line each, speeds in the clinic's ``units`` (seen in review: km/h in this
        refusal, and mph in the question asked next, on an imperial clinic's window)."""
        from core.plan.compare import version_differences

        return version_differences(self.theirs.profile, self.theirs.plan, self.theirs.overrides, *self.yours, units)

    def said_in(self, units: str, *, what_next: bool = True) -> str:
        from core.plan.compare import yours_differs
        from core.records.authors import named

        theirs = self.theirs
        return (f"Not saved: version {theirs.version} of this patient, saved by "
                f"{named(theirs.created_by) or 'someone'} at {theirs.created_at[:19].replace('T', ' ')} UTC, is newer "
                f"than the version your changes were made from. {yours_differs(self.differences(units))}" + (
                    f" Yours is still on screen: look at version {theirs.version} in Records. Saving again makes yours "
                    f"version {theirs.version + 1}, the newest; version {theirs.version} stays in the history."
                    if what_next else ""))


class ImportedPatient(BaseModel):
    """What an import added: a new patient, or to a patient already here only what was new."""

    patient_id: int
    existed: bool  # the patient was here already (the same patient id in the bundle)
    plan_ids: list[int]  # versions added, oldest first
    sessions_added: int
    sessions_differing: list[str] = []  # sessions here whose values differ from the bundle's (kept as they are
    # here), each named by its date and week (walk_named)
    sessions_only_here: list[str] = []  # sessions here that the bundle does not have (kept: an import never deletes)
    sessions_deleted_here: list[str] = []  # the bundle's sessions deleted here (not added again)
    versions_differing: int = 0  # versions here whose profile, plan, overrides or reason differ from the bundle's (kept)
    versions_only_here: int = 0  # versions this workstation has that the bundle does not
    versions_as_saved: list[str] = []  # added versions made under earlier guidelines, kept as saved: "version 1
    # (guidelines 2026.12.7)"
    version_in_force: int | None = None  # the patient's newest version after the import
    # the newest version here before the import, where it was saved after the bundle's version now in force: "version
    # 2 here (saved 2026-12-06 12:22 by Dr Reyes)" (seen by a tester: a plan saved here, put under an earlier one)
    newer_here_put_under: str = ""
    # what of the patient the version now in force names differently from the newest here before ("name", "sex",
    # "age"): a bundle may be another person's under this patient's id
    identity_changed: list[str] = []

    def sentence(self) -> str:
        if not self.existed:
            said = (f"Imported patient {self.patient_id}: {counted(len(self.plan_ids), 'plan version')} (plan id"
                    f"{'s' * (len(self.plan_ids) > 1)} {', '.join(map(str, self.plan_ids))}) and "
                    f"{counted(self.sessions_added, 'session')}.")
        elif not self.plan_ids and not self.sessions_added:
            said = (f"Nothing new: patient {self.patient_id} already has everything in this bundle." if not
                    (self.versions_differing or self.sessions_differing or self.sessions_deleted_here) else
                    f"Nothing added: patient {self.patient_id} already has every version and session in this bundle.")
        else:
            said = (f"Patient {self.patient_id} was here already: added {counted(len(self.plan_ids), 'plan version')} "
                    f"and {counted(self.sessions_added, 'session')} that were new.")
        if self.versions_only_here and self.plan_ids:
            said += (f" This workstation had {counted(self.versions_only_here, 'version')} the bundle does not; the "
                     f"imported ones were added after them, so version {self.version_in_force} is now the plan in "
                     "force: check it.")
        if self.newer_here_put_under:
            said += (f" Version {self.version_in_force} was saved before {self.newer_here_put_under}, which it now "
                     "stands over: where that plan is the right one, open it (Records, the patient's Plan versions) "
                     "and save it again, as the newest.")
        if self.versions_as_saved:  # only a plan under this Treadwell's guidelines can be computed again to check it
            said += (" Made under earlier guidelines, so kept as saved, not computed again: "
                     f"{'; '.join(self.versions_as_saved)}.")
        if self.versions_differing:
            said += (f" {counted(self.versions_differing, 'plan version')} in the bundle "
                     f"{'differs' if self.versions_differing == 1 else 'differ'} from the same version here; "
                     "a saved version never changes, so the bundle was edited after it was exported: the versions "
                     "were kept as they are here.")
        if self.sessions_differing:
            said += (" Kept as they are here, though the bundle has other values (corrected on one side): "
                     f"{_some(self.sessions_differing)}. Where the bundle's are right, correct the session here "
                     "(sessions edit N FILE, or Correct in the session log).")
        if self.sessions_deleted_here:
            said += (" Not added again, as they were deleted here (an import does not undo a deletion): "
                     f"{_some(self.sessions_deleted_here)}.")
        if self.sessions_only_here:
            said += (" Kept, though not in the bundle (added here, or deleted where it was exported; an import never "
                     f"deletes): {_some(self.sessions_only_here)}.")
        if self.identity_changed:
            said += (f" Check who this is: plan version {self.version_in_force}, now in force, gives another "
                     f"{' and '.join(self.identity_changed)} than the version before it here.")
        return said


def _some(walks: list[str], shown: int = 5) -> str:
    """The first few walks named, then how many more (an older bundle can leave out every walk since)."""
    more = len(walks) - shown
    return "; ".join(walks[:shown]) + (f"; and {more} more" if more > 0 else "")


class AuditEvent(BaseModel):
    id: int
    at: str
    action: str
    record_type: str
    record_id: int | None
    clinician: str | None
    before: dict | None = None  # a corrected or deleted session: its values before the change
