"""The window's one door to the records, opened once the start-up checks have passed: it owns the connection, refuses
writes in a read-only window, and hands every decision to the PatientRecords interface (core/records/interface.py) and
its engine: this workstation's SQLite file, or the clinic's PostgreSQL server when a records URL is given. The shipped
library is read from the local file either way; on the clinic server the clinic's imported studies are the server's,
read beside it in memory (core/storage/clinic_studies.py) and read again when another workstation imports some.

On the clinic server a lost connection is one plain sentence (ClinicServerError); what the clinician typed stays on
screen, and the window tries the save again, under the same uid: where the connection dropped after the server saved
it, the try again finds what it saved rather than saving a second patient or walk. Records calls never wait on a
server that does not answer: from the start, and once it stopped answering, they fail at once until the window's check
off the GUI thread (``why_not_answering``) finds it answering and signs in (seen by a clinic's tester: with the server
unreachable, the window froze for the 10 s connection timeout at start-up and on every save, tried again every 10
seconds)."""

from __future__ import annotations

import uuid
from pathlib import Path

from core.data_dir import DataDir
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.plan.session_log import SessionLog
from core.records.interface import PatientRecords
from core.records.models import (AuditAction, DeletedSession, ImportedPatient, PatientHolding, PlanSummary,
                                 PlanVersion, RecordNotFound, SessionRecord)
from core.storage import evidence_store
from core.storage.database import Database, data_version, open_database
from core.storage.sqlite_records import SqliteRecords
from core.workspace.bundles import read_bundle_file, write_bundle
from core.workspace.records_guards import ClinicGuard, LocalGuard

NOT_ANSWERING = ("The clinic database has not answered yet: nothing was read or saved, and what is on screen is kept; "
                 "Treadwell signs in as soon as it answers.")


class ReadOnlyRecords(Exception):
    """This window is read-only (another window holds the data folder)."""


class DataFolderMissing(Exception):
    """The data folder, or the database in it, disappeared or was replaced while the window was open."""


ANOTHER_WINDOW = "another Treadwell window holds this data folder"  # why a window is read-only, most often; or:
CANNOT_WRITE = "this data folder cannot be written (its lock file could not be opened)"  # a read-only disk, say


