"""The Help menu: the keys that work in the window, and About. Seen in review: a clinician who works from the keyboard
found F2, F4, Shift+F10 and the step shortcuts only in the README; Help held About alone."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMainWindow, QMenu, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.app_info import APP_NAME
from ui.scrolling import screen_room

# Keys that act inside a step, as the README says them (tests/ui/test_keyboard_focus.py and the views' own tests
# try each); the menus' keys are listed from their actions, so they are never out of step with them.
KEYS_IN_A_STEP = (
    ("Tab, Shift+Tab", "Move to the next or the previous control; the view follows the focus."),
    ("Alt + underlined letter", "Press the button, or open the menu, whose letter is underlined."),
    ("Up, Down", "Step 1, in the filter: move through the etiologies it shows. Step 8, Down in the search: go to "
                 "the patients found."),
    ("Shift+F10, Menu key", "Step 2: the study table's sort menu."),
    ("F2", "Step 4: change the current plan week's days or minutes; Enter keeps you on it."),
    ("F4, Alt+Down", "Step 5: open the calendar of the session's date."),
    ("Enter", "Step 1, in the filter: go on to the chosen etiology's evidence. Step 5: in the form, add the session "
              "(or save the correction); in the log, open the selected session to correct it. Step 8: open the "
              "selected record, or in the search, the one patient it found."),
    ("Escape", "Step 5: cancel a correction; the focus goes back to the session in the log."),
    ("Delete", "Step 5: delete the selected session (you are asked first)."),
    ("Home, End", "Step 7: the handout's first or last page."),
)


def fill_help_menu(window: QMainWindow, menu: QMenu, menus: list[QMenu]) -> QAction:
    """Keyboard shortcuts (F1; the system's help key, Cmd+? on macOS) and About in ``menu``; ``menus``: the window's,
    whose keys the first lists. Returns the About action."""
    keys = QAction("&Keyboard shortcuts", window)
    keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    keys.setObjectName("keysAction")
    keys.triggered.connect(lambda: KeysDialog(menus, window).exec())
    about = QAction(f"&About {APP_NAME}", window)
    about.setObjectName("aboutAction")
    about.triggered.connect(lambda: _about(window))
    menu.addActions([keys, about])
    return about


def _about(window: QWidget) -> None:
    from ui.about_dialog import AboutDialog

    AboutDialog(window).exec()


def menu_keys(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(keys, what they do) of every menu action that has a shortcut, in the menus' order."""
    return [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             f"{_shown(menu.title())} > {_shown(action.text())}")
            for menu in menus for action in menu.actions() if not action.shortcut().isEmpty()]


def _shown(text: str) -> str:
    """A menu's text as it reads: "&Save plan" is "Save plan", "4 Patient && plan" is "4 Patient & plan"."""
    return re.sub("&(.)", r"\1", text)


class KeysDialog(QDialog):
    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: keyboard shortcuts")
        rows = menu_keys(menus) + list(KEYS_IN_A_STEP)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("keysTable")
        self.table.setAccessibleName("Keyboard shortcuts: the keys, and what they do")
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on to Close; the arrows move in the table
        self.table.setWordWrap(True)
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # wrapped rows
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        intro = QLabel("The menus' keys, then the keys that act inside a step.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        room = screen_room(parent)  # never larger than the screen (1366x768 at 150 %)
        self.resize(min(720, room.width() - 16), min(560, room.height() - 40))
        self.table.setFocus()
