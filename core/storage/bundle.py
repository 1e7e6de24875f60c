"""Plan bundles: one JSON file with a patient's whole course of care (profile, plan versions and
sessions), to move a patient between workstations: its format, and the checks every import passes.

Bundle version 2 carries stable ids: the patient's, each version's and each session's (``uid``); version 3
adds a session's next-morning stiffness. Importing a patient who is already here (the same patient uid)
adds only the versions and sessions that are new, or says that nothing is; it never makes a second
patient. Version 1 bundles (before ids) still import: their ids are derived from their content, so
importing the same version 1 file twice finds the first.

An import checks everything before writing anything, then writes it all in one transaction. Each
refusal is one plain line per problem, naming the record ("version 2 plan", "session log 3") and the
field, never echoing a value. The checks, in order:

1. The file: UTF-8 JSON, no key given twice in one object, no NaN or infinity anywhere, text only.
2. The envelope: the format, ``bundle_version`` exactly the whole number 1, 2, 3, 4 or 5, the checksum. The checksum
   is not keyed: it catches damage, not forgery, which is why step 4 exists.
3. Every record, strictly typed ("1" is not 1, true is not 1), against the models and rules of data
   typed in: profiles as saved records (``stored_profile``: a rule added after a record was saved does
   not make it unreadable), overrides (``WeekOverride``, one per week, a week of the plan), session logs
   (``SessionLog``, a week of their version's plan), versions numbered 1 to N, authors and dates, and
   from version 2 the ids (each a UUID, none twice).
4. Every plan re-derived: ``compute_plan`` on the version's profile, with the options the plan records
   (``rules.max_weekly_increase_pct``, ``rules.pain.allowed_rise``, and the HRmax formula its intensity
   names) and the studies of this database's evidence library. Any clinical value that differs is
   refused, by field; what the evidence library lends (cited studies, borrowed structure) is taken from
   this workstation's library, as its studies may differ (kept as saved when the bundle comes from this
   workstation's own records: db move-to). A plan made under earlier guidelines is kept as
   saved (core/storage/bundle_rederive.py); one under guidelines this Treadwell does not know is refused.

Writing a bundle and importing one (what is added, provenance, the audit): core/storage/bundle_transfer.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.evidence.models import Study
from core.inputs import another_own_file
from core.plan.engine import Plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile, checked_name, profile_problems, stored_profile
from core.plan.session_log import SessionLog, SessionLogError, allowed_after, check_not_after
from core.records.models import reason_text
from core.stamps import checked_stamp
from core.storage import legacy_ids
from core.storage.bundle_messages import plain_message, record_and_field, shown_key
from core.storage.bundle_rederive import StudiesFor, rederive

BUNDLE_FORMAT = "treadwell-plan-bundle"
BUNDLE_VERSION = 5
# Version 1 has no ids: they are derived from its content (core/storage/legacy_ids.py). Version 3 adds a
# session's stiffer_next_morning, version 4 a plan version's reason, version 5 who logged a session and who corrected
# it last: an older Treadwell refuses such a bundle, asking to be updated, rather than the field.
READS_BUNDLE_VERSIONS = (1, 2, 3, 4, 5)
MAX_BUNDLE_BYTES = 50_000_000  # the most an import reads (core.inputs.read_input); a patient's bundle is kB
CLOCK_SLACK = dt.timedelta(days=1)  # a session dated "tomorrow" by a workstation whose clock or time zone is ahead
MAX_PROBLEMS = 50  # lines in one refusal; the rest are counted
AUTHOR_MAX_LENGTH = 120  # as the clinician's name in settings


class BundleError(Exception):
    """The bundle cannot be imported; ``problems`` has one plain line each. Nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _uid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError("must be an id as Treadwell writes them (a UUID, such as "
                         "0d4f8a52-6c1e-4b7a-9a43-5e2f1c7b8d90)") from None


# A patient's, version's or session's id, from bundle version 2 on (None before): as Treadwell writes it.
OptionalUid = Annotated[str | None, Field(max_length=36), AfterValidator(lambda v: None if v is None else _uid(v))]
# A clinician who saved a version, or logged or corrected a session ("": none recorded): no control, line-separator
# or bidi characters.
Author = Annotated[str, Field(max_length=AUTHOR_MAX_LENGTH), AfterValidator(lambda v: checked_name(v) if v else v)]


