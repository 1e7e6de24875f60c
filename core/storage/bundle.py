"""Plan bundles: one JSON file with a patient's profile, plan versions and session logs, to move a
patient between workstations. Import checks everything (format, version, checksum, every record)
before writing anything, then writes it all in one transaction."""

from __future__ import annotations

import hashlib
import json
from typing import Literal

import sqlite_utils
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.app_info import app_version
from core.plan.adjustment import SessionLog
from core.plan.engine import Plan
from core.plan.profile import PatientProfile, profile_problems, stored_profile
from core.storage import records
from core.plan.overrides import WeekOverride

BUNDLE_FORMAT = "treadwell-plan-bundle"
BUNDLE_VERSION = 1
MAX_BUNDLE_BYTES = 50_000_000


class BundleError(Exception):
    """The bundle cannot be imported; ``problems`` has one plain line each. Nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class BundledVersion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1)
    profile: dict
    plan: dict
    overrides: list[WeekOverride] = []
    created_by: str = ""
    created_at: str


class BundledLog(SessionLog):
    version: int = Field(ge=1)
    week: int = Field(ge=1, le=26)


class BundleContent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    patient_name: str
    versions: list[BundledVersion] = Field(min_length=1)
    session_logs: list[BundledLog] = []


class Bundle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["treadwell-plan-bundle"]
    bundle_version: int
    app_version: str
    exported_at: str
    checksum: str
    content: BundleContent


def _checksum(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def export_bundle(db: sqlite_utils.Database, plan_id: int, *, clinician: str) -> str:
    """The bundle of the patient who owns ``plan_id``: every version and every session log."""
    anchor = records.get_plan(db, plan_id)
    history = records.plan_history(db, anchor.patient_id)
    logs = [BundledLog(version=v.version, **log.model_dump(exclude={"id", "plan_id"}))
            for v in history for log in records.session_logs(db, v.id)]
    content = BundleContent(
        patient_name=history[-1].profile.name,
        versions=[BundledVersion(version=v.version, profile=v.profile.model_dump(mode="json"),
                                 plan=v.plan.model_dump(mode="json"), overrides=v.overrides,
                                 created_by=v.created_by, created_at=v.created_at) for v in history],
        session_logs=logs,
    ).model_dump(mode="json")
    bundle = {"format": BUNDLE_FORMAT, "bundle_version": BUNDLE_VERSION, "app_version": app_version(),
              "exported_at": records.now_iso(), "checksum": _checksum(content), "content": content}
    records.record_event(db, "export", "patient", anchor.patient_id, clinician)
    return json.dumps(bundle, ensure_ascii=False, indent=2)


def read_bundle(data: bytes) -> tuple[BundleContent, list[tuple[PatientProfile, Plan]]]:
    """Validate a bundle completely; raises BundleError listing every problem."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError([f"the file is larger than {MAX_BUNDLE_BYTES // 1_000_000} MB; a plan bundle is far smaller"])
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BundleError([f"the file is not a readable JSON plan bundle ({type(error).__name__})"]) from error
    if not isinstance(raw, dict) or raw.get("format") != BUNDLE_FORMAT:
        raise BundleError(["the file is not a Treadwell plan bundle"])
    version = raw.get("bundle_version")
    if isinstance(version, int) and version > BUNDLE_VERSION:
        raise BundleError([f"the bundle was made by a newer Treadwell (bundle version {version}; this version reads "
                           f"up to {BUNDLE_VERSION}). Update Treadwell to import it."])
    try:
        bundle = Bundle.model_validate(raw)
    except ValidationError as error:
        raise BundleError([f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                           for e in error.errors(include_url=False, include_input=False)]) from error
    if _checksum(raw["content"]) != bundle.checksum:
        raise BundleError(["the bundle's checksum does not match its content: the file was changed or damaged "
                           "after export"])
    problems, pairs = [], []
    versions = [v.version for v in bundle.content.versions]
    if len(set(versions)) != len(versions):
        problems.append("versions: the same version number appears twice")
    for item in bundle.content.versions:
        try:
            profile = stored_profile(json.dumps(item.profile))  # JSON rules, as from a file; saved records open as saved
        except ValidationError as error:
            problems += [f"version {item.version} profile: {line}" for line in profile_problems(error)]
            continue
        try:
            pairs.append((profile, Plan.model_validate_json(json.dumps(item.plan))))
        except ValidationError as error:
            problems.append(f"version {item.version} plan: {error.error_count()} field(s) do not fit this version")
    for log in bundle.content.session_logs:
        if log.version not in versions:
            problems.append(f"session log of {log.date}: refers to version {log.version}, which is not in the bundle")
    if problems:
        raise BundleError(problems)
    return bundle.content, pairs


def import_bundle(db: sqlite_utils.Database, data: bytes, *, clinician: str) -> list[int]:
    """Create the patient anew with every version and log; returns the new plan ids (oldest first)."""
    content, pairs = read_bundle(data)
    by_version = {item.version: (item, pair) for item, pair in zip(content.versions, pairs)}
    plan_ids: dict[int, int] = {}
    with db.atomic():
        patient_id = None
        for number in sorted(by_version):
            item, (profile, plan) = by_version[number]
            saved = records.save_plan(db, profile, plan, clinician=item.created_by or clinician,
                                      patient_id=patient_id, overrides=item.overrides)
            patient_id, plan_ids[number] = saved.patient_id, saved.id
        for log in content.session_logs:
            records.add_session_log(db, plan_ids[log.version], log.week,
                                    SessionLog.model_validate(log.model_dump(exclude={"version", "week"})),
                                    clinician=clinician)
        records.record_event(db, "import", "patient", patient_id, clinician)
    return [plan_ids[number] for number in sorted(plan_ids)]
