"""User text in message boxes is always shown as typed.

Qt guesses whether a message is rich text; a name such as ``<b>Ann</b><br><br><br>`` would turn a
confirmation into markup that hides its warning. Every message box goes through ``shown_as_typed``:
the text is escaped and its line breaks kept, so Qt displays it literally.
"""

from __future__ import annotations

# html.escape's table, without importing html (and its 2,000 named entities) before the first frame
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escaped(text: str) -> str:
    """``text`` as rich text that shows it literally (html.escape)."""
    return text.translate(_MARKUP)


def shown_as_typed(text: str) -> str:
    return "<p>" + escaped(text).replace("\n", "<br>") + "</p>"
