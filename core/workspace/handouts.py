"""Handouts as a use case: from a profile file to a saved PDF, the chain assembled in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from core.atomic import refuse_protected_output
from core.handout import export
from core.handout.export import HANDOUT_PDF, handout_language, notes_for_clinician, save_handout
from core.plan.profile import read_profile
from core.settings import Settings
from core.storage.library_sync import evidence_of
from core.workspace.draft import HandoutRequest, draft_plan

if TYPE_CHECKING:
    from core.workspace.startup import EvidenceOverview

__all__ = ["ExportedHandout", "export_handout_file", "handout_language", "handout_pdf", "notes_for_clinician"]


@dataclass(frozen=True)
class ExportedHandout:
    pages: int
    language: str  # BCP 47


def handout_pdf(request: HandoutRequest, *, date: dt.date, paper: Literal["a4", "letter"] | None = None,
                units: Literal["metric", "imperial"] | None = None, clinician_summary: bool = False,
                language: str | None = None, print_size: Literal["large", "standard"] | None = None) -> bytes:
    """The patient's handout as PDF bytes (the window previews them, the command saves them). Raises
    HandoutError with a plain message. ``language``: else the profile's, else the settings' default."""
    handout = export.make_handout(request.profile, request.plan, request.studies, request.settings,
                                  etiology=request.etiology, date=date,
                                  paper=paper, units=units, clinician_summary=clinician_summary, language=language,
                                  print_size=print_size, start_week=request.start_week,
                                  start_again=request.carry_on.again)
    return export.render_handout(handout)


def export_handout_file(
    profile_path: Path,
    out_path: Path,
    database_path: Path,
    settings: Settings,
    *,
    date: dt.date,
    paper: Literal["a4", "letter"] | None = None,
    units: Literal["metric", "imperial"] | None = None,
    clinician_summary: bool = False,
    language: str | None = None,
    print_size: Literal["large", "standard"] | None = None,
    evidence: EvidenceOverview | None = None,
) -> ExportedHandout:
    """From a profile file to a saved handout; returns its page count and language. Raises ProfileError, HandoutError
    or WriteError, each with a plain message (the window shows them as they are). The records are only
    read, so a read-only window can use it beside the window that holds the data folder. ``evidence``: the
    window's, with the clinic's studies on a clinic workstation (seen in review: the local file's alone, so this
    handout's evidence differed from step 7's for the same profile); without it, the data folder's."""
    from pypdf import PdfReader

    # before any work
    refuse_protected_output(out_path, kind=HANDOUT_PDF, data_folder=database_path.parent, inputs=(profile_path,))
    profile = read_profile(profile_path)
    studies, etiology = evidence.of(profile.etiology) if evidence else evidence_of(database_path, profile.etiology)
    request = HandoutRequest(profile=profile, plan=draft_plan(profile, studies, settings.plan), studies=studies,
                             etiology=etiology, settings=settings)
    used = handout_language(profile.language, settings, language)
    pdf = handout_pdf(request, date=date, paper=paper, units=units, clinician_summary=clinician_summary, language=used,
                      print_size=print_size)
    save_handout(pdf, out_path, data_folder=database_path.parent, inputs=(profile_path,))
    return ExportedHandout(pages=len(PdfReader(BytesIO(pdf)).pages), language=used)
