"""Settings > Test connection says whether the sign-in may save, not only that it signed in (seen in a clinic's try:
a role granted only SELECT on the records passed the test, then every save was refused)."""

from __future__ import annotations

import uuid

from core.workspace.clinic import test_connection as tried_sign_in


def test_a_clinician_is_said_connected_with_nothing_more(clinic_url) -> None:
    said = tried_sign_in(clinic_url)
    assert said.startswith("Connected to ") and said.endswith("as test_clinician; 0 patients on the server."), said


def role_that_may_only_read(pg_server, clinic_url: str) -> tuple[str, str]:
    """A role of the server granted only SELECT on the clinic's records, not one of Treadwell's clinicians: its name,
    and the URL it signs in with."""
    import psycopg

    from tests.conftest import ADMIN_SECRET

    database = clinic_url.rsplit("/", 1)[1].split("?")[0]
    role = f"reader_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.url(database=database, password=ADMIN_SECRET), autocommit=True) as admin:
        admin.execute(f"create role {role} login password 'reader-secret-1'")
        admin.execute(f"grant usage on schema public to {role}")
        admin.execute(f"grant select on all tables in schema public to {role}")
    return role, pg_server.url(role, database, "reader-secret-1")


def test_a_role_that_may_only_read_is_told_so_and_how_it_is_made_a_clinician(pg_server, clinic_url) -> None:
    role, url = role_that_may_only_read(pg_server, clinic_url)
    said = tried_sign_in(url)
    assert f"as {role}; 0 patients on the server. But it may not save to patients, plans, sessions, audit, meta, " \
           "patient ids, plan ids, session ids, audit entry ids, so no plan or walk could be saved. " in said, said
    assert said.endswith(f"{role} is not one of Treadwell's clinicians: the clinic's administrator makes it one in "
                         f'psql (GRANT treadwell_clinician TO "{role}";), or gives the clinician a sign-in of their '
                         "own (uv run main.py db add-clinician URL NAME)."), said
