"""A new version saved from the command line keeps the clinician's changes to weeks, as the window keeps them over a
changed profile (seen by a clinic's tester: week 7 changed to 15 minutes in the window went from the version
`plan --save --patient` saved, and its handout told the patient 16:30), says so, and says which it leaves out."""

from __future__ import annotations

import json

from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "resources" / "examples" / "profiles"


def patient_with_a_changed_week(run_main, data, week: int = 2):
    """Patient 1, version 2 with week ``week`` changed to 20 minutes, as the window saves a week changed by hand."""
    from core.data_dir import DataDir
    from core.plan.overrides import WeekOverride
    from core.workspace.session import open_workspace

    assert run_main("plan", str(EXAMPLES / "parkinsons-pain.json"), "--save", data_dir=data).returncode == 0
    with open_workspace(DataDir(data), write=True) as workspace:
        first = workspace.records.latest_version(1)
        workspace.records.save_plan(first.profile, first.plan, clinician="Dr A", patient_id=1,
                                    overrides=[WeekOverride(week=week, main_min=20)])


def profile_of(tmp_path, **changes) -> str:
    path = tmp_path / "changed.json"
    path.write_text(json.dumps({**json.loads((EXAMPLES / "parkinsons-pain.json").read_text()), **changes}))
    return str(path)


def shown(run_main, data, plan_id: int) -> dict:
    return json.loads(run_main("plans", "show", str(plan_id), "--format", "json", data_dir=data).stdout)


def test_the_changed_week_is_kept_in_the_new_version_and_its_handout(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    patient_with_a_changed_week(run_main, data)
    pdf = tmp_path / "handout.pdf"
    result = run_main("plan", profile_of(tmp_path, weeks=10), "--save", "--patient", "1", "--pdf", str(pdf),
                      data_dir=data)
    assert result.returncode == 0 and result.stdout.strip().splitlines()[-1] == "3", result.stderr
    assert ("Note: version 3 keeps the clinician's changes to week 2 from version 2, as the window keeps them "
            "(--drop-week-changes leaves them out).") in result.stderr
    saved = shown(run_main, data, 3)
    assert [o["week"] for o in saved["overrides"]] == [2] and saved["plan"]["weeks"][1]["main_min"] == 20
    assert len(saved["plan"]["weeks"]) == 10
    from tests.handout.helpers import pdf_text

    assert "20:00" in " ".join(pdf_text(pdf.read_bytes()))  # the patient's week 2 as the clinician set it


def test_kept_through_a_plan_blocked_for_a_day_and_dropped_on_request(run_main, tmp_path) -> None:
    """Seen in review: a version blocked by screening (no weeks) lost the week changes, and the version after it had
    none, without a word."""
    data = tmp_path / "data"
    patient_with_a_changed_week(run_main, data, week=7)
    blocked = run_main("plan", profile_of(tmp_path, resting_bp=[205, 100]), "--save", "--patient", "1", data_dir=data)
    assert blocked.returncode == 3
    assert ("This plan has no week 7 (it is blocked by screening): kept for a later version, they change nothing in "
            "this one.") in blocked.stderr
    assert [o["week"] for o in shown(run_main, data, 3)["overrides"]] == [7]
    again = run_main("plan", profile_of(tmp_path), "--save", "--patient", "1", data_dir=data)
    assert again.returncode == 0 and "keeps the clinician's changes to week 7 from version 3" in again.stderr
    assert shown(run_main, data, 4)["plan"]["weeks"][6]["main_min"] == 20
    data = tmp_path / "other"
    patient_with_a_changed_week(run_main, data)
    dropped = run_main("plan", profile_of(tmp_path, weeks=10), "--save", "--patient", "1", "--drop-week-changes",
                       data_dir=data)
    assert dropped.returncode == 0 and "leaves them out (--drop-week-changes)" in dropped.stderr
    assert shown(run_main, data, 3)["overrides"] == []
    refused = run_main("plan", profile_of(tmp_path), "--drop-week-changes", data_dir=data)
    assert refused.returncode == 2 and refused.stderr.startswith("--drop-week-changes: only used with --save --patient")