class RecordsGateway:
    def __init__(self, data_dir: DataDir, *, read_only: bool, records_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self.read_only_why = ANOTHER_WINDOW  # or CANNOT_WRITE (the window's lock file says)
        self.records_url = records_url or None
        self._db: Database | None = None
        self._clinic = None  # PostgresRecords, once signed in
        self._evidence: Database | None = None  # on the clinic server: the library and the clinic's studies
        self._password: str | None = None  # typed by the clinician, in memory only
        self._listener = None
        self._listening_lost = False  # the server went away while it was listened to, and not yet since
        self._missed = False  # other workstations' changes may have gone unannounced since the server went away
        self._signed_in = False
        self._unanswered = self.records_url is not None  # records calls fail at once (see above)
        self._seen_version = 0  # the local file's data_version when last read (saved_elsewhere)
        self._seen_file: tuple[int, int] | None = None  # and which file it was (a restore puts another in its place)
        self._walk_tried: tuple[int, SessionLog, str] | None = None  # a walk not known to be logged, and its uid

    def open(self) -> None:
        if self._db is not None and self._file_identity() not in (None, self._seen_file):  # a backup put in its place
            self._db.close()
            self._db = None
        if self._db is None and self.data_dir.database_path.exists():
            self._db = open_database(self.data_dir.database_path, read_only=self.read_only,
                                     backups_dir=self.data_dir.backups_dir)
            self._seen_version, self._seen_file = data_version(self._db), self._file_identity()

    def become_writer(self) -> None:
        """The window took the data folder's lock after opening read-only: writes are allowed from now on, and
        the local records are opened again for writing by the next ``open`` (a clinic sign-in is kept)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        self.read_only = False

    def close(self) -> None:
        self.sign_out()  # nothing followed or signed in to any more (a check's late answer, seen in review)
        if self._evidence is not None:
            self._evidence.close()
            self._evidence = None
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the clinic server -----------------------------------------------------------------------------

    def sign_in(self, password: str | None = None) -> str:
        """Sign in to the clinic server (raises PasswordNeeded when it asks for a password none is on file
        for, ClinicServerError otherwise); returns where and as whom, for the status bar."""
        from core.storage.clinic import ChangeListener
        from core.storage.clinic_errors import ClinicServerError, ServerUnanswered
        from core.workspace.clinic import describe, open_clinic_records

        self._drop_clinic()
        try:
            self._clinic = open_clinic_records(self.records_url, self._studies_for, password=password)
        except ClinicServerError as error:
            self._unanswered = isinstance(error, ServerUnanswered)  # else it answered (a password, a newer schema)
            raise
        self._unanswered = False
        self._password = password
        self._signed_in = True
        self._read_clinic_studies()
        try:
            self._listener = ChangeListener(self.records_url, password)
            self._listening_lost = False
        except Exception:  # live updates are a convenience: the records work without them
            self._listener = None
        return describe(self._clinic)

    def _read_clinic_studies(self) -> None:
        """The evidence as this workstation reads it on the clinic server: its library and the clinic's studies."""
        from core.storage.clinic import call_guarded
        from core.storage.clinic_studies import ClinicStudies, clinic_evidence

        if self._db is None or self._clinic is None:
            return
        evidence = clinic_evidence(self._db, call_guarded(ClinicStudies(self._clinic.connection).all))
        if self._evidence is not None:
            self._evidence.close()
        self._evidence = evidence

    @property
    def _evidence_db(self) -> Database | None:
        return self._evidence if self._evidence is not None else self._db

    def evidence_overview(self):
        """The evidence as the window shows it (EvidenceOverview), or None before the records are open."""
        from core.workspace.startup import evidence_overview

        return evidence_overview(self._evidence_db) if self._evidence_db is not None else None

    def _studies_for(self, etiology: str) -> list:
        return evidence_store.studies_of(self._evidence_db, etiology) if self._evidence_db is not None else []

    def _clinic_records(self):
        if self._clinic is None:  # dropped: sign in again (the server may be back)
            from core.storage.clinic_errors import ClinicServerError, ServerUnanswered

            if self._unanswered:
                raise ServerUnanswered(NOT_ANSWERING)
            try:
                self.sign_in(self._password)
            except ClinicServerError:
                self._lose_clinic()
                raise
        return self._clinic

    def _lose_clinic(self, *, unanswered: bool = False) -> None:
        """A records call found the server gone: told as if its listener had found it (listening_lost), so the
        window says so and, once the server answers again, reads everything anew (seen by a clinic's tester: a click
        that found it first left the window saying it was signed in, and never reading another workstation's saves)."""
        self._drop_clinic()
        self._unanswered = self._unanswered or unanswered
        if self._signed_in:  # never signed in (a password refused from the start): nothing was being followed
            self._listening_lost = self._missed = True

    def _drop_clinic(self) -> None:
        for part in (self._clinic, self._listener):
            if part is not None:
                try:
                    part.connection.close()
                except Exception:  # already gone
                    pass
        self._clinic = self._listener = None

    def changes(self) -> tuple[set[int], bool]:
        """Patients another workstation changed since the last call, and whether the clinic's imported studies
        changed (then they are read again here); clinic server only, nothing otherwise."""
        if self._listener is None:
            return set(), False
        try:
            own = self._clinic.connection.info.backend_pid if self._clinic is not None else None
            patients, studies = self._listener.changes(own)
            if studies:
                self._read_clinic_studies()
            return patients, studies
        except Exception:  # the server went away: the window signs in again once it answers
            self._listener = None
            self._listening_lost = self._missed = True
            return set(), False

    @property
    def listening_lost(self) -> bool:
        """Signed in to the clinic server, but no longer told of other workstations' changes: the server restarted
        or went away (seen by a clinic's administrator: after a restart an open window showed no other
        workstation's change again, and still said it was signed in). A server that never took LISTEN is not lost
        (seen in review: it was signed in to again every 10 seconds)."""
        return self._signed_in and self._listening_lost

    @property
    def missed_changes(self) -> bool:
        """Since the server went away, other workstations' changes may have gone unannounced, whoever signed in again
        (the window once the server answered, or a password asked for by a save): everything is to be read anew
        (``caught_up``)."""
        return self._missed and self._clinic is not None

    def caught_up(self) -> None:
        self._missed = False

    def sign_in_again(self) -> str:
        """Sign in anew as before (the password typed then, if any), after the server went away."""
        return self.sign_in(self._password)

    def where_signed_in(self) -> str:
        """Where and as whom, for the status bar ("" before signing in)."""
        from core.workspace.clinic import describe

        return describe(self._clinic) if self._clinic is not None else ""

    def why_not_answering(self) -> str:
        """"" if the clinic server answers now, else why not (a plain sentence); only connects, so it may be called
        off the GUI thread (a server that does not answer takes 10 s). Not answering is expected here: nothing
        logged."""
        from core.storage.clinic import connect
        from core.storage.clinic_errors import ClinicServerError, ServerUnanswered

        try:
            connect(self.records_url, password=self._password).close()
        except ServerUnanswered as error:
            return str(error)
        except ClinicServerError:  # it answers, and refuses: a password to ask for, no such database (the sign-in
            return ""  # that follows says so)
        return ""

    @property
    def unanswered(self) -> bool:
        """On the clinic server: not signed in, and the server has not answered since the window opened or since it
        stopped answering; records calls fail at once until the window's check finds it answering and signs in."""
        return self._unanswered

    @property
    def signed_in(self) -> bool:
        """Signed in to the clinic server since the window opened (it may have gone away since)."""
        return self._signed_in

    def sign_out(self) -> None:
        """Not signed in any more (the clinician did not give the password the server asked for after it came back):
        nothing is followed or tried again until the next sign-in (a save asks for the password)."""
        self._drop_clinic()
        self._signed_in = self._listening_lost = self._missed = self._unanswered = False

    def saved_elsewhere(self) -> str:
        """What changed the local records since the last call, as a read-only window is not told: "saved" (the window
        that holds the data folder saved something), "restored" (a backup was put in place of the file), or "". Seen in
        review: a read-only window kept showing version 3 and its handout after the other window saved version 4; and
        by a helper: a restore from the command line was said as the other window's save."""
        if not self.read_only or self._db is None or self.records_url is not None:
            return ""
        if self._file_identity() not in (None, self._seen_file):  # a backup restored there: a new file in its place
            self.open()
            return "restored"
        now = data_version(self._db)
        changed, self._seen_version = now != self._seen_version, now
        return "saved" if changed else ""

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            found = self.data_dir.database_path.stat()
        except OSError:  # moved aside for an instant while a backup is put in place
            return None
        return found.st_dev, found.st_ino

    @property
    def on_clinic_server(self) -> bool:
        return self.records_url is not None

    @property
    def is_open(self) -> bool:
        """The local records are open, and in clinic mode the server has been signed in to."""
        return self._db is not None and (self.records_url is None or self._signed_in)

    def _records(self, *, write: bool = False) -> PatientRecords:
        if self.records_url is not None:
            if write and self.read_only:
                raise ReadOnlyRecords(f"This window is read-only: {self.read_only_why}.")
            return ClinicGuard(self)  # type: ignore[return-value]
        return LocalGuard(SqliteRecords(self._require(write=write)))  # type: ignore[return-value]

    def _require(self, *, write: bool = False) -> Database:
        if self._db is None:
            raise RecordNotFound("The records are not open yet.")
        if write and self.read_only:
            raise ReadOnlyRecords(f"This window is read-only: {self.read_only_why}.")
        if write and not self.data_dir.database_path.exists():
            # The folder was deleted or moved while the window was open: a write would go to a file no one
            # can open again. Refuse, and say so.
            raise DataFolderMissing(f"The data folder {self.data_dir.root} was moved or deleted while Treadwell was "
                                    "open, so nothing was saved. Restore the folder, then restart Treadwell.")
        if write and self._file_identity() not in (None, self._seen_file):  # seen in review: a restore by a command
            # whose lock was deleted by hand, and a copy moved over the file: saves went to the file set aside
            raise DataFolderMissing(f"The database in {self.data_dir.root} was replaced while Treadwell was open "
                                    "(a backup restored, or a copy put there), so nothing was saved: open Treadwell "
                                    "again.")
        return self._db

    def search_study_ids(self, text: str) -> set[str]:
        if self._evidence_db is None:
            return set()
        return evidence_store.search_study_ids(self._evidence_db, text)

    def save_plan(self, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *, clinician: str,
                  patient_id: int | None, same_person: bool = False, based_on: int | None = None,
                  reason: str = "", uid: str | None = None, refuse_namesakes: bool = False) -> PlanVersion:
        """``uid``, ``refuse_namesakes``: as PatientRecords.save_plan (uid: the plan on screen's, every try alike)."""
        return self._records(write=True).save_plan(profile, plan, clinician=clinician, patient_id=patient_id,
                                                   overrides=overrides, same_person=same_person, based_on=based_on,
                                                   reason=reason, uid=uid, refuse_namesakes=refuse_namesakes)

    def list_plans(self, search: str | None, limit: int, offset: int) -> list[PlanSummary]:
        return self._records().list_plans(search=search, limit=limit, offset=offset) if self._listable() else []

    def namesakes(self, name: str, *, besides: int) -> list[int]:
        return self._records().namesakes(name, besides=besides) if self.is_open else []

    def count_patients(self, search: str | None) -> int:
        return self._records().count_patients(search=search) if self._listable() else 0

    def _listable(self) -> bool:
        """Whether there are patients to list: False before the records are open; on the clinic server not signed in
        to, a ClinicServerError saying so (seen by a clinic's tester: "0 patients", as if the clinic had none)."""
        from core.storage.clinic_errors import ClinicServerError

        if self._db is None:
            return False
        if self.records_url is not None and not self._signed_in:
            raise ClinicServerError("Not signed in to the clinic database: the status bar says why.")
        return True

    def history(self, patient_id: int) -> list[PlanVersion]:
        return self._records().plan_history(patient_id)

    def get_plan(self, plan_id: int) -> PlanVersion:
        return self._records().get_plan(plan_id)

    def sessions(self, patient_id: int) -> list[SessionRecord]:
        return self._records().sessions(patient_id)

    def add_session(self, patient_id: int, log: SessionLog, *, clinician: str,
                    plan_id: int | None = None) -> SessionRecord:
        """The same walk logged again after a try that failed goes under that try's uid: where the server saved it and
        the answer was lost with the connection, it is found, not logged twice (seen in review: "nothing was saved",
        and Log again made a second walk)."""
        from core.storage.clinic_errors import ServerLost

        tried = self._walk_tried
        uid = tried[2] if tried is not None and tried[:2] == (patient_id, log) else str(uuid.uuid4())
        self._walk_tried = (patient_id, log, uid)
        try:
            saved = self._records(write=True).add_session(patient_id, log, clinician=clinician, plan_id=plan_id,
                                                          uid=uid)
        except ServerLost as lost:  # the server may have taken it
            raise ServerLost(f"{lost} Add the session again once it answers: a walk it took already is found then, "
                             "not logged twice.") from None
        self._walk_tried = None
        return saved

    def edit_session(self, session_id: int, log: SessionLog, *, clinician: str,
                     based_on: str | None = None) -> SessionRecord:
        return self._records(write=True).edit_session(session_id, log, clinician=clinician, based_on=based_on)

    def delete_session(self, session_id: int, *, clinician: str, based_on: str | None = None) -> None:
        self._records(write=True).delete_session(session_id, clinician=clinician, based_on=based_on)

    def deleted_sessions(self, patient_id: int) -> list[DeletedSession]:
        return self._records().deleted_sessions(patient_id)

    def undelete_session(self, session_id: int, *, clinician: str) -> SessionRecord:
        return self._records(write=True).undelete_session(session_id, clinician=clinician)

    def delete_patient(self, patient_id: int, *, clinician: str, as_shown: PatientHolding | None = None) -> None:
        self._records(write=True).delete_patient(patient_id, clinician=clinician, as_shown=as_shown)

    def record_event(self, action: AuditAction, record_id: int, *, clinician: str, of: str = "plan") -> None:
        """``of``: "plan" (a handout of a plan version) or "patient" (a progress report: the patient's whole course,
        as the command line records it)."""
        if not self.read_only and self.is_open:
            self._records(write=True).record_event(action, of, record_id, clinician)

    def export_bundle(self, plan_id: int, path: Path, *, clinician: str) -> list[str]:
        return write_bundle(path, self._records(write=True), plan_id, clinician=clinician,
                            data_folder=self.data_dir.root)

    def import_bundle(self, path: Path, *, clinician: str, refuse_namesakes: bool = True,
                      refuse_deleted: bool = True) -> ImportedPatient:
        """The file is read whole (read_bundle_file) before anything is written."""
        records = self._records(write=True)
        return records.import_patient(read_bundle_file(path), clinician=clinician, refuse_namesakes=refuse_namesakes,
                                      refuse_deleted=refuse_deleted)
