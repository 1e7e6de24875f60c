"""A handout exported from a profile file (File > Export handout from a profile file) uses the window's evidence:
on a clinic workstation the clinic's studies too, as step 7 and the plan command do."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from core.evidence.library import load_library
from core.settings import Settings
from core.workspace.handouts import export_handout_file
from core.workspace.startup import EvidenceOverview
from tests.conftest import REPO_ROOT

PROFILE = REPO_ROOT / "resources/examples/profiles/peripheral-nerve-injury.json"


def _summary_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_the_export_from_a_profile_file_takes_the_windows_evidence(tmp_path) -> None:
    """Seen in review: it read the local file's studies alone, so on a clinic workstation its evidence differed from
    step 7's for the same profile."""
    library = load_library()
    local = tmp_path / "local.pdf"
    export_handout_file(PROFILE, local, tmp_path / "data" / "treadwell.db", Settings(), date=dt.date(2026, 11, 30),
                        clinician_summary=True)
    assert "Chen 2012" in _summary_text(local)
    without_chen = EvidenceOverview(library_version="test", study_count=0, etiologies=[],
                                    studies=[study for study in library.studies if study.id != "chen-2012"])
    window = tmp_path / "window.pdf"
    export_handout_file(PROFILE, window, tmp_path / "data" / "treadwell.db", Settings(), date=dt.date(2026, 11, 30),
                        clinician_summary=True, evidence=without_chen)
    assert "Chen 2012" not in _summary_text(window)