class BundledVersion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1)
    uid: OptionalUid = None
    profile: dict
    plan: dict
    overrides: list[WeekOverride] = []
    created_by: Author = ""  # "": no author recorded
    created_at: str = Field(max_length=64)
    reason: Annotated[str, AfterValidator(reason_text)] = ""  # bundle version 4; "": none given

    @field_validator("created_at")
    @classmethod
    def _when(cls, value: str) -> str:
        return checked_stamp(value, slack=CLOCK_SLACK)


class BundledLog(SessionLog):
    version: int = Field(ge=1)
    uid: OptionalUid = None
    logged_by: Author = ""  # bundle version 5; "": not known
    corrected_by: Author = ""  # bundle version 5; "": none, or not known


class BundleContent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    patient_uid: OptionalUid = None
    patient_name: str
    versions: list[BundledVersion] = Field(min_length=1)
    session_logs: list[BundledLog] = []


class Bundle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["treadwell-plan-bundle"]
    bundle_version: Literal[1, 2, 3, 4, 5]
    app_version: str = Field(max_length=40)
    exported_at: str = Field(max_length=64)
    checksum: str = Field(max_length=100)
    content: BundleContent

    @field_validator("exported_at")
    @classmethod
    def _when(cls, value: str) -> str:
        return checked_stamp(value, slack=CLOCK_SLACK)


@dataclass(frozen=True)
class CheckedVersion:
    number: int
    uid: str
    profile: PatientProfile
    plan: Plan  # as the engine computes it: equal, field for field, to the bundle's (or earlier guidelines' as saved)
    overrides: list[WeekOverride]
    created_by: str
    created_at: str
    reason: str


@dataclass(frozen=True)
class CheckedLog:
    version: int
    uid: str
    log: SessionLog
    logged_by: str = ""  # as the bundle names them ("": not known)
    corrected_by: str = ""


@dataclass(frozen=True)
class CheckedBundle:
    patient_uid: str
    versions: list[CheckedVersion]  # by version number
    session_logs: list[CheckedLog]


def content_checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- Reading and checking -------------------------------------------------------------------------------


