"""What a signed-in clinician is told when the clinic server refuses a change for a reason the records code does
not expect. Seen by a clinic's tester: a server upgraded by a newer Treadwell while a window was signed in refused a
walk for a new column, and the window showed the server's SQL, with the walk's note in it; a clinician of the
clinicians' group whose rights were lost in a restore was told to GRANT the group they were in already."""

from __future__ import annotations

import datetime as dt

import pytest

from core.plan.session_log import SessionLog
from core.storage.clinic import call_guarded, connect, open_clinic_records
from core.storage.clinic_errors import ClinicServerError, NotAClinician, ServerSchemaTooNew
from tests.storage.helpers import example
from tests.storage.test_clinic_server import admin_url

NOTE = "a private note about the knee"


def _walk(note: str = NOTE) -> SessionLog:
    return SessionLog(date=dt.date.today() - dt.timedelta(days=1), week=1, minutes=10, rpe=12, note=note)


def _walk_refused_after(pg_server, clinic_url: str, statements: list[str], refusal: type) -> tuple:
    """A clinician's walk logged after the administrator ran ``statements``, refused with ``refusal``: (the records
    signed in, the patient's id, what was said)."""
    records = open_clinic_records(clinic_url, lambda etiology: [])
    saved = call_guarded(records.save_plan, *example(), clinician="Dr A")
    with connect(admin_url(pg_server, clinic_url)) as admin:
        for statement in statements:
            admin.execute(statement)
    with pytest.raises(refusal) as caught:
        call_guarded(records.add_session, saved.patient_id, _walk(), clinician="Dr A")
    return records, saved.patient_id, str(caught.value)


def test_a_server_upgraded_meanwhile_is_said_so_never_with_the_records_values(pg_server, clinic_url) -> None:
    records, patient_id, said = _walk_refused_after(pg_server, clinic_url, [  # a newer Treadwell's upgrade
        "insert into treadwell_migrations (name) values ('p099_from_the_future')",
        "alter table sessions add column from_the_future text not null default 'x'",
        "alter table sessions alter column from_the_future drop default"], ServerSchemaTooNew)
    assert said.startswith("The clinic database was set up by a newer Treadwell (p099_from_the_future)"), said
    assert said.endswith("Nothing was changed, and what is on screen is kept.") and NOTE not in said
    assert call_guarded(records.sessions, patient_id) == []  # readable still, and nothing saved
    records.connection.close()


def test_any_other_refusal_is_said_as_the_servers_own_rule(pg_server, clinic_url) -> None:
    records, patient_id, said = _walk_refused_after(pg_server, clinic_url, [  # a check this Treadwell's schema lacks
        "alter table sessions add constraint no_knees check (note not like '%knee%')"], ClinicServerError)
    assert said == ("The clinic database refused this by a rule of its own that this Treadwell does not know (its kind "
                    "is in this workstation's log, for the clinic's IT). Nothing was changed, and what is on screen "
                    "is kept.")
    call_guarded(records.add_session, patient_id, _walk("windy"), clinician="Dr A")  # goes on
    records.connection.close()


def test_a_clinician_whose_groups_rights_were_lost_is_told_to_set_them_up_again(pg_server, clinic_url) -> None:
    records, _, said = _walk_refused_after(pg_server, clinic_url, [  # as a restore without its roles leaves it
        "revoke all on all tables in schema public from treadwell_clinician"], NotAClinician)
    assert "test_clinician is one of Treadwell's clinicians, but the clinic database refused the clinicians" in said
    assert "db init-clinic URL" in said and "GRANT" not in said
    records.connection.close()
    with pytest.raises(NotAClinician, match="db init-clinic URL"):  # and at sign-in
        open_clinic_records(clinic_url, lambda etiology: [])
