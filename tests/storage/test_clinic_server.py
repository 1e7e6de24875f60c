"""The clinic server on a real (throwaway) PostgreSQL: setting it up twice, what a clinician's role may
and may not do, the audit's signed-in role, and plain sentences for a wrong password or a newer server.
The records contract (tests/contract) runs on it too."""

from __future__ import annotations

import json
import re

import psycopg
import pytest

from core.plan.session_log import SessionLog
from core.settings import Settings
from core.storage.clinic import (
    ClinicServerError, add_clinician, call_guarded, connect, init_clinic, open_clinic_records,
)
from core.storage.clinic_errors import (
    NotAClinician, PasswordRefused, RoleDisabled, ServerNotSetUp, ServerSchemaTooNew, ServerUnanswered,
)
from tests.conftest import ADMIN_SECRET, CLINICIAN_SECRET, clinic_before
from tests.pg_server import free_port
from tests.storage.helpers import example


def admin_url(pg_server, clinic_url: str) -> str:
    return pg_server.url(database=clinic_url.rsplit("/", 1)[1], password=ADMIN_SECRET)


def test_both_engines_follow_one_versioned_list() -> None:
    """The server starts at schema 5 (the first with stable ids); from there its migrations are SQLite's."""
    from core.storage import pg_schema
    from core.storage.schema import known_migrations

    assert [name for name, _ in pg_schema.MIGRATIONS] == known_migrations()[4:]


def test_names_saved_before_m013_are_folded_again_by_the_upgrade(pg_server) -> None:
    """A server set up to m012, with patients saved by that Treadwell (apostrophes kept in the folded name);
    the upgrade folds each name again, so O'Connor finds O’Connor, by the trigram and the letter-pair indexes."""
    from core.storage.legacy_ids import folded_as_before_m013

    url, applied = clinic_before(pg_server, "m013_names_fold_apostrophes")
    assert applied[-1] == "applied m012_session_stiffness"
    with connect(url) as admin:
        for uid, patient in (("p1", "Niamh O’Connor"), ("p2", "Ana Smith‐Jones"), ("p3", "Bo Lund")):
            admin.execute("insert into patients (uid, name, name_folded, etiology, created_at, updated_at) values "
                          "(%s, %s, %s, 'peripheral-nerve-injury', '2026-11-01', '2026-11-01')",
                          [uid, patient, folded_as_before_m013(patient)])
        assert admin.execute("select count(*) from patients where name_folded like '%%oconnor%%'").fetchone()[0] == 0
    assert init_clinic(url)[:2] == ["applied m013_names_fold_apostrophes", "applied m014_audit_kept"]
    with connect(url) as admin:
        folded = dict(admin.execute("select uid, name_folded from patients").fetchall())
        assert folded == {"p1": "niamh oconnor", "p2": "ana smith-jones", "p3": "bo lund"}
        assert admin.execute("select uid from patients where name_bigrams @> array['oc']").fetchall() == [("p1",)]


def test_setting_up_twice_changes_nothing(pg_server, clinic_url) -> None:
    assert init_clinic(admin_url(pg_server, clinic_url)) == ["the clinic database is up to date; nothing to do"]
    assert add_clinician(admin_url(pg_server, clinic_url), "test_clinician", CLINICIAN_SECRET).startswith("Updated")


