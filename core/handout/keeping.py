"""A section of the handout kept on one page, and said to go on where it cannot be.

reportlab's KeepTogether moves a section to the next page when it does not fit the rest of this one, but a section
taller than a whole page it lets run over at whatever line the page ends on, with nothing to say so. Seen in review:
in Spanish on Letter paper, the last lines of "When to stop and get help" (check your blood sugar, then call the
clinic) began the next page under no heading, and a patient reading the stop signs on the page before never saw them.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _listWrapOn


def one_block(flowables: list[Flowable], width: float, font: str) -> Table:
    """``flowables`` as one part of a section, never parted, that says its own height (a KeepTogether inside a
    KeptOnOnePage says it is taller than any page, and the section went on over a page it fitted on). Seen in a
    review of standard print: "go back to the week before" at a page's foot, and its exception, "But if you are in
    week 1", on the next. ``font``: the handout's, embedded (a table names Helvetica otherwise)."""
    block = Table([[flowables]], colWidths=[width])
    block.setStyle([("FONTNAME", (0, 0), (-1, -1), font)] + [
        (side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")])
    block.spaceBefore, block.spaceAfter = flowables[0].getSpaceBefore(), flowables[-1].getSpaceAfter()  # as apart
    return block


class KeptOnOnePage(KeepTogether):
    """``flowables`` on one page where they fit on one. Where they are taller than a page, they start on a page of
    their own and part after the last flowable that fits with ``turn_over()`` (a line saying the section goes on over
    the page) under it; the rest goes on on the next page under ``heading_again()`` (the heading, "continued"). Each
    is made anew where it is used: a flowable is laid out for one place. ``flowing`` (standard print, for fewer
    pages): they part where the page ends, as said, rather than start on a page of their own, never before the first
    ``keep_first`` flowables (the heading and one part by default). ``parting``: they part before that flowable where
    what comes before it fits (the stop page: each list of signs on a page with what to do for them), else where the
    page ends. ``then`` (with ``flowing``): the section after it, kept on one page; a section that fits a page parts
    only where the section after it then fits under its rest on the next page (else parting saves no page, and it
    goes to the next page whole). ``closer()``: the same section set closer; where it is taller than a page and that
    fits one, that goes on one page instead."""

    def __init__(self, flowables: list[Flowable], *, turn_over: Callable[[], Flowable],
                 heading_again: Callable[[], Flowable], flowing: bool = False, keep_first: int = 2,
                 parting: int | None = None, then: KeptOnOnePage | None = None,
                 closer: Callable[[], list[Flowable]] | None = None) -> None:
        super().__init__(flowables)
        self._turn_over, self._heading_again, self._flowing = turn_over, heading_again, flowing
        self._keep_first, self._parting, self._then, self._closer = max(2, keep_first), parting, then, closer

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is None or self._H <= aH:
            return super().split(aW, aH)
        page = frame._height - frame._topPadding - frame._bottomPadding
        at_top = getattr(frame, "_atTop", False)
        if self._closer is not None and self._H > page:
            closer = self._closer()
            height = _listWrapOn(closer, aW, self.canv)[1]
            if height <= page:
                return closer if height <= aH else [FrameBreak(), KeepTogether(closer)]
        if not self._flowing and self._H <= page:  # fits a page of its own: KeepTogether moves it there whole
            return super().split(aW, aH)
        if not self._flowing and not at_top:
            return [FrameBreak(), self]
        # at least the heading and a part under it: a heading alone, or "continued" alone, would go on page after page
        # (seen in review: a part taller than a page)
        counts = range(len(self._content) - 1, self._keep_first - 1, -1)
        for count in ([self._parting] if self._parting in counts else []) + list(counts):
            first = self._content[:count] + [self._turn_over()]
            if _listWrapOn(first, aW, self.canv)[1] <= aH:
                rest = KeptOnOnePage([self._heading_again(), *self._content[count:]], turn_over=self._turn_over,
                                     heading_again=self._heading_again, flowing=self._flowing)
                if self._then is not None and self._H <= page and not self._then_fits_under(rest, aW, page):
                    return [FrameBreak(), self]
                return [*first, FrameBreak(), rest]
        if not at_top:  # not even its heading and first part fit here
            return [FrameBreak(), self]
        return super().split(aW, aH)  # its heading and first part do not fit a page: reportlab's own split

    def _then_fits_under(self, rest: KeptOnOnePage, aW: float, page: float) -> bool:  # noqa: N803
        rest.wrapOn(self.canv, aW, page)
        self._then.wrapOn(self.canv, aW, page)
        between = rest.getSpaceAfter() + self._then.getSpaceBefore()  # the stop page's heading keeps its room above
        return rest._H + between + self._then._H <= page


class HeadedOnANewPage(KeepTogether):
    """``flowables`` that go on a section (the talk test and the pulse after the effort scale), kept together, under
    the section's heading again (``heading_again()``) where they begin a page. Seen in review: the effort scale
    filled its page, and the talk test and "Taking your pulse" began the next one under no heading."""

    def __init__(self, flowables: list[Flowable], *, heading_again: Callable[[], Flowable],
                 space_before: float = 0) -> None:
        super().__init__(flowables)
        self._heading_again, self._space_before = heading_again, space_before

    def getSpaceBefore(self, content=None) -> float:  # noqa: N802 (reportlab's name): none at the top of a page, where
        return self._space_before  # a Spacer before it would stand, and the page would not count as begun

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is None:
            return super().split(aW, aH)
        if getattr(frame, "_atTop", False):
            return [self._heading_again(), *self._content]
        if self._H > aH:
            return [FrameBreak(), self]  # on the next page, under the heading
        return [Spacer(1, self._space_before), *self._content]  # the parts do not carry the room asked before them


class SaidToGoOn(KeepTogether):
    """A table (the week plan, the effort scale in standard print) under its heading that goes on over a page: it
    begins where its heading (with what goes above the table: ``heading`` may be a list), its column headings and
    ``first_rows`` rows fit with ``turn_over()`` under them (else on the next page, its heading with it), and the rest
    goes on on the next page under ``heading_again()``, above the column headings the table repeats.
    Seen in review: the weeks went on atop a page under their column headings only, as if a new table began. The two
    lines cost 13 of 192 handouts (8 examples, 6 languages, A4 and Letter, both print sizes) a page, with the chart
    drawn shorter where that saves one (ShorterWhereItSaves). (Not the walking log: its heading over each page it goes
    on to made 23 of 48 large-print handouts on A4 a page longer, a week alone on the last; its pages are its grid of
    lines to fill in, the same on every page.)"""

    def __init__(self, heading: Flowable | list[Flowable], table: Table, *, turn_over: Callable[[], Flowable],
                 heading_again: Callable[[], Flowable], first_rows: int = 2) -> None:
        above = heading if isinstance(heading, list) else [heading]
        super().__init__([*above, table])
        self._turn_over, self._heading_again, self._first_rows = turn_over, heading_again, first_rows

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        *above, table = self._content
        if self._H <= aH:
            return [*above, table]
        turn_over = self._turn_over()
        room = aH - _listWrapOn(above, aW, self.canv)[1] - turn_over.wrapOn(self.canv, aW, aH)[1]
        room -= above[-1].getSpaceAfter() + table.getSpaceBefore() + turn_over.getSpaceBefore()
        parts = table.splitOn(self.canv, aW, room)
        if len(parts) == 2 and len(parts[0]._cellvalues) >= table.repeatRows + self._first_rows:
            first, rest = parts
            return [*above, first, turn_over, FrameBreak(),
                    SaidToGoOn(self._heading_again(), rest, turn_over=self._turn_over,
                               heading_again=self._heading_again, first_rows=self._first_rows)]
        frame = getattr(self, "_frame", None)
        if frame is not None and not getattr(frame, "_atTop", False):
            return [FrameBreak(), self]  # on the next page, its heading with it
        return [*above, table]  # not even its first rows fit a page: reportlab's own split


class ShorterWhereItSaves(KeepTogether):
    """A chart and its titles (``made(height)``) kept together, drawn up to ``least`` points shorter where that keeps
    it on the page (its words stay their size): seen in review, the weekly minutes chart missed the foot of the week
    plan's page by about 20 points and took a page of its own, half empty. Where it does take the next page, it goes
    there whole under its section's heading again (``heading_again()``): seen in review, the chart alone atop a page
    under its own small title, its section's heading a page before. (``made(size)`` may take another size that makes
    it shorter: the treadmill picture's width.)"""

    def __init__(self, made: Callable[[float], list[Flowable]], height: float, least: float, *,
                 heading_again: Callable[[], Flowable] | None = None) -> None:
        super().__init__(made(height))
        self._made, self._height, self._least, self._heading_again = made, height, least, heading_again

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H <= aH:
            return list(self._content)  # as tall as it is
        for height in range(int(self._height) - 10, int(self._least) - 1, -10):
            content = self._made(height)
            if _listWrapOn(content, aW, self.canv)[1] <= aH:
                return content
        frame = getattr(self, "_frame", None)
        if self._heading_again is None or frame is None or getattr(frame, "_atTop", False):
            return super().split(aW, aH)
        return [FrameBreak(), HeadedOnANewPage(self._made(self._height), heading_again=self._heading_again)]
