"""The window on the clinic's PostgreSQL server: signing in once the server is found answering, off the GUI
thread (asking for the password when none is on file, keeping it in memory only), the status bar saying where the
records are and who is signed in, other workstations' changes shown within seconds, and a save the server could not
take tried again until it can. Mixed into MainWindow; the records work is core/workspace/gateway.py's."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from core.clinic_log import CLINIC_LOG

# CLINIC_LOG: what happened with the clinic server, for the clinic's IT (seen by a clinic's tester: the log held only
# "starting" and "window open", nothing of a lost connection, a refused sign-in or a save that waited). No patient
# data: the server's own words, and ids.
POLL_MS = 2_000  # other workstations' changes appear within this
RETRY_MS = 10_000  # a save the server could not take is tried again this often


class ClinicLink:
    _where_label: QLabel | None = None
    _poll_timer: QTimer | None = None
    _retry_timer: QTimer | None = None
    _retry_for = 0  # the editor's plan the waiting save is of (PlanEditor.opened)
    _asking_server = False  # whether the clinic server is being asked, off the GUI thread, if it answers
    _lost_said = False  # the status bar says the connection is lost
    _asking_password = False  # the clinic database's password is being asked for
    _welcoming = False  # the first run's welcome is open (ClinicSettings): the password is asked once it closes
    _welcome_due = False  # the welcome put off while the password is asked for: shown once that is answered
    _asked_server_at = float("-inf")
    _close_when_saved: tuple | None = None  # Quit waits for the save the server could not take: the plan it was for
    _saves_waited = 0  # saves the server could not take, counted (_save_again_later)

    def _show_records_place(self, text: str, *, problem: bool = False, why: str = "", sign_in: bool = False) -> None:
        """``sign_in``: not tried again by itself (a role disabled, a password not given), so offered: seen by a
        clinic's tester, a clinician enabled again by IT stayed "not signed in" until Treadwell was restarted."""
        from html import escape

        from ui.why_link import PROBLEM_STYLE, reason_label, show_reason

        if self._where_label is None:
            self._where_label = reason_label(title="Clinic database", actions={"sign-in": self._on_sign_in_link})
            self._where_label.setAccessibleName("Where the records are")
            self.statusBar().addPermanentWidget(self._where_label)
        show_reason(self._where_label, escape(text) + (" <a href='sign-in'>Sign in</a>" if sign_in else ""), why)
        self._where_label.setStyleSheet(PROBLEM_STYLE if problem else "")

    def _connect_records_place(self) -> None:
        """After the local records opened: say where the patient records are; on the clinic server, signed in once
        it is found answering (seen by a clinic's tester: a server that did not answer froze the window for 10 s)."""
        if not self.gateway.on_clinic_server:
            self._show_records_place("Records: this workstation")
            return
        if self._poll_timer is None:  # once: a backup put in place opens the records again (seen in review)
            self._poll_timer = QTimer(self)
            self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
            self._poll_timer.start(POLL_MS)
        if not self.gateway.signed_in:
            self._show_records_place("Clinic database: signing in…")
            self._check_server()

    def sign_in_to_clinic(self, password: str | None = None, *, refused: bool = False) -> bool:
        """Signed in, asking for the password where the server wants one; False if not (said in the status bar).
        One question at a time: a save and the server's return could each ask while the other's question was open.
        ``refused``: the server, back, refused the password this window signed in with."""
        if self._asking_password or self._welcoming:  # seen by a helper: the password's question over the welcome
            return False
        self._asking_password = True
        try:
            return self._sign_in_asking(password, refused)
        finally:
            self._asking_password = False
            if self._welcome_due:
                self._welcome_due = False
                QTimer.singleShot(0, self, self.welcome_if_first_run)

    def _sign_in_asking(self, password: str | None, refused: bool) -> bool:
        from core.workspace.clinic import ClinicServerError, PasswordNeeded, PasswordRefused

        user = urlsplit(self.gateway.records_url).username or "you"
        while True:
            try:
                where = self.gateway.sign_in(password)
                break
            except PasswordNeeded:  # seen by a clinic's tester: asked again, with no word that it had changed
                changed = refused and password is None
                prompt = (f"The clinic database no longer accepts the password {user} signed in with. The password "
                          f"of {user}:" if changed else f"The clinic database asks for the password of {user}:")
                why = "the one signed in with is no longer accepted" if changed else "none is on file"
            except PasswordRefused:  # typed, or on file (seen by a clinic's tester: a stale one on file was never
                # asked for again, and every save was tried with it every 10 seconds)
                prompt = (f"The password on file for {user} was not accepted. The password of {user}:"
                          if password is None else f"That password was not accepted. The password of {user}:")
                why = "the one on file was refused" if password is None else "the one typed was refused"
            except ClinicServerError as error:
                CLINIC_LOG.warning("clinic database: not signed in: %s", error)
                self._show_records_place("Clinic database: not signed in.", problem=True, why=str(error), sign_in=True)
                self.statusBar().showMessage(str(error))
                return False
            # why, for the clinic's IT (seen in a clinic's try: three lines alike for a password mistyped twice)
            CLINIC_LOG.info("clinic database: the password of %s is asked for: %s", user, why)
            password, given = QInputDialog.getText(self, "Clinic database", prompt, QLineEdit.EchoMode.Password)
            if not given:  # seen by a clinic's tester: Records said "the status bar says why", and it did not
                CLINIC_LOG.info("clinic database: not signed in: no password was given")
                self._show_records_place("Clinic database: not signed in", problem=True, why="No password was given.",
                                         sign_in=True)
                self.statusBar().showMessage("Not signed in to the clinic database: no password was given. The "
                                             "patients are shown once you sign in: a save asks for the password.")
                return False
        CLINIC_LOG.info("clinic database: signed in, %s", where)
        self._show_records_place(f"Records: clinic database {where}")
        self._show_clinic_evidence()
        self.records.reload()
        self._refresh_course()
        return True

    def _sign_in_after_welcome(self) -> None:
        """The sign-in the first run's welcome put off, now that it is closed."""
        if self.gateway.on_clinic_server and not self.gateway.signed_in and not self._asking_server:
            self._asked_server_at = float("-inf")
            self._check_server()

    @Slot()
    def _on_sign_in_link(self) -> None:
        """Whether the server answers asked off the GUI thread first, as at start-up: a server that does not answer
        would hold the window for the connection's 10 s (seen in review)."""
        from ui.background import run_in_background

        self._show_records_place("Clinic database: signing in…")
        run_in_background(self.gateway.why_not_answering, self._on_sign_in_checked, self._on_sign_in_checked,
                          quit_waits=False)

    @Slot(object)
    def _on_sign_in_checked(self, why_not: object) -> None:
        if why_not:  # the server's reason, or the error asking it raised
            self._show_records_place("Clinic database: not signed in.", problem=True, why=str(why_not), sign_in=True)
        else:
            before = self.statusBar().currentMessage()
            if self.sign_in_to_clinic():  # said where the records are, and everything read, there
                self._say_connected_again(before, "Signed in to the clinic database: the records are read anew.")
                self._save_waiting()
                self._session_waiting_said()  # seen by a clinic's tester: "has disabled it" stayed under the form

    def _show_clinic_evidence(self) -> None:
        """The evidence with the clinic's imported studies (from the server) in every view that shows it."""
        overview = self.gateway.evidence_overview()
        if overview is not None:
            self._use_evidence(overview)

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        if self.gateway.listening_lost or self.gateway.unanswered:
            if self.gateway.signed_in and not self._lost_said:  # the server went away (a restart, the network)
                self._show_records_place("Clinic database: connection lost; trying again every 10 seconds.",
                                         problem=True)
                self._lost_said = True
                CLINIC_LOG.warning("clinic database: connection lost; trying again every %g s", RETRY_MS / 1000)
            self._check_server()
            return
        if self._lost_said or self.gateway.missed_changes:  # signed in again meanwhile otherwise (a password asked
            self._read_anew()  # for by a save): read anew once
        changed, studies = self.gateway.changes()
        if studies:
            self._show_clinic_evidence()
            self.statusBar().showMessage("Updated from the clinic database: another workstation imported studies.")
        if not changed:
            return
        self.records.reload()
        newer = ""  # step 4 following a newer version of the patient on screen (ui/newer_elsewhere.py)
        if (shown := self.editor.patient_id) in changed:
            newer = self._read_again_following_newer()
            if self.editor.patient_id != shown:  # deleted elsewhere: said so (seen in review: said over at once)
                return
        from core.words import counted

        self.statusBar().showMessage(f"Updated from the clinic database ({counted(len(changed), 'patient')} changed "
                                     f"on another workstation).{newer}")

    def _check_server(self) -> None:
        """Whether the server answers, asked off the GUI thread every RETRY_MS at most; signed in (anew, if the
        server went away: everything read again, as changes made meanwhile were not announced) once it does."""
        from time import monotonic

        from ui.background import run_in_background

        if self._asking_server or monotonic() - self._asked_server_at < RETRY_MS / 1000:
            return
        self._asking_server, self._asked_server_at = True, monotonic()
        run_in_background(self.gateway.why_not_answering, self._on_server_checked, self._on_server_silent,
                          quit_waits=False)

    @Slot(object)
    def _on_server_checked(self, why_not: str) -> None:
        from core.workspace.clinic_errors import (
            ClinicServerError, NotAClinician, PasswordNeeded, PasswordRefused, RoleDisabled, ServerNotSetUp,
            ServerSchemaTooNew,
        )

        self._asking_server = False
        if not (self.gateway.unanswered or self.gateway.listening_lost):  # signed in meanwhile, or the window closed
            return
        if why_not:  # the next poll asks again
            if not self.gateway.signed_in:
                self._show_records_place("Clinic database: not signed in. Trying again every 10 seconds.",
                                         problem=True, why=why_not)
            return
        if not self.gateway.signed_in:
            if self.sign_in_to_clinic():
                self._save_waiting()
            return
        try:
            self.gateway.sign_in_again()  # quick: the server has just answered
        except (PasswordNeeded, PasswordRefused) as error:  # back, but not with this password (seen in review: tried
            if self._asking_password or self._welcoming:  # again every 10 seconds, a failed sign-in in the server's
                return  # log each time): a save is asking for it already, or the welcome is open (the poll asks again)
            self._lost_said = False
            before = self.statusBar().currentMessage()
            if self.sign_in_to_clinic(refused=isinstance(error, PasswordRefused)):  # everything read anew there
                self.gateway.caught_up()
                self._say_connected_again(before)
                self._session_waiting_said()
                self._save_waiting()
            else:
                self._signed_out()
            return
        except (RoleDisabled, NotAClinician, ServerSchemaTooNew, ServerNotSetUp) as error:
            # back, but this role may not sign in any more, or the server was set up by a newer Treadwell meanwhile:
            # said and logged, not tried again (seen in review and by a clinic's tester: "connection lost; trying
            # again every 10 seconds", for ever, in the status bar and the log)
            self._lost_said = False
            self._signed_out()
            CLINIC_LOG.warning("clinic database: sign-in refused: %s", error)
            self._show_records_place("Clinic database: not signed in", problem=True, why=str(error), sign_in=True)
            self.statusBar().showMessage(str(error))
            return
        except ClinicServerError:
            return  # gone again
        self._read_anew()
        self._save_waiting()

    def _read_anew(self) -> None:
        """Signed in again after the connection was lost: where the records are said again, and everything read
        anew, as what other workstations changed meanwhile was not announced."""
        self._lost_said = False
        self.gateway.caught_up()
        CLINIC_LOG.info("clinic database: connected again; the records are read anew")
        self._show_records_place(f"Records: clinic database {self.gateway.where_signed_in()}")
        self._show_clinic_evidence()
        before = self.statusBar().currentMessage()
        self.records.reload()
        self._refresh_course()
        self._say_connected_again(before)
        self._session_waiting_said()

    def _say_connected_again(self, before: str,
                             said_first: str = "Connected to the clinic database again: the records are read anew."
                             ) -> None:
        """What reading the records anew said (``before``: the status bar's words until then) goes on after it: seen by
        a clinic's tester, "Patient 6 was deleted elsewhere ... Save plan makes it a new patient" was written over at
        once, and a save that had waited for the server was gone without a word."""
        said = self.statusBar().currentMessage()
        self.statusBar().showMessage(said_first + (f" {said}" if said and said != before else ""))

    def _session_waiting_said(self) -> None:
        """A walk the form could not log while the server was away: said to be ready to log now (seen by a clinic's
        tester: "Not saved. The clinic database's server ended..." still under the form, the server long back)."""
        if self._session_waits_for_server and self.sessions.unsaved_entry():  # the form's own button named
            self.sessions.show_done("Connected to the clinic database again: " + (
                "Add session logs this walk now." if self.sessions.correcting is None else
                "Save correction saves this correction now."))
        self._session_waits_for_server = False

    @Slot(object)
    def _on_server_silent(self, error: Exception) -> None:
        self._asking_server = False
        if not self.gateway.signed_in:  # not left saying "signing in…" (seen in review)
            self._show_records_place("Clinic database: not signed in. Trying again every 10 seconds.", problem=True,
                                     why=str(error))

    def _signed_out(self) -> None:
        """Not signed in any more: the patient list goes with the sign-in (seen by a clinic's tester: a clinician the
        administrator disabled kept the clinic's list on screen); what the form holds stays, not lost."""
        self.gateway.sign_out()
        self.records.reload()

    def _save_waiting(self) -> None:
        """Signed in (again): a save the server could not take is tried now rather than at its next RETRY_MS."""
        if self._retry_timer is not None and self._retry_timer.isActive():
            self._retry_timer.stop()
            self._on_retry_timer_timeout()

    def _drop_waiting_save(self) -> None:
        """The changes a save was waiting for are discarded: it is not tried again."""
        self._close_when_saved = None
        if self._retry_timer is not None:
            self._retry_timer.stop()

    def _discard_ok_or_waiting(self, event: QCloseEvent) -> bool:
        """Whether the window may close (PatientCare._discard_ok), the close refused otherwise. Where Quit's question
        was answered Save and the server could not take the save yet, the window closes once the save tried again
        is made of the same plan (seen in review: it stayed open for good after that save, the clinician gone); not
        on Cancel, nor if the plan changes meanwhile: someone is at the window again."""
        waited = self._saves_waited
        if self._discard_ok():
            return True
        event.ignore()
        if self._saves_waited > waited and self._retry_for == self.editor.opened:  # Save, and it waits
            self._close_when_saved = self._plan_on_screen()
            self.statusBar().showMessage(f"{self.statusBar().currentMessage()} The window closes once it is saved.")
        return False

    def _plan_on_screen(self) -> tuple:
        return self.editor.opened, self.editor.profile, self.editor.overrides

    def _save_again_later(self) -> None:
        """The server could not take a save: what is on screen stays, and the save is tried again while that plan
        is on screen (not once another patient's, or this one's saved version, is opened instead)."""
        self._saves_waited += 1
        self._retry_for = self.editor.opened
        if self._retry_timer is None:
            self._retry_timer = QTimer(self)
            self._retry_timer.setSingleShot(True)
            self._retry_timer.timeout.connect(self._on_retry_timer_timeout)
        self._retry_timer.start(RETRY_MS)

    @Slot()
    def _on_retry_timer_timeout(self) -> None:
        if self.editor.opened != self._retry_for:  # its changes discarded, and another plan opened since
            return
        if self._asking_password:  # seen in review: tried inside the password's question, the save was refused there
            self._save_again_later()  # and never tried again
            return
        if self.editor.dirty and self.editor.profile is not None:
            closing = self._close_when_saved == self._plan_on_screen()
            self._saving_on_retry = True  # no question pops up unasked (save_questions)
            try:
                saved = self.save_plan()
            finally:
                self._saving_on_retry = False
            if saved:
                self._close_when_saved = None
                if closing:
                    self.close()
