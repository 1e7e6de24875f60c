"""Chinese lines that end within their width. reportlab's CJK wrapping keeps a mark that cannot start a line ("，",
"。", "”") at the end of the line before, up to a character past the width, and then draws that line with its spaces
squeezed (the PDF's word spacing) until letters overlap: seen in review, "5:00(" and "走2" printed over each other
in standard print. Wrapped a character narrower, such a line still ends within the width, and is drawn as it is."""

from __future__ import annotations

from reportlab.platypus import Paragraph


class ChineseParagraph(Paragraph):
    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        if getattr(self, "_splitpara", 0) and hasattr(self, "blPara"):  # a part of a split one: its lines as made
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        broken = super().breakLinesCJK(list(widths))  # a fresh list each time: reportlab takes the bullet's off it
        if all(_room(line) >= 0 for line in broken.lines):  # lines broken beforehand (line_breaks.py) stay as they are
            return broken
        room = self.style.fontSize  # a full-width mark
        narrower = [max(width - room, min(width, room)) for width in widths]
        taken = [width - less for width, less in zip(widths, narrower)]
        broken = super().breakLinesCJK(list(narrower))
        # each line's room left is then counted against the whole width again (the centred footer, the right-aligned)
        broken.lines = [_given_room(line, taken[min(index, len(taken) - 1)]) for index, line in enumerate(broken.lines)]
        return broken


def _room(line) -> float:
    return line[0] if isinstance(line, tuple) else line.extraSpace


def _given_room(line, room: float):
    if isinstance(line, tuple):
        return (line[0] + room, *line[1:])
    line.extraSpace += room
    return line
