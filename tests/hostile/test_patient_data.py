"""A recognisable patient name goes through the whole workflow and appears in no log, no leftover
temporary file and no crash report; exports land only where the clinician chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO_ROOT

NAME = "Quillfeather Zbigniewska"
EXAMPLE = REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json"


def files_mentioning(folder, text: str) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and text.encode("utf-8") in path.read_bytes():
            found.append(str(path.relative_to(folder)))
    return found


def test_the_name_stays_in_the_records_and_the_chosen_exports(tmp_path) -> None:
    data, scratch, exports = tmp_path / "data", tmp_path / "tmp", tmp_path / "exports"
    scratch.mkdir()
    exports.mkdir()
    profile = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    profile["name"] = NAME
    profile_path = exports / "profile.json"
    profile_path.write_text(json.dumps(profile), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch)}

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--data-dir", str(data), *args],
                                capture_output=True, text=True, env=env, timeout=120)
        assert not check or result.returncode == 0, result.stderr
        return result

    plan_id = run("plan", str(profile_path), "--save", "--pdf", str(exports / "handout.pdf"),
                  "--clinician-summary").stdout.strip().splitlines()[-1]
    run("plans", "export", plan_id, str(exports / "bundle.json"))
    run("plans", "import", str(exports / "bundle.json"))
    run("db", "backup")
    run("plans", "list", "--search", "quillfeather")
    bad = dict(profile, age="not a number, " + NAME)
    (exports / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    refused = run("plan", str(exports / "bad.json"), check=False)
    assert refused.returncode == 2 and NAME not in refused.stderr  # validation never echoes the value
    crash = subprocess.run(
        [sys.executable, "-c", (
            "import sys; sys.path.insert(0, %r)\n"
            "from core.data_dir import DataDir\nfrom core.logging_setup import configure_logging\n"
            "from core.crash import install_crash_handlers, stderr_reporter\nfrom core.plan.profile import PatientProfile\n"
            "configure_logging(DataDir(__import__('pathlib').Path(%r)).prepare())\n"
            "install_crash_handlers(stderr_reporter)\n"
            "PatientProfile(name=%r, age=%r, resting_hr=70, etiology='diabetic-neuropathy', baseline_walk_min=5, pain_nrs=2)\n"
        ) % (str(REPO_ROOT), str(data), NAME, NAME)], capture_output=True, text=True, env=env, timeout=60)
    assert crash.returncode != 0 and "Unhandled" not in crash.stdout
    assert NAME not in crash.stderr, "a crash report must not carry the patient's name"

    assert files_mentioning(data / "logs", NAME) == []
    assert "Unhandled error" in (data / "logs" / "treadwell.log").read_text(encoding="utf-8")
    assert list(scratch.iterdir()) == []  # no temporary file left behind
    leftovers = [p.name for p in data.rglob("*") if p.name.endswith((".tmp", ".partial", ".restoring"))]
    assert leftovers == []
    holders = files_mentioning(data, NAME)
    assert set(holders) <= {"treadwell.sqlite3", "treadwell.sqlite3-wal"} | {h for h in holders if h.startswith("backups/")}
    assert sorted(p.name for p in exports.iterdir()) == ["bad.json", "bundle.json", "handout.pdf", "profile.json"]


def test_a_failed_export_logs_where_not_what(data_dir) -> None:
    """Clinics name files after patients: a traceback in the log keeps code locations, never messages."""
    import logging

    from core.atomic import WriteError
    from core.handout.export import save_handout
    from core.logging_setup import LOG_FILE_NAME, configure_logging

    handler = configure_logging(data_dir)
    target = data_dir.root.parent / "missing folder" / "Zofia Kowalczyk-Wiśniewska handout.pdf"
    try:
        save_handout(b"%PDF", target, data_folder=data_dir.root)
    except WriteError:
        logging.getLogger("treadwell").exception("background job failed")
    handler.flush()
    log_text = (data_dir.logs_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "background job failed" in log_text and "WriteError" in log_text and "save_handout" in log_text
    assert "Kowalczyk" not in log_text and "missing folder" not in log_text


def test_markup_in_a_name_is_shown_as_typed_in_message_boxes() -> None:
    from PySide6.QtGui import QTextDocument

    from ui.plain_text import shown_as_typed

    name = "<b>Ann</b><br><br><br><br><br><br><font color=white>"
    document = QTextDocument()
    document.setHtml(shown_as_typed(f"Delete {name} with every plan version?\n\nThis cannot be undone."))
    assert document.toPlainText() == f"Delete {name} with every plan version?\n\nThis cannot be undone."


def test_escape_sequences_in_records_are_shown_not_obeyed(run_main, tmp_path) -> None:
    """Imports refuse control characters now, but records written before may hold them: output must show
    them, never let the terminal obey them."""
    import json

    from core.data_dir import DataDir
    from core.storage import evidence_store
    from core.storage.session import open_data
    from tests import evidence_factory as make

    data = DataDir(tmp_path / "data").prepare()
    hostile = make.study("local-evil-2020", "Evil\x1b]0;pwned\x07", 2020, title="Title \x1b[2J\x9b2J cleared")
    with open_data(data) as db:
        evidence_store.add_local_studies(db, [hostile.model_copy(update={"origin": "local"})])
    for args in (("evidence", "--search", "Evil"), ("evidence", "--search", "Evil", "--format", "json")):
        result = run_main(*args, data_dir=data.root)
        assert result.returncode == 0 and "Evil" in result.stdout
        assert "\x1b" not in result.stdout + result.stderr and "\x9b" not in result.stdout + result.stderr
    shown = run_main("evidence", "--search", "Evil", "--format", "json", data_dir=data.root).stdout
    assert json.loads(shown)[0]["first_author"].startswith("Evil\x1b")  # JSON keeps the exact text, escaped


def test_an_unhandled_error_logs_where_not_what(data_dir) -> None:
    import logging
    import sys

    from core.crash import install_crash_handlers
    from core.logging_setup import LOG_FILE_NAME, configure_logging

    handler = configure_logging(data_dir)
    saved_hook = sys.excepthook
    install_crash_handlers(lambda summary, details: None)
    try:
        chosen = data_dir.root.parent / ("Jane " + "Mustermann handout.pdf")  # the code line shows no name
        try:
            open(chosen)  # noqa: SIM115
        except FileNotFoundError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved_hook
    handler.flush()
    text = (data_dir.logs_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Unhandled error" in text and "FileNotFoundError" in text and "Mustermann" not in text
    logging.getLogger().removeHandler(handler)