def test_a_clinician_cannot_alter_drop_or_rewrite_the_audit(pg_server, clinic_url) -> None:
    store = open_clinic_records(clinic_url, lambda etiology: [])
    saved = store.save_plan(*example(), clinician="Dr A")
    with connect(clinic_url) as connection:
        for statement in ("drop table audit", "alter table patients add column x text", "delete from audit",
                          "update audit set action = 'print'", "truncate audit", "create table mine (x int)",
                          "delete from clinic_studies", "update clinic_studies set study_json = '{}'",
                          "drop table clinic_studies"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
        # a row claiming another role is signed with the role that really signed in
        connection.execute("insert into audit (at, action, record_type, record_id, clinician, db_role) "
                           "values ('2026-11-30T10:00:00+00:00', 'print', 'plan', %s, 'Dr B', 'treadwell_admin')",
                           [saved.id])
        roles = {row[0] for row in connection.execute("select db_role from audit")}
        # its one granted update clears a deleted patient's kept session values; it cannot write others there,
        # nor clear a living patient's (an import would then bring a deleted walk back)
        with pytest.raises(psycopg.errors.RaiseException, match="kept as written"):
            connection.execute("update audit set before_json = '{\"minutes\": 60}'")
    assert roles == {"test_clinician"}
    with connect(clinic_url) as connection:  # a saved plan version is kept as saved (m015)
        for statement in ("update plans set created_by = 'samuel_lee'", "update plans set plan_json = '{}'"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    with connect(admin_url(pg_server, clinic_url)) as connection, pytest.raises(psycopg.errors.RaiseException,
                                                                                 match="kept as saved"):
        connection.execute("update plans set created_by = 'samuel_lee'")  # not even the administrator
    session = store.add_session(saved.patient_id, SessionLog(date=saved.saved_on, week=1, minutes=10, rpe=12),
                                clinician="Dr A")
    store.delete_session(session.id, clinician="Dr A")
    with connect(clinic_url) as connection, pytest.raises(psycopg.errors.RaiseException, match="kept as written"):
        connection.execute("update audit set before_json = null where before_json is not null")
    store.delete_patient(saved.patient_id, clinician="Dr A")  # now they may go, and each row keeps its signer
    with connect(clinic_url) as connection:
        kept = connection.execute("select record_type, before_json from audit where before_json is not null").fetchall()
        assert [(kind, set(json.loads(before))) for kind, before in kept] == [("patient", {"uid"})]  # their bundle id
        assert {row[0] for row in connection.execute("select db_role from audit")} == {"test_clinician"}
    store.connection.close()


def test_with_no_name_in_settings_the_sign_in_role_is_who_saved(clinic_url) -> None:
    """Another workstation's "saved meanwhile" box read "saved by unnamed clinician": the server knows the role."""
    store = open_clinic_records(clinic_url, lambda etiology: [])
    saved = store.save_plan(*example(), clinician=Settings().clinician)
    store.add_session(saved.patient_id, SessionLog(date=saved.saved_on, week=1, minutes=10, rpe=12, pain_during=2),
                      clinician=Settings().clinician)
    assert store.get_plan(saved.id).created_by == "test_clinician"
    assert {event.clinician for event in store.audit_trail()} == {"test_clinician"}
    named = store.save_plan(*example(name="Named Patient"), clinician="Dr. Test Clinician")
    assert named.created_by == "Dr. Test Clinician"  # a name in Settings is kept as typed, where it is the role's
    # seen in review: someone else signed in on this workstation was shown as the name in its Settings
    other = store.save_plan(*example(name="Other Patient"), clinician="Dr A")
    assert other.created_by == "Dr A (test_clinician)"
    store.add_session(other.patient_id, SessionLog(date=other.saved_on, week=1, minutes=10, rpe=12), clinician="Dr A")
    assert store.audit_trail()[0].clinician == "Dr A (test_clinician)"
    # whole words: the role's letters inside other words are another person's name; and never longer than a bundle
    # keeps a version's author (120 characters), so the patient still exports
    assert store.save_plan(*example(name="Third Patient"), clinician="Atest Clinicians").created_by == \
        "Atest Clinicians (test_clinician)"
    long = store.save_plan(*example(name="Fourth Patient"), clinician="Dr " + "Name " * 23 + "End")
    assert len(long.created_by) <= 120 and long.created_by.endswith("… (test_clinician)")
    assert store.export_patient(long.id)
    store.connection.close()


def test_a_wrong_password_or_no_server_is_one_plain_sentence(pg_server, clinic_url) -> None:
    wrong = clinic_url.replace(CLINICIAN_SECRET, "not-the-password")
    with pytest.raises(ClinicServerError) as caught:
        open_clinic_records(wrong, lambda etiology: [])
    message = str(caught.value)
    assert "\n" not in message and "not-the-password" not in message
    assert "did not accept the password of test_clinician" in message and "db add-clinician" in message
    assert isinstance(caught.value, PasswordRefused)  # the window asks for it
    with pytest.raises(ClinicServerError, match="cannot be reached"):
        connect(f"postgresql://test_clinician@127.0.0.1:{free_port()}/none")  # nothing listens there
    mistyped = clinic_url.rsplit("/", 1)[0] + "/treadwel"  # seen by a clinic's tester: read as a server problem
    with pytest.raises(ClinicServerError, match="does not exist on that server .* check the name; .* createdb"):
        connect(mistyped)
    with pytest.raises(ClinicServerError, match="not valid"):
        connect("postgresql://[not a host")


def test_a_server_set_up_by_a_newer_treadwell_is_not_written_to(pg_server, clinic_url) -> None:
    with connect(admin_url(pg_server, clinic_url)) as admin:
        admin.execute("insert into treadwell_migrations (name) values ('p099_from_the_future')")
    with pytest.raises(ServerSchemaTooNew, match="newer Treadwell .*p099_from_the_future"):
        open_clinic_records(clinic_url, lambda etiology: [])


def test_a_database_not_set_up_says_how_to(pg_server) -> None:
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute("create database not_set_up")
    with pytest.raises(ServerNotSetUp, match="db init-clinic"):
        open_clinic_records(pg_server.url(database="not_set_up", password=ADMIN_SECRET), lambda etiology: [])


@pytest.mark.parametrize(("name", "password", "named"), [("Grace Okafor", "long-enough-secret", "NAME"),
                                                          ("grace", "short", "password")])
def test_a_bad_clinician_name_or_password_is_refused(pg_server, clinic_url, name, password, named) -> None:
    with pytest.raises(ClinicServerError, match=named):
        add_clinician(admin_url(pg_server, clinic_url), name, password)


def test_the_password_never_reaches_the_server_in_clear_text(pg_server, clinic_url) -> None:
    add_clinician(admin_url(pg_server, clinic_url), "second_clinician", "a-secret-of-sixteen")
    log = (pg_server.folder / "server.log").read_text(errors="replace") if (pg_server.folder / "server.log").exists() \
        else ""
    assert "a-secret-of-sixteen" not in log
    with connect(admin_url(pg_server, clinic_url)) as admin:
        stored = admin.execute("select rolpassword from pg_authid where rolname = 'second_clinician'").fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$")


@pytest.mark.skipif(__import__("shutil").which("openssl") is None, reason="openssl is not installed (it makes the "
                    "test certificates)")
def test_a_tls_only_server_is_reached_with_verify_full_and_nothing_less() -> None:
    from tests.pg_server import SKIP_REASON, server_programs, start_server

    if server_programs() is None:
        pytest.skip(SKIP_REASON)
    server = start_server(tls=True)
    try:
        ca = server.folder / "ca.crt"
        base = f"postgresql://treadwell_admin:{ADMIN_SECRET}@localhost:{server.port}/postgres"
        with connect(f"{base}?sslmode=verify-full&sslrootcert={ca}") as connection:
            in_use = connection.execute("select ssl, version from pg_stat_ssl where pid = pg_backend_pid()").fetchone()
        assert in_use[0] is True and in_use[1].startswith("TLS")
        # the server refuses a connection without TLS, and the client a server it cannot verify: said so, and not
        # taken for a server that does not answer (the window would ask again every 10 seconds)
        untrusted = f"{base}?sslmode=verify-full&sslrootcert={server.folder / 'server.crt'}"
        for address in (f"{base}?sslmode=disable", untrusted):
            with pytest.raises(ClinicServerError, match="refused this workstation's connection") as refused:
                connect(address)
            assert not isinstance(refused.value, ServerUnanswered)
    finally:
        server.stop()


@pytest.mark.parametrize("taken", ["treadwell_admin", "treadwell_owner", "treadwell_clinician", "someone_elses_app"])
def test_adding_a_clinician_never_takes_over_another_role(pg_server, clinic_url, taken) -> None:
    """Seen in testing: the administrator's own name reset its password and made it a clinician (the next admin
    command could not sign in); the owner role, which never signs in, got a password and a sign-in."""
    url = admin_url(pg_server, clinic_url)
    with connect(url) as admin:
        admin.execute("do $$ begin if not exists (select from pg_roles where rolname = 'someone_elses_app') then "
                      "create role someone_elses_app login; end if; end $$")
        before = admin.execute("select rolname, rolcanlogin, rolpassword from pg_authid order by rolname").fetchall()
    with pytest.raises(ClinicServerError, match=f"^NAME: {taken} is .*(Nothing|nothing) was changed"):
        add_clinician(url, taken, "a-long-enough-secret")
    with connect(url) as admin:  # the administrator still signs in with the old password
        assert admin.execute("select rolname, rolcanlogin, rolpassword from pg_authid order by rolname"
                             ).fetchall() == before
        assert admin.execute("select count(*) from pg_auth_members m join pg_roles g on g.oid = m.roleid "
                             "join pg_roles r on r.oid = m.member where g.rolname = 'treadwell_clinician' "
                             "and r.rolname = %s", [taken]).fetchone() == (0,)


def test_a_clinician_setting_up_the_server_is_told_it_takes_the_administrator(clinic_url) -> None:
    with pytest.raises(ClinicServerError, match="^test_clinician may not set up the clinic database: sign in as "
                                                "the server's administrator"):
        init_clinic(clinic_url)
    with pytest.raises(ClinicServerError, match="^test_clinician may not add clinicians"):
        add_clinician(clinic_url, "new_clinician", "a-long-enough-secret")


def test_no_password_on_file_says_where_it_goes_and_that_only_the_window_asks(clinic_url, monkeypatch) -> None:
    """Seen in review: "The window asks for it instead" read as if the command line would ask too."""
    from core.storage.clinic_errors import PasswordNeeded

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    with pytest.raises(PasswordNeeded) as caught:
        connect(clinic_url.replace(f":{CLINICIAN_SECRET}", ""))
    assert "libpq's password file" in str(caught.value) and "PGPASSWORD" in str(caught.value)
    assert str(caught.value).endswith("Treadwell's window asks for it; the command line does not.")


def test_an_administrator_whose_password_is_refused_is_not_told_to_ask_the_administrator(pg_server, clinic_url) -> None:
    """Seen in review: db init-clinic with a mistyped administrator's password said to ask the clinic's administrator
    to register the clinician, and that "the window asks" for a password the command line never asks for."""
    wrong = pg_server.url(database=clinic_url.rsplit("/", 1)[1], password="not-the-admin-password")
    for command in (init_clinic, lambda url: add_clinician(url, "new_clinician", "a-long-enough-password")):
        with pytest.raises(PasswordRefused) as caught:
            command(wrong)
        message = str(caught.value)
        assert "check the name in the address and the administrator's password" in message
        assert "register the clinician" not in message and "window" not in message
        assert "not-the-admin-password" not in message


def test_setting_up_a_server_a_newer_treadwell_upgraded_changes_nothing(pg_server, clinic_url) -> None:
    """It said "up to date; nothing to do", and every workstation of this version then refused the server."""
    url = admin_url(pg_server, clinic_url)
    with connect(url) as admin:
        admin.execute("insert into treadwell_migrations (name) values ('m099_from_the_future')")
    with pytest.raises(ServerSchemaTooNew, match=r"newer Treadwell \(m099_from_the_future\); this one cannot set it "
                                                 "up or upgrade it, and changed nothing"):
        init_clinic(url)


def test_a_workstation_waits_on_the_server_within_limits_and_the_administrator_does_not(pg_server, clinic_url) -> None:
    """Seen in review: with the network gone quiet, or another connection holding the sessions table, a walk logged
    waited minutes with no end (the window froze); a transaction left open by a stalled workstation held its locks."""
    from core.storage.clinic import call_guarded
    from core.storage.clinic_errors import ServerBusy

    def limits(connection) -> list[str]:
        return [connection.execute(f"show {name}").fetchone()[0]
                for name in ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")]

    store = open_clinic_records(clinic_url, lambda etiology: [])
    assert limits(store.connection) == ["10s", "1min", "1min"]
    assert store.connection.info.get_parameters()["keepalives_idle"] == "10"
    with connect(admin_url(pg_server, clinic_url), administrator=True) as admin:
        assert limits(admin) == ["0", "0", "0"]  # an upgrade waits for the workstations
    own_options = "options=-c%20search_path%3Dpublic%20-c%20lock_timeout%3D30s&keepalives_idle=30"
    with connect(f"{clinic_url}?{own_options}") as own:  # the address's own settings stand (seen in review: not)
        assert own.execute("show search_path").fetchone()[0] == "public" and limits(own) == ["30s", "1min", "1min"]
        assert own.info.get_parameters()["keepalives_idle"] == "30"
    saved = store.save_plan(*example(), clinician="Dr A")
    with psycopg.connect(admin_url(pg_server, clinic_url)) as holder:  # a transaction holding the table
        holder.execute("lock table sessions in access exclusive mode")
        with pytest.raises(ServerBusy, match="in time: another workstation .*Nothing was changed") as busy:
            call_guarded(store.add_session, saved.patient_id,
                         SessionLog(date=saved.saved_on, week=1, minutes=10, rpe=12), clinician="Dr A")
        assert "lock timeout" not in str(busy.value)  # not the server's words (seen in review, in the log too)
    walked = store.add_session(saved.patient_id, SessionLog(date=saved.saved_on, week=1, minutes=10, rpe=12),
                               clinician="Dr A")  # still signed in: the next call goes through
    assert [session.id for session in store.sessions(saved.patient_id)] == [walked.id]
    store.connection.close()


def test_a_sign_in_that_is_not_a_clinician_is_one_plain_sentence(pg_server, clinic_url) -> None:
    """Seen in review: a role the server knows, but not one of Treadwell's clinicians, showed the window's crash dialog
    (a raw permission error) every 10 seconds."""
    import psycopg

    from core.storage.clinic_errors import NotAClinician
    from tests.conftest import ADMIN_SECRET

    database = clinic_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(database=database, password=ADMIN_SECRET), autocommit=True) as admin:
        admin.execute("create role outsider login password 'outsider-secret'")
    with pytest.raises(NotAClinician) as caught:
        open_clinic_records(pg_server.url("outsider", database, "outsider-secret"), lambda etiology: [])
    assert str(caught.value).startswith("outsider signed in to the clinic database but is not one of Treadwell's "
                                        "clinicians") and "db add-clinician URL NAME" in str(caught.value)
    # the advice leads somewhere (seen by a clinic's tester: db add-clinician refuses a role the server already has)
    grant = re.search(r"\(([^()]*;)\)", str(caught.value))[1]
    assert grant == 'GRANT treadwell_clinician TO "outsider";'
    with psycopg.connect(pg_server.url(database=database, password=ADMIN_SECRET), autocommit=True) as admin:
        admin.execute(grant)
    open_clinic_records(pg_server.url("outsider", database, "outsider-secret"), lambda etiology: []).connection.close()


def test_setting_up_again_gives_the_clinicians_back_their_rights(pg_server, clinic_url) -> None:
    """Seen in review: the clinic database restored from its pg_dump onto a new server, whose roles did not exist
    when the dump's grants were restored: init-clinic said "up to date; nothing to do" and every clinician was
    refused "permission denied for table treadwell_migrations"."""
    from core.storage.clinic_errors import NotAClinician

    with connect(admin_url(pg_server, clinic_url)) as admin:
        admin.execute("revoke all on all tables in schema public from treadwell_clinician")
    with pytest.raises(NotAClinician):
        open_clinic_records(clinic_url, lambda etiology: [])
    said = init_clinic(admin_url(pg_server, clinic_url))
    assert said == ["granted treadwell_clinician its rights again (a database restored without its roles has none): "
                    "every clinician registered with db add-clinician can sign in"]
    store = open_clinic_records(clinic_url, lambda etiology: [])
    saved = store.save_plan(*example(), clinician="Dr A")
    assert [row.patient_name for row in store.list_plans()] == [saved.profile.name]
    with pytest.raises(psycopg.Error):  # m015 kept: a saved version is not rewritten
        store.connection.execute("update plans set reason = 'x'")
    store.connection.close()
    assert init_clinic(admin_url(pg_server, clinic_url)) == ["the clinic database is up to date; nothing to do"]


def test_a_clinician_the_administrator_disabled_is_told_so(pg_server, clinic_url) -> None:
    """Seen in review: a role set NOLOGIN read as a server that does not answer, tried again every 10 seconds."""
    database = clinic_url.rsplit("/", 1)[1]
    add_clinician(pg_server.url(database=database, password=ADMIN_SECRET), "left_the_clinic", "a-long-password-1")
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute("alter role left_the_clinic nologin")
    with pytest.raises(RoleDisabled, match="^The clinic database does not let left_the_clinic sign in: the clinic's "
                                           "administrator has disabled it"):
        open_clinic_records(pg_server.url("left_the_clinic", database, "a-long-password-1"), lambda etiology: [])


def test_a_clinician_taken_out_of_the_clinicians_group_is_told_so_in_words(pg_server, clinic_url) -> None:
    """Seen in review: "Not saved: permission denied for table plans", the server's words."""
    database = clinic_url.rsplit("/", 1)[1]
    add_clinician(pg_server.url(database=database, password=ADMIN_SECRET), "moved_on", "a-long-password-2")
    store = open_clinic_records(pg_server.url("moved_on", database, "a-long-password-2"), lambda etiology: [])
    try:
        with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
            admin.execute("revoke treadwell_clinician from moved_on")
        with pytest.raises(NotAClinician, match=r"^This sign-in is not \(or is no longer\) one of") as caught:
            call_guarded(store.save_plan, *example(), clinician="Dr M")
        assert 'GRANT treadwell_clinician TO "moved_on";' in str(caught.value)  # as a sign-in never one is told
    finally:
        store.connection.close()


def test_a_connection_the_server_ended_is_told_in_words(pg_server, clinic_url) -> None:
    """Seen in review: "cannot be reached (terminating connection due to administrator command)", the server's words
    for a restart or a stop."""
    store = open_clinic_records(clinic_url, lambda etiology: [])
    try:
        with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
            admin.execute("select pg_terminate_backend(%s)", [store.connection.info.backend_pid])
        with pytest.raises(ClinicServerError, match=r"^The clinic database's server ended this workstation's "
                                                    r"connection \(a stop, a restart, or its administrator\); what is "
                                                    r"on screen is kept\.$"):
            call_guarded(store.save_plan, *example(), clinician="Dr M")
    finally:
        store.connection.close()
