"""The patient profile: what the clinician enters, with the ranges that are valid.

Read from and written to JSON. Anything outside the ranges is refused with a message naming the
field and what is allowed (``profile_problems``); no value is coerced silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal, NamedTuple

from pydantic import (
    BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, ValidationInfo, field_validator, model_validator,
)

from core.app_info import program_name
from core.etiology import ETIOLOGY_IDS, EtiologyId
from core.inputs import (
    InputError, another_own_file, encoding_problem, read_input, said_plainly, whole_number_message,
)
from core.languages import canonical_tag
from core.plan.implications import contradictions
from core.resources import resource_path

ContraindicationId = Literal[
    "acute-mi", "unstable-angina", "uncontrolled-arrhythmia", "severe-aortic-stenosis",
    "uncontrolled-heart-failure", "acute-pulmonary-embolism", "acute-myocarditis", "aortic-dissection",
]
SCI_LEVEL = re.compile(r"C[1-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5]")  # whole value: fullmatch ("T6\n" is not a level)
MAX_PROFILE_BYTES = 1_000_000

# What each field allows, in the words of the error messages.
ALLOWED: dict[str, str] = {
    "name": "1 to 120 characters",
    "age": "a whole number of years from 18 to 100",
    "sex": '"female", "male", "other" or "unspecified"',
    "resting_hr": "a whole number of beats per minute from 35 to 120",
    "measured_hr_max": "a whole number of beats per minute from 80 to 220, above the resting heart rate, or null",
    "etiology": ", ".join(ETIOLOGY_IDS),
    "sci_level": "C1-C8, T1-T12, L1-L5 or S1-S5; required for spinal-cord-injury",
    "sci_complete": "true, false or null",
    "diabetes": '"none", "type1" or "type2"',
    "contraindications": "a list of: " + ", ".join(ContraindicationId.__args__),
    "resting_bp": "[systolic, diastolic] in mmHg (systolic 60-300, diastolic 30-200, systolic above diastolic) or null",
    "baseline_walk_min": "minutes of continuous walking tolerated today, from 0 to 120",
    "comfortable_speed_kmh": "a speed from 0.5 to 8 km/h, or null",
    "pain_nrs": "a whole number from 0 to 10",
    "weeks": "a whole number from 4 to 26",
    "max_sessions_per_week": "a whole number from 2 to 7",
}
BOOLEAN_FIELDS = (
    "beta_blocker", "atrial_fibrillation", "pacemaker_or_icd", "heart_transplant", "autonomic_neuropathy",
    "insulin_or_secretagogue",
    "open_foot_wound", "currently_active", "known_disease", "symptoms", "medical_clearance",
)
ALLOWED.update({name: "true or false" for name in BOOLEAN_FIELDS})

Systolic = Annotated[int, Field(ge=60, le=300)]
Diastolic = Annotated[int, Field(ge=30, le=200)]


class PatientProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)

    name: str = Field(min_length=1, max_length=120)
    age: int = Field(ge=18, le=100)
    sex: Literal["female", "male", "other", "unspecified"] | None = None
    resting_hr: int = Field(ge=35, le=120)
    measured_hr_max: int | None = Field(default=None, ge=80, le=220)
    etiology: EtiologyId
    sci_level: str | None = None
    sci_complete: bool | None = None
    beta_blocker: bool = False
    atrial_fibrillation: bool = False
    pacemaker_or_icd: bool = False
    heart_transplant: bool = False
    autonomic_neuropathy: bool = False
    diabetes: Literal["none", "type1", "type2"] = "none"
    insulin_or_secretagogue: bool = False
    open_foot_wound: bool = False
    # ACSM 2015 (Riebe et al.) pre-participation screening, as the window's tooltips and `schema profile` say it
    currently_active: bool = Field(default=False, description=(
        "At least 30 minutes of moderate exercise on at least 3 days a week for the last 3 months (ACSM 2015)."))
    known_disease: bool = Field(default=False, description=(
        "Known cardiovascular, metabolic or renal disease (ACSM 2015). Diabetes counts as metabolic disease."))
    symptoms: bool = Field(default=False, description=(
        "Signs or symptoms of cardiovascular, metabolic or renal disease (ACSM 2015): chest, neck, jaw or arm pain "
        "that may be ischaemic; breathlessness at rest or on mild exertion; dizziness or fainting; orthopnoea or "
        "nocturnal dyspnoea; ankle oedema; palpitations or tachycardia; intermittent claudication; known heart "
        "murmur; unusual fatigue."))
    medical_clearance: bool = False
    contraindications: list[ContraindicationId] = Field(default_factory=list)
    resting_bp: tuple[Systolic, Diastolic] | None = None
    baseline_walk_min: float = Field(ge=0, le=120)
    comfortable_speed_kmh: float | None = Field(default=None, ge=0.5, le=8)
    pain_nrs: int = Field(ge=0, le=10)
    weeks: int = Field(default=12, ge=4, le=26)
    max_sessions_per_week: int = Field(default=5, ge=2, le=7)
    language: str | None = None  # the handout's language, a BCP 47 tag (None: the clinic's default in Settings)

    @field_validator("name")
    @classmethod
    def _name_has_text(cls, value: str) -> str:
        return checked_name(value)

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or (info.context or {}).get(STORED):  # a saved record opens even if a catalog went
            return value
        return canonical_tag(value)  # the tag as the catalogs spell it, or the error naming the choices

    @field_validator("sci_level")
    @classmethod
    def _valid_sci_level(cls, value: str | None) -> str | None:
        if value is not None and not SCI_LEVEL.fullmatch(value):
            raise ValueError("is not a spinal cord level")
        return value

    @field_validator("contraindications")
    @classmethod
    def _no_repeats(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists the same contraindication twice")
        return value

    _stored_record: bool = PrivateAttr(default=False)  # opened by stored_profile: its rules were checked when saved

    def __eq__(self, other: object) -> bool:
        """Profiles are equal by their values, whether opened from the records or typed in."""
        return isinstance(other, PatientProfile) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # holds a list: never a dict key

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> PatientProfile:
        if (info.context or {}).get(STORED):
            self._stored_record = True  # pydantic re-runs this check wherever the profile is nested
        found = [] if self._stored_record else contradictions(
            self.__dict__, left_out=type(self).model_fields.keys() - self.model_fields_set)
        found += [f"{field}: {message}" for field, _, message in pair_problems(self.__dict__)]
        if found:  # one at a time
            raise ValueError(found[0])
        return self

    @property
    def sci_at_or_above_t6(self) -> bool:
        """Cervical, or thoracic T1-T6: the levels with impaired cardiac sympathetic control."""
        if self.etiology != "spinal-cord-injury" or self.sci_level is None:
            return False
        region, number = self.sci_level[0], int(self.sci_level[1:])
        return region == "C" or (region == "T" and number <= 6)


STORED = "stored"  # validation context of a saved record: see stored_profile


def stored_profile(raw: str | bytes) -> PatientProfile:
    """A profile as it was saved. A record is never made unreadable by a rule added after it was saved
    (core/plan/implications.py): such a profile opens as saved; the window fills in what it implies and
    marks the plan unsaved, and a new version must satisfy every rule."""
    return PatientProfile.model_validate_json(raw, context={STORED: True})


# Characters that can hide or reorder what a clinician reads: bidi embeddings, overrides and isolates.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def checked_name(value: str) -> str:
    """A name any script can spell (joiners included), but with no control, line-separator or bidi
    override characters, and not made only of spaces and invisible characters."""
    if _blank(value):
        raise ValueError("must not be blank (spaces and invisible characters only)")
    for ch in value:
        if unicodedata.category(ch) == "Cs":  # bytes that are not text, passed on the command line (seen in review)
            raise ValueError("must be text: it holds a broken character (bytes that are not UTF-8)")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            raise ValueError("must not contain control characters such as line breaks or tabs")
        if ch in BIDI_CONTROLS:
            raise ValueError("must not contain right-to-left or left-to-right override characters")
    return value


def _blank(value: str) -> bool:
    return all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs") for ch in value)


def checked_line(value: str) -> str:
    """An optional line of text (a note, a clinic's name): as checked_name takes it, or "" where it is blank,
    invisible characters only included (seen in review: "must not be blank" of a field that may be left empty)."""
    return "" if _blank(value) else checked_name(value)


def checked_lines(value: str) -> str:
    """Text of several lines (a report's note): each line as checked_line takes it, a tab as a space. Seen by a
    tester: the progress report's note took the direction overrides every other field refuses."""
    lines = [line.replace("\t", " ") for line in value.splitlines()]
    if any(unicodedata.category(ch) == "Cc" for line in lines for ch in line):  # line breaks and tabs are not refused
        raise ValueError("must not contain control characters other than line breaks and tabs")
    return "\n".join(checked_line(line) for line in lines).strip("\n")


def one_plain_line(value: str) -> str:
    """``value`` as checked_name would take it: control and line-separator characters as spaces, bidi overrides
    left out (text saved before such characters were refused, shown or passed on as one line)."""
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in value
                   if ch not in BIDI_CONTROLS)
    return re.sub(" {2,}", " ", kept).strip()


class ProfileError(Exception):
    """The profile cannot be used; ``problems`` holds one plain line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def profile_problems(error: ValidationError) -> list[str]:
    """One line per problem: the field, what is wrong, and what is allowed. Never echoes the value."""
    lines = []
    for item in error.errors(include_url=False):  # the input is looked at (text or not), never shown
        location = [str(part) for part in item["loc"]]
        message = item["msg"].removeprefix("Value error, ")
        given = item.get("input")
        if item["type"] == "int_type" and isinstance(given, (str, bool)):  # "abc" typed, "72" in quotes, or true
            message = whole_number_message(given)
        elif item["type"] == "int_type" and given is None:  # a blood pressure box left empty, null in a file
            message = "is required"
        if not location and ": " in message:  # whole-profile checks name their field themselves
            field, _, message = message.partition(": ")
            location = [field]
        field = location[0] if location else "profile"
        where = _shown_location(location) if location else "profile"
        if item["type"] == "json_invalid":
            detail = message.removeprefix("Invalid JSON: ")
            lines.append(f"profile: the file is not valid JSON ({detail})")
            continue
        if item["type"] in ("literal_error", "enum"):
            lines.append(f"{where}: is not one of the allowed values; allowed: {ALLOWED.get(field, '')}")
            continue
        if item["type"] == "extra_forbidden":
            shown = where if where.isidentifier() else json.dumps(where)  # '' or odd keys, visibly quoted
            lines.append(f"{shown}: is not a profile field (allowed fields: {', '.join(PatientProfile.model_fields)})")
            continue
        if item["type"] == "missing" or (item["type"] == "string_too_short" and item.get("ctx", {}).get("min_length") == 1):
            lines.append(f"{where}: is required; allowed: {ALLOWED.get(field, f'see {program_name()} schema profile')}")
            continue
        allowed = None if "allowed here:" in message else ALLOWED.get(field)
        lines.append(f"{where}: {said_plainly(message)}" + (f"; allowed: {allowed}" if allowed else ""))
    return lines


# A list's items by their place, as a clinician counts them ("contraindications, item 2"); the blood pressure's
# two numbers by name.
_ITEM_NAMES = {"resting_bp": ("systolic", "diastolic")}


def _shown_location(location: list[str]) -> str:
    shown = location[0]
    for part in location[1:]:
        if part.isdigit():
            names = _ITEM_NAMES.get(location[0], ())
            shown += f" ({names[int(part)]})" if int(part) < len(names) else f", item {int(part) + 1}"
        else:
            shown += f".{part}"
    return shown


def parse_profile(text: str | bytes) -> PatientProfile:
    """Validate profile JSON; raises ProfileError with one line per problem. A UTF-8 byte-order mark, as
    Windows Notepad may save one, is skipped."""
    text = text.removeprefix(b"\xef\xbb\xbf") if isinstance(text, bytes) else text.removeprefix("\ufeff")
    if len(text) > MAX_PROFILE_BYTES:
        raise ProfileError([f"profile: the file is larger than {MAX_PROFILE_BYTES // 1000} kB; a profile is a few hundred bytes"])
    if problem := encoding_problem(text, "profile"):
        raise ProfileError([problem])
    if not text.strip():  # seen in review: "not valid JSON (EOF while parsing ...)"
        raise ProfileError([f"profile: the file is empty; a profile is a JSON object of the patient's fields "
                            f"({program_name()} schema profile; {resource_path('examples', 'profiles')} has one for "
                            "each etiology)"])
    try:
        repeated = repeated_keys(text)
        if repeated:
            raise ProfileError([f"{key}: appears more than once in the file; give each field once" for key in repeated])
        return PatientProfile.model_validate_json(text)
    except ValidationError as error:
        if other := another_own_file(text, "profile"):
            raise ProfileError([f"profile: {other}"]) from None
        problems = profile_problems(error)
        return _raise(problems + _pair_lines(text, problems))
    except (RecursionError, ValueError) as error:
        raise ProfileError([f"profile: the file is not valid JSON ({type(error).__name__})"]) from error


def repeated_keys(text: str | bytes) -> list[str]:
    """Keys given twice in one JSON object (JSON parsers keep the last one silently); [] for text that is
    not JSON, which the model's own parsing then reports in detail."""
    repeated: list[str] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen and key not in repeated:
                repeated.append(key if key.isidentifier() else json.dumps(key))
            seen.add(key)
        return dict(items)

    try:
        json.loads(text, object_pairs_hook=pairs)
    except (RecursionError, ValueError):
        return []
    return repeated


def _raise(problems: list[str]) -> PatientProfile:
    raise ProfileError(problems)


def read_profile(path: Path) -> PatientProfile:
    try:
        data = read_input(path, limit=MAX_PROFILE_BYTES, what="profile")
    except InputError as error:
        raise ProfileError([str(error)]) from error
    return parse_profile(data)


def _pair_lines(text: str | bytes, problems: list[str]) -> list[str]:
    """pair_problems as lines of a file's problems, for the fields with none of their own: pydantic checks them only
    once every field is right (seen in review: a blood pressure of 80/120 said only after the age was put right)."""
    try:
        values = json.loads(text)
    except (RecursionError, ValueError):
        return []
    named = {_field_named(line) for line in problems}
    return [f"{field}: {message}; allowed: {ALLOWED[field]}" for field, other, message in
            (pair_problems(values) if isinstance(values, dict) else []) if not {field, other} & named]


def _field_named(line: str) -> str:
    """The field a problem line names: "resting_bp (systolic): ..." is resting_bp's."""
    return re.split(r"[., (:]", line.partition(": ")[0])[0]


def pair_problems(values: dict) -> list[tuple[str, str, str]]:
    """The checks of one field against another, as (field, the other field, message); a value not yet a whole
    number is left to its own field's check."""
    found = []
    hr_max, resting = values.get("measured_hr_max"), values.get("resting_hr")
    if type(hr_max) is int and type(resting) is int and hr_max <= resting:
        found.append(("measured_hr_max", "resting_hr", "must be above the resting heart rate"))
    bp = values.get("resting_bp")
    if isinstance(bp, (tuple, list)) and len(bp) == 2 and all(type(v) is int for v in bp) and bp[0] <= bp[1]:
        found.append(("resting_bp", "resting_bp", "the systolic value must be above the diastolic value"))
    return found


class ProfileCheck(NamedTuple):
    """What check_profile found: the profile, or each field's problem (by field name); and, for a field of two
    numbers (the blood pressure), which of them its problem is about ("diastolic"), the box to mend."""

    profile: PatientProfile | None
    problems: dict[str, str]
    parts: dict[str, str]


def check_profile(data: dict) -> ProfileCheck:
    """Validate form values: the profile, or the problem of each field for inline messages. A check of one field
    against another is named too while other fields are wrong (pydantic runs it only once every field is right, so
    the form counted one problem too few and the clinician met it last)."""
    try:
        return ProfileCheck(PatientProfile.model_validate(data), {}, {})
    except ValidationError as error:
        problems: dict[str, str] = {}
        parts: dict[str, str] = {}
        for line in profile_problems(error):
            # one of a pair named ("resting_bp (diastolic)": "the diastolic value ..."; seen in testing, "must be at
            # most 200" under the blood pressure, and the systolic box chosen to mend it)
            where, _, message = line.partition(": ")
            field, item = _field_named(line), re.fullmatch(r"\w+ \((\w+)\)", where)
            if field not in problems:
                problems[field] = f"the {item[1]} value {message}" if item else message
                parts.update({field: item[1]} if item else {})
        for field, other, message in pair_problems(data):
            if field not in problems and other not in problems:
                problems[field] = f"{message}; allowed: {ALLOWED[field]}"
        return ProfileCheck(None, problems, parts)
