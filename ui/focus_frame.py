"""Where the keyboard is, shown: under Fusion (Linux) a text pane, list or table with the keyboard's focus looked
the same as one without it (seen by the keyboard tester). ``framed_on_focus`` gives such a widget a frame in the
highlight colour while it has the focus, through its own style sheet (one for the whole application re-measured
every combo box: "All mechanisms" grew from 215 to 354 px). A table's current cell: ui/current_cell_frame.py.
Part of the first frame (the etiology list): it loads no more of PySide6 than that needs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


FOCUS_FRAME = 2  # pixels


def framed_on_focus(widget: QWidget) -> QWidget:
    """``widget`` (a text pane, list, table or the PDF preview), framed while it has the focus; only that state is
    styled, so the platform's own look is kept otherwise. Returns it, to be used where it is made."""
    meta = widget.metaObject()
    while meta.superClass() is not None and not meta.className().startswith("Q"):  # a Python subclass: its Qt class
        meta = meta.superClass()
    widget.setStyleSheet(f"{meta.className()}:focus {{ border: {FOCUS_FRAME}px solid palette(highlight); }}")
    return widget
