"""Text fitted to the room the page gives it: a line shortened with … where it must be, at a whole word where it
can be, and table columns wide enough for their longest word, so nothing breaks inside a word."""

from __future__ import annotations

from core.handout.line_breaks import unbreakable
from core.handout.script_text import isolated, text_width

SHORTENED = "…"


def one_line(text: str, room: float, size: float) -> str:
    """``text`` shortened with … to fit one line of ``room`` at ``size`` (a footer: a long name must not run
    into the page number)."""
    return shortened(text, lambda shown: text_width(shown, size) <= room)


def fitted_footer(template: str, name: str, date: str, room: float, *, short: str = "{name}, {date}") -> str:
    """``template`` ({name}, {date}) filled in on one 12 pt line of ``room``; where the whole name does not fit
    it, ``short`` (the name and date alone, in the template's language), as the name is how a loose page finds its
    patient (seen in review: "Plano de esteira para Maria da Conceição…" left out the surname); the name is shortened
    only where even that is too long, in its middle (name_shortened). Both keep their own direction (isolated) in a
    sentence of another."""
    if text_width(template.format(name=name, date=date), 12) > room:
        template = short
    shown = name_shortened(name, lambda shown: text_width(template.format(name=shown, date=date), 12) <= room)
    return template.format(name=isolated(shown), date=isolated(date))


def name_shortened(name: str, fits) -> str:
    """A person's ``name`` whole when it ``fits``, else its first words and its last with … between them ("Maria da
    Conceição … Fernandes"): a family name comes first or last, and either finds the patient's file. A name of one or
    two words (or written without spaces) is shortened at its end (shortened())."""
    if fits(name):
        return name
    words = name.split()
    for count in range(len(words) - 2, 0, -1):
        if fits(shown := " ".join([*words[:count], SHORTENED, words[-1]])):
            return shown
    return shortened(name, fits)


def shortened(text: str, fits) -> str:
    """``text`` whole when it ``fits``, else shortened with …: after its last whole word that fits ("Example
    Patient (diabetic…", not "(diabetic neuropat…"), unless that keeps under two thirds of what cutting
    between letters keeps ("Maria Gonzále…", not "Maria…"; and a script written without spaces)."""
    if fits(text):
        return text
    by_letter = next((shown for end in range(len(text) - 1, 0, -1)
                      if fits(shown := _closed(text[:end].rstrip() + SHORTENED))), SHORTENED)
    words = text.split()
    by_word = next((shown for count in range(len(words) - 1, 0, -1)
                    if fits(shown := _closed(" ".join(words[:count]).rstrip(" ,;:-–(") + SHORTENED))), SHORTENED)
    return by_word if 3 * len(by_word) >= 2 * len(by_letter) else by_letter


def _closed(shown: str) -> str:
    """A bracket the cut left open, closed after the …: "Example Patient (diabetic…)" (seen in review: the open
    bracket read as a mistake, and in an Arabic sentence the unpaired bracket was drawn the wrong way round)."""
    for opening, closing in ("()", "[]"):
        shown += closing * max(0, shown.count(opening) - shown.count(closing))
    return shown


SLACK = 1.0  # a point to spare: a word exactly as wide as its column is wrapped by reportlab's rounding


def fitted_widths(shares: list[float], texts: list[str], width: float, size: float, *, bold: bool = True,
                  padding: float = 8, wanted: list[float] | None = None,
                  headings: list[float] | None = None) -> list[float]:
    """Column widths in proportion to ``shares`` (any positive numbers) of ``width``, but none too narrow for the longest word of its
    ``texts`` at ``size`` (unbreakable(): a word, a number with its brackets), so a heading breaks between words
    and never inside one ("Velocidad" over "e"). A column that needs more takes it from the others, in
    proportion; when the words cannot all fit, the shares stand. ``padding``: the cell's, left and right.
    ``wanted``: a width for each column that it is given too where all of them fit along with the words.
    ``headings``: the least width of each column's heading, where it is at another size (least_width)."""
    least = [least_width(text, size, bold=bold, padding=padding) for text in texts]
    if headings is not None:
        least = [max(pair) for pair in zip(least, headings, strict=True)]
    if wanted and sum(at_least := [max(pair) for pair in zip(least, wanted, strict=True)]) <= width:
        least = at_least
    if sum(least) > width:
        return [width * share / sum(shares) for share in shares]
    fixed: set[int] = set()
    while True:
        free, rest = width - sum(least[i] for i in fixed), sum(s for i, s in enumerate(shares) if i not in fixed)
        widths = [least[i] if i in fixed else free * share / rest for i, share in enumerate(shares)]
        short = {i for i, column in enumerate(widths) if column < least[i]}
        if not short:
            return widths
        fixed |= short


def least_width(text: str, size: float, *, bold: bool = True, padding: float = 8) -> float:
    """The narrowest column that holds each word of ``text`` (unbreakable()) whole at ``size``."""
    return max((text_width(piece, size, bold=bold) for piece in unbreakable(text)), default=0) + padding + SLACK


def lines_needed(text: str, width: float, size: float, *, bold: bool = True, padding: float = 8) -> int:
    """About how many lines ``text`` takes in a column of ``width`` at ``size``: each of its lines ("\\n") wrapped
    between words, as reportlab wraps them (a script written without spaces counts as one word: close enough to
    compare column widths)."""
    room, space, count = width - padding - SLACK, text_width(" ", size, bold=bold), 0
    for line in text.split("\n"):
        used = None
        count += 1
        for word in line.split(" "):
            word_width = text_width(word, size, bold=bold)
            if used is not None and used + space + word_width > room:
                count, used = count + 1, word_width
            else:
                used = word_width if used is None else used + space + word_width
    return count


def fewest_lines(candidates: list[list[float]], rows: list[list[str]], size: float) -> list[float]:
    """Of ``candidates`` (column widths, in order of preference), the first whose ``rows`` take the fewest lines: a
    row as tall as its tallest cell."""
    def lines(widths: list[float]) -> int:
        return sum(max(lines_needed(cell, width, size) for cell, width in zip(row, widths)) for row in rows)

    counted = [lines(widths) for widths in candidates]
    return candidates[counted.index(min(counted))]
