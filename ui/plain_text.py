"""User text in message boxes is always shown as typed.

Qt guesses whether a message is rich text; a name such as ``<b>Ann</b><br><br><br>`` would turn a
confirmation into markup that hides its warning. Every message box goes through ``shown_as_typed``:
the text is escaped and its line breaks kept, so Qt displays it literally.
"""

from __future__ import annotations

from html import escape


def shown_as_typed(text: str) -> str:
    return "<p>" + escape(text).replace("\n", "<br>") + "</p>"
