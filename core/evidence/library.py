"""Load the curated evidence library shipped in ``resources/evidence`` (storage installs it: core/storage/library_sync.py)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from core.evidence.models import EvidenceLibrary
from core.evidence.shipped import library_bytes


@lru_cache(maxsize=1)
def load_library() -> EvidenceLibrary:
    """Read and validate the library; a broken file raises pydantic's ValidationError naming the field."""
    parts = {name: json.loads(raw.decode("utf-8")) for name, raw in library_bytes().items()}
    return EvidenceLibrary.model_validate(parts)


def library_content_hash() -> str:
    """What the database records when it installs the library: equal hashes, same library."""
    digest = hashlib.sha256()
    for name, raw in sorted(library_bytes().items()):
        digest.update(name.encode() + b"\0" + raw + b"\0")
    return digest.hexdigest()


def etiology_name(etiology: str) -> str:
    """The etiology's name as the evidence library gives it (the one place names are kept); its id where unknown."""
    return next((e.name for e in load_library().etiologies if e.id == etiology), etiology)
