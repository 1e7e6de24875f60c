"""The patient handout: a plain model built from a plan, rendered to a large-print PDF.

HarfBuzz (uharfbuzz) shapes Arabic, Hebrew, Devanagari and Gurmukhi. reportlab imports it as soon as its
TrueType support loads, which would cost every handout about 7 ms, English ones included. reportlab is given
a stand-in module instead, which loads HarfBuzz the first time reportlab uses it: when a text in one of
those scripts is shaped (tests/handout/test_languages.py checks both).
"""

import importlib.util
import sys
import threading
import types

_LOADING = threading.RLock()


class _HarfBuzzOnFirstUse(types.ModuleType):
    """Stands for ``uharfbuzz`` until an attribute is asked for, then hands over to the real module."""

    def __getattr__(self, name: str):
        with _LOADING:  # the preview and an export may shape at the same moment
            spec = self.__dict__["_real_spec"]
            real = sys.modules.get("uharfbuzz")
            if real is None or real is self:
                real = importlib.util.module_from_spec(spec)
                sys.modules["uharfbuzz"] = real  # its own relative imports find their package
                spec.loader.exec_module(real)
        return getattr(real, name)


def _harfbuzz_on_first_use() -> None:
    if "uharfbuzz" in sys.modules:
        return
    spec = importlib.util.find_spec("uharfbuzz")
    if spec is None or spec.loader is None:  # without it, reportlab prints those scripts unshaped
        return
    stand_in = _HarfBuzzOnFirstUse("uharfbuzz")
    stand_in.__dict__.update(_real_spec=spec, __spec__=spec, __path__=list(spec.submodule_search_locations or []),
                             __file__=spec.origin)
    sys.modules["uharfbuzz"] = stand_in


_harfbuzz_on_first_use()
