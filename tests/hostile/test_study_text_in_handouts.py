"""A clinic study's text can never block a patient's handout (issue 14).

An imported study with a very long word or title, or a character the handout's font (DejaVu Sans) lacks,
made every clinician-summary handout of its etiology fail, and the message blamed the patient's name. Study
text is now shortened to what a cell can hold and printed with a visible U+FFFD for a character the font
lacks; the patient's own name is still refused as before."""

from __future__ import annotations

import pytest

from core.evidence.models import SourceLocation, Study
from core.handout.build import build_handout
from core.handout.export import HandoutError, render_handout
from core.plan.engine import compute_plan
from tests import evidence_factory as make
from tests.handout.helpers import DATE, STUDIES, example, flat, pdf_text

UNSHIPPED = "ሰላምታ"  # Ethiopic: a script no shipped font has (Chinese, Arabic and others print)


def _local(**changes) -> Study:
    study = make.study("local-xu-2020", "Xu", 2020, etiologies=("peripheral-nerve-injury",))
    return study.model_copy(update={"origin": "local", **changes,
                                    "sources": [SourceLocation(review="local-import", location="x.csv, row 2")]})


def _summary_pdf(study: Study, **profile_changes) -> tuple[bytes, object]:
    studies = [*STUDIES, study]
    profile = example("peripheral-nerve-injury", **profile_changes)
    plan = compute_plan(profile, studies)
    assert study.id in plan.evidence  # the clinic's study is behind this plan: it is on the clinician pages
    handout = build_handout(profile, plan, studies, clinician="Dr Grace Okafor", clinic="Riverside Rehab",
                            phone="555 0100", date=DATE, paper="a4", units="metric", clinician_summary=True)
    return render_handout(handout), handout


def _summary_pages(pdf: bytes) -> int:
    pages = [flat(text) for text in pdf_text(pdf)]
    return len(pages) - next(i for i, text in enumerate(pages) if "Clinician summary" in text)


@pytest.mark.parametrize("changes", [
    {"title": "Treadmill" + "a" * 5000},  # one very long word
    {"title": "exercise and pain " * 6000},  # a title of 100,000 characters
    {"model": "M" * 3000, "journal": "J" * 3000, "doi": "10.1000/" + "x" * 3000},
    {"first_author": "Vandermeulen" * 10, "exercise": make.study("x-1", "X", 2020).exercise.model_copy(
        update={"speed_reported": "9" * 3000})},
    {"findings": make.study("x-1", "X", 2020).findings * 400},
])
def test_long_study_text_is_shortened_not_fatal(changes) -> None:
    pdf, handout = _summary_pdf(_local(**changes))
    assert "Clinician summary" in flat(" ".join(pdf_text(pdf)))
    # the summary stays a summary: a page more than with an ordinary study at most (the patient's pages aside)
    assert _summary_pages(pdf) <= _summary_pages(_summary_pdf(_local())[0]) + 1
    assert all(len(row.text) < 1000 and len(row.source) < 200 for row in handout.clinician.studies)
    assert all(len(value) < 200 for row in handout.clinician.dosing for value in row.model_dump().values())


@pytest.mark.parametrize("where", ["title", "model", "marker"])
def test_characters_the_font_lacks_are_shown_replaced(where) -> None:
    study = _local(**{
        "title": {"title": f"{UNSHIPPED} and treadmill running"},
        "model": {"model": f"CCI {UNSHIPPED}"},
        "marker": {"findings": [make.study("x-1", "X", 2020).findings[0].model_copy(update={"marker": f"IL-{UNSHIPPED}"})]},
    }[where])
    pdf, handout = _summary_pdf(study)
    text = flat(" ".join(pdf_text(pdf)))
    assert "\ufffd\ufffd\ufffd\ufffd" in text  # visibly replaced, one mark per character
    assert not any(char in text for char in UNSHIPPED)


def test_control_characters_in_an_old_import_are_replaced_too() -> None:
    pdf, _ = _summary_pdf(_local(title="Bell\x07 and escape\x1b[31m red"))
    assert "Bell\ufffd and escape\ufffd[31m red" in flat(" ".join(pdf_text(pdf)))


def test_the_patient_name_is_still_checked_and_only_the_name_is_blamed() -> None:
    """A name the font cannot print is refused as before; study text never produces that message."""
    with pytest.raises(HandoutError, match="patient's name") as caught:
        _summary_pdf(_local(), name="ሰላ Wang")
    assert "'ሰ' (U+1230), 'ላ' (U+120B)" in str(caught.value)
    pdf, _ = _summary_pdf(_local(title=f"ሰላ {UNSHIPPED}"), name="Ana Wang")  # the same characters in a study: printed
    assert pdf.startswith(b"%PDF")


def test_a_clinic_study_with_bad_text_goes_through_the_command_line(run_main, tmp_path) -> None:
    """End to end: import the study, then print a handout with the clinician summary for that etiology."""
    data = tmp_path / "data"
    studies = tmp_path / "ours.csv"
    studies.write_text(
        "first_author,year,species,model,etiologies,exercise_type,speed_m_per_min,minutes_low,days_per_week,weeks,"
        "protocol,findings,pain_outcome,evidence_level,title\n"
        f"Xu,2020,rat,CCI,peripheral-nerve-injury,treadmill,10,30,5,4,30 min a day,TNF-α:down:neuroinflammation-glia,"
        f"less allodynia,5,{UNSHIPPED}{'a' * 4000}\n", encoding="utf-8")
    imported = run_main("evidence", "import", str(studies), data_dir=data)
    assert imported.returncode == 0, imported.stderr
    profile = str(__import__("core.resources", fromlist=["resource_path"]).resource_path(
        "examples", "profiles", "peripheral-nerve-injury.json"))
    result = run_main("plan", profile, "--pdf", str(tmp_path / "out.pdf"), "--clinician-summary", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    text = flat(" ".join(pdf_text((tmp_path / "out.pdf").read_bytes())))
    assert "\ufffd" in text and "Xu 2020" in text
