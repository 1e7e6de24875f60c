"""Step 1: pick the patient's etiology. Searchable from the keyboard; each shows its study count."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QTextBrowser, QVBoxLayout, QHBoxLayout, QWidget

from core.evidence.overview import EtiologyEntry
from ui.models.table_model import OBJECT_ROLE, Column, ObjectTableModel


def _label(entry: EtiologyEntry) -> str:
    count = entry.study_count
    return f"{entry.etiology.name}  ({count} {'study' if count == 1 else 'studies'})"


class EtiologyPicker(QWidget):
    etiology_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ObjectTableModel([Column("Etiology", _label, lambda e: e.etiology.name,
                                              lambda e: e.etiology.description)], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type to filter: nerve, diabetic, stroke…")
        self.search.setAccessibleName("Filter etiologies")
        self.search.setClearButtonEnabled(True)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName("Etiologies")
        self.list.setSpacing(3)
        self.details = QTextBrowser()
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
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.activated.connect(self._on_list_activated)
        self.search.returnPressed.connect(self._on_search_return_pressed)

    def set_entries(self, entries: list[EtiologyEntry]) -> None:
        self.model.set_rows(entries)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def select(self, etiology_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            entry = self.proxy.index(row, 0).data(OBJECT_ROLE)
            if entry.etiology.id == etiology_id:
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                self.etiology_chosen.emit(etiology_id)
                return

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    @Slot()
    def _on_search_return_pressed(self) -> None:
        if self.list.currentIndex().isValid():
            self._on_list_activated(self.list.currentIndex())

    def _on_list_current_changed(self, current, previous) -> None:
        entry = current.data(OBJECT_ROLE) if current.isValid() else None
        self.details.setHtml(self._describe(entry) if entry else "")
        if entry is not None:
            self.etiology_chosen.emit(entry.etiology.id)

    def _on_list_activated(self, index) -> None:
        entry = index.data(OBJECT_ROLE)
        if entry is not None:
            self.etiology_chosen.emit(entry.etiology.id)

    @staticmethod
    def _describe(entry: EtiologyEntry) -> str:
        from html import escape

        e = entry.etiology
        parts = [f"<h2>{escape(e.name)}</h2><p>{escape(e.description)}</p>",
                 f"<p><b>Animal models:</b> {escape(', '.join(e.animal_models) or 'none named')}</p>",
                 f"<p><b>Studies in the library:</b> {entry.study_count}</p>"]
        if e.no_animal_treadmill_note:
            parts.append(f"<p><i>{escape(e.no_animal_treadmill_note)}</i></p>")
        parts.append(f"<h3>Human evidence</h3><p>{escape(e.human_evidence)}</p>")
        if e.human_citations:
            parts.append("<ul>" + "".join(
                f"<li>{escape(c.label)}{' — doi:' + escape(c.doi) if c.doi else ''}{' (unverified)' if c.unverified else ''}</li>"
                for c in e.human_citations) + "</ul>")
        if e.safety:
            parts.append("<h3>Safety</h3><ul>" + "".join(
                f"<li>{escape(s.text)} <small>({escape(s.citation.label)}{', doi:' + escape(s.citation.doi) if s.citation.doi else ''})</small></li>"
                for s in e.safety) + "</ul>")
        return "".join(parts)
