"""Setting up and signing in to the clinic's PostgreSQL server: ``db init-clinic`` (schema and roles,
idempotent), ``db add-clinician`` (a clinician's own sign-in role), and a workstation's connection.

Passwords are never written anywhere by Treadwell: a sign-in uses libpq's own password file or service
file, or the password typed at a prompt; a new clinician's password is turned into a SCRAM verifier on
this workstation (libpq's PQencryptPasswordConn), so the server and its logs never see it in clear text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from core.app_info import command_as_run
from core.evidence.models import Study
from core.storage import pg_schema
from core.storage.clinic_errors import (
    ClinicServerError, NotAClinician, PasswordNeeded, PasswordRefused, RoleDisabled, ServerBusy, ServerLost,
    ServerNotSetUp, ServerSchemaTooNew, ServerUnanswered, made_a_clinician, plain_error,
)
from core.storage.postgres_records import PostgresRecords

ROLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")


NO_PASSWORD = "no password supplied"  # libpq's words when the server asks for one and none is on file
PASSWORD_REFUSED = "password authentication failed"  # the server's, for a wrong password or an unknown role
NOT_PERMITTED = "is not permitted to log in"  # the server's, for a role its administrator disabled (NOLOGIN)
NO_DATABASE = re.compile(r'database ".*" does not exist')  # the server's, for a database name it does not have
# libpq's and the server's words when the server answers but lets this workstation in on no terms it offers: no
# pg_hba.conf line for it (a plain connection to a TLS-only server), or TLS that fails (a certificate not trusted)
REFUSED_CONNECTION = re.compile(r"pg_hba\.conf|SSL error|certificate|server does not support SSL")
# libpq's words for the certificate a safe connection checks the server's against, not on this workstation: the file
# the address names (sslrootcert), or libpq's own place for it (~/.postgresql/root.crt) where it names none
FILE_NOT_HERE = re.compile(r'root certificate file "([^"]*)" does not exist')


# How long a workstation waits on the clinic server before it says so (product defaults; docs/clinic-server.md).
# Seen in review: with the network gone quiet, the window said it was signed in for minutes and a walk logged then
# froze it (over 2 minutes, stopped); a command waited behind another's lock, or a stalled link, with no end.
CONNECT_TIMEOUT_S = 10
# A link gone dead (a cable, Wi-Fi, a server switched off) is noticed by TCP: keepalive probes after 10 s of quiet,
# every 5 s, 3 unanswered; and data the server has not acknowledged within 20 s ends the connection.
NETWORK_LIMITS = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
                  "tcp_user_timeout": 20_000}
# On a workstation's connections the server ends a statement waiting on another's lock after 10 s, any statement
# after 60 s, and a transaction left open mid-change (a workstation stalled or cut off) after 60 s, so that its
# locks do not hold up the clinic. Not on the administrator's (db init-clinic, add-clinician): an upgrade waits.
SERVER_LIMITS = {"lock_timeout": "10s", "statement_timeout": "60s", "idle_in_transaction_session_timeout": "60s"}


# Seen in review: "The window asks for it instead" read as if the command line would ask too.
WINDOW_ASKS = " Treadwell's window asks for it; the command line does not."


def connect(url: str, *, autocommit: bool = True, password: str | None = None,
            administrator: bool = False) -> psycopg.Connection:
    """``password``: typed by the clinician when libpq has none on file; kept in memory only. The limits above,
    where nothing else sets them: the address's own, ``options``, PGOPTIONS, a service file, the server's or the
    role's settings all stand (pg_settings' source is then not 'default'); by SET, not as a startup option, which
    a pooler such as PgBouncer refuses."""
    extra = {} if password is None else {"password": password}
    try:
        given = conninfo_to_dict(url)
        extra |= {key: value for key, value in NETWORK_LIMITS.items() if key not in given}
        connection = psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_S,
                                     application_name="Treadwell", **extra)
        # each statement sees what others committed before it (a new patient's name check, after its lock): the
        # server's or the role's default may be another (seen in review: under repeatable read, both namesakes saved)
        connection.isolation_level = psycopg.IsolationLevel.READ_COMMITTED
        if not administrator:
            try:
                _limit(connection)
            except BaseException:
                connection.close()
                raise
        return connection
    except psycopg.OperationalError as error:
        if NO_PASSWORD in str(error):
            raise PasswordNeeded("The clinic database asks for a password and none is on file for this sign-in (a "
                                 "line of the password file is used only where its host, port, database and name all "
                                 "match the address): put it in libpq's password file (~/.pgpass; on Windows "
                                 "%APPDATA%\\postgresql\\pgpass.conf), or set PGPASSWORD in this terminal "
                                 "session only." + ("" if administrator else WINDOW_ASKS)) from None
        if PASSWORD_REFUSED in str(error):  # the same words for a wrong password and a role the server does not know
            raise PasswordRefused(_password_refused(conninfo_to_dict(url).get("user"), administrator)) from None
        if NOT_PERMITTED in str(error):  # seen in review: a role its administrator disabled (NOLOGIN) read as a
            # server that does not answer, tried again every 10 seconds for ever
            raise RoleDisabled(f"The clinic database does not let {conninfo_to_dict(url).get('user') or 'this sign-in'}"
                               " sign in: the clinic's administrator has disabled it. Ask them, or sign in as "
                               "another clinician.") from None
        if NO_DATABASE.search(str(error)):  # seen by a clinic's tester: a mistyped name read as a server problem
            raise ClinicServerError(f"The clinic database named in the address does not exist on that server "
                                    f"({plain_error(error)}): check the name; a clinic's database is made first, "
                                    "with createdb (docs/clinic-server.md, step 1).") from None
        if missing := FILE_NOT_HERE.search(str(error)):  # seen by a clinic's tester: blamed on the server
            raise ClinicServerError(f"This workstation has no file {missing[1]}, the clinic's certificate that a safe "
                                    "connection to the clinic database checks the server against: copy it there, or "
                                    "name where it is with sslrootcert in the address (docs/clinic-server.md, step "
                                    "2).") from None
        if REFUSED_CONNECTION.search(str(error)):  # seen in review: asked again every 10 s as if not answering
            raise ClinicServerError(f"The clinic database refused this workstation's connection before any sign-in "
                                    f"({plain_error(error)}): check the address's sslmode and sslrootcert, or ask the "
                                    "clinic's administrator to let it in (docs/clinic-server.md, step 2).") from None
        raise ServerUnanswered(_unreached(str(error), plain_error(error))) from None
    except psycopg.ProgrammingError as error:  # a malformed URL
        raise ClinicServerError(f"The clinic database address is not valid: {plain_error(error)}") from None


# libpq's words for a server that is not there, each with what it means and what to check (seen by a clinic's tester:
# "cannot be reached or refused the sign-in" said of a server that was not running, with nothing to check)
UNREACHED = (
    (re.compile(r"Connection refused"), "nothing answers at that address and port; the server is not running, or "
     "listens on another port"),
    (re.compile(r"could not translate host name|failed to resolve host|Name or service not known"),
     "no computer of that name is known to this workstation; check the server's name in the address"),
    (re.compile(r"timeout expired|timed out|No route to host|Network is unreachable"),
     "the server did not answer in time; check this workstation's network, and that the server is on"),
)


def _unreached(libpq_error: str, said: str) -> str:
    """Not reached, with what that means; else (a server that answered: too many connections, starting up, a sign-in
    method it refused) in the server's own words."""
    why = next((meaning for words, meaning in UNREACHED if words.search(libpq_error)), "")
    return ((f"The clinic database cannot be reached: {why}." if why else "The clinic database did not let this "
             "workstation in.") + " Check the address (in Settings, or --records on the command line), or ask the "
            f"clinic's administrator. ({said})")


