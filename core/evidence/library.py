"""Load the curated evidence library shipped in ``resources/evidence``."""

from __future__ import annotations

import json
from functools import lru_cache

from core.evidence.models import EvidenceLibrary
from core.resources import resource_path

LIBRARY_FILES = ("manifest", "etiologies", "mechanisms", "studies")


@lru_cache(maxsize=1)
def load_library() -> EvidenceLibrary:
    """Read and validate the library; a broken file raises pydantic's ValidationError naming the field."""
    folder = resource_path("evidence")
    parts = {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8")) for name in LIBRARY_FILES}
    return EvidenceLibrary.model_validate(parts)
