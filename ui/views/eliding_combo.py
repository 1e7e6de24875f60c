"""A combo box that shows its current text whole where it fits, and otherwise cut with an ellipsis and whole in its
tooltip (seen in review: step 4 showed "Chemotherapy-induced peripheral", the rest cut off with no mark)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # on the index, connected first: the form reads the tooltip into the field's description on the same signal
        # (seen in testing: a screen reader heard the etiology just left, as currentTextChanged comes after it)
        self.currentIndexChanged.connect(lambda _index: self.setToolTip(self.currentText()))
        self.currentTextChanged.connect(self.setToolTip)

    def whole_width(self) -> int:
        """The width that shows its longest item whole: the most it needs where a row has room to give it."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        longest = max((self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                             QSize(longest, self.fontMetrics().height()), self).width()

    def shown_text(self) -> str:
        """The current text as drawn: whole, or cut with "…" to the field's width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, field.width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
