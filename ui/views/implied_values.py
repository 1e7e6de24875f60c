"""What the etiology or a condition implies about the rest of the profile, as the form applies it: the implied
value is set as soon as its cause is chosen and put back when the cause goes (a value the clinician changed
stays), the values that would contradict it are locked out with the reason as the tooltip, and a note under
the etiology names what the form changed and why. The rules are core/plan/implications.py's; mixed into
ProfileForm, which provides the widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from core.plan.implications import IMPLIED_FIELDS, allowed_values, implied_changes, reasons_for
from core.plan.profile import PatientProfile
from core.plan.profile_labels import FIELD_LABELS
from ui.locked_look import legible_when_locked
from ui.plain_text import escaped


class ImpliedValues:
    _applying = False  # while the form sets implied values itself
    implied_note: QLabel

    def _start_implied_values(self) -> None:
        # implied values the form set, each with the reason it was set: undone, and named, when their cause goes
        self._set_by_form: dict[str, tuple[Any, str]] = {}
        self.implied_note = QLabel()  # what the form itself just set or put back, and why
        self.implied_note.setWordWrap(True)
        self.implied_note.setVisible(False)
        self.implied_note.setAccessibleName("What the form changed")
        self.implied_note.setStyleSheet("background: #FFF4CE; color: #3B2F00; padding: 6px;")
        self.noted_with: QWidget | None = None  # the field the note is read out with
        self._noted_before: QWidget | None = None
        self._changed_by: QWidget | None = None
        self.implied_words = ""  # the note, as plain words

    def forget_implied_values(self) -> None:
        """A record or a new patient is shown, or what is on screen was saved: its values are the clinician's (seen
        in testing: "Put Diabetes back to No diabetes" still showed after the plan was saved)."""
        self._set_by_form = {}
        self.implied_note.setVisible(False)
        self._noted_before, self.noted_with = self.noted_with, None
        self._say_noted()

    @Slot()
    def _on_implying_field_changed(self, *_: object) -> None:
        if not self._applying:  # the generic handler then announces the change once
            self._changed_by = self.sender()  # the field whose change the note follows (not where the focus is)
            try:
                self._apply_implications(change_values=not self.signalsBlocked(), announce=False)
            finally:
                self._changed_by = None

    def _implied_widget(self, field: str) -> QWidget:
        return self.checks.get(field) or {"etiology": self.etiology, "diabetes": self.diabetes,
                                          "sci_level": self.sci_level, "sci_complete": self.sci_complete}[field]

    def _apply_implications(self, *, change_values: bool, announce: bool = True) -> None:
        """Set what the profile now implies (not while a saved record is being shown: its own values stay,
        and a contradiction is named under the field), then lock out the values that would contradict it.
        What the form changed is named in a note under the etiology, with the reason: a value it puts back
        (diabetes, when painful diabetic neuropathy was changed to a nerve injury) would otherwise go unseen."""
        values = self.values()
        self._applying = True
        try:
            if change_values:
                before = {field: self._value_words(field) for field in IMPLIED_FIELDS}
                undone = self._undo_what_no_longer_applies()
                for field, value in implied_changes(self.values()).items():
                    self._set_value(field, value)
                    self._set_by_form[field] = (value, next(iter(reasons_for(self.values(), field)), ""))
                changed = [field for field in IMPLIED_FIELDS if self._value_words(field) != before[field]]
                self._show_implied_note(changed, before, undone)
                values = self.values()
            for field in IMPLIED_FIELDS:
                self._lock(field, allowed_values(values, field), values)
            self._say_noted()
        finally:
            self._applying = False
        if change_values and announce:
            self.changed.emit()

    def _undo_what_no_longer_applies(self) -> dict[str, str]:
        """A value the form set because of another goes back to not given when that other changes: diabetes
        and known disease, set for painful diabetic neuropathy, stayed when the etiology was changed to a nerve
        injury, with the diabetic warnings and the medical clearance. A value the clinician changed stays.
        Returns why each undone value had been set ({field: reason})."""
        undone: dict[str, str] = {}
        while True:
            values = self.values()
            for field in [f for f, (value, _) in self._set_by_form.items() if values.get(f) != value]:
                del self._set_by_form[field]  # changed by the clinician since: theirs
            stale = [field for field in self._set_by_form if not reasons_for(values, field)]
            if not stale:
                return undone
            for field in stale:  # one cause gone may take another's with it (diabetes -> known disease)
                self._set_value(field, PatientProfile.model_fields[field].default)
                undone[field] = self._set_by_form.pop(field)[1]

    def _value_words(self, field: str) -> str:
        widget = self._implied_widget(field)
        return ("ticked" if widget.isChecked() else "not ticked") if isinstance(widget, QCheckBox) \
            else widget.currentText()

    def _show_implied_note(self, changed: list[str], before: dict[str, str], undone: dict[str, str]) -> None:
        """Name each value the form just set, cleared or put back, and why; nothing changed: no note."""
        lines = []
        for field in changed:
            label, now, box = FIELD_LABELS[field], self._value_words(field), self._implied_widget(field)
            choose = ""
            if isinstance(box, QCheckBox):
                what, again = f"{'Ticked' if box.isChecked() else 'Unticked'} {label}", "tick it again"
            elif field in undone:
                what, again = f"Put {label} back to {now} (was {before[field]})", "set it again"
            elif box.currentIndex() == 0:  # the first choice is "not given" (or no diabetes)
                what, again = f"Cleared {label} (was {before[field]})", ""
            else:  # a choice the form made among others allowed (seen in a try: a patient on insulin's diabetes set
                # to Type 2 unasked, Type 1 in the list): the others named, for the clinician to choose
                others = [box.itemText(row) for row in range(box.count()) if box.itemData(row) in (
                    allowed_values(self.values(), field) or ()) and row != box.currentIndex()]
                what, again = f"Set {label} to {now}", ""
                choose = f"choose {' or '.join(others)} if this patient has it" if others else ""
            if field in undone:
                why = f"it had been {'ticked' if isinstance(box, QCheckBox) else 'set'} because {undone[field]}"
                why += f"; {again} if this patient has it" if undone[field] else ""
            else:
                reason = self._set_by_form[field][1] if field in self._set_by_form else ""
                why = "; ".join(filter(None, [reason, choose]))
            lines.append(what + (f": {why}." if why else "."))
        self.implied_note.setText("<br>".join(map(escaped, lines)))
        self.implied_words = " ".join(lines)
        self.implied_note.setVisible(bool(lines))
        self._noted_before, self.noted_with = self.noted_with, self._changed_by if lines else None

    def _say_noted(self) -> None:
        """The note read out with the field whose change it follows (seen by the keyboard tester: arrowing to
        painful diabetic neuropathy set Diabetes and ticked Known disease, said only in the note, which the focus
        never reaches); a tick box's earlier note taken back (the profile form describes its other fields anew)."""
        for widget, words in ((self._noted_before, ""), (self.noted_with, self.implied_words)):
            if widget is not None:
                widget.setAccessibleDescription(". ".join(filter(None, [widget.toolTip(), words])))
        self._noted_before = None

    def _set_value(self, field: str, value: Any) -> None:
        widget = self._implied_widget(field)
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            shown = {True: "complete", False: "incomplete", None: ""}.get(value, value) if field == "sci_complete" \
                else ("" if value is None else value)
            widget.setCurrentIndex(max(0, widget.findData(shown)))

    def _lock(self, field: str, allowed: frozenset | None, values: dict[str, Any]) -> None:
        widget = self._implied_widget(field)
        text = "; ".join(reasons_for(values, field, limiting=True))  # its capitals kept ("ACSM")
        why = text[:1].upper() + text[1:] + "." if text else ""
        widget.setToolTip(why)
        widget.setAccessibleDescription(why)  # a disabled field's reason, where a keyboard or screen reader finds it
        if isinstance(widget, QCheckBox) or allowed == frozenset({None}):
            legible_when_locked(widget)
            widget.setEnabled(allowed is None or len(allowed) > 1)
            return
        widget.setEnabled(True)
        items = widget.model()
        for row in range(widget.count()):
            data = widget.itemData(row)
            items.item(row).setEnabled(allowed is None or data in allowed or data == "")
