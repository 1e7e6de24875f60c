"""The command-line grammar of every headless command. Kept apart from the commands themselves so
that parsing arguments (on every start, the window's too) imports nothing heavy."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from core.app_info import program_name
from core.commands.output import add_format_option
from core.languages import UnknownLanguage, canonical_tag, languages
from core.records_address import address_argument
from core.resources import resource_path
from core.stamps import EARLIEST_DATE


def add_etiologies(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("etiologies", help="list the neuropathic pain etiologies and their evidence")
    add_format_option(parser)


def add_evidence(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("evidence", help="search the exercise studies, or import the clinic's own",
                                   description="With no action, list the studies the options choose (all of them "
                                               "without options); 'import' adds the clinic's own.")
    parser.add_argument("--etiology", metavar="ID", help="only studies of this etiology (see 'etiologies')")
    parser.add_argument("--mechanism", metavar="ID", help="only studies with a finding on this mechanism")
    parser.add_argument("--search", metavar="TEXT", help="full-text search: authors, titles, markers, models, mechanisms")
    add_format_option(parser)
    actions = parser.add_subparsers(dest="evidence_action", metavar="[ACTION]")  # optional (seen by a tester: the
    # usage line showed "ACTION ...", as if required)
    importer = actions.add_parser("import", help="add studies from a CSV or JSON file (all or nothing)")
    importer.add_argument("file", type=file_name, metavar="FILE", help=(
        f"the clinic's studies, a CSV (UTF-8) or JSON file in the shape of "
        f"{resource_path('evidence', 'import-template.csv')}, whose notes are import-template.md beside it"))


def add_plan(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plan", help="compute the treadmill plan for a patient profile (JSON)")
    parser.add_argument("profile", type=file_name, metavar="PROFILE.json",
                        help="the patient's profile (schema profile prints its fields; "
                             f"{resource_path('examples', 'profiles')} has one for each etiology)")
    add_format_option(parser)
    parser.add_argument("--pdf", type=file_name, metavar="OUT.pdf",
                        help="also write the patient handout (its print: --print)")
    parser.add_argument("--paper", choices=["a4", "letter"], help="paper size (default: from settings)")
    parser.add_argument("--units", choices=["metric", "imperial"], help="speed units (default: from settings)")
    parser.add_argument("--clinician-summary", action="store_true", help="add the clinician summary pages")
    parser.add_argument("--print", dest="print_size", choices=["large", "standard"],
                        help="large print (16 pt and more, the default) or standard print (14 pt, fewer pages) "
                             "(default: from settings)")
    parser.add_argument("--language", type=_language_tag, metavar="TAG",
                        help="the handout's language, a BCP 47 tag: " + ", ".join(
                            f"{known.tag} ({known.bracketed})" for known in languages())
                        + " (default: the profile's language, else the one in settings)")
    parser.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="date printed on the handout (default: today)")
    parser.add_argument("--save", action="store_true",
                        help="save the plan as a new version; its id is printed alone on the last line")
    parser.add_argument("--patient", type=record_id, metavar="PATIENT_ID",
                        help="with --save: the patient id this is a new version for (default: a new patient)")
    parser.add_argument("--drop-week-changes", action="store_true",
                        help="with --patient: the new version leaves out the clinician's changes to weeks that the "
                             "patient's newest version has (kept by default, as the window keeps them)")
    parser.add_argument("--new-patient", action="store_true",
                        help="with --save and no --patient: a new patient whose name a patient here already has is "
                             "another person (refused otherwise, naming the patients of that name)")
    parser.add_argument("--same-patient", action="store_true",
                        help="with --patient: the profile's name, sex or age does not match the saved one, and it is the "
                             "same person")
    parser.add_argument("--if-newest", type=version_number, metavar="VERSION",
                        help="with --patient: save only if VERSION is still the patient's newest version (refused, "
                             "naming the newer one, if another workstation saved one meanwhile)")
    parser.add_argument("--reason", metavar="TEXT",
                        help="with --save: why this version is saved, in a line (kept with it; shown in plans show, "
                             "progress and the progress report)")


def add_plans(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plans", help="list, show, export or import saved plans")
    actions = parser.add_subparsers(dest="plans_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the newest plan of each patient")
    listing.add_argument("--search", metavar="NAME",
                         help="any part of the patient's name (case, accents and apostrophes ignored)")
    listing.add_argument("--limit", type=count_limit, default=100, metavar="N", help="at most this many (default 100)")
    add_format_option(listing)
    show = actions.add_parser("show", help="one saved plan version")
    show.add_argument("id", type=record_id, metavar="PLAN_ID", help="a plan version's id (plans list shows them)")
    add_format_option(show)
    export = actions.add_parser("export", help="write the patient's bundle (the whole course: versions and sessions)")
    export.add_argument("id", type=record_id, metavar="PLAN_ID", help="the id of any of the patient's plan versions")
    export.add_argument("out", type=file_name, metavar="OUT.json", help="the bundle file to write")
    add_format_option(export)
    importer = actions.add_parser("import", help="add a patient from a bundle, or what is new for one already here "
                                                 "(checked fully first)")
    importer.add_argument("file", type=file_name, metavar="FILE", help="a patient bundle written by plans export")
    importer.add_argument("--new-patient", action="store_true",
                          help="a patient new here whose name a patient here already has is another person: import "
                               "them (without it, such an import is refused, naming the patients of that name)")
    importer.add_argument("--bring-back", action="store_true",
                          help="the bundle's patient was deleted here, by mistake: import them again (without it, "
                               "such an import is refused, saying when the patient was deleted and by whom)")
    add_format_option(importer)
    _name_the_actions(actions)


def add_sessions(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sessions", help="a patient's logged sessions: add, list, correct or delete, "
                                                    "and bring back one deleted by mistake")
    actions = parser.add_subparsers(dest="sessions_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=f"log a session ({program_name()} schema session-log) under the plan version "
                                         "in force on its date")
    add.add_argument("patient", type=record_id, metavar="PATIENT_ID", help="the patient's id (plans list shows it)")
    add.add_argument("file", type=file_name, metavar="SESSION.json",
                     help="the walk (schema session-log prints its fields)")
    add.add_argument("--plan", type=record_id, metavar="PLAN_ID",
                     help="the id of the plan it was walked under, not its version number: progress PATIENT_ID lists "
                          "each version's plan id (default: the version in force on its date)")
    listing = actions.add_parser("list", help="every session of the patient, oldest first")
    listing.add_argument("patient", type=record_id, metavar="PATIENT_ID", help="the patient's id (plans list shows it)")
    edit = actions.add_parser("edit", help="correct a session (its values before are kept in the audit trail; a "
                                               "corrected date moves it under the version in force on that date)")
    edit.add_argument("session", type=record_id, metavar="SESSION_ID", help="the session's id (sessions list shows it)")
    edit.add_argument("file", type=file_name, metavar="SESSION.json", help="the whole walk as it should read")
    edit.add_argument("--if-unchanged-since", metavar="UPDATED_AT", type=_updated_at,
                      help="correct it only if its updated_at is still this (as sessions list --format json prints "
                           "it): refused, showing both, if someone corrected it meanwhile")
    delete = actions.add_parser("delete", help="delete a session (its values are kept in the audit trail)")
    delete.add_argument("session", type=record_id, metavar="SESSION_ID",
                        help="the session's id (sessions list shows it)")
    delete.add_argument("--if-unchanged-since", metavar="UPDATED_AT", type=_updated_at,
                        help="delete it only if its updated_at is still this (as sessions list --format json prints "
                             "it): refused, showing it as it is now, if someone corrected it meanwhile")
    deleted = actions.add_parser("deleted", help="the patient's deleted sessions with their values (as the audit "
                                                 "trail keeps them), the latest deleted first")
    deleted.add_argument("patient", type=record_id, metavar="PATIENT_ID", help="the patient's id (plans list shows it)")
    undelete = actions.add_parser("undelete", help="log a deleted session again as it was, under its id and plan "
                                                   "version (sessions deleted PATIENT_ID lists them)")
    undelete.add_argument("session", type=record_id, metavar="SESSION_ID",
                          help="the deleted session's id (sessions deleted shows it)")
    for action in (add, listing, edit, delete, deleted, undelete):
        add_format_option(action)
    _name_the_actions(actions)


def add_progress(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("progress", help="a patient's course of care: planned against walked, pain, "
                                                    "effort; --pdf writes the progress report")
    parser.add_argument("patient", type=record_id, metavar="PATIENT_ID", help="the patient's id (plans list shows it)")
    parser.add_argument("--pdf", type=file_name, metavar="OUT.pdf", help="write the progress report for the referrer")
    parser.add_argument("--note", default="", metavar="TEXT", help="the clinician's note for the report")
    parser.add_argument("--date", type=_day_reported, metavar="YYYY-MM-DD",
                        help="the day to report on (default: today): walks after it and plan versions saved "
                             "after it are left out, but for the first (a diary typed in later has walks before "
                             "it); from the day the course began to today")
    add_format_option(parser)


def add_db(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="check the database, back it up, or restore a backup; set up the clinic "
                                              "server (init-clinic, add-clinician) and move records to it (move-to)")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    actions.add_parser("check", help="check the database (integrity_check, read-only) and list the backups")
    actions.add_parser("backup", help="back up now (verified, then rotated)")
    restore = actions.add_parser("restore", help="put a backup in place; the current file is moved aside")
    restore.add_argument("backup", metavar="BACKUP", type=not_empty,
                         help="a backup file, or its name in the backups folder")
    init = actions.add_parser("init-clinic", help="the clinic server: create or upgrade the schema and the roles "
                                                  "(as its administrator; safe to run again)")
    init.add_argument("url", metavar="URL", type=address_argument,
                      help="postgresql://ADMIN@HOST/DATABASE (the password from libpq's password or service file)")
    clinician = actions.add_parser("add-clinician", help="the clinic server: a clinician's own sign-in role")
    clinician.add_argument("url", metavar="URL", type=address_argument, help="postgresql://ADMIN@HOST/DATABASE")
    clinician.add_argument("name", metavar="NAME", help="the sign-in name: lower-case letters, digits and _")
    clinician.add_argument("--password-stdin", action="store_true",
                           help="read the new password from standard input instead of a prompt")
    move = actions.add_parser("move-to", help="copy this workstation's records to the clinic server (checked "
                                              "before and after, safe to run twice; the local records are only read)")
    move.add_argument("url", metavar="URL", type=address_argument, help="postgresql://CLINICIAN@HOST/DATABASE")
    _name_the_actions(actions)


def add_schema(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of a patient profile or a session log")
    parser.add_argument("which", metavar="KIND", choices=["profile", "session-log"], help="profile or session-log")


def not_empty(text: str) -> str:
    """A file's name as typed; refused empty (seen by a helper: ``db restore ""`` was " is a folder", a blank name)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must name a file; it is empty")
    return text