def _password_refused(user: str | None, administrator: bool) -> str:
    who = user or "this sign-in"
    if administrator:  # seen in review: the administrator was told to ask the administrator to register a clinician
        return (f"The clinic database did not accept the password of {who}: check the name in the address and the "
                "administrator's password (libpq's password file, or PGPASSWORD in this terminal session only); "
                "db init-clinic and db add-clinician sign in as the database's administrator.")
    return (f"The clinic database did not accept the password of {who}: check the name and the password (typed "
            "when the window asks, in libpq's password file, or PGPASSWORD in a terminal session), or ask the "
            "clinic's administrator to register the clinician (db add-clinician).")


def _limit(connection: psycopg.Connection) -> None:
    """SERVER_LIMITS, each where nothing set it before (connect)."""
    unset = connection.execute("select name from pg_settings where name = any(%s) and source = 'default'",
                               [list(SERVER_LIMITS)]).fetchall()
    for (name,) in unset:
        connection.execute("select set_config(%s, %s, false)", [name, SERVER_LIMITS[name]])
    if not connection.autocommit:
        connection.commit()


def check_schema(connection: psycopg.Connection) -> None:
    """Refuse a server this program cannot write correctly, or a sign-in that may not read it, with a sentence
    saying why."""
    table = connection.execute("select to_regclass('treadwell_migrations')").fetchone()[0]
    if table is None:
        raise ServerNotSetUp("The clinic database has no Treadwell records yet: the administrator sets it up with "
                             f"{command_as_run()} db init-clinic URL.")
    try:
        applied = [row[0] for row in connection.execute("select name from treadwell_migrations order by name")]
    except psycopg.errors.InsufficientPrivilege:  # seen in review: the window's crash dialog, every 10 seconds
        raise NotAClinician(rights_missing(connection) or (
            f"{connection.info.user} signed in to the clinic database but is not one of Treadwell's clinicians, so may "
            f"not read the records: {made_a_clinician(connection.info.user)}.")) from None
    known = [name for name, _ in pg_schema.MIGRATIONS]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise ServerSchemaTooNew(f"The clinic database was set up by a newer Treadwell ({', '.join(unknown)}); this "
                                 "workstation will not write to it. Update Treadwell on this workstation.")
    if len(applied) < len(known):
        raise ServerNotSetUp("The clinic database needs an upgrade first: the administrator runs "
                             f"{command_as_run()} db init-clinic URL with this Treadwell.")


