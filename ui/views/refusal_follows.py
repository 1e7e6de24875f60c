"""The session form's refusal of its own fields follows them as they are mended: seen by a clinic's tester, "Not saved.
Date: is after today ...; Effort (RPE): must be at most 20 ...; Heart rate ...; Pain during ..." stayed in red under
fields that had all been put right, and the status bar still asked to check them."""

from __future__ import annotations

from collections.abc import Callable

from core.plan.session_log import SessionLogError
from ui.form_message import FormMessage
from ui.models.session_columns import in_clinic_words
from ui.views.session_fields import SessionFields

_CHANGED = ("dateChanged", "valueChanged", "currentIndexChanged", "textChanged")  # the first each field has


class RefusalFollowsFields:
    def __init__(self, fields: SessionFields, message: FormMessage, said: Callable[[str], None]) -> None:
        """``said``: the refusal as it now stands ("" once none is left), for the status bar."""
        self._fields, self._message, self._said = fields, message, said
        self._shown = ""  # the refusal under the form, while it is the fields'
        for field in fields:
            getattr(field, next(name for name in _CHANGED if hasattr(field, name))).connect(self._on_edited)

    def shown(self, text: str) -> None:
        """The form refused its fields with ``text``, now under it."""
        self._shown = text

    def _on_edited(self, *_: object) -> None:
        if not self._shown or self._message.text() != self._shown:  # another word since (a save, a server's refusal)
            self._shown = ""
            return
        try:
            self._fields.entered()  # each field's problem, or none, as its accessible description too
            now = ""
        except SessionLogError as error:
            now = "Not saved. " + "; ".join(in_clinic_words(line) for line in error.problems)
        if now != self._shown:
            self._message.setText(now)
            self._shown = now
            self._said(now)
