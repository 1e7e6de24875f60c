"""Simple drawings for the patient's pages, as vectors: a person on a treadmill with the safety cord clipped on,
holding the handrails where the plan asks for them, and the effort scale with the patient's target marked.

They carry no words, only numbers and numbered markers: what they show is said beside them in the patient's
language (the captions are paragraphs), so a drawing never needs translating. Shapes are thick and dark,
and nothing is told by colour alone (the target is outlined and pointed at, not only shaded).
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from core.handout.fonts import BOLD, REGULAR

INK = colors.HexColor("#222222")
FAR_INK = colors.HexColor("#5A5A5A")
MACHINE = colors.HexColor("#6B6B6B")
BELT = colors.HexColor("#3A3A3A")
STOP_RED = colors.HexColor("#C62828")
MARKER = colors.HexColor("#0B4F8A")
GRID = colors.HexColor("#555555")  # table rules
HEADER_FILL = colors.HexColor("#DCE8F2")  # table headings
# Light tints with black text, also used by the effort scale's table: distinct when printed in grey too.
LIGHT_FILL = colors.HexColor("#EAF2E3")
MODERATE_FILL = colors.HexColor("#FFF1C9")
NUMBER_SIZE = 16  # the numbers a patient reads in a drawing, at the large-print size
TREADMILL_WIDTH = 300  # the treadmill's drawing, in its own points: drawn smaller, its numbers are smaller too


def _marker(drawing: Drawing, x: float, y: float, number: int) -> None:
    """A numbered disc the captions refer to ("1 Hold the handrails")."""
    drawing.add(Circle(x, y, 12, fillColor=MARKER, strokeColor=None))
    drawing.add(String(x, y - 6, str(number), fontName=BOLD, fontSize=NUMBER_SIZE, fillColor=colors.white,
                       textAnchor="middle"))


def treadmill_drawing(width: float, *, handrails: bool) -> Drawing:
    """A person walking on a treadmill with the safety cord running from a clip at the waist to the stop key on
    the console and, when ``handrails``, both hands on the handrail (marker 1, the clip then marker 2); without,
    the arms swing free of the rail and the clip is marker 1. Seen from the side, drawn 300 points wide and
    scaled to ``width``. The key and the clip are red with thick black outlines and the cord is dark, so they
    still stand out printed in grey."""
    scale = width / TREADMILL_WIDTH
    drawing = Drawing(TREADMILL_WIDTH * scale, 190 * scale, initialFontName=REGULAR, initialFontSize=NUMBER_SIZE)
    drawing.scale(scale, scale)
    x0 = 10.0
    # the machine: deck and belt, rollers, the upright and console at the front (right), the side handrail
    drawing.add(Rect(x0, 14, 250, 22, rx=8, ry=8, fillColor=MACHINE, strokeColor=INK, strokeWidth=2))
    drawing.add(Rect(x0 + 8, 30, 234, 8, fillColor=BELT, strokeColor=None))
    for x in (x0 + 14, x0 + 236):
        drawing.add(Circle(x, 25, 6, fillColor=colors.white, strokeColor=INK, strokeWidth=1.5))
    drawing.add(Line(x0 + 236, 36, x0 + 226, 150, strokeColor=MACHINE, strokeWidth=9))
    drawing.add(Rect(x0 + 196, 146, 64, 26, rx=4, ry=4, fillColor=MACHINE, strokeColor=INK, strokeWidth=2))
    drawing.add(Line(x0 + 126, 118, x0 + 232, 118, strokeColor=INK, strokeWidth=7, strokeLineCap=1))
    # the person, facing the console: legs mid-stride, upright body
    hip, shoulder, head = (x0 + 112, 96), (x0 + 116, 146), (x0 + 118, 166)
    body = dict(strokeColor=INK, strokeWidth=6, strokeLineCap=1, strokeLineJoin=1)
    drawing.add(PolyLine([*hip, x0 + 100, 68, x0 + 92, 40, x0 + 104, 40], **body))  # back leg and foot
    drawing.add(PolyLine([*hip, x0 + 126, 68, x0 + 130, 40, x0 + 144, 40], **body))  # front leg and foot
    drawing.add(Line(*hip, *shoulder, **body))
    drawing.add(Circle(*head, 12, fillColor=colors.white, strokeColor=INK, strokeWidth=4))
    far_arm = dict(body, strokeColor=FAR_INK, strokeWidth=5)  # the arm on the far side, behind the body
    if handrails:  # both arms forward to the rail
        arms = ((far_arm, (x0 + 140, 138), (x0 + 172, 121)), (body, (x0 + 128, 124), (x0 + 150, 121)))
    else:  # walking arms, bent at the elbow: the far one forward, the near one back, neither at the rail
        arms = ((far_arm, (x0 + 128, 125), (x0 + 146, 136)), (body, (x0 + 101, 125), (x0 + 95, 104)))
    for arm, elbow, hand in arms:
        drawing.add(PolyLine([*shoulder, *elbow, *hand], **arm))
        drawing.add(Circle(*hand, 5, fillColor=arm["strokeColor"], strokeColor=None))
    if handrails:
        drawing.add(Circle(x0 + 159, 121, 19, fillColor=None, strokeColor=MARKER, strokeWidth=3))
        _marker(drawing, x0 + 165, 160, 1)
    key = (x0 + 214, 159)
    waist = (x0 + 122, 100)
    drawing.add(PolyLine([*waist, x0 + 150, 90, x0 + 185, 100, x0 + 203, 128, *key], strokeColor=INK,
                         strokeWidth=3, strokeDashArray=[6, 3], strokeLineJoin=1))
    drawing.add(Rect(waist[0] - 7, waist[1] - 8, 14, 16, fillColor=STOP_RED, strokeColor=INK, strokeWidth=3))
    drawing.add(Circle(*key, 10, fillColor=STOP_RED, strokeColor=INK, strokeWidth=3))
    drawing.add(Circle(*key, 3, fillColor=colors.white, strokeColor=None))
    drawing.add(Circle(*waist, 17, fillColor=None, strokeColor=MARKER, strokeWidth=3))
    if handrails:
        _marker(drawing, waist[0] - 40, waist[1], 2)
    else:  # clear of the hand swinging back and of the front leg, close enough to read as the clip's (seen in
        _marker(drawing, waist[0] + 24, waist[1] - 28, 1)  # review: further off, it read as the legs')
    return drawing


def effort_scale_drawing(width: float, target: tuple[int, int], light: tuple[int, int] | None = None, *,
                         rtl: bool = False) -> Drawing:
    """The 6-20 effort scale as a row of numbered boxes. The target range is outlined and pointed at from
    above; the light range, when the plan starts light, is shaded with a thinner outline. Right to left
    when the patient's language reads that way."""
    levels = list(range(6, 21))
    height = 78.0
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=NUMBER_SIZE)
    box = (width - 4) / len(levels)
    bottom = 8.0

    def left_of(level: int) -> float:
        index = levels.index(level)
        return 2 + box * (len(levels) - 1 - index if rtl else index)

    for level in levels:
        in_target = target[0] <= level <= target[1]
        in_light = light is not None and light[0] <= level <= light[1]
        fill = MODERATE_FILL if in_target else LIGHT_FILL if in_light else colors.white
        drawing.add(Rect(left_of(level), bottom, box, 34, fillColor=fill, strokeColor=MACHINE, strokeWidth=1))
        drawing.add(String(left_of(level) + box / 2, bottom + 11, str(level), fontName=BOLD if in_target else REGULAR,
                           fontSize=NUMBER_SIZE, fillColor=INK, textAnchor="middle"))
    for span, stroke in ((light, 2), (target, 4)):
        if span is None:
            continue
        lefts = [left_of(level) for level in range(span[0], span[1] + 1)]
        drawing.add(Rect(min(lefts), bottom, max(lefts) + box - min(lefts), 34, fillColor=None, strokeColor=INK,
                         strokeWidth=stroke))
    middle = (min(left_of(target[0]), left_of(target[1])) + max(left_of(target[0]), left_of(target[1])) + box) / 2
    drawing.add(Polygon([middle - 10, bottom + 56, middle + 10, bottom + 56, middle, bottom + 40],
                        fillColor=INK, strokeColor=None))
    drawing.add(Line(middle, bottom + 56, middle, bottom + 68, strokeColor=INK, strokeWidth=4))
    return drawing