def read_bundle(data: bytes, studies_for: StudiesFor, *, today: dt.date | None = None,
                lent_as_given: bool = False) -> CheckedBundle:
    """Check a bundle completely (``studies_for(etiology)``: the evidence library's studies of an
    etiology, to re-derive the plans; ``lent_as_given``: bundle_rederive.rederive's); raises BundleError listing
    every problem."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError([f"the file is larger than {MAX_BUNDLE_BYTES // 1_000_000} MB; a plan bundle is far smaller"])
    raw = _parse(data)
    _check_envelope(raw)
    try:  # one serialisation, proving there is no NaN, infinity or lone surrogate anywhere
        text = json.dumps(raw, allow_nan=False, ensure_ascii=False)
        text.encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        raise BundleError(_capped([f"{record_and_field(raw, path)}: {what}" for path, what in _bad_values(raw)])) from None
    except RecursionError:
        raise BundleError(["the file is not a readable JSON plan bundle (nested too deeply)"]) from None
    try:
        bundle = Bundle.model_validate_json(text, strict=True)
    except ValidationError as error:
        raise BundleError(_capped([_model_problem(raw, item) for item in
                                   error.errors(include_url=False, include_input=False)])) from error
    if content_checksum(raw["content"]) != bundle.checksum:
        raise BundleError(["the bundle's checksum does not match its content: the file was changed or damaged "
                           "after export"])
    return _check_records(bundle.content, studies_for, bundle.bundle_version, today or dt.date.today(),
                          lent_as_given)


def _parse(data: bytes) -> object:
    repeated: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        return dict(items)

    try:
        raw = json.loads(data.decode("utf-8-sig"), object_pairs_hook=pairs)
    except UnicodeDecodeError as error:
        raise BundleError(["the file is not text (a PDF, or another kind of file?): a plan bundle is the .json file "
                           "an export of a patient writes (Export bundle in Records, or plans export)"]) from error
    except json.JSONDecodeError as error:
        raise BundleError([f"the file is not a readable JSON plan bundle: {error.msg.lower()} (line {error.lineno}, "
                           f"column {error.colno}: cut short, or changed by hand?)"]) from error
    except RecursionError as error:  # nested past reason
        raise BundleError(["the file is not a readable JSON plan bundle (nested too deeply)"]) from error
    except ValueError as error:  # Python reads at most 4,300 digits of a number (it said only "(ValueError)")
        raise BundleError(["the file is not a readable JSON plan bundle: it holds a number too long to read (more "
                           "than 4,300 digits: changed by hand?)"]) from error
    if not isinstance(raw, dict) or raw.get("format") != BUNDLE_FORMAT:  # the window's Import names no command
        other = another_own_file(raw, "plan bundle", with_command=False)
        raise BundleError([other or "the file is not a Treadwell plan bundle"])
    if repeated:  # JSON parsers keep the last one silently
        raise BundleError(_capped([f"{shown_key(key)}: appears more than once in one object of the file; a "
                                   "bundle gives each field once" for key in repeated]))
    return raw


def _check_envelope(raw: dict) -> None:
    version = raw.get("bundle_version")
    reads = f"this Treadwell reads bundle versions {' and '.join(map(str, READS_BUNDLE_VERSIONS))}"
    if "bundle_version" not in raw:
        raise BundleError([f"bundle_version: is missing; {reads}"])
    if type(version) is not int:  # strictly: not true, 1.0 or "1"
        raise BundleError([f"bundle_version: must be a whole number; {reads}"])
    if BUNDLE_VERSION < version <= 1000:
        raise BundleError([f"the bundle was made by a newer Treadwell (bundle version {version}; this version reads "
                           f"up to {BUNDLE_VERSION}). Update Treadwell to import it."])
    if version not in READS_BUNDLE_VERSIONS:
        shown = f" {version}" if abs(version) <= 1000 else ""
        raise BundleError([f"bundle_version: there is no bundle version{shown}; {reads}"])


def _check_records(content: BundleContent, studies_for: StudiesFor, bundle_version: int,
                   today: dt.date, lent_as_given: bool) -> CheckedBundle:
    from core.handout.fonts import name_problem  # reportlab's font tables: only when a bundle is read

    problems: list[str] = _id_problems(content) if bundle_version >= 2 else []
    patient_uid = content.patient_uid or _derived_patient_uid(content)
    numbers = [item.version for item in content.versions]
    if sorted(numbers) != list(range(1, len(numbers) + 1)):
        problems.append(f"versions: must be numbered 1 to {len(numbers)}, each once, as Treadwell exports them")
    cache: dict[str, list[Study]] = {}

    def studies(etiology: str) -> list[Study]:
        if etiology not in cache:
            cache[etiology] = studies_for(etiology)
        return cache[etiology]

    checked: dict[int, CheckedVersion] = {}
    for item in content.versions:
        label = f"version {item.version}" if item.version <= 1_000_000 else "a version numbered too high"
        try:  # as a saved record: JSON rules, as from a file, without rules added after it was saved
            profile = stored_profile(json.dumps(item.profile))
        except ValidationError as error:
            problems += [f"{label} profile: {line}" for line in profile_problems(error)]
            profile = None
        if profile is not None and not lent_as_given and item.version == len(content.versions) and (  # the name
                unprintable := name_problem(profile.name)):  # every report carries, as typed in (seen by a helper:
            problems.append(f"{label} profile: name: {unprintable}")  # imported, then every one of them failed)
        plan, plan_problems = (None, []) if profile is None else \
            rederive(label, profile, item.plan, studies, lent_as_given=lent_as_given)
        problems += plan_problems
        seen: set[int] = set()
        for position, override in enumerate(item.overrides, start=1):
            where = f"{label} override {position}: week"
            if override.week in seen:
                problems.append(f"{where}: the same week is changed twice; a plan has one change per week")
            elif plan is not None and override.week > len(plan.weeks):
                problems.append(f"{where}: " + (f"must be from 1 to {len(plan.weeks)}, the weeks of this version's plan"
                                                if plan.weeks else "this version's plan is blocked and has no weeks"))
            seen.add(override.week)
        if plan is not None and item.version not in checked:
            uid = item.uid or legacy_ids.version_uid(patient_uid, item.version, item.created_at)
            checked[item.version] = CheckedVersion(item.version, uid, profile, plan, list(item.overrides),
                                                   item.created_by, item.created_at, item.reason)
    logs: list[CheckedLog] = []
    seen_sessions: dict[tuple, int] = {}
    for position, log in enumerate(content.session_logs, start=1):
        if log.version not in numbers:
            problems.append(f"session log {position}: version: refers to a version the bundle does not hold")
            continue
        version = checked.get(log.version)
        if version is None:
            continue  # its version's problems are reported above
        last = len(version.plan.weeks)  # the rule records.add_session applies to data typed in
        if version.plan.blocked or not last:
            problems.append(f"session log {position}: week: version {log.version}'s plan is blocked by screening and "
                            "has no weeks to walk")
            continue
        if log.week > last:
            problems.append(f"session log {position}: week: must be from 1 to {last}, the weeks of version "
                            f"{log.version}'s plan")
            continue
        session = SessionLog.model_validate(log.model_dump(exclude={"version", "uid", "logged_by", "corrected_by"}))
        try:  # as typed in, with a day's slack for another workstation's clock
            check_not_after(session, today, slack=CLOCK_SLACK)
        except SessionLogError as error:
            problems += [f"session log {position}: {problem}" for problem in error.problems]
            continue
        uid = log.uid
        if uid is None:  # version 1: as migration m005 derives the ids of the sessions it moves
            key = (log.version, session.week, session.date.isoformat(), float(session.minutes), session.speed_kmh,
                   session.rpe, session.pain_during, session.pain_next_morning)
            seen_sessions[key] = seen_sessions.get(key, 0) + 1
            uid = legacy_ids.session_uid(patient_uid, *key, occurrence=seen_sessions[key])
        logs.append(CheckedLog(log.version, uid, session, log.logged_by, log.corrected_by))
    newest = max(content.versions, key=lambda item: item.version)
    if newest.version in checked and checked[newest.version].profile.name != content.patient_name:
        problems.append("patient_name: is not the name in the newest version's profile")
    if problems:
        raise BundleError(_capped(problems))
    return CheckedBundle(patient_uid=patient_uid, versions=[checked[number] for number in sorted(checked)],
                         session_logs=logs)


def _id_problems(content: BundleContent) -> list[str]:
    """Bundle version 2: the patient, every version and every session carry an id, none given twice."""
    problems = [] if content.patient_uid else ["patient_uid: is missing; a bundle version 2 names its patient's id"]
    seen: set[str] = set()
    for kind, items in (("version", content.versions), ("session log", content.session_logs)):
        for position, item in enumerate(items, start=1):
            label = f"version {item.version}" if kind == "version" and item.version <= 1_000_000 else \
                f"{kind} {position}"
            if item.uid is None:
                problems.append(f"{label}: uid: is missing; a bundle version 2 gives each record its id")
            elif item.uid in seen or item.uid == content.patient_uid:
                problems.append(f"{label}: uid: is given to another record too; each record has its own id")
            else:
                seen.add(item.uid)
    return problems


def _derived_patient_uid(content: BundleContent) -> str:
    """A version 1 bundle's patient id, as migration m005 derives it for a patient saved before ids."""
    first = min(content.versions, key=lambda item: item.version)
    name = first.profile.get("name") if isinstance(first.profile, dict) else None
    return legacy_ids.patient_uid(legacy_ids.folded_as_before_m013(name) if isinstance(name, str) else "",
                                 first.created_at)


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], f"... and {len(problems) - MAX_PROBLEMS} more problems"]


def _model_problem(raw: dict, item: dict) -> str:
    if item["type"] == "json_invalid":
        return "the file is not a readable JSON plan bundle"
    if tuple(item["loc"]) == ("bundle_version",):
        return f"bundle_version: must be {BUNDLE_VERSION}"
    loc, message = tuple(item["loc"]), plain_message(item)
    if loc[:2] == ("content", "session_logs") and len(loc) > 3:  # as a session file typed in says it
        message += allowed_after(str(loc[3]), message)
    return f"{record_and_field(raw, loc)}: {message}"


def _bad_values(raw: object) -> list[tuple[tuple, str]]:
    """Where the file holds NaN, infinity (or a number too large to be finite) or text that is not text."""
    found, stack = [], [((), raw)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and not _is_text(key):
                    found.append((path, "a field name is not valid text"))
                stack.append(((*path, key), item))
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
        elif isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            found.append((path, "must be a finite number (NaN, infinity and numbers too large are not allowed)"))
        elif isinstance(value, str) and not _is_text(value):
            found.append((path, "is not valid text (a lone surrogate character)"))
    return sorted(found, key=lambda item: [str(part) for part in item[0]])


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
