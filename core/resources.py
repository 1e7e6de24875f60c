"""Find files shipped in ``resources/``, from a source checkout or inside the frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The ``resources/`` folder: beside the code in a checkout, under ``sys._MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return base / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
