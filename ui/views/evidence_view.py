"""Step 2: the evidence for the chosen etiology: mechanisms, a sortable and searchable study table,
and a detail pane with the full reference, a copyable DOI, where each fact came from, and flags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSplitter, QStyle, QTableView, QTextBrowser, QVBoxLayout, QWidget,
)

from core.evidence.dosing import SPECIES_NOT_STATED, days_in_words, left_out, speed_in_words
from core.evidence.flag_words import KINDS, flag_in_words
from core.evidence.models import DISPUTED, NO_STUDY_FINDING, REVIEW_NAMES, Mechanism, Study
from ui.focus_frame import framed_on_focus
from ui.models.table_model import OBJECT_ROLE, SORT_ROLE, Column, ObjectTableModel, combo_data
from ui.scrolling import TurningSplitter, all_columns_width

def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _minutes(study: Study) -> str:
    m = study.exercise.minutes_per_session
    return "" if m is None else (_num(m[0]) if m[0] == m[1] else f"{_num(m[0])}-{_num(m[1])}")


STUDY_COLUMNS: list[Column[Study]] = [
    Column("Author", lambda s: s.first_author + (" (local)" if s.origin == "local" else "")),
    Column("Year", lambda s: str(s.year), lambda s: s.year),
    Column("Species", lambda s: s.species or "not stated"),
    Column("Model", lambda s: s.model, tooltip=lambda s: s.model),
    Column("Findings", lambda s: s.findings_listed(),
           tooltip=lambda s: s.findings_listed(DISAGREE, direction=lambda way: way.value)),
    Column("m/min", lambda s: _dose(s, "speed_m_per_min", _num(s.exercise.speed_m_per_min)),
           lambda s: s.exercise.speed_m_per_min or -1.0,
           tooltip=lambda s: f"as printed: {s.exercise.speed_reported or 'not reported'}"
                             + (LEFT_OUT if left_out(s, "speed_m_per_min") else "")),
    Column("Min", lambda s: _dose(s, "longest_session_min", _minutes(s)),
           lambda s: (s.exercise.minutes_per_session or (-1.0, -1.0))[1],
           tooltip=lambda s: _why(s, "longest_session_min")),
    Column("Days/wk", lambda s: _dose(s, "days_per_week", days_in_words(s.exercise) or ""),
           lambda s: s.exercise.days_per_week or -1, tooltip=lambda s: _why(s, "days_per_week")),
    Column("Weeks", lambda s: _dose(s, "weeks", _num(s.exercise.weeks)), lambda s: s.exercise.weeks or -1.0,
           tooltip=lambda s: _why(s, "weeks")),
    Column("Level", lambda s: str(s.evidence_level), lambda s: s.evidence_level),
    Column("Flags", lambda s: str(len(s.flags)) if s.flags else "", lambda s: len(s.flags),
           tooltip=lambda s: flag_kinds(s)),
]


DISAGREE = " (the sources disagree on this finding: see the study's flags)"  # the table's "?" (DISPUTED)
# the study's details (seen in review: Cho 2021's GABA ↑ stood there unmarked, the flags under it naming it)
DETAIL_DISAGREE = DISPUTED + " (the sources disagree on this finding: see the flags below)"
LEFT_OUT_WHY = "Flagged implausible: left out of the animal dosing summary and chart"
LEFT_OUT = "; " + LEFT_OUT_WHY[0].lower() + LEFT_OUT_WHY[1:]  # after what is shown: "...; flagged implausible: ..."


def _dose(study: Study, dose: str, shown: str) -> str:
    """A dose as the table shows it, marked where the dosing summary leaves it out (seen in testing: Chen 2012's
    30 m/min in the table beside step 3's "left out, implausible")."""
    return f"{shown} ⚠" if shown and left_out(study, dose) else shown  # narrow: the tooltip says why


def _why(study: Study, dose: str) -> str:
    return LEFT_OUT_WHY if left_out(study, dose) else ""


def flag_kinds(study: Study) -> str:
    """"2 sources disagree, 3 not reported": which kinds the count holds (seen in testing: where the sources
    disagree could not be told from the table, the count lumping them with values not reported)."""
    kinds = Counter(KINDS[flag.code] for flag in study.flags)
    return ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())


MODEL, FINDINGS = ([column.header for column in STUDY_COLUMNS].index(name) for name in ("Model", "Findings"))
FINDINGS_NARROWEST = 200  # pixels: three or four markers with their arrows
DETAIL_NARROWEST = 320  # pixels: a study's reference and flags readable beside the table


