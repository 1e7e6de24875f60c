"""``main.py sessions add|list|edit|delete|deleted|undelete``: a patient's logged sessions (the session-log schema:
``main.py schema session-log``). Each change is audited; a corrected or deleted session's values are kept
in the audit trail, where a deleted one is listed from and logged again."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from core.commands.output import audit_clinician, format_table, print_json, say_waiting
from core.data_dir import DataDir
from core.inputs import InputError, read_input
from core.plan.session_log import (
    MAX_SESSION_BYTES, SessionLog, SessionLogError, left_out_of_correction, parse_session, recorded,
)
from core.records.authors import logged_by_words, named
from core.records.models import (
    ChangedBeforeDelete, ChangedMeanwhile, DeletedSession, PlanVersion, SessionRecord,
)
from core.records.walk_dates import check_walk_date
from core.records.walk_words import moved_words
from core.stamps import local_minute
from core.workspace.errors import RecordNotFound
from core.workspace.session import open_workspace


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    if (clinician := audit_clinician(data_dir.settings_path)) is None:
        return 2
    action = args.sessions_action
    log = None
    if action in ("add", "edit"):
        try:  # read and checked before the records are opened for writing
            log = parse_session(read_input(args.file, limit=MAX_SESSION_BYTES, what="session"))
        except InputError as error:
            print(error, file=sys.stderr)
            return 2
        except SessionLogError as error:
            for problem in error.problems:
                print(f"{args.file.name}: {problem}", file=sys.stderr)
            return 2
    try:
        with open_workspace(data_dir, write=action not in ("list", "deleted"), records_url=args.records,
                            waiting=say_waiting) as workspace:
            records = workspace.records
            if action == "list":
                newest = _newest(records, args.patient)
                return _list(records.sessions(args.patient), args.format, _whose(newest))
            if action == "deleted":
                newest = _newest(records, args.patient)
                return _list_deleted(records.deleted_sessions(args.patient), args.format, _whose(newest))
            if action == "undelete":
                already = _logged(records, args.session)
                saved = records.undelete_session(args.session, clinician=clinician)
                history = records.plan_history(saved.patient_id)
                if already:  # tried again: not said to be as it was when deleted (it may be corrected since)
                    return _done(saved, f"Session {saved.id} of {_whose(history[-1])} was logged again before; it is "
                                        "as sessions list shows it, unchanged now.", args.format)
                _print_notes(saved, history, records.sessions(saved.patient_id))
                return _done(saved, f"Session {saved.id} is logged again for {_whose(history[-1])}, as it was when "
                                    f"deleted (week {saved.week} of plan version {saved.plan_version}).", args.format)
            if action == "add":
                check_walk_date(log.date, records.plan_history(args.patient))
                saved = records.add_session(args.patient, log, clinician=clinician, plan_id=args.plan)
                history = records.plan_history(saved.patient_id)
                _print_notes(saved, history, records.sessions(saved.patient_id))
                return _done(saved, f"Logged session {saved.id} for {_whose(history[-1])} (week {saved.week} of plan "
                                    f"version {saved.plan_version}).", args.format)
            if action == "edit":
                before = _as_read(records, args.session, log, args.if_unchanged_since)
                if left_out := left_out_of_correction(log, before):
                    for problem in left_out:
                        print(f"{args.file.name}: {problem}", file=sys.stderr)
                    print(f"Session {args.session} was not changed.", file=sys.stderr)
                    return 2
                check_walk_date(log.date, records.plan_history(before.patient_id))
                saved = records.edit_session(args.session, log, clinician=clinician, based_on=None if
                                             args.if_unchanged_since is None else before.updated_at)
                history = records.plan_history(saved.patient_id)
                _print_notes(saved, history, records.sessions(saved.patient_id))
                said = (f"Session {saved.id} is unchanged: the file holds what is saved." if saved == before else
                        f"Corrected session {saved.id} of {_whose(history[-1])}"
                        f"{moved_words(before, saved, history[0].saved_on)}; its "
                        "values before are kept in the audit trail.")
                return _done(saved, said, args.format)
            gone = records.get_session(args.session)
            whose = _whose(_newest(records, gone.patient_id))
            if args.if_unchanged_since is not None and dt.datetime.fromisoformat(gone.updated_at) != \
                    args.if_unchanged_since:
                raise ChangedBeforeDelete(gone, by=gone.corrected_by)
            records.delete_session(args.session, clinician=clinician,
                                   based_on=None if args.if_unchanged_since is None else gone.updated_at)
            return _done(gone, f"Deleted session {gone.id} of {gone.date.isoformat()} ({whose}); its values are kept "
                               f"in the audit trail (sessions undelete {gone.id} logs it again).", args.format,
                         deleted=True)
    except RecordNotFound as error:  # a busy data folder is exit 1, in run_command
        print(error, file=sys.stderr)
        return 2
    except ChangedBeforeDelete as error:  # --if-unchanged-since
        print(f"--if-unchanged-since: {error} To delete it as it is now, run the command again with "
              f"--if-unchanged-since {error.theirs.updated_at}.", file=sys.stderr)
        return 1
    except ChangedMeanwhile as error:  # --if-unchanged-since
        now = "" if error.theirs is None else (f" Check which is right; to put yours in place of theirs, run the "
                                               f"command again with --if-unchanged-since {error.theirs.updated_at}.")
        print(f"--if-unchanged-since: {error}{now}", file=sys.stderr)
        return 1
    except ValueError as error:  # a week outside the plan version, naming the field
        print(f"{args.file.name}: {error}" if getattr(args, "file", None) else str(error), file=sys.stderr)
        return 2


def _as_read(records, session_id: int, log: SessionLog, read_at: dt.datetime | None) -> SessionRecord:
    """The session a correction applies to; with ``read_at`` (--if-unchanged-since), refused with ChangedMeanwhile if
    it was deleted or changed since, before anything else is checked against it (seen in review: "note: left out of
    the file" asked for another clinician's new note without saying anyone had changed the walk). A file that holds
    what is saved changes nothing, whenever it was read."""
    try:
        before = records.get_session(session_id)
    except RecordNotFound:
        if read_at is None:
            raise
        raise ChangedMeanwhile(log, None) from None
    if read_at is not None and dt.datetime.fromisoformat(before.updated_at) != read_at \
            and log.model_dump() != before.as_logged().model_dump():
        raise ChangedMeanwhile(log, before, by=before.corrected_by)  # who (seen in review: "someone else")
    return before


def _logged(records, session_id: int) -> bool:
    try:
        records.get_session(session_id)
    except RecordNotFound:
        return False
    return True


def _newest(records, patient_id: int) -> PlanVersion:
    newest = records.latest_version(patient_id)
    if newest is None:
        raise records.missing_patient(patient_id)
    return newest


def _whose(version: PlanVersion) -> str:
    """Such as "patient 3, Ana Silva": the name beside the id, so a walk filed under the wrong person shows."""
    return f"patient {version.patient_id}, {version.profile.name}"


def _print_notes(saved: SessionRecord, history: list[PlanVersion], sessions: list[SessionRecord]) -> None:
    """Says what to check in the walk just saved (SessionRecord.notes_in the patient's ``history``)."""
    for note in saved.notes_in(history, sessions):
        print(f"Note: {note}", file=sys.stderr)


def _done(session: SessionRecord, sentence: str, output_format: str, *, deleted: bool = False) -> int:
    if output_format == "json":
        print_json({"deleted": deleted, "session": session.model_dump(mode="json")})
    else:
        print(sentence)
    return 0


def _list(sessions: list[SessionRecord], output_format: str, whose: str) -> int:
    if output_format == "json":
        print_json([session.model_dump(mode="json") for session in sessions])
        return 0
    print(f"Sessions of {whose}:")
    print(session_table(sessions))
    return 0


def _list_deleted(deleted: list[DeletedSession], output_format: str, whose: str) -> int:
    if output_format == "json":
        print_json([item.model_dump(mode="json") for item in deleted])
        return 0
    if not deleted:
        print(f"No deleted session of {whose} is waiting to be logged again.")
        return 0
    print(f"Deleted sessions of {whose}, the latest deleted first:")
    print(format_table(["id", "deleted", "by", "date", "week", "plan id", *WALK_HEADERS],
                       [[item.session_id, local_minute(item.deleted_at), named(item.deleted_by) or "",
                         item.log.date.isoformat(), item.log.week, item.plan_id, *_walk_cells(item.log)]
                        for item in deleted]))
    print(f"{len(deleted)} deleted session{'' if len(deleted) == 1 else 's'}. To log one again as it was: sessions "
          "undelete SESSION_ID.")
    return 0


# a walk's logged values, as every session table gives them after its own columns
WALK_HEADERS = ("minutes", "km/h", "RPE", "HR bpm", "pain during", "pain next morning", "stiffer next morning", "note")


def _walk_cells(log: SessionLog) -> list:
    return [recorded(log.minutes), recorded(log.speed_kmh), log.rpe, recorded(log.heart_rate),
            recorded(log.pain_during), recorded(log.pain_next_morning), recorded(log.stiffer_next_morning), log.note]


def session_table(sessions: list[SessionRecord]) -> str:
    return format_table(["id", "date", "week", "version", "logged by", *WALK_HEADERS],
                        [[s.id, s.date.isoformat(), s.week, s.plan_version, logged_by_words(s), *_walk_cells(s)]
                         for s in sessions]
                        ) + f"\n{len(sessions)} session{'' if len(sessions) == 1 else 's'}."
