"""Names in any script in the window: the fonts the handout ships (core/scripts.py) are given to Qt and put
behind the window's own font, so a character the system font lacks (Arabic, Hebrew, Devanagari, Gurmukhi,
Chinese) is drawn from them rather than as an empty box, on a clinic workstation with no such fonts
installed. Done once, after the first frame (the 4 MB CJK font is not read before the window shows)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from core.resources import resource_path
from core.scripts import script_font_files

_added: list[str] = []


def add_script_fonts() -> list[str]:
    """Register the script fonts (once) and make them the application font's fallbacks; returns their families."""
    if not _added:
        for name in ["DejaVuSans.ttf", *script_font_files()]:
            ident = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            if ident >= 0:
                _added.extend(family for family in QFontDatabase.applicationFontFamilies(ident) if family not in _added)
        app = QApplication.instance()
        font = app.font()
        font.setFamilies([*font.families(), *(family for family in _added if family not in font.families())])
        app.setFont(font)
    return list(_added)
