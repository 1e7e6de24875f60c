"""plans export names the patient as the bundle does, by their newest version's name, whichever version's plan id is
given (seen by a helper: "Exported zoe agnes MULLER" for version 1, the patient renamed in version 2 and the bundle
holding the new name)."""

from __future__ import annotations

import json

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def test_the_export_names_the_patient_by_their_newest_name(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    profile = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for name, extra in (("zoe agnes MULLER", []), ("Zoe Agnes Muller-Schmidt", ["--patient", "1", "--same-patient"])):
        path = tmp_path / "p.json"
        path.write_text(json.dumps({**profile, "name": name}), encoding="utf-8")
        saved = run_main("plan", str(path), "--save", *extra, data_dir=data)
        assert saved.returncode == 0, saved.stderr
    exported = run_main("plans", "export", "1", str(tmp_path / "b.json"), data_dir=data)
    assert exported.stdout.startswith("Exported Zoe Agnes Muller-Schmidt (patient 1; plan 1 is their version 1)"), (
        exported.stdout, exported.stderr)
    again = run_main("plans", "export", "1", str(tmp_path / "c.json"), "--format", "json", data_dir=data)
    assert json.loads(again.stdout)["name"] == "Zoe Agnes Muller-Schmidt"
