"""Text in any script, as a flowable: each run of characters in its script's font, shaped where the script
needs it, and right-to-left text in reading order.

Left-to-right text goes to reportlab's Paragraph: plain when it is all in DejaVu (an English handout is
built exactly as before), else with each run in its font (core/handout/fonts.py), HarfBuzz shaping for
Devanagari and Gurmukhi, and line breaks between any two CJK characters.

Text with Arabic or Hebrew in it (or Chinese beside a shaped script), and every paragraph of a right-to-left
handout, is a BidiParagraph.
reportlab's own bidi support needs rlbidi, which is not on PyPI, so this lays the words out itself: words
are broken into lines in reading order (a word wider than the line is cut), each word is shaped by HarfBuzz
(which puts its letters in visual order and joins them; numbers inside it are drawn apart, as written), and
each line's words are placed by the Unicode Bidirectional Algorithm at word level
(https://unicode.org/reports/tr9/): a right-to-left run, numbers among it, reads from the right; a
left-to-right run keeps its order; a value between isolate marks (a name, a phone: core/scripts.py
``isolated``) is one unit, laid out inside in its own direction; a right-to-left paragraph starts at the
right margin, bullet on the right. Known limits: no bracket pairing inside a word run beyond mirroring, and
no Chinese line breaking rules (core/handout/line_breaks.py breaks a table's heading only where Chinese may).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape

from reportlab.lib import textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as reportlab_paragraph

from core.handout.bidi_text import marks_apart, numbers_apart, read_right_to_left, strong_direction
from core.handout.cjk_lines import ChineseParagraph
from core.handout.fonts import BOLD, RTL_SCRIPTS, SHAPED_SCRIPTS, font_for, has_glyph, script_of, shaped_word
from core.scripts import ANY_SCRIPT_CHARACTER, FSI, ISOLATE_STARTS, LRI, PDI, RLI, SCRIPT_FONTS, isolated

# reportlab's CJK wrapping keeps the marks that cannot start a line (Japanese typography's) at the end of the line
# before; Chinese full-width punctuation was not among them (seen in review: a Chinese line began with "："or "，").
for _module in (textsplit, reportlab_paragraph):
    _module.ALL_CANNOT_START += "\uff0c\uff1a\uff1b\uff01\uff1f\u300b\u3009\u201d\u2019\u2026"

__all__ = ["BidiParagraph", "isolated", "paragraph", "runs", "scripts_in", "text_width", "without_isolates"]


def runs(text: str) -> list[tuple[str | None, str]]:
    """``text`` in runs of one script each (None: DejaVu). Spaces, digits and punctuation stay in the run
    around them when its font has them."""
    result: list[tuple[str | None, str]] = []
    for char in text:
        script = script_of(char)
        if script is None and result and result[-1][0] is not None and _neutral(char) \
                and has_glyph(font_for(result[-1][0], bold=False), char):
            script = result[-1][0]
        if result and result[-1][0] == script:
            result[-1] = (script, result[-1][1] + char)
        else:
            result.append((script, char))
    return result


def _neutral(char: str) -> bool:
    """Spaces and punctuation. Digits are not: HarfBuzz would turn them round with the letters of a
    right-to-left run, so they are drawn apart, left to right (BidiParagraph)."""
    return unicodedata.bidirectional(char) in ("WS", "ON", "CS", "ES", "ET", "NSM", "BN", "S") or char.isspace()


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, each run in its script's font (shaping is not counted: close enough
    for deciding what fits)."""
    return sum(stringWidth(part, font_for(script, bold=bold), size) for script, part in runs(without_isolates(text)))


def scripts_in(text: str) -> set[str]:
    if not ANY_SCRIPT_CHARACTER.search(text):
        return set()
    return {script for char in text if (script := script_of(char)) is not None}


