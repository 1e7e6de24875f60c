"""``main.py plan PROFILE.json --pdf OUT.pdf`` as a user runs it."""

from __future__ import annotations

import json
from io import BytesIO

from pypdf import PdfReader

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def write_profile(tmp_path, **changes):
    profile = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    profile.update(changes)
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
    return path


def test_pdf_with_clinician_summary_and_settings(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"clinic_name": "Clinique Émile", "clinician_name": "Dr Νίκος",
                                                    "contact_phone": "+30 210 555 0100", "units": "imperial",
                                                    "emergency_number": "112"}))
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLE), "--pdf", str(out), "--clinician-summary", "--paper", "letter",
                      "--date", "2026-11-21", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Note:" not in result.stderr  # the phone and the ambulance number are both there
    reader = PdfReader(BytesIO(out.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in ("Clinique Émile", "Dr Νίκος", "+30 210 555 0100", "mph", "Clinician summary",
                     "21 November 2026", "Evidence in people", "Ambulance: 112"):
        assert expected in text, expected
    assert round(float(reader.pages[0].mediabox[2])) == 612


def test_same_input_same_bytes(run_main, tmp_path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        assert run_main("plan", str(EXAMPLE), "--pdf", str(out), "--date", "2026-11-21",
                        data_dir=tmp_path / "data").returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_unprintable_name_is_reported_and_nothing_written(run_main, tmp_path) -> None:
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(write_profile(tmp_path, name="សុខា")), "--pdf", str(out), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "cannot print" in result.stderr and "U+179F" in result.stderr
    assert not out.exists() and "Traceback" not in result.stderr


def test_blocked_plan_writes_no_handout(run_main, tmp_path) -> None:
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(write_profile(tmp_path, open_foot_wound=True)), "--pdf", str(out),
                      data_dir=tmp_path / "data")
    assert result.returncode == 3 and not out.exists()
    assert "--pdf: no handout was written: the plan is blocked by screening" in result.stderr


def test_missing_folder_is_a_plain_error_and_nothing_is_saved(run_main, tmp_path) -> None:
    result = run_main("plan", str(EXAMPLE), "--pdf", str(tmp_path / "nowhere" / "h.pdf"), data_dir=tmp_path / "data")
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    saving = run_main("plan", str(EXAMPLE), "--save", "--pdf", str(tmp_path / "nowhere" / "h.pdf"),
                      data_dir=tmp_path / "data")
    assert saving.returncode == 2 and "does not exist" in saving.stderr and "saved" not in saving.stderr
    listed = run_main("plans", "list", "--format", "json", data_dir=tmp_path / "data")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []  # tried again, it is not a second patient


def test_the_handout_in_the_patients_language_with_a_note_for_the_clinician(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLE), "--pdf", str(out), "--language", "vi", "--clinician-summary",
                      data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "Note: The Vietnamese handout has not been reviewed by a qualified medical translator" in result.stderr
    assert "Note: The handout prints without the clinic's phone number" in result.stderr  # no settings yet
    assert "Note: The stop page tells the patient to call an ambulance without giving the number" in result.stderr
    pages = [page.extract_text() for page in PdfReader(out).pages]
    first = next(index for index, page in enumerate(pages) if "Clinician summary" in page)  # in English
    text = " ".join(pages[:first])
    assert "Kế hoạch đi bộ" in text or "máy chạy bộ" in text  # the patient's pages in Vietnamese
    assert "qualified medical translator" not in text  # never on the patient's pages; atop the filed summary
    assert "qualified medical translator" in " ".join(pages[first].split())
    from_profile = tmp_path / "from-profile.pdf"
    result = run_main("plan", str(write_profile(tmp_path, language="zh-hans")), "--pdf", str(from_profile),
                      data_dir=data)
    assert result.returncode == 0 and "Chinese (Simplified) handout has not been reviewed" in result.stderr
    assert "跑步机" in PdfReader(from_profile).pages[0].extract_text()


def test_an_unknown_language_names_the_field_and_the_choices(run_main, tmp_path) -> None:
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLE), "--pdf", str(out), "--language", "tlh", data_dir=tmp_path / "data")
    assert result.returncode == 2 and "--language" in result.stderr and "es (Spanish)" in result.stderr
    result = run_main("plan", str(write_profile(tmp_path, language="tlh")), "--pdf", str(out),
                      data_dir=tmp_path / "data")
    assert result.returncode == 2 and "language" in result.stderr and "zh-Hans" in result.stderr
    assert not out.exists() and "Traceback" not in result.stderr


def test_a_clinic_phone_no_patient_could_dial_is_not_printed_and_is_said(run_main, tmp_path) -> None:
    """Seen in review: "abc" typed into settings.json by hand printed as "Then call the clinic: abc." on every page
    (the dialogs refuse it; a file edited by hand was not checked)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"contact_phone": "abc"}), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLE), "--pdf", str(out), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert 'Note: The clinic phone in Settings, "abc", is not a number a patient could dial' in result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "abc" not in text and "Then call the clinic: ________________________." in text  # a line to write it on


def test_an_ambulance_number_no_patient_could_dial_is_not_printed_and_is_said(run_main, tmp_path) -> None:
    """As the clinic phone: a number edited into settings.json by hand that the dialogs would refuse is not printed,
    and the note says it is set but not printed (seen in review: it said to add one already there)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"contact_phone": "555 0100", "emergency_number": "x"}))
    out = tmp_path / "handout.pdf"
    result = run_main("plan", str(EXAMPLE), "--pdf", str(out), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert 'Note: The ambulance number in Settings, "x", is not a number a patient could dial' in result.stderr
    printed = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Ambulance: ____" in printed and "Ambulance: x" not in printed  # a line to write it on, as where none is set
