"""A value the form locked (implied by the etiology or a condition: ui/views/implied_values.py) stays readable. Under
Fusion a disabled box's tick and words were light grey on grey, 1.6:1 at 150 % (seen by the low-vision tester), and a
ticked "Known cardiovascular, metabolic or renal disease" is a screening fact the clinician must see. Its text is
drawn 70 % of the way from the window's colour to the text's, with either palette (light or dark): still lighter
than a value that can be changed, and at least 4.5:1 on the window (WCAG 2.1's minimum for text)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

TOWARDS_TEXT = 0.7


def legible_when_locked(widget: QWidget) -> None:
    palette = widget.palette()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    shade = QColor(*(round(TOWARDS_TEXT * a + (1 - TOWARDS_TEXT) * b)
                     for a, b in zip(text.getRgb()[:3], window.getRgb()[:3])))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, shade)
    widget.setPalette(palette)
