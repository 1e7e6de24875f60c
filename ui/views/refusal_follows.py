"""The session form's refusal of its walk, and that refusal following the fields as they are mended: seen by a clinic's
tester, "Not saved. Date: is after today ...; Effort (RPE): must be at most 20 ...; Heart rate ...; Pain during ..."
stayed in red under fields that had all been put right, and the status bar still asked to check them."""

from __future__ import annotations

from collections.abc import Callable

from core.plan.session_log import SessionLog, SessionLogError
from core.records.walk_dates import check_walk_date
from ui.form_message import FormMessage
from ui.models.session_columns import in_clinic_words
from ui.views.session_fields import SessionFields

_CHANGED = ("dateChanged", "valueChanged", "currentIndexChanged", "textChanged")  # the first each field has


class RefusalFollowsFields:
    def __init__(self, fields: SessionFields, message: FormMessage, *, show: Callable[[str], None],
                 said: Callable[[str], None], history: Callable[[], list]) -> None:
        """``show``: the form's refusal, put under it; ``said``: the refusal as it now stands ("" once none is left),
        for the status bar; ``history``: the patient's plan versions, oldest first (none before a patient is saved)."""
        self._fields, self._message, self._show, self._said, self._history = fields, message, show, said, history
        self._shown = ""  # the refusal under the form, while it is the fields'
        for field in fields:
            getattr(field, next(name for name in _CHANGED if hasattr(field, name))).connect(self._on_edited)

    def checked(self) -> SessionLog | None:
        """The walk the fields hold, or None: refused, said under the form, and followed as the fields are mended."""
        log, problems = self._read()
        if log is None:
            self._show("; ".join(problems))
        self._shown = "" if log is not None else self._message.text()
        return log

    def let_go(self) -> None:
        """The form is filled or emptied for another walk: what was said of the last one is not followed (seen in
        review: Cancel after a refusal left "check Effort (RPE)" in the status bar over an empty form)."""
        if self._shown and self._message.text() == self._shown:  # still said: unsaid in the status bar too
            self._said("")
        self._shown = ""

    def _read(self) -> tuple[SessionLog | None, list[str]]:
        try:
            log = self._fields.entered()  # each field's problem, or none, as its accessible description too
            check_walk_date(log.date, self._history())  # a mistyped year, as the records refuse it
        except SessionLogError as error:
            return None, error.problems
        except ValueError as error:
            self._fields.date.setAccessibleDescription(in_clinic_words(str(error)))
            return None, [str(error)]
        return log, []

    def _on_edited(self, *_: object) -> None:
        if not self._shown or self._message.text() != self._shown:  # another word since (a save, a server's refusal)
            self._shown = ""
            return
        _, problems = self._read()
        now = "Not saved. " + "; ".join(in_clinic_words(line) for line in problems) if problems else ""
        if now != self._shown:
            self._message.setText(now)
            self._shown = now
            self._said(now)