def file_name(text: str) -> Path:
    """A file's path; refused empty, as Path("") is the current folder (seen by a helper: ``--pdf ""`` said the
    folder the command ran in was a folder, and offered a file in it)."""
    return Path(not_empty(text))


MAX_RECORD_ID = 2**63 - 1  # SQLite's largest integer


def record_id(text: str) -> int:
    """A plan or patient id: a whole number SQLite can hold (argparse turns ValueError into a plain line)."""
    value = int(text) if text.strip().isdigit() and text.isascii() else -1
    if not 1 <= value <= MAX_RECORD_ID:
        too_large = f", and {text.strip()} is too large for one" if value > MAX_RECORD_ID else ""
        raise argparse.ArgumentTypeError(f"an id is a whole number from 1, such as 12{too_large} (plans list shows "
                                         "patients' ids, progress PATIENT_ID each version's plan id, sessions list "
                                         "PATIENT_ID each walk's session id)")
    return value


def version_number(text: str) -> int:
    """A plan version's number, 1 to N within a patient (seen by a clinic's tester: --if-newest 0 was told what an id
    is)."""
    value = int(text) if text.strip().isdigit() and text.isascii() else -1
    if not 1 <= value <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError("a version is a whole number from 1, such as 2 (progress PATIENT_ID lists "
                                         "the patient's versions)")
    return value


