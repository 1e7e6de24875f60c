"""Handouts as a use case: from a profile file to a saved PDF, the chain assembled in one place."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Literal

from core.atomic import refuse_protected_output
from core.handout.export import make_handout, render_handout, save_handout
from core.plan.engine import compute_plan
from core.plan.profile import read_profile
from core.settings import Settings
from core.storage.library_sync import studies_of


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
) -> int:
    """From a profile file to a saved handout; returns the page count. Raises ProfileError, HandoutError
    or WriteError, each with a plain message (the window shows them as they are). The records are only
    read, so a read-only window can use it beside the window that holds the data folder."""
    from pypdf import PdfReader

    refuse_protected_output(out_path, data_folder=database_path.parent, inputs=(profile_path,))  # before any work
    profile = read_profile(profile_path)
    studies = studies_of(database_path, profile.etiology)
    plan = compute_plan(profile, studies, settings.plan)
    handout = make_handout(profile, plan, studies, settings, date=date, paper=paper, units=units,
                           clinician_summary=clinician_summary)
    pdf = render_handout(handout)
    save_handout(pdf, out_path, data_folder=database_path.parent, inputs=(profile_path,))
    return len(PdfReader(BytesIO(pdf)).pages)