def paragraph(text: str, style: ParagraphStyle, *, bullet: str | None = None, rtl: bool = False,
              isolate: bool = False) -> Flowable:
    """``text`` (a line break is "\\n") as a flowable in ``style``. ``rtl``: the handout reads right to left.
    ``isolate``: the text is data (a name, a phone number) that keeps its own direction, from its first
    letter (left to right when it has none: "555 0100" stays as typed), wherever it is placed."""
    scripts = scripts_in(text)
    if not (rtl or isolate or scripts & RTL_SCRIPTS):
        text = without_isolates(text)  # they order right-to-left text only, and print nothing
    if isolate:
        own = strong_direction(text) == "R"
        if rtl or own:
            return BidiParagraph(text, style, bullet=bullet, rtl=own, align_right=rtl)
        rtl = False
    if rtl or scripts & RTL_SCRIPTS or ("han" in scripts and scripts & SHAPED_SCRIPTS):  # reportlab's CJK wrapping
        return BidiParagraph(text, style, bullet=bullet, rtl=rtl)  # does not shape (seen: "शर्मा" in a Chinese footer)
    if not scripts:
        return Paragraph(escape(text, quote=False).replace("\n", "<br/>"), style, bulletText=bullet)
    bold = style.fontName == BOLD
    marked = "".join(f'<font face="{font_for(script, bold=bold)}">{escape(part, quote=False)}</font>'
                     for script, part in runs(text)).replace("\n", "<br/>")
    shaped = scripts & SHAPED_SCRIPTS
    changes: dict = {}
    if shaped:  # reportlab shapes a paragraph whose own font is shapable
        changes.update(shaping=1, fontName=font_for(sorted(shaped)[0], bold=bold))
    if "han" in scripts:
        changes["wordWrap"] = "CJK"
    if changes:
        style = ParagraphStyle(f"{style.name}-{'-'.join(sorted(scripts))}", parent=style, **changes)
    if bold and any(SCRIPT_FONTS[script][1] is None for script in scripts):
        return _SyntheticBold(marked, style, bulletText=bullet)
    return (ChineseParagraph if "han" in scripts else Paragraph)(marked, style, bulletText=bullet)


