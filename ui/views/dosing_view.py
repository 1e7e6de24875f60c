"""Step 3: the animal treadmill dosing for the etiology, as context, never as a human dose."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from core.evidence.dosing import DosingSummary, Spread, dose_in_chart, dosing_summary, lends_structure
from core.evidence.models import Study
from ui.focus_frame import framed_on_focus
from ui.why_link import LinkLabel

METRICS = [("Speed (m/min)", "speed_m_per_min"), ("Longest session (min)", "longest_session_min"),
           ("Days per week", "days_per_week"), ("Weeks", "weeks")]


class ProtocolChart(QWidget):
    """One panel per dosing measure, a bar per study; in words where a study gives no value, or one the summary
    leaves out (core/evidence/dosing.py dose_in_chart)."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._studies: list[Study] = []
        self.setAccessibleName("Chart of the animal protocols: speed, minutes, days per week and weeks")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_studies(self, studies: list[Study]) -> None:
        self._studies = studies
        self.setFixedHeight(max(120, 40 + (len(studies) + 2) * self.ROW * 2))  # shorter for fewer studies too
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if not self._studies:
            painter.setPen(text)
            # at the top, word-wrapped: centred in a chart taller than its pane, it was cut in half at 150 %
            painter.drawText(self.rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                             "No animal treadmill study is used for this etiology: the summary above says why.")
            return
        label_width = 150
        panel_width = (self.width() - label_width - 20) / 2
        panel_height = (len(self._studies) + 1.5) * self.ROW
        for index, (title, dose) in enumerate(METRICS):
            left = label_width + (index % 2) * (panel_width + 10)
            top = 10 + (index // 2) * (panel_height + 14)
            shown = [dose_in_chart(s, dose) for s in self._studies]
            top_value = max([value for value, _ in shown if value] or [1])
            painter.setPen(text)
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QRectF(left, top, panel_width, self.ROW), Qt.AlignmentFlag.AlignLeft, title)
            font.setBold(False)
            painter.setFont(font)
            for row, (study, (value, words)) in enumerate(zip(self._studies, shown)):
                y = top + (row + 1) * self.ROW
                if index % 2 == 0:
                    painter.drawText(QRectF(0, y, label_width - 8, self.ROW), Qt.AlignmentFlag.AlignRight,
                                     f"{study.first_author} {study.year}")
                if value is None:
                    painter.setPen(QColor("#6B6B6B"))
                    painter.drawText(QRectF(left, y, panel_width, self.ROW), Qt.AlignmentFlag.AlignLeft, words)
                    painter.setPen(text)
                    continue
                bar = (panel_width - 50) * value / top_value
                painter.fillRect(QRectF(left, y + 3, bar, self.ROW - 8), QColor("#2E6F9E"))
                painter.drawText(QRectF(left + bar + 4, y, 50, self.ROW), Qt.AlignmentFlag.AlignLeft, f"{value:g}")


