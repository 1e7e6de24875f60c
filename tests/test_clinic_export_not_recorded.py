"""On the clinic server, an export whose audit entry the server refuses is said as the file written and the entry not
made, as on a workstation's own records (core/workspace/exports.py). Seen in review: the commands read the server's
records unwrapped, so its error reached the command line's "nothing was changed", the file written unsaid, and `plan
--save --pdf` printed neither the saved plan's notes nor its id."""

from __future__ import annotations

import psycopg

from tests.conftest import ADMIN_SECRET, REPO_ROOT
from tests.test_clinic_cli import main_py

EXAMPLE = str(REPO_ROOT / "resources" / "examples" / "profiles" / "diabetic-neuropathy.json")


def _audit_refused(pg_server, clinic_url: str) -> None:
    """The server refuses every export's audit entry, as a full disk would (SQLSTATE 53100)."""
    admin = pg_server.url(database=clinic_url.rsplit("/", 1)[1], password=ADMIN_SECRET)
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute("create function refuse() returns trigger language plpgsql as $$ begin "
                   "raise exception using errcode = 'disk_full', message = 'could not extend file'; end $$")
        db.execute("create trigger refuse_exports before insert on audit for each row when (new.action = 'export') "
                   "execute function refuse()")


def test_a_clinic_export_written_but_not_recorded_is_said_so(pg_server, clinic_url, tmp_path) -> None:
    assert main_py(tmp_path, "--records", clinic_url, "plan", EXAMPLE, "--save").returncode == 0
    _audit_refused(pg_server, clinic_url)
    report, bundle, handout = tmp_path / "report.pdf", tmp_path / "patient.json", tmp_path / "handout.pdf"
    for out, command in ((report, ["progress", "1", "--pdf", str(report)]),
                         (bundle, ["plans", "export", "1", str(bundle)]),
                         (handout, ["plan", EXAMPLE, "--patient", "1", "--save", "--pdf", str(handout)])):
        done = main_py(tmp_path, "--records", clinic_url, *command)
        assert done.returncode == 1 and out.is_file(), done.stderr
        assert (f"{out} was written, but the audit trail could not record its export: the clinic database did not "
                "confirm it (could not extend file).") in done.stderr, done.stderr
        assert "nothing was changed" not in done.stderr.lower(), done.stderr
    assert done.stdout.splitlines()[-1] == "1"  # plan --save: the saved plan's id all the same
