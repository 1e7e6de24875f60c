"""A correction in the session log, followed as the records change elsewhere: the walk being corrected deleted on
another workstation or in another window, and restored there. Mixed into SessionLogView, which provides the form."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.records.models import SessionRecord


class CorrectionFollows:
    _gone_correction: SessionRecord | None = None  # the walk being corrected, when deleted elsewhere
    _typed_when_gone: tuple = ()  # the form's fields then: typed over since, they are a new walk

    def _follow_correction(self, sessions: list[SessionRecord]) -> None:
        """Deleted meanwhile: what was typed stays, the clinician is told, and asked before it is logged as a new
        walk. Restored meanwhile: the correction goes on over it (seen by a clinic's tester: the window still called
        it deleted, and Add session logged it again, the walk counted twice in the course)."""
        correcting, gone = self._correcting, self._gone_correction
        if correcting is not None and not any(session.id == correcting.id for session in sessions):
            self._leave_correction()
            self._gone_correction, self._typed_when_gone = correcting, self._fields.snapshot()
            self.show_problem(f"The session of {correcting.date.isoformat()} was deleted elsewhere while you corrected "
                              "it. What you typed stays in the form: Add session logs it as a new walk; Deleted "
                              "sessions… shows the walk as it was deleted.")  # seen by a clinic's tester: "Cancel to
            # drop it", and no Cancel
        elif gone is not None and correcting is None and (back := next((s for s in sessions if s.id == gone.id), None)):
            if self._fields.snapshot() != self._typed_when_gone:  # a new walk typed over it since, as the log said to
                self._gone_correction = None  # (seen in review: it would have been saved over the restored walk)
                self.show_problem(f"The session of {back.date.isoformat()} is back in the log (restored elsewhere). "
                                  "The form holds what you typed since: Add session logs it as a new walk.",
                                  tried=False)
                return
            # changed before it was restored: corrected from the walk as loaded, so the save meets theirs and shows
            self._show_correcting(back if back.as_logged() == gone.as_logged() else gone)  # both (seen in review)
            self.show_problem(f"The session of {back.date.isoformat()} is back in the log (restored elsewhere): Save "
                              "correction saves what you typed over it; Cancel leaves it as it is.", tried=False)
