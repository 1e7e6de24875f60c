"""The clinic self-test on a server with no patient yet asks the server what the role may do rather than save (a save
rolled back used up patient id 1): a role that is not one of Treadwell's clinicians fails, naming what it may not
write."""

from __future__ import annotations

from tests.test_clinic_cli import main_py


def test_the_self_test_on_an_empty_server_names_what_a_role_may_not_save(pg_server, clinic_url, tmp_path) -> None:
    """With no patient to save beside, the self-test asks the server what the role may do: a role that is not one of
    Treadwell's clinicians fails, naming the tables and numberings it may not write (the tables alone passed a role
    half-granted, found in review)."""
    from tests.test_clinic_test_connection import role_that_may_only_read

    role, url = role_that_may_only_read(pg_server, clinic_url)
    result = main_py(tmp_path, "--records", url, "--self-test")
    assert result.returncode != 0
    assert (f"{role} may not save to patients, plans, sessions, audit, meta, patient ids, plan ids, session ids, "
            f"audit entry ids: it is not one of Treadwell's clinicians; the clinic's administrator makes it one in "
            f'psql (GRANT treadwell_clinician TO "{role}";)') in result.stdout + result.stderr
