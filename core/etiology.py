"""The one registry of etiologies: every list of etiology ids in the product comes from here.

The evidence library, the profile schema, the warning rules and the tests all read these ids;
``tests/test_etiology_registry.py`` fails if any of them drifts from this list.
"""

from __future__ import annotations

from typing import Literal

ETIOLOGY_IDS: tuple[str, ...] = (
    "peripheral-nerve-injury",
    "spinal-cord-injury",
    "diabetic-neuropathy",
    "chemotherapy-neuropathy",
    "post-stroke-pain",
    "parkinsons-pain",
    "multiple-sclerosis-pain",
    "trigeminal-neuropathy",
)

EtiologyId = Literal[ETIOLOGY_IDS]  # type: ignore[valid-type]  # Literal over the registry's tuple