def open_clinic_records(url: str, studies_for: Callable[[str], list[Study]], *,
                        password: str | None = None) -> PostgresRecords:
    """A workstation's records on the clinic server; refuses a server set up by a newer Treadwell."""
    connection = connect(url, password=password)
    try:
        check_schema(connection)
    except BaseException:
        connection.close()
        raise
    return PostgresRecords(connection, studies_for)


def call_guarded(method, *args, **kwargs):
    """``method(*args, **kwargs)`` on the clinic engine, a dropped connection raised as ServerLost (each change
    is one transaction: all of it was saved, or none; dropped as its answer came back, the server may have saved it).
    """
    try:
        return method(*args, **kwargs)
    except (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled):  # SERVER_LIMITS: still signed in
        # not the server's words, as every refusal here (seen in review: "(canceling statement due to lock timeout)"
        # in the window and the log, where the README promises only the kind of a server's error)
        raise ServerBusy("The clinic database did not complete this in time: another workstation may be holding the "
                         "same records. Nothing was changed and what is on screen is kept.") from None
    except (psycopg.errors.AdminShutdown, psycopg.errors.CrashShutdown):
        # seen in review: "(terminating connection due to administrator command)", the server's words for a stop
        raise ServerLost("The clinic database's server ended this workstation's connection (a stop, a restart, or "
                         "its administrator); what is on screen is kept.") from None
    except psycopg.OperationalError as error:
        raise ServerLost(f"The clinic database cannot be reached ({plain_error(error)}); what is on screen is "
                         "kept.") from None  # saved again under the same uid: found, where it was saved (gateway)
    except psycopg.errors.InsufficientPrivilege:  # seen in review: "permission denied for table sessions" once the
        # administrator took the role out of the clinicians' group
        connection = _connection_of(method)
        raise NotAClinician((connection is not None and rights_missing(connection)) or (
            "This sign-in is not (or is no longer) one of Treadwell's clinicians on the clinic database, so it may "
            f"not read or change the records. Nothing was changed, and what is on screen is kept: "
            f"{made_a_clinician(_signed_in_as(method))}.")) from None
    except psycopg.DatabaseError as error:  # a refusal the records code does not expect
        raise _refused(method, error) from None


def rights_missing(connection: psycopg.Connection, *, refused: bool = True) -> str:
    """Why a clinician of the clinicians' group was refused, where the group's rights on the records are missing (a
    restore without its roles, rights taken away): seen by a clinic's tester, told to GRANT the group the sign-in was
    in already. "" where it is not in the group, or that cannot be asked. Not ``refused`` (a test of the sign-in),
    without what a refusal says of the records."""
    from core.storage.pg_schema import CLINICIANS

    try:  # on the engine's autocommit connection: the refused statement's transaction is rolled back already
        member = connection.execute("select pg_has_role(current_user, %s, 'member')", [CLINICIANS]).fetchone()[0]
    except psycopg.Error:
        return ""
    then = "Nothing was changed, and what is on screen is kept: the" if refused else "The"
    return (f"{connection.info.user} is one of Treadwell's clinicians, but the clinic database refused the clinicians "
            f"the rights on its records (restored without them, or taken away). {then} clinic's administrator gives "
            f"them back with {command_as_run()} db init-clinic URL.") if member else ""


