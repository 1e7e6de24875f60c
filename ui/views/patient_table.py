"""Step 8's table of patients, its columns fitted to the room it has (ui/views/records_view.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

NAME, ETIOLOGY = 0, 2
NUMBERS = (1, 3, 4, 5)  # Patient no., Version, Saved, Plan id


class PatientTable(QTableView):
    """The numbers and the time each on one line, as wide as its heading or its values; a long etiology wraps; a long
    name is cut short (whole on hover), never pushing every patient's number out of view (seen by a clinic's tester:
    one 120-character name, and namesakes could no longer be told apart by their numbers); the etiology never narrower
    than its heading, whatever the window's width or a drag of the names' edge (at 150 % it read "tiolog" beside a
    long name). Seen in a try at 150 %: the numbers as wide as the etiology's least, "Painful diabetic ..." cut short
    beside three columns of "1"."""

    def __init__(self, page: int) -> None:
        super().__init__()
        header = self.horizontalHeader()
        header.setResizeContentsPrecision(page)  # measure one page of rows, not the whole list
        self._etiology_least = header.fontMetrics().horizontalAdvance("Etiology") * 3 // 2 + 16
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Name") + 16)
        self._names_room: int | None = None  # the most the names may take (fit_names), None before the first fit
        header.sectionResized.connect(self._on_section_resized)

    def setModel(self, model) -> None:  # noqa: N802 (Qt's name): each column's way of sizing, once the columns exist
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ETIOLOGY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name): with the window, the scroll bars, the versions
        super().resizeEvent(event)  # beside it (a scroll area's resizeEvent is its viewport's)
        self.fit_names()

    def fit_names(self) -> None:
        """The names as wide as the longest listed, up to the room the numbers and the etiology's least leave: measured
        here, on every change of the table's width or rows, and kept for a drag of the names' edge."""
        header = self.horizontalHeader()
        least = header.minimumSectionSize()
        numbers = sum(max(self.sizeHintForColumn(column), header.sectionSizeHint(column), least) for column in NUMBERS)
        self._names_room = max(least, self.viewport().width() - numbers - self._etiology_least)
        header.resizeSection(NAME, max(least, min(self.sizeHintForColumn(NAME), self._names_room)))

    def _on_section_resized(self, column: int, _old: int, width: int) -> None:
        """The names' edge dragged no further than the room measured for it."""
        if column == NAME and self._names_room is not None and width > self._names_room:
            self.horizontalHeader().resizeSection(NAME, self._names_room)
