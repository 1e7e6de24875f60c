"""The clinician's settings: a versioned pydantic model saved as JSON in the data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.atomic import WriteError, atomic_write_bytes
from core.inputs import InputError, in_lower_case, read_input, said_plainly, text_encoding
from core.plan import guidelines as g
from core.plan.engine import PlanOptions
from core.plan.profile import checked_line
from core.records_address import checked_address

SETTINGS_SCHEMA_VERSION = 1


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = SETTINGS_SCHEMA_VERSION
    clinic_name: str = Field(default="", max_length=120)
    clinician_name: str = Field(default="", max_length=120)
    contact_phone: str = Field(default="", max_length=40)
    # the local emergency number, printed on the handout's stop page where set (none is assumed: it differs by country)
    emergency_number: str = Field(default="", max_length=40)
    logo_path: str | None = None
    paper_size: Literal["a4", "letter"] = "a4"
    units: Literal["metric", "imperial"] = "metric"
    handout_language: str = "en"  # a patient's handout language when their profile names none (BCP 47)
    handout_print: Literal["large", "standard"] = "large"  # patient text at 16 pt or more, or at 14 pt
    plan: PlanOptions = Field(default_factory=PlanOptions)  # HRmax formula and progression cap
    backup_daily_keep: int = Field(default=7, ge=1, le=60)
    backup_weekly_keep: int = Field(default=4, ge=0, le=52)
    # The clinic's PostgreSQL server for patient records ("": this workstation's own file). Never a password:
    # libpq's password or service file holds it, or the clinician types it when asked (docs/clinic-server.md).
    records_url: str = Field(default="", max_length=500)

    @field_validator("clinic_name", "clinician_name", "contact_phone", "emergency_number")
    @classmethod
    def _one_plain_line(cls, value: str) -> str:
        """As the dialog saves them, and a hand-edited file too: one line, no control or bidi override characters
        (seen in review: a line break in the clinician's name reached the audit trail, whose bundles refused it)."""
        return checked_line(value)

    @field_validator("paper_size", "units", "handout_print", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        """"A4" in a hand-edited file is the a4 the window writes (seen by a helper: refused for its capitals)."""
        return in_lower_case(value)

    @field_validator("handout_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        from core.languages import canonical_tag

        return canonical_tag(value)

    @field_validator("records_url")
    @classmethod
    def _clinic_address(cls, value: str) -> str:
        return checked_address(value)

    @property
    def clinician(self) -> str:
        """Who the audit trail names."""
        return self.clinician_name.strip() or UNNAMED_CLINICIAN


# Who saved, when Settings has no clinician name (on the clinic server, the sign-in role is named instead)
UNNAMED_CLINICIAN = "unnamed clinician"
PHONE_DIGITS_AT_LEAST = 3  # product default: the shortest number a patient could dial


def phone_problem(phone: str, *, before: str = "", examples: str = "020 7946 0000 or +1 555 0100",
                  digits: int = PHONE_DIGITS_AT_LEAST) -> str | None:
    """What is wrong with a clinic phone number (or the emergency number, with its own ``examples``) as typed, or
    None. Left empty is allowed (the handout then leaves a line to write the clinic's on). Checked where it is typed,
    not when a settings file is read: a file saved before this check still opens, and its phone left as it was
    (``before``) is not asked about."""
    if phone != before and phone.strip() and sum(character.isdigit() for character in phone) < digits:
        return f"must be the number a patient dials, with at least {digits} digits (such as {examples}), or left empty"
    return None


EMERGENCY_EXAMPLES = "999, 112, 911 or 15"
EMERGENCY_DIGITS_AT_LEAST = 2  # product default: France's and Morocco's ambulance number is 15


def emergency_problem(number: str, *, before: str = "") -> str | None:
    """What is wrong with the ambulance number as typed (phone_problem's rule, with two digits), or None."""
    return phone_problem(number, before=before, examples=EMERGENCY_EXAMPLES, digits=EMERGENCY_DIGITS_AT_LEAST)


def typed_problems(settings: Settings, before: Settings) -> list[tuple[str, str]]:
    """The problems of the clinic's details as typed in Settings or the welcome, as (field, problem), each field's
    first, the phone's and the ambulance number's (phone_problem, emergency_problem) before any of the four the
    handout's fonts cannot print. Seen in review: a clinic name with an emoji was saved, and from then on every
    handout and progress report failed; by a clinician: one problem said at a time, the next only at the next Save. A
    value kept as it was (``before``) is not asked about, as for the phone."""
    from core.handout.fonts import cannot_print

    found = {}
    if problem := phone_problem(settings.contact_phone, before=before.contact_phone):
        found["contact_phone"] = problem
    if problem := emergency_problem(settings.emergency_number, before=before.emergency_number):
        found["emergency_number"] = problem
    for field, what in (("clinic_name", "the clinic's name"), ("clinician_name", "the name"),
                        ("contact_phone", "the number"), ("emergency_number", "the number")):
        value = getattr(settings, field)
        if field not in found and value != getattr(before, field) and (problem := cannot_print(value, what)):
            found[field] = problem
    return list(found.items())


class SettingsError(Exception):
    """Settings could not be read or written; the message names the file and each problem."""

    def __init__(self, problems: list[str] | str, path: Path | None = None) -> None:
        self.problems = [problems] if isinstance(problems, str) else problems
        where = f"The settings file {path} cannot be used: " if path is not None else ""
        super().__init__(where + "; ".join(self.problems) + ("." if where else ""))


MAX_SETTINGS_BYTES = 1_000_000


def load_settings(path: Path) -> Settings:
    """Missing file: defaults. A damaged file is reported, never overwritten behind the clinician's back;
    every problem is named (the field and what is allowed) in the SettingsError's ``problems``."""
    data = _read(path)
    if data is None:
        return Settings()
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise SettingsError(problems_in_words(error), path) from error


def load_settings_keeping_what_is_valid(path: Path, instead: Settings | None = None) -> tuple[Settings, list[str]]:
    """For the window, which must open whatever the file holds: every valid value kept, each invalid one
    replaced by its default (or by ``instead``'s: the window's own, for Settings opened on a file gone bad since, seen
    by a helper to save the window's old clinic name and ambulance number over a hand edit for one bad paper size) and
    named in the returned problems. The file itself is left as it is."""
    fallback = instead or Settings()
    try:
        data = _read(path)
    except SettingsError as error:
        return fallback, error.problems
    if data is None:
        return Settings(), []
    problems: list[str] = []
    for _ in range(len(Settings.model_fields) + len(PlanOptions.model_fields) + 1):  # one bad value per pass at least
        try:
            return Settings.model_validate(data), problems
        except ValidationError as error:
            problems += [line for line in problems_in_words(error) if line not in problems]
            bad = [tuple(item["loc"]) for item in error.errors(include_url=False, include_input=False)]
            data = _without(data, bad) if instead is None else _put(_without(data, bad), bad, instead.model_dump())
    return fallback, problems


def clinician_of(path: Path) -> tuple[str, list[str]]:
    """Who the audit trail names, for a command that needs nothing else from the settings, with the file's other
    problems to warn of (seen in review: a phone number with a line break stopped every walk logged and every patient
    exported from the command line, where the window kept what was valid). Raises SettingsError where the file cannot
    be read, or where the clinician's name is a value that is not valid (the audit would name no one), or the clinic
    database's address (the command would save in this workstation's file instead: seen in review)."""
    data = _read(path)
    if data is None:
        return Settings().clinician, []
    try:
        return Settings.model_validate(data).clinician, []
    except ValidationError as error:
        if any(tuple(item["loc"][:1]) in ((), ("clinician_name",), ("records_url",))
               for item in error.errors(include_url=False)):
            raise SettingsError(problems_in_words(error), path) from error
    settings, problems = load_settings_keeping_what_is_valid(path)
    return settings.clinician, problems


def clinic_address(path: Path) -> str:
    """The clinic server's address in the settings file ("": this workstation's own records), read whatever the
    other settings hold; SettingsError where the file cannot be read or the address itself is not valid."""
    data = _read(path)
    try:
        return Settings.model_validate({"records_url": (data or {}).get("records_url", "")}).records_url
    except ValidationError as error:
        raise SettingsError(problems_in_words(error), path) from error


def _without(data: dict, locations: list[tuple]) -> dict:
    """``data`` without the values at ``locations`` (a nested value alone, not its whole section)."""
    kept = json.loads(json.dumps(data))
    for location in locations:
        node: object = kept
        for part in location[:-1]:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict) and location:
            node.pop(location[-1], None)
        elif location:
            kept.pop(location[0], None)
    return kept


def _put(data: dict, locations: list[tuple], source: dict) -> dict:
    """``data`` with ``source``'s values at ``locations`` where it has them (a key it does not know stays out)."""
    for location in locations:
        value, node = source, data
        for part in location:
            value = value.get(part, _MISSING) if isinstance(value, dict) else _MISSING
        if value is _MISSING or not location:
            continue
        for part in location[:-1]:
            node = node.setdefault(part, {}) if isinstance(node.get(part), dict | None) else {}
        node[location[-1]] = value
    return data


_MISSING = object()


def _read(path: Path) -> dict | None:
    """The settings file as a JSON object, or None when there is none. UTF-8 (with or without a BOM) and
    UTF-16 with a BOM are read; anything else is refused with one plain sentence."""
    if not path.exists():
        return None
    try:
        raw = read_input(path, limit=MAX_SETTINGS_BYTES, what="settings")
    except InputError as error:
        raise SettingsError([str(error)], path) from error
    try:
        data = json.loads(raw.decode(text_encoding(raw)))
    except UnicodeDecodeError as error:
        raise SettingsError(["the file is not UTF-8 text; save it as UTF-8 or open Settings and save again"],
                            path) from error
    except json.JSONDecodeError as error:  # where, so it can be mended in a text editor
        raise SettingsError([f"the file is not valid settings JSON: {error.msg.lower()} (line {error.lineno}, "
                             f"column {error.colno}); mend it there, or open Settings and save again"],
                            path) from error
    except (ValueError, RecursionError) as error:  # nested past reason, or a number past reason
        raise SettingsError([f"the file is not valid settings JSON ({type(error).__name__})"], path) from error
    if not isinstance(data, dict):
        raise SettingsError(["the file must hold one JSON object of settings"], path)
    version = data.get("schema_version", SETTINGS_SCHEMA_VERSION)
    if version != SETTINGS_SCHEMA_VERSION or type(version) is not int:
        raise SettingsError([f"schema_version: this Treadwell reads settings version {SETTINGS_SCHEMA_VERSION}; "
                             "the file comes from another version of Treadwell"], path)
    return data


def problems_in_words(error: ValidationError, names: dict[str, str] | None = None) -> list[str]:
    """One line per problem, each setting named by ``names`` (a dialog's labels: "Phone on the handout: ...", not
    "contact_phone: ...") or by its name in the file."""
    lines = []
    for item in error.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in item["loc"]) or "settings"
        if names and item["loc"]:
            where = names.get(str(item["loc"][0]), where)
        if item["type"] == "extra_forbidden":
            lines.append(f"{where}: is not a setting (check its spelling; settings are: "
                         f"{', '.join(name for name in Settings.model_fields if name != 'schema_version')})")
        else:
            unit = _UNITS.get(str(item["loc"][-1])) if item["loc"] else None
            lines.append(f"{where}: {said_plainly(item['msg'])}" + (f" ({unit})" if unit else ""))
    return lines


# What a number in the settings is counted in, where a clinician could write another unit.
_GLUCOSE = "in mg/dL; a value in mmol/L times 18 is mg/dL: 5.6 mmol/L is about 100 mg/dL"
_UNITS = {
    "glucose_low_mg_dl": f"{g.GLUCOSE_LOW_RANGE_MG_DL[0]} to {g.GLUCOSE_LOW_RANGE_MG_DL[1]} {_GLUCOSE}",
    "glucose_ketone_check_mg_dl": f"{g.GLUCOSE_KETONE_CHECK_RANGE_MG_DL[0]} to {g.GLUCOSE_KETONE_CHECK_RANGE_MG_DL[1]} "
                                  f"{_GLUCOSE}",
    "backup_daily_keep": "how many daily backups to keep, 1 to 60",
    "backup_weekly_keep": "how many weekly backups to keep, 0 to 52",
}


def save_settings(settings: Settings, path: Path) -> Path | None:
    """Never a half-written file: see core.atomic. A file there that cannot be read as settings at all (not JSON, not
    UTF-8, another version's) is copied beside it first, under a name of its own, which is returned: seen by a helper,
    one missing comma, and Settings saved in the window put defaults over the clinic's phone, ambulance number and
    units, no copy kept."""
    kept = None if readable_as_settings(path) or not path.is_file() else _kept_beside(path)
    try:
        atomic_write_bytes(path, settings.model_dump_json(indent=2).encode("utf-8"))
    except WriteError as error:
        raise SettingsError(f"The settings were not saved. {error}") from error
    return kept


def readable_as_settings(path: Path) -> bool:
    """Whether the file is missing or holds a settings object (its values right or not): else none of it is used."""
    try:
        _read(path)
    except SettingsError:
        return False
    return True


def _kept_beside(path: Path) -> Path:
    import datetime as dt
    import os

    stamp, number = dt.datetime.now().strftime("%Y%m%d-%H%M%S"), 1
    kept = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.stem}.unreadable-{stamp}-{number}{path.suffix}")
    try:  # a name of its own ("x": never through a link left there), on the disk before the file is replaced
        with open(kept, "xb") as copy:
            copy.write(path.read_bytes())
            copy.flush()
            os.fsync(copy.fileno())
    except OSError as error:
        raise SettingsError(f"The settings were not saved: the file there, which could not be read, could not be "
                            f"kept first as {kept.name} ({error.strerror or error}).") from error
    return kept