class _SyntheticBold(ChineseParagraph):  # its wrapping is reportlab's own but in Chinese (ChineseParagraph)
    """A bold paragraph in a script whose font has no bold face (Chinese: a bold CJK font is several megabytes),
    drawn with each letter's outline stroked as well as filled, as browsers embolden such fonts. Seen in testing:
    a Chinese handout's stop signs and headings printed at the weight of the text around them, and only their digits
    stood out."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * SYNTHETIC_BOLD_STROKE)
        canvas._code.append("2 Tr")  # fill, then stroke; restored with the graphics state
        super().draw()
        canvas.restoreState()


SYNTHETIC_BOLD_STROKE = 0.035  # of the font size: the outline's stroke, half of it outside each letter


@dataclass
class _Piece:
    font: str
    text: object  # str, or reportlab's ShapedStr
    width: float


@dataclass
class _Word:
    pieces: list[_Piece]
    width: float
    direction: str  # "L", "R", or "N" (numbers and punctuation: they take the run around them)
    text: str = ""
    isolate: int | None = None  # the inserted value (a name, a phone number) it belongs to
    space_before: bool = True
    index: int = 0  # its place in reading order


_SPACES = re.compile(r"[ \t]+")
_ISOLATES = re.compile(f"([{LRI}{RLI}{FSI}{PDI}])")


def without_isolates(text: str) -> str:
    return _ISOLATES.sub("", text)


def _mirrored(word: _Word) -> _Word:
    """Marks in a right-to-left run: drawn in reverse order, each bracket as its mirror image."""
    pieces = [_Piece(p.font, read_right_to_left(p.text), p.width) for p in reversed(word.pieces)]
    return _Word(pieces, word.width, word.direction, word.text, word.isolate, word.space_before, word.index)


def _in_order(units: list[list[_Word]], base: str, *, isolates: bool = True) -> list[_Word]:
    """``units`` (a word, or an isolated value's words) left to right on the page in a ``base`` run: the bidi algorithm
    at word level. A value takes the direction around it, as a neutral does, and inside, by the same rules, its own
    (seen in review: a footer's "فاطمة الزهراء (Fatima Zahra)" was turned round whole: "Zahra) (Fatima")."""
    kinds = ["N" if isolates and unit[0].isolate is not None else unit[0].direction for unit in units]
    resolved = []
    for index, kind in enumerate(kinds):
        if kind == "N":  # numbers, punctuation and isolated values join a left-to-right run only inside one
            before = next((k for k in reversed(kinds[:index]) if k != "N"), base)
            after = next((k for k in kinds[index + 1:] if k != "N"), base)
            kind = "L" if before == after == "L" else "R"
        resolved.append(kind)
    groups: list[tuple[str, list[list[_Word]]]] = []
    for unit, kind in zip(units, resolved):
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(unit)
        else:
            groups.append((kind, [unit]))
    if base == "R":
        groups.reverse()
    ordered: list[_Word] = []
    for kind, members in groups:
        for unit in (reversed(members) if kind == "R" else members):
            if isolates and unit[0].isolate is not None:
                own = "R" if strong_direction(" ".join(word.text for word in unit)) == "R" else "L"
                ordered += _in_order([[word] for word in unit], own, isolates=False)
                continue
            if kind == "R" and unit[0].direction == "N" and not any(c.isalnum() for c in unit[0].text):
                unit = [_mirrored(unit[0])]  # a bracket read right to left is drawn mirrored
            ordered += unit
    return ordered


def _unspaced_runs(words: list[_Word], room: float) -> list[list[_Word]]:
    """The words in runs that a line break does not part: a word with no space before it stays with the one before
    (seen in review: an Arabic "(" alone at the end of a line, its walk times on the next), unless the run is wider
    than the line."""
    runs_: list[list[_Word]] = []
    for word in words:
        if runs_ and not word.space_before and sum(w.width for w in runs_[-1]) + word.width <= room:
            runs_[-1].append(word)
        else:
            runs_.append([word])
    return runs_


class BidiParagraph(Flowable):
    """A paragraph holding right-to-left text (see the module's docstring). Splits between lines."""

    def __init__(self, text: str, style: ParagraphStyle, *, bullet: str | None = None, rtl: bool = False,
                 align_right: bool | None = None, lines: list[list[_Word]] | None = None, first: bool = True) -> None:
        """``rtl``: the paragraph's base direction; ``align_right`` (default: ``rtl``): it starts at the right."""
        super().__init__()
        self.text, self.style, self.bullet, self.rtl = text, style, bullet, rtl
        self.align_right = rtl if align_right is None else align_right
        self._given_lines = lines
        self._first = first  # the bullet and the space before belong to the first part of a split paragraph
        self._lines: list[list[_Word]] = []
        self._width = 0.0

    # -- layout ---------------------------------------------------------------------------------------

    def _word(self, raw: str, **where) -> _Word:
        bold = self.style.fontName == BOLD
        size = self.style.fontSize
        pieces = []
        direction = strong_direction(raw)
        for script, part in runs(raw):
            font = font_for(script, bold=bold)
            for chunk, is_number in numbers_apart(part) if script in SHAPED_SCRIPTS else [(part, True)]:
                if is_number:  # drawn as written, left to right; in a right-to-left word its marks apart ("1:30)"
                    # in "حوالي 1:30)" closes on the left, seen in review drawn between the number and the word)
                    pieces += [_Piece(font, bit, stringWidth(bit, font, size))
                               for bit in (marks_apart(chunk) if direction == "R" else [chunk])]
                else:
                    shaped = shaped_word(chunk, font, size)
                    pieces.append(_Piece(font, shaped, sum(d.x_advance for d in shaped.__shapeData__) * size / 1000))
        if direction == "R":
            pieces.reverse()  # the runs of a right-to-left word, right to left
            for piece in pieces:  # its brackets and punctuation (in DejaVu) read right to left too
                if isinstance(piece.text, str) and not any(c.isalnum() for c in piece.text):
                    piece.text = read_right_to_left(piece.text)
        return _Word(pieces, sum(piece.width for piece in pieces), direction, raw, **where)

    def _words(self, text: str) -> list[_Word]:
        """The words in reading order. A value inserted between isolate marks (FSI/LRI/RLI ... PDI) keeps its
        own direction and its order as one unit; "word." after it is a word of its own, with no space."""
        words: list[_Word] = []
        isolate, count, gap = None, 0, False
        for segment in _ISOLATES.split(text):
            if segment in ISOLATE_STARTS:
                count += 1
                isolate = count
                continue
            if segment == PDI:
                isolate = None
                continue
            gap = gap or not words or segment[:1] in " \t"
            for number, token in enumerate(_SPACES.split(segment)):  # a no-break space keeps a phone number one word
                if not token:
                    gap = True
                    continue
                for part, raw in enumerate(marks_apart(token) if self.rtl and isolate is None else [token]):
                    words.append(self._word(raw, isolate=isolate, space_before=(gap or number > 0) and not part,
                                            index=len(words)))
                gap = False
            gap = segment[-1:] in (" ", "\t")
        return words

    def _indent(self) -> float:
        return self.style.leftIndent

    def _break(self, width: float) -> list[list[_Word]]:
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        room = width - self._indent() - self.style.rightIndent
        lines: list[list[_Word]] = []
        for text_line in self.text.split("\n"):
            line: list[_Word] = []
            used = 0.0
            for run in _unspaced_runs(self._fitting_words(self._words(text_line), room), room):
                width = sum(word.width for word in run)
                extra = width + (space if line and run[0].space_before else 0)
                if line and used + extra > room:
                    lines.append(line)
                    line, used = list(run), width
                else:
                    line += run
                    used += extra
            lines.append(line)
        return lines

    def _fitting_words(self, words: list[_Word], room: float) -> list[_Word]:
        """A word wider than the line (a long address, a name with no spaces) is cut into parts that fit."""
        fitted: list[_Word] = []
        for word in words:
            if word.width <= room or len(word.text) < 2:
                fitted.append(word)
                continue
            rest, first = word.text, True
            while rest:
                cut = len(rest)
                while cut > 1 and text_width(rest[:cut], self.style.fontSize, bold=self.style.fontName == BOLD) > room:
                    cut -= 1
                fitted.append(self._word(rest[:cut], isolate=word.isolate,
                                         space_before=word.space_before if first else True, index=word.index))
                rest, first = rest[cut:], False
        return fitted

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N802, N803 (reportlab's names)
        if self._given_lines is not None:
            self._lines = self._given_lines
        elif availWidth != self._width or not self._lines:  # a table asks more than once: shape the words once
            self._lines = self._break(availWidth)
        self._width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N802, N803
        self.wrap(availWidth, availHeight)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self._lines):
            return [] if fit <= 0 else [self]
        head = BidiParagraph(self.text, self.style, bullet=self.bullet, rtl=self.rtl, align_right=self.align_right,
                             lines=self._lines[:fit], first=self._first)
        tail = BidiParagraph(self.text, self.style, rtl=self.rtl, align_right=self.align_right,
                             lines=self._lines[fit:], first=False)
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore if self._first else 0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter

    # -- drawing --------------------------------------------------------------------------------------

    def _visual(self, line: list[_Word]) -> list[_Word]:
        """The line's words left to right on the page (_in_order), each isolated value one unit."""
        units: list[list[_Word]] = []
        for word in line:
            if units and word.isolate is not None and units[-1][0].isolate == word.isolate:
                units[-1].append(word)
            else:
                units.append([word])
        return _in_order(units, "R" if self.rtl else "L")

    @staticmethod
    def _gap(left: _Word, right: _Word) -> bool:
        """A space between two words side by side on the page: as in the text when they were next to each
        other there or the first ends an isolated value ("name," after a name turned round), else one."""
        first, second = (left, right) if left.index < right.index else (right, left)
        after_value = first.isolate is not None and second.isolate != first.isolate
        return second.space_before if second.index - first.index == 1 or after_value else True

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        space = stringWidth(" ", style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        y = self.height - style.fontSize
        for number, line in enumerate(self._lines):
            words = self._visual(line)
            gaps = [False] + [self._gap(a, b) for a, b in zip(words, words[1:])]
            width = sum(word.width for word in words) + space * sum(gaps)
            if style.alignment == TA_CENTER:  # in either direction (seen in testing: the chart's axis name sat
                x = (self._width - width) / 2  # flush right in Arabic, under the minutes axis)
            elif self.align_right and (self.rtl or self.bullet is None):  # from the right margin, indent on the right
                x = self._width - self._indent() - width
            elif style.alignment == TA_RIGHT:
                x = self._width - style.rightIndent - width
            else:
                x = self._indent()
            for word, gap in zip(words, gaps):
                x += space if gap else 0
                for piece in word.pieces:
                    text = canvas.beginText(x, y)
                    text.setFont(piece.font, style.fontSize)
                    text.textOut(piece.text)
                    canvas.drawText(text)
                    x += piece.width
            if number == 0 and self._first and self.bullet:
                bullet_width = stringWidth(self.bullet, style.bulletFontName, style.bulletFontSize)
                bx = self._width - style.bulletIndent - bullet_width if self.align_right else style.bulletIndent
                canvas.setFont(style.bulletFontName, style.bulletFontSize)
                canvas.drawString(bx, y, self.bullet)
            y -= style.leading