class StudyHeader(QHeaderView):
    """The study table's header, with room for the sort arrow in the column sorted by alone: Qt keeps that room
    (about 20 pixels) in every column fitted to its contents, and over eleven columns it was most of what pushed
    the dosing columns out of view on a small screen. Qt fits the columns again when the sort column changes."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setSectionsClickable(True)  # as the header QTableView makes for itself
        self.setHighlightSections(True)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802 (Qt's name)
        size = super().sectionSizeFromContents(logical_index)
        if self.isSortIndicatorShown() and logical_index != self.sortIndicatorSection():
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            size.setWidth(size.width() - size.height() - margin)  # what Qt added for the arrow
        return size


class EvidenceView(QWidget):
    study_selected = Signal(str)

    def __init__(self, search_ids: Callable[[str], set[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search_ids = search_ids  # full-text search in core, returning matching study ids
        self._studies: list[Study] = []  # those shown: the etiology's, or the whole library's
        self._etiology, self._etiology_studies, self._library = "", [], []
        self._mechanisms: dict[str, Mechanism] = {}
        self.title = QLabel()
        self.title.setWordWrap(True)  # a long etiology's name at 150 %
        self.mechanisms = framed_on_focus(QTextBrowser())
        self.mechanisms.setAccessibleName("Mechanisms for this etiology")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, authors, markers (TNF-α or tnf alpha), models, mechanisms…")
        self.search.setAccessibleName("Search studies")
        self.search.setClearButtonEnabled(True)
        self.mechanism_filter = QComboBox()
        self.mechanism_filter.setAccessibleName("Filter by mechanism")
        # seen in testing: 51 of the 94 studies (mechanism studies, other pain models) are tagged with no etiology,
        # so a study a flag names ("cites Almeida 2015") could not be found in the window at all
        self.whole_library = QCheckBox("Whole library")
        self.whole_library.setToolTip("Every study in the library: those of every etiology, and the mechanism studies "
                                      "tagged with none")
        self.model = ObjectTableModel(STUDY_COLUMNS, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = framed_on_focus(QTableView())
        self.table.setHorizontalHeader(StudyHeader())
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in the table
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Studies")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # authors A to Z (Qt's own default is Z to A)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # model and findings: long text, shown in full as tooltips and in the study's details; the findings take
        # whatever width the table has over what its columns need
        header.setSectionResizeMode(MODEL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(MODEL, 170)
        header.setSectionResizeMode(FINDINGS, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # sorting from the keyboard (the header takes no focus): the table's menu, Shift+F10 or the Menu key
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, study_column in enumerate(STUDY_COLUMNS):
            sort = QAction(f"Sort by {study_column.header}", self.table)
            sort.triggered.connect(lambda _checked=False, column=column: self._sort_by(column))
            self.table.addAction(sort)
        header.sortIndicatorChanged.connect(self._name_sorting)  # seen in review: "(again: the other way)" on every
        self._name_sorting(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as opened: by author
        QShortcut(QKeySequence("Shift+F10"), self.table, self._open_table_menu,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.detail = framed_on_focus(QTextBrowser())
        self.detail.setAccessibleName("Study details")
        self.copy_doi = QPushButton("Copy DOI")
        self.copy_doi.setAccessibleName("Copy the study's DOI")
        self.copy_doi.setEnabled(False)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.mechanism_filter, 1)
        filters.addWidget(self.whole_library)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.copy_doi, 0, Qt.AlignmentFlag.AlignRight)  # not a bar the width of the pane
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.table)
        table_layout.addWidget(self.count_label)
        self.panes = TurningSplitter(table_box, detail_box, needs=self._table_width,
                                     narrowest=DETAIL_NARROWEST, sizes=((700, 400), (300, 200)))
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(self.mechanisms)
        vertical.addWidget(self.panes)
        vertical.setChildrenCollapsible(False)  # seen at 150 %: dragged to the top, the mechanisms went with no cue
        vertical.setSizes([170, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(vertical)
        self.search.textChanged.connect(self._on_filters_changed)
        self.whole_library.toggled.connect(self._on_whole_library_toggled)
        self.mechanism_filter.currentIndexChanged.connect(self._on_filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.copy_doi.clicked.connect(self._on_copy_doi_clicked)
        self._current: Study | None = None
        # the study last read, kept while a search or filter hides it (seen in review: a search that found none
        # forgot it, and widening again showed the first study)
        self._reading: str | None = None

    def _open_table_menu(self) -> None:
        """The table's menu at its current row for Shift+F10 too: Qt on Linux opens it for the Menu key only (seen in
        review: the README's Shift+F10 did nothing)."""
        viewport = self.table.viewport()
        self.table.scrollTo(self.table.currentIndex())  # a row scrolled out of view: its menu beside it, in the table
        cell = self.table.visualRect(self.table.currentIndex())
        at = cell.center() if cell.isValid() else viewport.rect().topLeft()
        QApplication.postEvent(self.table, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, viewport.mapTo(
            self.table, at), viewport.mapToGlobal(at)))

    def _name_sorting(self, sorted_by: int, _order: object) -> None:
        """The menu's entry for the column the studies are sorted by says it sorts them the other way."""
        for column, (action, study_column) in enumerate(zip(self.table.actions(), STUDY_COLUMNS)):
            action.setText(f"Sort by {study_column.header}" + (" the other way" if column == sorted_by else ""))

    def _sort_by(self, column: int) -> None:
        """A to Z (smallest first) by ``column``; chosen again while sorted by it, the other way."""
        header = self.table.horizontalHeader()
        again = header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder if again else Qt.SortOrder.AscendingOrder)
        if (chosen := self.table.currentIndex()).isValid():  # kept in view (seen by a keyboard-only tester: sorted
            self.table.scrollTo(chosen)  # from the menu, the study the clinician was on went off screen)

    def _table_width(self) -> int:
        """The width that shows every column, the findings at their narrowest (not at their width now, which is
        whatever the table has to spare: the table's width would then depend on itself)."""
        return all_columns_width(self.table, stretched=(FINDINGS, FINDINGS_NARROWEST))

    def show_etiology(self, name: str, studies: list[Study], mechanisms: list[Mechanism],
                      library: list[Study] | None = None) -> None:
        """``studies``: the etiology's; ``library``: every study, shown instead while Whole library is ticked."""
        self._etiology, self._etiology_studies, self._library = name, studies, library or studies
        self._mechanisms = {m.id: m for m in mechanisms}
        self._show_scope()

    @Slot()
    def _on_whole_library_toggled(self, *_: object) -> None:
        self._show_scope(keep_mechanism=True)  # seen in review: ticking it put the filter back to all mechanisms

    def _show_scope(self, *, keep_mechanism: bool = False) -> None:
        chosen = combo_data(self.mechanism_filter) if keep_mechanism else ""
        whole = self.whole_library.isChecked()
        studies = self._studies = self._library if whole else self._etiology_studies
        self.title.setText(f"<h3>2. Evidence: {'the whole library' if whole else escape(self._etiology)}</h3>")
        used = {f.mechanism for s in studies for f in s.findings}
        # the whole library: every mechanism, those no study's finding names too (seen in a check against the seeds:
        # Ghanbari's noradrenaline, with its flags, was shown nowhere in the window)
        used = sorted(used | set(self._mechanisms) if whole else used)
        self.mechanism_filter.blockSignals(True)
        self.mechanism_filter.clear()
        self.mechanism_filter.addItem("All mechanisms", "")
        for mechanism_id in used:
            self.mechanism_filter.addItem(self._mechanisms[mechanism_id].name if mechanism_id in self._mechanisms
                                          else mechanism_id, mechanism_id)
        self.mechanism_filter.setCurrentIndex(max(0, self.mechanism_filter.findData(chosen)))
        self.mechanism_filter.blockSignals(False)
        self.mechanisms.setHtml(self._mechanisms_html(used, studies))
        self._on_filters_changed()
        # turned for this etiology's studies once their columns are fitted (Qt fits them on its next turn); not
        # on every search or filter, whose fewer rows fit narrower: near the switch a keystroke turned the view
        QTimer.singleShot(0, self, self.panes.refit)

    def _mechanisms_html(self, used: list[str], studies: list[Study]) -> str:
        if not studies:
            return "<p>No study in the library is tagged with this etiology.</p>"
        parts = []
        for mechanism_id in used:
            m = self._mechanisms.get(mechanism_id)
            if m is None:
                continue
            count = sum(1 for s in studies if any(f.mechanism == mechanism_id for f in s.findings))
            counted = f"{count} {'study' if count == 1 else 'studies'}" if count else NO_STUDY_FINDING
            parts.append(f"<p><a name='{escape(mechanism_id)}'></a><b>{escape(m.name)}</b> ({counted}): "
                         f"{escape(m.summary)} <i>Exercise: {escape(m.exercise_effect)}</i> "
                         f"<small>Markers: {escape(', '.join(m.markers))}. Source: {escape(m.cited_in)}.</small></p>")
            parts += [f"<p style='margin-left:12px'><small><b>Flag: {escape(flag_in_words(f))}.</b> "
                      f"{escape(f.message)}</small></p>" for f in m.flags]
        return "".join(parts) or "<p>These studies report no mechanism findings.</p>"

    @Slot()
    def _on_filters_changed(self, *_: object) -> None:
        text = self.search.text().strip()
        mechanism = combo_data(self.mechanism_filter)
        if mechanism:  # its summary and flags shown above the studies (seen in testing: they stayed out of view)
            self.mechanisms.scrollToAnchor(mechanism)
        matches = self._search_ids(text) if text else None

        def found(studies: list[Study]) -> list[Study]:
            return [s for s in studies if (matches is None or s.id in matches)
                    and (not mechanism or any(f.mechanism == mechanism for f in s.findings))]

        shown, kept = found(self._studies), self._reading
        self.model.set_rows(shown)
        said = f"{len(shown)} of {len(self._studies)} studies"
        if matches is not None and not self.whole_library.isChecked():
            outside = len(found(self._library)) - len(shown)
            if outside:
                said += (f"; {outside} more in the library outside this etiology: tick Whole library to see "
                         f"{'it' if outside == 1 else 'them'}")
        self.count_label.setText(said)
        # the study the clinician was reading, while it is still shown (seen in review: a search typed and cleared
        # again left them on the first study of the list, not the one they had been on)
        if shown and not (kept and self.select_study(kept)):
            self.table.selectRow(0)
        elif not shown:
            self._show_detail(None)

    def select_study(self, study_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(OBJECT_ROLE).id == study_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def _on_table_current_row_changed(self, current, previous) -> None:
        study = self.proxy.index(current.row(), 0).data(OBJECT_ROLE) if current.isValid() else None
        self._show_detail(study)

    def _show_detail(self, study: Study | None) -> None:
        self._current = study
        self.copy_doi.setEnabled(bool(study and study.doi))
        self.copy_doi.setText("Copy DOI")  # "DOI copied" was about the study shown before
        if study is None:
            self.detail.setHtml("")
            return
        self._reading = study.id
        self.study_selected.emit(study.id)
        self.detail.setHtml(study_detail_html(study, self._mechanisms))

    @Slot()
    def _on_copy_doi_clicked(self) -> None:
        if self._current and self._current.doi:
            QGuiApplication.clipboard().setText(self._current.doi)
            self.copy_doi.setText("DOI copied")


def study_detail_html(study: Study, mechanisms: dict[str, Mechanism]) -> str:
    e = study.exercise
    rows = [("Reference", study.reference or f"{study.first_author} {study.year}. {study.title or ''} {study.journal or ''}"),
            ("DOI", study.doi or "not given in the sources"),
            ("Species and model", f"{study.species or SPECIES_NOT_STATED}"
                                  + (f" (named '{study.species_reported}')" if study.species_reported else "")
                                  + f"; {study.model}"
                                  + (f" (as the sources describe it: {study.model_reported})"
                                     if study.model_reported else "")),
            # the protocol says what "other" exercise was; a named type leads it ("Treadmill: ...")
            ("Exercise", e.protocol if e.type == "other" else f"{e.type[0].upper()}{e.type[1:]}: {e.protocol}"),
            ("Speed", speed_in_words(e.speed_m_per_min, e.speed_reported)
             + (LEFT_OUT if left_out(study, "speed_m_per_min") else "")),
            ("Evidence level", f"{study.evidence_level} (OCEBM 2011). {study.evidence_note or ''}"),
            ("Risk of bias", f"{study.risk_of_bias[:1].upper()}{study.risk_of_bias[1:]}.")]
    html = [f"<h3>{escape(study.first_author)} {study.year}</h3>", "<table cellpadding='3'>"]
    html += [f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows]
    html.append("</table>")
    if study.findings:
        html.append("<p><b>Findings</b></p><ul>" + "".join(
            _finding_html(study, place, mechanisms) for place in range(len(study.findings))) + "</ul>")
    if study.pain_outcome:
        html.append(f"<p><b>Pain outcome:</b> {escape(study.pain_outcome)}</p>")
    html.append("<p><b>Where this comes from</b></p><ul>" + "".join(
        f"<li>{escape(REVIEW_NAMES[s.review])}: "
        f"{escape(s.location)}</li>" for s in study.sources) + "</ul>")
    if study.flags:
        html.append(f"<p><b>Data-quality flags ({len(study.flags)})</b></p><ul>" + "".join(
            f"<li><b>{escape(flag_in_words(f, study))}.</b> {escape(f.message)}</li>" for f in study.flags) + "</ul>")
    else:
        html.append("<p>No data-quality flags.</p>")
    return "".join(html)


def _finding_html(study: Study, place: int, mechanisms: dict[str, Mechanism]) -> str:
    """"GABA ↑ (Descending modulation) — spinal dorsal horn", then where it is stated: the study's sources listed
    below said where the study is cited, not which of them gives each finding (seen in review)."""
    finding = study.findings[place]
    mechanism = mechanisms[finding.mechanism].name if finding.mechanism in mechanisms else finding.mechanism
    where = study.where_stated(finding)
    doubted = DETAIL_DISAGREE if place in study.disputed_places else ""
    return (f"<li>{escape(finding.marker)} {finding.direction.arrow}{escape(doubted)} ({escape(mechanism)})"
            f"{' — ' + escape(finding.site) if finding.site else ''}"
            f"{f' <small>(stated in {escape(where)})</small>' if where else ''}</li>")
