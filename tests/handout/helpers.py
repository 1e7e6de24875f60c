"""Build handouts for tests from the shipped example profiles."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from pypdf import PdfReader

from core.evidence.library import load_library
from core.handout.build import build_handout
from core.handout.model import Handout
from core.plan.engine import compute_plan
from core.plan.profile import PatientProfile, read_profile
from core.resources import resource_path
from core.storage.library_sync import shipped_etiology_entry

STUDIES = load_library().studies
DATE = dt.date(2026, 11, 21)


def example(etiology: str, **changes) -> PatientProfile:
    profile = read_profile(resource_path("examples", "profiles", f"{etiology}.json"))
    return profile.model_copy(update=changes) if changes else profile


def handout_for(profile: PatientProfile, *, summary: bool = False, paper="a4", units="metric", phone="555 0100",
                language: str = "en", ambulance: str = "") -> Handout:
    plan = compute_plan(profile, STUDIES)
    return build_handout(profile, plan, STUDIES, clinician="Dr Grace Okafor", clinic="Riverside Rehab", phone=phone,
                         ambulance=ambulance, date=DATE, paper=paper, units=units, clinician_summary=summary,
                         etiology=shipped_etiology_entry(profile.etiology), language=language)


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with line breaks and repeated spaces folded, for phrase checks across wrapped lines."""
    return " ".join(text.split())


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use, by name: True when its TrueType program is embedded in the file."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[font["/BaseFont"]] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    return fonts
