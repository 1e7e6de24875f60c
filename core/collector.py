"""How often Python's cyclic garbage collector runs in a Treadwell process.

Start-up and a command are mostly loading: modules, pydantic's validators and reportlab's fonts, all of
which live until the process ends. With Python's default (a collection every 700 new container objects)
the collector walks those objects again and again while they load; the first frame and the handout
command spent about a tenth of their time there (docs/performance.md, session 11). Reference counting
still frees everything that is not in a cycle at once; cycles wait longer. Python counts the older generations'
thresholds in collections of the younger one, so every generation is collected about 14 times less often (a full
collection after about a million new objects instead of 70,000): still many times in a day of the window.
"""

from __future__ import annotations

import gc

# Young objects between collections: Python's default is 700. Peak memory of the handout command is the
# same within 2 % (59 against 61 MB, /usr/bin/time).
THRESHOLD = 10_000


def collect_less_often() -> None:
    """For the whole process, the window's included (the older generations' own thresholds stay as they are)."""
    gc.set_threshold(THRESHOLD, *gc.get_threshold()[1:])


def skip_final_collection() -> None:
    """After a command's work is done: the interpreter's last collection at exit would walk every object
    still loaded (about 35 ms for the handout command) only to find the modules it is about to drop.
    Not for the window: a Qt object in a cycle must still be collected so its C++ side is destroyed."""
    gc.freeze()