def _refused(method, error: psycopg.DatabaseError) -> ClinicServerError:
    """A refusal the records code does not expect, said plainly: the server set up by a newer Treadwell since this
    workstation signed in, where its check says so (seen by a clinic's tester: an upgraded server's new column refused
    a walk, its SQL on screen with the walk's note in it); else that a rule of the server refused it, never the
    server's words, which name its tables and may quote the record's values. The log keeps the kind for IT."""
    from core.clinic_log import CLINIC_LOG

    CLINIC_LOG.warning("clinic database: refused (%s, SQLSTATE %s)", type(error).__name__, error.sqlstate or "none")
    kept = "Nothing was changed, and what is on screen is kept."
    if (connection := _connection_of(method)) is not None:
        try:
            check_schema(connection)
        except ClinicServerError as said:
            return type(said)(f"{said} {kept}")
        except psycopg.Error:
            pass
    return ClinicServerError("The clinic database refused this by a rule of its own that this Treadwell does not know "
                             f"(its kind is in this workstation's log, for the clinic's IT). {kept}")


def _connection_of(method) -> psycopg.Connection | None:
    """The connection of the clinic engine behind ``method`` (None where it cannot be told)."""
    return getattr(getattr(method, "__self__", None), "connection", None)


def _signed_in_as(method) -> str:
    """The role the clinic engine behind ``method`` signed in as (its words where it cannot be told)."""
    try:
        return _connection_of(method).info.user
    except Exception:  # not a bound method of the engine, or its connection is gone
        return "the sign-in's name"


def describe(store: PostgresRecords) -> str:
    """Where the records are and who is signed in, for the status bar: 'clinic-server/treadwell as grace_okafor'."""
    info = store.connection.info
    return f"{info.host}:{info.port}/{info.dbname} as {info.user}"


