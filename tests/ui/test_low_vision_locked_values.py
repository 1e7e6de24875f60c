"""A screening box the etiology ticks and locks is readable at 150 % (seen by the low-vision tester: "Known
cardiovascular, metabolic or renal disease", ticked for painful diabetic neuropathy, was grey on grey, 1.6:1)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window


def _luminance(colour: QColor) -> float:
    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def _contrast(image: QImage, left: int, right: int) -> float:
    """The darkest pixel in columns left..right against the box's background (its top-left pixel)."""
    background = _luminance(image.pixelColor(0, 0))
    darkest = min(_luminance(image.pixelColor(x, y)) for x in range(left, right) for y in range(image.height()))
    return (background + 0.05) / (darkest + 0.05)


def test_a_ticked_locked_screening_box_reads_at_4_5_to_1(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    window.editor.form.set_profile(example("diabetic-neuropathy")[0])
    box: QCheckBox = window.editor.form.checks["known_disease"]
    assert box.isChecked() and not box.isEnabled()
    image = box.grab().toImage()
    ratio = image.devicePixelRatio()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    tick = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    words = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, box)
    assert _contrast(image, int(tick.left() * ratio) + 2, int(tick.right() * ratio) - 1) >= 4.5  # the tick
    assert _contrast(image, int(words.left() * ratio), int(words.right() * ratio)) >= 4.5  # its words