def count_limit(text: str) -> int:
    value = int(text) if text.strip().isdigit() and text.isascii() and len(text) < 10 else -1
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("a whole number from 1 to 1000000")
    return value


ADDERS = [add_etiologies, add_evidence, add_plan, add_plans, add_sessions, add_progress, add_db, add_schema]


def _name_the_actions(actions: argparse._SubParsersAction) -> None:
    """'required: ACTION (add, list, edit, delete)': a command given without its action says which there are."""
    actions.metavar = f"ACTION ({', '.join(actions.choices)})"


def _day_reported(text: str) -> dt.date:
    """``progress --date``: a day that has come (seen in testing: "to 2027-12-03 (a year from today)" here, then
    "to today" from the course for the same option)."""
    return _iso_date(text, up_to_today=True)


def _updated_at(text: str) -> dt.datetime:
    """A session's updated_at as ``sessions list --format json`` prints it: a time with its offset from UTC. Seen in
    review: any text was taken, and a session nobody had touched was then said to be changed by someone else."""
    try:
        stamp = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise argparse.ArgumentTypeError("must be the session's updated_at as sessions list --format json prints it, "
                                         "such as 2026-12-03T07:47:44.401788+00:00")
    return stamp


def _iso_date(text: str, *, up_to_today: bool = False) -> dt.date:
    """A date as written YYYY-MM-DD only (Python also reads 20261130, which the message would not explain),
    from EARLIEST_DATE to a year from today (or to today): a handout or report dated 2062 or 0026 is a typing
    slip."""
    if not _ISO_DATE.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError("must be a date written YYYY-MM-DD, such as 2026-11-30")
    try:
        date = dt.date.fromisoformat(text.strip())
    except ValueError:  # 2025-02-30: written as asked, but no such day
        raise argparse.ArgumentTypeError("is not a day of the calendar: check the month and the day") from None
    today = dt.date.today()
    latest = today if up_to_today else _a_year_from(today)
    if not EARLIEST_DATE <= date <= latest:
        raise argparse.ArgumentTypeError(f"must be a date from {EARLIEST_DATE.isoformat()} to {latest.isoformat()} "
                                         + ("(today)" if up_to_today else "(a year from today)"))
    return date


def _a_year_from(day: dt.date) -> dt.date:
    """The same day next year (29 February: the 28th), as "a year from today" reads."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _language_tag(text: str) -> str:
    try:
        return canonical_tag(text)
    except UnknownLanguage as error:
        raise argparse.ArgumentTypeError(str(error)) from None
