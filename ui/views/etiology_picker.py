"""Step 1: pick the patient's etiology. Searchable from the keyboard; each shows its study count.

This step is in the window's first frame, so it is made of plain widgets: a QListWidget filtered by
hiding rows, with no item model or proxy. That touches none of the enums of PySide6's Qt namespace,
whose creation (about 110 enums, 12 ms) would cost the first frame a tenth of its budget
(docs/performance.md)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from core.evidence.entries import EtiologyEntry
from ui.focus_frame import framed_on_focus
from ui.plain_text import escaped as escape

NO_BREAK = "\u00a0"


def _label(entry: EtiologyEntry) -> str:
    """The name, then its count kept on one line (seen at 150 %: "(0 / studies)", "none of / neuropathic pain")."""
    return f"{entry.name}  ({entry.studies_in_words.replace(' ', NO_BREAK)})"


def _named_not_of_neuropathic_pain(entry: EtiologyEntry) -> str:
    """Which of its studies are not of neuropathic pain, named, so a count is not read as that much evidence."""
    if not entry.not_of_neuropathic_pain:
        return ""
    return (" <small>(no neuropathic pain model or no pain outcome, flagged in the evidence table: "
            f"{escape(', '.join(entry.not_of_neuropathic_pain))})</small>")


class EtiologyPicker(QWidget):
    etiology_chosen = Signal(str)  # the current etiology changed (arrow keys, a click, a filter)
    etiology_confirmed = Signal(str)  # Enter or a double-click: go on to its evidence

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[EtiologyEntry] = []
        # while the filter is choosing, the choice is for looking: a new patient already typed keeps its own etiology
        # until the clinician chooses (main_window, seen in review: "diab" typed to look something up put diabetic
        # neuropathy into the form of a post-stroke patient)
        self.by_filter = False
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type to filter: nerve, diabetic, stroke…")
        self.search.setAccessibleName("Filter etiologies")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Up and Down move through the etiologies shown; Enter opens its evidence.")
        self.search.installEventFilter(self)
        self.list = framed_on_focus(QListWidget())
        self.list.setAccessibleName("Etiologies")
        self.list.setSpacing(3)
        self.list.setWordWrap(True)  # a long name wraps at 125-150 % rather than scrolling sideways
        self.details = framed_on_focus(QTextBrowser())
        self.details.setAccessibleName("Etiology details")
        self.details.setOpenExternalLinks(False)
        heading = QLabel("<h3>1. Choose the patient's neuropathic pain etiology</h3>")
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addLayout(left, 2)
        row.addWidget(self.details, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemActivated.connect(self._on_list_item_activated)

    def set_entries(self, entries: list[EtiologyEntry], *, waiting: str = "") -> None:
        """Show ``entries``, keeping the etiology that was chosen; with none, show ``waiting`` instead."""
        chosen = self.current_id()
        self.list.blockSignals(True)  # the list filling chooses its first row on its own: not announced (seen in
        try:  # testing: a new patient's etiology in step 4 followed it, read anew)
            self.list.clear()
            self._entries = list(entries)
            for entry in self._entries:
                QListWidgetItem(_label(entry), self.list).setToolTip(entry.description)
            self.list.setCurrentRow(-1)
        finally:
            self.list.blockSignals(False)
        self._filter(self.search.text())
        if not self._entries:
            self.details.setPlainText(waiting)
        elif not (chosen and self.select(chosen)):
            self._choose_first_shown()

    def entry_count(self) -> int:
        return len(self._entries)

    def shown_names(self) -> list[str]:
        """The etiologies the filter leaves in the list, in order."""
        return [self._entries[row].name for row in self._shown_rows()]

    def current_id(self) -> str:
        row = self.list.currentRow()
        return self._entries[row].id if 0 <= row < len(self._entries) else ""

    def select(self, etiology_id: str) -> bool:
        """Make ``etiology_id`` the chosen one (announced with etiology_chosen); False if it is not listed."""
        row = next((i for i, entry in enumerate(self._entries) if entry.id == etiology_id), -1)
        if row < 0:
            return False
        if self.list.item(row).isHidden():  # the filter would hide the chosen etiology: cleared without choosing the
            self.search.blockSignals(True)  # first one left by it on the way (seen in review: announced, it was put
            self.search.clear()  # into a new patient's form)
            self.search.blockSignals(False)
            self._filter("")
        if row == self.list.currentRow():
            self.etiology_chosen.emit(etiology_id)
        else:
            self.list.setCurrentRow(row)  # announced by _on_list_current_row_changed
        return True

    def _filter(self, text: str) -> None:
        """Every word typed must appear in the etiology's name or study count, in any case: not in the words around
        the count ("pain" would find every etiology with a study "not of neuropathic pain")."""
        words = text.casefold().split()
        for row, entry in enumerate(self._entries):
            found_in = f"{entry.name} {entry.study_count}".casefold()
            self.list.item(row).setHidden(not all(word in found_in for word in words))

    def _choose_first_shown(self) -> None:
        """The choice kept while the filter still shows it, else the first one shown. Seen by a helper: typing "pain"
        to look something up moved the choice from post-stroke pain, still shown, to spinal cord injury, and a new
        patient's form in step 4 with it; clearing the filter moved it to the first etiology."""
        current, shown = self.list.currentRow(), self._shown_rows()
        row = current if current in shown else next(iter(shown), -1)
        if row == current >= 0:  # kept, in sight again once the filter is cleared (seen in review: scrolled away),
            self.list.scrollToItem(self.list.item(row))  # and its details again under "No etiology matches" (they
            self.details.setHtml(self._describe(self._entries[row]))  # stayed, seen in review)
        elif row >= 0:
            self.list.setCurrentRow(row)
        elif self._entries:
            self.details.setPlainText(f"No etiology matches “{self.search.text()}”. Clear the filter to see all "
                                      f"{len(self._entries)}.")

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.by_filter = True
        try:
            self._filter(text)
            self._choose_first_shown()
        finally:
            self.by_filter = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the filter move through the etiologies it shows, as in a search box."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt  # not at import: the first frame creates no Qt-namespace enums

            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step is not None:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _shown_rows(self) -> list[int]:
        """The rows the filter leaves in the list, in order."""
        return [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def _move(self, step: int) -> None:
        shown = self._shown_rows()
        if not shown:
            return
        current = self.list.currentRow()
        position = shown.index(current) + step if current in shown else 0
        self.list.setCurrentRow(shown[max(0, min(position, len(shown) - 1))])

    @Slot()
    def _on_search_return_pressed(self) -> None:
        if self.current_id() and not self.list.currentItem().isHidden():
            self.etiology_confirmed.emit(self.current_id())

    @Slot(int)
    def _on_list_current_row_changed(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self.details.setHtml(self._describe(entry) if entry else "")
        if entry is not None:
            self.etiology_chosen.emit(entry.id)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self._entries):
            self.etiology_confirmed.emit(self._entries[row].id)

    @staticmethod
    def _describe(e: EtiologyEntry) -> str:
        """Every statement with its source beside it: the clinician can see where each came from."""
        def cite(source) -> str:
            doi = f", doi:{escape(source.doi)}" if source.doi else ""
            return f" <small>({escape(source.label)}{doi}{', unverified' if source.unverified else ''})</small>"

        models = "".join(f"<li>{escape(m.name)} <small>(studies: {escape(m.named)})</small></li>"
                         for m in e.animal_models)
        parts = [f"<h2>{escape(e.name)}</h2><p>{escape(e.description)}{cite(e.description_source)}</p>",
                 f"<p><b>Studies in the library:</b> {escape(e.studies_in_words)}"
                 f"{_named_not_of_neuropathic_pain(e)}</p>",
                 f"<p><b>Animal models</b> (from the library's pain studies):</p><ul>{models}</ul>" if models
                 else "<p><b>Animal models:</b> no animal pain study in the library</p>"]
        if e.no_animal_treadmill_note:
            parts.append(f"<p><i>{escape(e.no_animal_treadmill_note)}</i> <small>(from the study records)</small></p>")
        parts.append(f"<h3>Human evidence</h3><p>{escape(e.human_evidence)}</p>")
        parts.append("<ul>" + "".join(f"<li>{cite(c).strip()}</li>" for c in e.human_sources) + "</ul>")
        if e.certainty:
            parts.append(f"<p><b>{e.certainty.LABEL}:</b> {escape(e.certainty.rated)}{cite(e.certainty.source)}</p>")
        if e.safety:
            parts.append("<h3>Safety</h3><ul>" + "".join(f"<li>{escape(s.text)}{cite(s.source)}</li>"
                                                         for s in e.safety) + "</ul>")
        return "".join(parts)
