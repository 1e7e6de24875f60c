"""The clinic self-test on a server with no patient yet asks the server what the role may do rather than save (a save
rolled back used up patient id 1): a role that is not one of Treadwell's clinicians fails, naming what it may not
write."""

from __future__ import annotations

from tests.test_clinic_cli import main_py


def test_the_self_test_on_an_empty_server_names_what_a_role_may_not_save(pg_server, clinic_url, tmp_path) -> None:
    """With no patient to save beside, the self-test asks the server what the role may do: a role that is not one of
    Treadwell's clinicians fails, naming the tables and numberings it may not write (the tables alone passed a role
    half-granted, found in review)."""
    import uuid

    import psycopg

    from tests.conftest import ADMIN_SECRET

    database = clinic_url.rsplit("/", 1)[1].split("?")[0]
    role = f"bare_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.url(database=database, password=ADMIN_SECRET), autocommit=True) as admin:
        admin.execute(f"create role {role} login password 'bare-secret-1'")
        admin.execute(f"grant usage on schema public to {role}")
        admin.execute(f"grant select on all tables in schema public to {role}")
    result = main_py(tmp_path, "--records", pg_server.url(role, database, "bare-secret-1"), "--self-test")
    assert result.returncode != 0
    assert (f"{role} may not save to patients, plans, sessions, audit, meta, patient ids, plan ids, session ids, "
            f"audit entry ids: it is not one of Treadwell's clinicians; the clinic's administrator makes it one in psql "
            f'(GRANT treadwell_clinician TO "{role}";)') in result.stdout + result.stderr
