"""The clinic's settings in the window: settings.json read keeping what is valid, the first run's welcome,
File > Settings, and the saved settings put to use in every view. Mixed into MainWindow."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from ui.plain_text import shown_as_typed


class ClinicSettings:
    def _load_settings(self):
        """The window opens whatever settings.json holds: valid values are kept, each bad one is replaced by
        its default and named in the status bar until the clinician saves Settings (the file is not touched)."""
        from core.settings import load_settings_keeping_what_is_valid, readable_as_settings

        settings, problems = load_settings_keeping_what_is_valid(self._data_dir.settings_path)
        if problems:  # seen by a helper: "1 problem" of a file none of which was used
            from core.words import counted

            self._say_settings_problems(problems, f"settings.json: {counted(len(problems), 'problem')}; defaults used "
                                        "for those (File > Settings to fix)." if readable_as_settings(
                                            self._data_dir.settings_path) else "settings.json could not be read: "
                                        "defaults used for every setting (File > Settings to fix; the file is kept).")
        return settings

    def _say_settings_problems(self, problems: list[str], said: str) -> None:
        from ui.why_link import status_problem

        self.settings_problem = status_problem(self, said, "\n".join(problems), title="Settings",
                                               accessible_name="Settings problems: " + "; ".join(problems))

    def welcome_if_first_run(self) -> None:
        """The first start (nothing about the clinic entered, the welcome not shown before): ask for what the
        handouts print. Shown once; skipping leaves Settings for later."""
        from ui.welcome_dialog import WelcomeDialog, needs_welcome

        if self.read_only or self._quiet or self._window_state.value("welcome/shown") or not needs_welcome(
                self.settings):
            return
        if self._asking_password:  # one question at a time: the clinic database's first (seen by a helper: both open)
            self._welcome_due = True
            return
        self._window_state.setValue("welcome/shown", True)
        self._window_state.sync()
        dialog = WelcomeDialog(self.settings, self)
        self._welcoming = True
        try:
            accepted = dialog.exec() == WelcomeDialog.DialogCode.Accepted
        finally:
            self._welcoming = False
        if accepted and dialog.result_settings is not None:
            self._use_settings(dialog.result_settings)
        self._sign_in_after_welcome()

    @Slot()
    def _on_settings_triggered(self) -> None:
        from ui.settings_dialog import SettingsDialog

        if self.read_only:  # settings.json belongs to the window that holds the data folder
            self.statusBar().showMessage("Read-only: the window that holds this data folder changes its settings.")
            return
        from core.settings import load_settings_keeping_what_is_valid

        shown = self.settings_read_anew()  # as the file holds them now: edited by hand since, say
        if shown is None:  # a file gone bad since: its valid values, this window's where the file's are not (said)
            shown, _ = load_settings_keeping_what_is_valid(self._data_dir.settings_path, instead=self.settings)
        dialog = SettingsDialog(shown, self, started_with=self._records_url)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or dialog.result_settings is None:
            return
        self._use_settings(dialog.result_settings)

    def settings_read_anew(self):
        """settings.json read again and put to use where it changed (returned; None where the file has problems now,
        said in the status bar). Seen by a helper: a read-only window switched to
        editing kept the settings it opened with, so its handouts printed the clinic's old phone, and its Settings,
        saved unchanged, put the old values back over those the other window saved (a file edited by hand as well)."""
        from core.settings import SettingsError, load_settings

        self._settings_problem_gone()  # said again where it still holds
        try:
            settings = load_settings(self._data_dir.settings_path)
        except SettingsError as error:  # found in review: a file gone bad since put defaults over the window's values
            self._say_settings_problems(error.problems, "settings.json has problems now (File > Settings to fix): this "
                                        "window keeps the settings it had.")
            return None
        changed = settings != self.settings
        if changed:
            self._apply_settings(settings)
        if moved := self._records_move_said(settings):  # found in review: a clinic moved to its server by another
            # window, taken in without a word; a move saved in this window is said again, not as another's
            self.statusBar().showMessage(f"settings.json was changed outside this window.{moved}" if changed
                                         else moved.strip())
        return settings

    def _use_settings(self, settings) -> None:
        """Save ``settings`` to settings.json and use them in every view."""
        from core.settings import SettingsError, save_settings

        try:
            kept = save_settings(settings, self._data_dir.settings_path)
        except SettingsError as error:
            QMessageBox.warning(self, "Settings", shown_as_typed(str(error)))
            return
        self._settings_problem_gone()  # the saved file is whole again
        self._apply_settings(settings)
        # where the records are kept changes at the next start (seen in a clinic's try: "Settings saved." beside
        # "Records: this workstation", and patients saved there as if on the clinic's server)
        kept_said = f" The file that could not be read is kept beside it as {kept.name}." if kept else ""
        self.statusBar().showMessage("Settings saved." + kept_said + self._records_move_said(settings))

    def _records_move_said(self, settings) -> str:
        """Where ``settings`` keep the patient records from the next start, and this window until then; "" where they
        do not move them (or the records were named on the command line, which settings.json does not change)."""
        if self._records_url is not None or settings.records_url == (self.gateway.records_url or ""):
            return ""
        return records_move_said(settings.records_url, self.gateway.on_clinic_server)

    def _settings_problem_gone(self) -> None:
        if getattr(self, "settings_problem", None) is not None:
            self.statusBar().removeWidget(self.settings_problem)
            self.settings_problem = None

    def _apply_settings(self, settings) -> None:
        """``settings`` used in every view."""
        units_changed, self.settings = settings.units != self.settings.units, settings
        if units_changed and self._course is not None:  # its version changes' speeds, the session entry kept
            from ui.models.course import judged_again

            self._course = judged_again(self._course, settings.units)
            self.progress.set_course(self._course)
        self.handout.apply_settings(self.settings)
        self.progress.apply_settings(self.settings)
        self.sessions.set_units(self.settings.units)
        if self.overview is not None:
            self.editor.set_context(self.overview.studies, self.settings.plan, self.settings.units)


def records_move_said(url: str, on_clinic_server: bool) -> str:
    """Where the patient records are kept from the next start (``url``: Settings' clinic database, "" for this
    workstation), and until then (seen in review: a window on one clinic database, set to another, was told it kept
    them on this workstation)."""
    now = "the clinic database it opened" if on_clinic_server else "this workstation"
    then = "on another clinic database" if url and on_clinic_server else "on the clinic database" if url else \
        "on this workstation"
    return f" Treadwell keeps the patient records {then} from its next start; until then, this window keeps them on " \
        f"{now}."
