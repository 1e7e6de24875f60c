"""What both records engines share: the rows' columns and their models, and the rules a row must keep
(the week of a session, what counts as an unchanged version, how names fold for search). No SQL
dialect here beyond the plain column lists and queries both engines read the same way (what the audit keeps of
deleted records: core/storage/deletion_rows.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile, stored_profile
from core.plan.session_log import SessionLog
from core.records.authors import named
from core.records.models import (
    ChangedBeforeDelete, ChangedMeanwhile, DifferentPatient, NamesakeSaved, PlanVersion,
    RecordNotFound, SessionRecord, VersionSavedMeanwhile,
)
from core.stamps import now_iso  # noqa: F401 (the records' stamp, used through this module too)
from core.storage.legacy_ids import folded_as_before_m013


MANY_MATCHES = 500  # a search matching more: walking patients newest-first beats sorting every match


def recent_as(saved_at: str | None, now: str) -> str:
    """How recent a patient is with a version saved at ``saved_at`` (None: ``now``), in ``now_iso``'s form (UTC), so
    that the list's order compares like with like; no later than ``now`` (seen in review: a bundle's version written
    "+02:00", or by a workstation whose clock ran ahead, kept its patient atop the list for hours)."""
    if saved_at is None:
        return now
    moment = dt.datetime.fromisoformat(saved_at)
    moment = moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return min(moment.isoformat(timespec="microseconds"), now)


# An apostrophe however it was typed or pasted (a word processor's ’, a keyboard's ´ or `) is left out, so
# O’Connor, O'Connor and OConnor are one name to search; a dash however typed is a hyphen (m013 re-folded saved
# names).
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_PUNCTUATION = str.maketrans({**dict.fromkeys(APOSTROPHES), "\u00ad": None, **dict.fromkeys(DASHES, "-")})


def fold_name(name: str) -> str:
    """Case-, accent- and apostrophe-insensitive form for search: 'Zoë Ørsted' and 'ZOE ORSTED' fold alike, and
    'O’Connor' and 'oconnor' (a soft hyphen is left out too, and every dash is '-'), and spaces count as one between
    words and none at either end (m018: seen by a clinic's tester, "Maria  Lopez" typed with two spaces was saved as
    a second Maria Lopez, unasked). Case and accents fold as they always have (legacy_ids keeps that folding,
    frozen, for the ids it derives)."""
    return " ".join(folded_as_before_m013(name.translate(_PUNCTUATION)).split())


def refolded_names(rows: Iterable[tuple[int, str, str]]) -> list[tuple[str, int]]:
    """Of saved patients as (id, name, folded name), the (new folded name, id) of each whose folding changed:
    migrations m013 and m018, on either engine."""
    return [(folded, patient_id) for patient_id, name, saved in rows if (folded := fold_name(name)) != saved]


def same_version(saved: PlanVersion, profile: PatientProfile, plan: Plan, overrides: list[WeekOverride],
                 reason: str | None = None) -> bool:
    """Equal values (not equal text: a record saved by an older Treadwell dumps differently); ``reason`` too, where
    given: a version imported or moved is the same record only with its reason (seen in review: another reason
    passed as "nothing new"), where a new save is unchanged whatever reason it is given."""
    return (saved.profile.model_dump() == profile.model_dump() and saved.plan.model_dump() == plan.model_dump()
            and [o.model_dump() for o in saved.overrides] == [o.model_dump() for o in overrides]
            and (reason is None or saved.reason == reason))


PLAN_COLUMNS = ("select id, patient_id, version, uid, profile_json, plan_json, overrides_json, guidelines_version, "
                 "created_by, created_at, reason from plans")


def plan_version(row) -> PlanVersion:
    try:
        return PlanVersion(
            id=row[0], patient_id=row[1], version=row[2], uid=row[3], profile=stored_profile(row[4]),
            plan=Plan.model_validate_json(row[5]),
            overrides=[WeekOverride.model_validate(item) for item in json.loads(row[6])],
            guidelines_version=row[7] or "", created_by=row[8] or "", created_at=row[9], reason=row[10] or "",
        )
    except ValueError:  # pydantic's ValidationError and json's errors are ValueErrors
        raise record_damaged(f"Plan version {row[2]} of patient {row[1]}") from None


def stored_json(text: str | None, what: str) -> object:
    """A record's JSON text read back (none, or empty, is None), or the record said to be damaged."""
    try:
        return json.loads(text) if text else None
    except ValueError:
        raise record_damaged(what) from None