def init_clinic(url: str) -> list[str]:
    """Create the roles, the schema and every pending migration (run as the server's administrator); safe to
    run again. Returns what was done, one line each. A server set up by a newer Treadwell is left as it is."""
    done: list[str] = []
    with connect(url, administrator=True) as connection, \
            _administrator_needed(connection, "set up the clinic database"):
        _refuse_newer(connection)
        for statement in pg_schema.init_statements():
            connection.execute(statement)
        applied = {row[0] for row in connection.execute("select name from treadwell_migrations")}
        for name, body in pg_schema.MIGRATIONS:
            if name in applied:
                continue
            with connection.transaction():
                connection.execute(body) if isinstance(body, str) else body(connection)
                connection.execute("insert into treadwell_migrations (name) values (%s)", [name])
                for (table,) in connection.execute("select tablename from pg_tables where schemaname = 'public'"
                                                   ).fetchall():
                    connection.execute(sql.SQL("alter table {} owner to {}").format(
                        sql.Identifier(table), sql.Identifier(pg_schema.OWNER)))
                for (function,) in connection.execute(
                        "select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                        "where n.nspname = 'public' and p.prolang = (select oid from pg_language where lanname = "
                        "'plpgsql')").fetchall():
                    connection.execute(sql.SQL("alter function {} owner to {}").format(
                        sql.SQL(function), sql.Identifier(pg_schema.OWNER)))
            done.append(f"applied {name}")
        missing = connection.execute("select not (has_table_privilege(%s, 'treadwell_migrations', 'select') and "
                                     "has_table_privilege(%s, 'sessions', 'insert'))",
                                     [pg_schema.CLINICIANS] * 2).fetchone()[0]
        connection.execute(pg_schema.CLINICIAN_GRANTS)  # as a restore onto a server without the roles leaves none
        if missing and not done:
            done.append(f"granted {pg_schema.CLINICIANS} its rights again (a database restored without its roles "
                        "has none): every clinician registered with db add-clinician can sign in")
    return done or ["the clinic database is up to date; nothing to do"]


def _refuse_newer(connection: psycopg.Connection) -> None:
    """Seen in testing: init-clinic said "up to date; nothing to do" to a server a newer Treadwell had upgraded,
    which every workstation of this version then refused."""
    if connection.execute("select to_regclass('treadwell_migrations')").fetchone()[0] is None:
        return
    known = {name for name, _ in pg_schema.MIGRATIONS}
    unknown = sorted(row[0] for row in connection.execute("select name from treadwell_migrations")
                     if row[0] not in known)
    if unknown:
        raise ServerSchemaTooNew(f"The clinic database was set up by a newer Treadwell ({', '.join(unknown)}); this "
                                 "one cannot set it up or upgrade it, and changed nothing. Use the newer Treadwell, "
                                 "and update every workstation to it.")


@contextmanager
def _administrator_needed(connection: psycopg.Connection, what: str) -> Iterator[None]:
    """A clinician's sign-in used where the administrator's is needed: said so, not "try again later"."""
    try:
        yield
    except psycopg.errors.InsufficientPrivilege:
        raise ClinicServerError(f"{connection.info.user} may not {what}: sign in as the server's administrator, "
                                "for example postgresql://postgres@clinic-server/treadwell. Nothing was changed."
                                ) from None


def add_clinician(url: str, name: str, password: str) -> str:
    """A clinician's own sign-in role in the clinician group (run as the administrator), or a new password for one
    already in it; any other role is refused (seen in testing: the name of the administrator's own role reset its
    password and made it a clinician). One transaction. The password reaches the server only as a SCRAM verifier."""
    if not ROLE_NAME.fullmatch(name) or name.startswith("pg_"):
        raise ClinicServerError("NAME: a sign-in name is lower-case letters, digits and _, starting with a letter "
                                "but not with pg_ (at most 63), such as grace_okafor")
    if name in (pg_schema.OWNER, pg_schema.CLINICIANS):
        raise ClinicServerError(f"NAME: {name} is Treadwell's own role on the server, not a sign-in; give the "
                                "clinician's own name, such as grace_okafor. Nothing was changed.")
    if len(password) < 12:
        raise ClinicServerError("password: at least 12 characters")
    with connect(url, administrator=True) as connection, _administrator_needed(connection, "add clinicians"), \
            connection.transaction():
        verifier = connection.pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"),
                                                      b"scram-sha-256").decode("ascii")
        existing = connection.execute(
            "select r.rolsuper or r.rolcreaterole or r.rolcreatedb or r.rolreplication or r.rolbypassrls, "
            "exists (select 1 from pg_auth_members m join pg_roles g on g.oid = m.roleid "
            "where m.member = r.oid and g.rolname = %s) from pg_roles r where r.rolname = %s",
            [pg_schema.CLINICIANS, name]).fetchone()
        if existing is not None and (existing[0] or not existing[1]):
            raise ClinicServerError(f"NAME: {name} is already a role on the server and not a Treadwell clinician (an "
                                    "administrator's or another program's); nothing was changed. Give the clinician "
                                    "a name of their own.")
        if existing is None:
            connection.execute(sql.SQL("create role {} login password {} in role {}").format(
                sql.Identifier(name), sql.Literal(verifier), sql.Identifier(pg_schema.CLINICIANS)))
        else:
            connection.execute(sql.SQL("alter role {} login password {}").format(sql.Identifier(name),
                                                                                 sql.Literal(verifier)))
    return f"{'Updated' if existing else 'Added'} clinician {name} (member of {pg_schema.CLINICIANS})."


class ChangeListener:
    """Another connection that LISTENs for what other workstations change (migrations m006 and m008)."""

    def __init__(self, url: str, password: str | None = None) -> None:
        self.connection = connect(url, password=password)
        self.connection.execute(f"listen {pg_schema.CHANNEL}")

    def changes(self, own: int | None = None) -> tuple[set[int], bool]:
        """The patients changed since the last call, and whether the clinic's imported studies changed; returns at
        once (nothing waits on the server). ``own``: the server process of this workstation's own records
        connection, whose changes are left out (seen in review: "Saved plan version 3" was replaced within seconds
        by "1 patient(s) changed on another workstation", the window's own save)."""
        changed: set[int] = set()
        studies = False
        for notice in self.connection.notifies(timeout=0):
            if own is not None and notice.pid == own:
                continue
            if notice.payload.isdigit():
                changed.add(int(notice.payload))
            studies |= notice.payload == pg_schema.STUDIES_CHANGED
        return changed, studies

    def close(self) -> None:
        self.connection.close()
