"""Treadwell's Qt interface. Holds no clinical logic: it shows what ``core`` computes."""

import sys

if sys.version_info < (3, 12):  # pragma: no branch - depends on the interpreter
    # PySide6 6.12 hands back None, True and False (from void methods, slots and signal emits) without
    # adding a reference, as if they were immortal -- which they are from Python 3.12 on. On 3.11 each
    # such call lowers their count until the interpreter aborts ("none_dealloc", "bool_dealloc"): after
    # a few thousand keystrokes in the editor. Found by tests/ui/test_form_fuzz.py; guarded by
    # tests/ui/test_none_refcount.py. Give the three a count they cannot run out of. Remove once the
    # project requires Python 3.12 or PySide6 fixes it.
    from _ctypes import _SimpleCData  # ctypes' core: ctypes itself would cost the window's first frame 2 ms

    class _ReferenceCount(_SimpleCData):  # ctypes.c_ssize_t: 8 bytes on 64-bit systems, 4 on 32-bit
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    for _singleton in (None, True, False):
        _ReferenceCount.from_address(id(_singleton)).value += 1 << 40