def record_damaged(what: str) -> Exception:
    """A stored record that cannot be read, said without its text: the error quoted the patient's record (seen when
    a tester zeroed a disk sector inside a plan: its name in the window and on the command line, and a traceback
    from ``progress``). The backups' check finds such a record too (core/storage/database.py)."""
    from core.storage.database import DatabaseDamaged

    # not "db check names the backup": it finds text that is not whole JSON, not a value a model refuses
    return DatabaseDamaged(f"{what} cannot be read: its stored record is damaged. Nothing was changed. Ask whoever "
                           "looks after Treadwell here to check the records (db check) and restore a backup that holds "
                           "it whole; on the clinic server, tell the clinic's administrator.")


def check_week(version: PlanVersion, week: int) -> None:
    if version.plan.blocked or not version.plan.weeks:
        raise ValueError(f"week: plan version {version.version} is blocked by screening and has no weeks to walk")
    if not 1 <= week <= len(version.plan.weeks):
        raise ValueError(f"week: must be from 1 to {len(version.plan.weeks)}, the weeks of plan version "
                         f"{version.version}")


def bundled_authors(logged_by: str, corrected_by: str) -> dict:
    """The columns of a walk a bundle brought that keep who logged it and who corrected it last elsewhere (m019); ""
    for not known (an older bundle), where the audit rows here name the importing clinician."""
    return {"logged_by": logged_by or None, "corrected_by": corrected_by or None}


def session_values(log: SessionLog) -> dict:
    return {"week": log.week, "date": log.date.isoformat(), "minutes": log.minutes, "speed_kmh": log.speed_kmh,
            "rpe": log.rpe, "heart_rate": log.heart_rate, "pain_during": log.pain_during,
            "pain_next_morning": log.pain_next_morning, "stiffer_next_morning": log.stiffer_next_morning,
            "note": log.note}


# Who logged a walk (its first create: a walk deleted and logged again keeps its id) and who corrected it last, as
# the audit names them (seen in review: with several workstations on one clinic database, no screen said who had
# logged a walk); by time first, as a walk moved to the clinic server has its local entries copied after the move's own
_AUDITED_BY = ("(select a.clinician from audit a where a.record_type = 'session' and a.record_id = s.id and a.action "
               "= '{action}' order by a.at {order}, a.id {order} limit 1)")
SESSION_COLUMNS = ("select s.id, s.uid, s.patient_id, s.plan_id, p.version, s.week, s.date, s.minutes, s.speed_kmh, "
                   "s.rpe, s.heart_rate, s.pain_during, s.pain_next_morning, s.note, s.created_at, s.updated_at, "
                   "s.stiffer_next_morning, coalesce(s.logged_by, " + _AUDITED_BY.format(action="create", order="asc")
                   + "), coalesce(" + _AUDITED_BY.format(action="update", order="desc") + ", s.corrected_by)"
                   " from sessions s join plans p on p.id = s.plan_id")  # a walk a bundle brought: as it says (m019)


def session_record(row) -> SessionRecord:
    return SessionRecord(id=row[0], uid=row[1], patient_id=row[2], plan_id=row[3], plan_version=row[4], week=row[5],
                         date=row[6], minutes=row[7], speed_kmh=row[8], rpe=row[9], heart_rate=row[10],
                         pain_during=row[11], pain_next_morning=row[12], note=row[13], created_at=row[14],
                         updated_at=row[15], stiffer_next_morning=None if row[16] is None else bool(row[16]),
                         logged_by=row[17] or None, corrected_by=row[18] or None)


def before_values(record: SessionRecord) -> dict:
    """A session's values as the audit keeps them (``patient_id``: so deleting the patient erases them too; ``uid``:
    so an import does not bring a deleted walk back)."""
    return {"patient_id": record.patient_id, "plan_id": record.plan_id, "uid": record.uid,
            **record.as_logged().model_dump(mode="json")}


def check_based_on(newest: PlanVersion | None, based_on: int | None, profile: PatientProfile, plan: Plan,
                   overrides: list[WeekOverride]) -> None:
    """Refuse a version saved from a plan older than the patient's newest (someone saved meanwhile), saying how
    the profile and the plan differ (seen by a clinic's tester: a profile differing only in its blood pressure was
    "the same plan as yours")."""
    if based_on is None or newest is None or newest.id == based_on:
        return
    raise VersionSavedMeanwhile(newest, (profile, plan, overrides))


# who changed a session (the clinician of the audit row written with its ``updated_at``) or deleted it (its own delete
# row: a walk that went with its deleted patient has none, and is said to be deleted by "someone else"), for a
# correction or deletion refused for it (seen by a clinic's tester: a plan saved meanwhile named its clinician, a walk
# only "someone else")
SESSION_CHANGED_BY = ("select clinician from audit where record_type = 'session' and record_id = {p} and at = {p} "
                      "order by id desc limit 1")
SESSION_DELETED_BY = ("select clinician from audit where record_type = 'session' and record_id = {p} and action = "
                      "'delete' order by id desc limit 1")


