"""A data folder opened for one piece of work (a command), and the use cases the commands call.

``open_workspace`` takes the writer's lock when asked (a second writer waits, then is refused with a
plain sentence), migrates, installs the shipped evidence library, and gives a Workspace; a reader that
cannot get the lock reads without writing. The window's long-lived equivalent is core/workspace/gateway.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from core.data_dir import DataDir
from core.evidence.entries import EtiologyEntry
from core.evidence.models import Etiology, Mechanism, Study
from core.plan.engine import Plan, PlanOptions
from core.plan.profile import PatientProfile
from core.records.interface import PatientRecords
from core.storage import evidence_store
from core.storage.database import Database
from core.storage.etiology_entries import etiology_entry
from core.storage.lock import Waiting
from core.storage.session import open_data
from core.storage.sqlite_records import SqliteRecords
from core.workspace.draft import draft_plan

if TYPE_CHECKING:
    from core.evidence.importer import ImportReport, StudyFile
    from core.storage.clinic_studies import ClinicStudies

EVERY_STUDY = evidence_store.MAX_STUDIES_READ


class Workspace:
    """The records and the evidence of one open data folder, and what the product does with them."""

    def __init__(self, data_dir: DataDir, db: Database, records: PatientRecords | None = None,
                 clinic_studies: ClinicStudies | None = None) -> None:
        """``db``: the evidence (and, without ``records``, the records); ``clinic_studies``: where an import goes
        on a clinic workstation (the server), else into ``db``."""
        self.data_dir = data_dir
        self._db = db
        self.records: PatientRecords = records if records is not None else SqliteRecords(db)
        self._clinic_studies = clinic_studies

    # -- evidence ------------------------------------------------------------------------------------

    def etiologies(self) -> list[Etiology]:
        return evidence_store.load_etiologies(self._db)

    def etiology_entry(self, etiology: str) -> EtiologyEntry | None:
        """The etiology as step 2 shows it, with its human evidence; None for one the library does not hold."""
        return etiology_entry(self._db.conn, etiology)

    def mechanisms(self) -> list[Mechanism]:
        return evidence_store.load_mechanisms(self._db)

    def studies(self, *, etiology: str | None = None, mechanism: str | None = None, text: str | None = None,
                limit: int = EVERY_STUDY) -> list[Study]:
        return evidence_store.search_studies(self._db, etiology=etiology, mechanism=mechanism, text=text,
                                             limit=limit)

    def import_studies(self, study_file: StudyFile) -> ImportReport:
        """Every row checked; all saved in one transaction, or none (read the file before opening)."""
        from core.storage.evidence_import import import_study_file  # only for an import

        return import_study_file(self._db, study_file, clinic=self._clinic_studies)

    # -- plans ---------------------------------------------------------------------------------------

    def draft_plan(self, profile: PatientProfile, options: PlanOptions | None = None) -> tuple[Plan, list[Study]]:
        """The plan the engine computes for ``profile``, and the studies of its etiology it drew on."""
        studies = self.studies(etiology=profile.etiology)
        return draft_plan(profile, studies, options), studies

    def export_patient(self, plan_id: int, out: Path, *, clinician: str) -> list[str]:
        """The patient's bundle, written where the clinician asked (never inside the data folder); what to tell of it
        (write_bundle)."""
        from core.workspace.bundles import write_bundle  # the bundle modules: not on every command

        return write_bundle(out, self.records, plan_id, clinician=clinician, data_folder=self.data_dir.root)


def _first_backup_of_the_day(db: Database, data_dir: DataDir) -> None:
    """A command that writes backs up first, as the window does on start, at most once a day: a clinic
    that only uses the commands has daily backups too. A backup that fails is said and logged, and the command
    goes on (its own change is what the clinician asked for). The settings (how many to keep) are read only
    when a backup is due."""
    from core.storage.backup import BackupError
    from core.storage.maintenance import backup_due, backup_now

    if not backup_due(db, data_dir, once_a_day=True):
        return
    from core.settings import Settings, SettingsError, load_settings

    try:
        settings, rotate = load_settings(data_dir.settings_path), True
    except SettingsError:  # how many to keep is not known: none deleted (backup_now)
        settings, rotate = Settings(), False
    try:
        backup_now(data_dir, daily=settings.backup_daily_keep, weekly=settings.backup_weekly_keep, rotate=rotate)
    except BackupError as error:  # said, not only logged (seen by a tester: a full disk, and nothing said it)
        import sys

        from core.app_info import command_for

        logging.getLogger(__name__).warning("the command's daily backup was not made: %s", error)
        print(f"Note: today's backup of the records was not made, and this command went on. {error} Once that is "
              f"mended, make one: {command_for(data_dir.root)} db backup", file=sys.stderr)


class _ServerUnreachable:
    """The records of a workspace opened without the clinic server: any use says why they cannot be read."""

    def __init__(self, error: Exception) -> None:
        self._error = error

    def __getattr__(self, name: str):
        raise self._error


@contextmanager
def open_workspace(data_dir: DataDir, *, write: bool, wait_s: float | None = None,
                   records_url: str | None = None, waiting: Waiting | None = None,
                   without_server: Callable[[str], None] | None = None) -> Iterator[Workspace]:
    """``records_url``: the patient records and the clinic's imported studies are on the clinic's server (the
    shipped library is read from the local data folder, which is not written); otherwise in the local database,
    with the writer's lock when ``write`` (``waiting`` is told when another process holds it). ``without_server``:
    the work reads no patient and saves nothing, so a server that cannot be reached is told to it and the shipped
    library is used (seen by a clinic's tester: with the server down, not even a plan could be drafted)."""
    if records_url is None:
        with open_data(data_dir, write=write, wait_s=wait_s, waiting=waiting) as db:
            if write:
                _first_backup_of_the_day(db, data_dir)
            yield Workspace(data_dir, db)
        return
    from core.workspace.clinic import ClinicServerError, open_clinic_session  # psycopg: only for the clinic server

    with open_data(data_dir, write=False, wait_s=wait_s) as local, ExitStack() as signed_in:
        unreachable = None
        try:
            records, evidence, clinic_studies = signed_in.enter_context(open_clinic_session(local, records_url))
        except ClinicServerError as error:
            if without_server is None:
                raise
            unreachable = error
        if unreachable is not None:  # out of the except block: the command's own errors are not "during" this one
            without_server(f"{str(unreachable).rstrip('.')}. Used instead: this workstation's evidence library, "
                           "without the clinic's own studies.")
            yield Workspace(data_dir, local, _ServerUnreachable(unreachable))  # type: ignore[arg-type]
            return
        yield Workspace(data_dir, evidence, records, clinic_studies)
