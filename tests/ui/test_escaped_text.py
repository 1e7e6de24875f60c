"""No label shows HTML escapes as typed: text escaped for rich text must be shown as rich text (seen in review: a
blocked plan's intensity line read "impairs the heart&#x27;s sympathetic control", as it had no tag to make Qt
take it for rich text)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment, Qt  # QtGui's Qt namespace has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel

from tests.storage.helpers import example
from tests.ui.course_helpers import open_window

ESCAPES = ("&#x27;", "&#39;", "&amp;", "&lt;", "&gt;", "&quot;")


def shown_as_typed(window) -> list[str]:
    """The labels whose text holds an escape that Qt would show as typed (plain text, or auto that is not rich)."""
    found = []
    for label in window.findChildren(QLabel):
        text = label.text()
        if not any(escape in text for escape in ESCAPES):
            continue
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
        if not rich:
            found.append(f"{label.accessibleName() or label.objectName()}: {text[:120]}")
    return found


def test_a_blocked_plan_with_an_apostrophe_reads_as_words_in_every_step(qtbot, data_dir) -> None:
    window = open_window(qtbot, data_dir)
    blocked = example("spinal-cord-injury", sci_level="T4", sci_complete=True, name="O'Brien & Sons")[0]
    window.editor.form.set_profile(blocked)
    QApplication.processEvents()
    assert window.editor.plan is not None and window.editor.plan.blocked
    said = window.editor.panel.warnings  # why heart rate cannot set intensity: once, as a caution
    assert "heart's" in QTextDocumentFragment.fromHtml(said.text()).toPlainText()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert shown_as_typed(window) == [], window.tabs.tabText(index)