def changed_by_query(session_id: int, at: str | None) -> tuple[str, list]:
    """The query (with {p} for its parameters) and parameters for who made the change of ``session_id`` saved at
    ``at``, or (``at`` None) who deleted it."""
    return (SESSION_DELETED_BY, [session_id]) if at is None else (SESSION_CHANGED_BY, [session_id, at])


def changed_by(row: tuple | None) -> str | None:
    """The clinician of a SESSION_CHANGED_BY or SESSION_DELETED_BY row, as a sentence names them (None: not
    known)."""
    return None if row is None else named(row[0])


def get_session_as_read(current: SessionRecord | None, session_id: int, log: SessionLog, based_on: str | None,
                        by: Callable[[str | None], str | None] = lambda at: None) -> SessionRecord:
    """The session a correction applies to, refusing one changed or deleted since ``based_on`` was read
    (``by(at)``: who changed it at ``at``, or deleted it for None; read only then)."""
    if current is None:
        if based_on is not None:
            raise ChangedMeanwhile(log, None, by=by(None))
        raise RecordNotFound(f"There is no logged session with id {session_id}.")
    if based_on is not None and current.updated_at != based_on and current.as_logged() != log:  # holding the
        raise ChangedMeanwhile(log, current, by=by(current.updated_at))  # correction already (a lost answer's try)
    return current


def deleted_as_read(current: SessionRecord, based_on: str | None,
                    by: Callable[[str | None], str | None] = lambda at: None) -> SessionRecord:
    """The session a deletion applies to, refusing one changed since ``based_on`` was read (ChangedBeforeDelete)."""
    if based_on is not None and current.updated_at != based_on:
        raise ChangedBeforeDelete(current, by=by(current.updated_at))
    return current


def tried_again(landed: PlanVersion, patient_id: int | None, based_on: int | None) -> tuple[int, int, None]:
    """A save tried again whose earlier try saved ``landed`` (its answer lost with the connection), with values that
    differ from it (typed since): (patient, based on, uid) for them to be the next version of landed's patient,
    rather than a second patient; based on landed, or on a newer version the clinician was told of since (seen in
    review: based on landed, a save over another's newer version was refused for ever)."""
    if patient_id not in (None, landed.patient_id):
        raise ValueError(f"uid: {landed.uid} is plan {landed.id} of patient {landed.patient_id}, not of {patient_id}.")
    return landed.patient_id, max(landed.id, based_on or 0), None


# a name's patients (folded, as fold_name), most recently saved first ({}: the engine's placeholder)
NAMESAKES = "select id from patients where name_folded = {} order by updated_at desc, id desc"


def namesakes_in(rows: list[tuple], *, besides: int = 0) -> list[int]:
    """The patients ``rows`` (NAMESAKES) name, newest first, other than ``besides`` (PatientRecords.namesakes)."""
    return [row[0] for row in rows if row[0] != besides]


def refuse_namesakes_in(rows: list[tuple]) -> None:
    """Raises NamesakeSaved where ``rows`` (NAMESAKES) name any patient."""
    if patients := namesakes_in(rows):
        raise NamesakeSaved(patients)


def unchanged_or_checked(patient_id: int, saved_name_folded: str, newest: PlanVersion | None,
                         profile: PatientProfile, plan: Plan, overrides: list[WeekOverride], *, based_on: int | None,
                         same_person: bool) -> PlanVersion | None:
    """Before a new version of an existing patient: the newest version when nothing differs from it (nothing is
    saved); otherwise None once the save may go ahead. Raises VersionSavedMeanwhile, or DifferentPatient (a profile
    naming someone else, unless the clinician confirmed it is the same person)."""
    if newest is not None and same_version(newest, profile, plan, overrides):
        return newest
    check_based_on(newest, based_on, profile, plan, overrides)
    differs = [] if same_person else identity_differences(saved_name_folded, newest, profile)
    if differs:
        raise DifferentPatient(patient_id, differs)
    return None


def identity_differences(saved_name_folded: str, newest: PlanVersion | None, profile: PatientProfile) -> list[str]:
    """What suggests the profile is someone else than the saved patient: another name (case, accents, apostrophes and
    spaces aside), another sex (where both are known), or an age that went down or up by more than the years
    since the last version was saved allow. A profile holds no date of birth or record number, so these three are
    what a same-name mix-up can be caught by."""
    differs = [] if saved_name_folded == fold_name(profile.name) else ["name"]
    if newest is None:
        return differs
    before = newest.profile
    if {before.sex, profile.sex}.isdisjoint({None, "unspecified"}) and before.sex != profile.sex:
        differs.append("sex")
    years_since = (dt.date.today() - newest.saved_on).days // 365
    if not before.age <= profile.age <= before.age + years_since + 1:
        differs.append("age")
    return differs