class DosingView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)  # a long etiology's name at 150 %
        self.caution = LinkLabel()  # tabbed to, its link has the focus, framed (not the label, showing nothing)
        self.caution.setWordWrap(True)
        self.caution.setAccessibleName("Caution: animal dosing is context, not a human dose")
        self.caution.setStyleSheet("QLabel { border: 2px solid #C0392B; padding: 8px; border-radius: 4px; }")
        self.caution.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)  # the link by Tab too
        self.caution.setOpenExternalLinks(False)
        self.caution.linkActivated.connect(self._on_caution_link_activated)
        self._caution_whole = False
        self._shown: DosingSummary | None = None
        self.summary = framed_on_focus(QTextBrowser())
        self.summary.setAccessibleName("Dosing summary")
        self.summary.setMaximumHeight(180)
        self.chart = ProtocolChart()
        # framed while it has the focus, as the summary above (seen in review: the arrow keys scrolled it, and
        # nothing showed it had the focus)
        self.scroll = scroll = framed_on_focus(QScrollArea())
        scroll.setAccessibleName("Chart of the animal protocols (the arrow keys scroll it)")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        for part in (self.summary, scroll):  # they give way to the whole caution, and scroll (_fit_caution)
            part.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.caution)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

    def show_etiology(self, etiology_id: str, name: str, studies: list[Study]) -> DosingSummary:
        summary = dosing_summary(etiology_id, studies)
        treadmill = sorted((s for s in studies if etiology_id in s.etiologies and lends_structure(s)),
                           key=lambda s: (s.year, s.first_author))
        self.title.setText(f"<h3>3. Animal treadmill dosing: {escape(name)}</h3>")
        self._shown = summary
        self._show_caution()
        self.summary.setHtml(_summary_html(summary))
        self.chart.set_studies(treadmill)
        # seen in testing: scrolled down the chart of one etiology, the next one's looked empty
        self.scroll.verticalScrollBar().setValue(0)
        return summary

    def _show_caution(self) -> None:
        """The caution's first sentence, and the rest with its sources a click away (seen in testing at 150 %: the
        whole caution took about 40 % of the view's height, leaving the chart two rows)."""
        summary = self._shown
        if summary is None:
            return
        first, _, rest = summary.caution.partition(". ")
        if self._caution_whole or not rest:
            self.caution.setText("<b>Context, not a human dose.</b> " + escape(summary.caution) + "<br><small>"
                                 + escape(summary.caution_sources) + "</small> <a href='less'>Show less</a>")
        else:
            self.caution.setText(f"<b>Context, not a human dose.</b> {escape(first)}. "
                                 "<a href='whole'>The whole caution and its sources</a>")
        self._fit_caution()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_caution()

    def _fit_caution(self) -> None:
        """The caution as tall as its lines at its width, the summary and the chart giving way (they scroll). Seen in
        review at 150 %: the whole caution was cut off mid-reference, its "Show less" link, which had the focus, out
        of sight: a wrapped label may be squeezed below its lines."""
        lines = self.fontMetrics().lineSpacing()  # never so tall that the window would outgrow its screen
        room = self.height() - self.title.sizeHint().height() - 9 * lines
        # a label's height for its width is never under its minimum height: the whole caution's height stayed after
        # "Show less" (seen by a helper: a short text in a tall empty box, the chart squeezed to one row)
        self.caution.setMinimumHeight(0)
        self.caution.setMinimumHeight(max(min(self.caution.heightForWidth(self.caution.width()), room), 0))

    def _on_caution_link_activated(self, link: str) -> None:
        self._caution_whole = link == "whole"
        self._show_caution()
        if self.caution.hasFocus():  # followed with Enter: the new text's link has the focus, shown
            self.caution.focus_link()


def _summary_html(summary: DosingSummary) -> str:
    def spread(label: str, value: Spread, unit: str, note: str = "") -> str:
        return f"<li>{label}: {escape(value.described(unit) + note)}</li>"

    species = ", ".join(f"{n} {name}" for name, n in summary.species.items())
    treadmill = summary.animal_treadmill_study_count
    if not treadmill:  # seen in review: "0 ... (none)" over four lines of "not reported", as if studies left them out
        items = [f"<p>No animal treadmill study of pain that tested exercise alone, of {summary.study_count} "
                 f"{'study' if summary.study_count == 1 else 'studies'} tagged with this etiology.</p>"]
    else:
        items = [f"<p><b>{treadmill}</b> animal treadmill {'study' if treadmill == 1 else 'studies'} of pain that "
                 f"tested exercise alone, of {summary.study_count} tagged with this etiology ({escape(species)}).</p>"
                 "<ul>", spread("Speed", summary.speed_m_per_min, "m/min"),
                 spread("Longest session", summary.longest_session_min, "min"),
                 spread("Days per week", summary.days_per_week, "days", summary.days_note),
                 spread("Duration", summary.weeks, "weeks"),
                 "</ul>"]
    if summary.not_usable:
        items.append("<p>Left out: " + escape("; ".join(summary.not_usable)) + "</p>")
    if summary.no_pain_outcome:
        items.append("<p>Not used, no pain model or no pain outcome (flagged off-topic): "
                     + escape(", ".join(summary.no_pain_outcome)) + "</p>")
    if summary.with_other_treatment:
        items.append("<p>Not used, exercise given together with another treatment, so the effect is not exercise's "
                     "alone (flagged co-intervention): " + escape(", ".join(summary.with_other_treatment)) + "</p>")
    return "".join(items)
