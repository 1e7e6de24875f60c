"""One walk as the patient reports it: the session-log schema (``main.py schema session-log``).

A pain or a heart rate the patient did not report is ``None`` ("not recorded"), never 0: a missing
answer must not read as "no pain". The ranges are what can be typed; what the numbers mean for the
next week is core/plan/adjustment.py.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from core.app_info import program_name
from core.inputs import another_own_file, encoding_problem, said_plainly, whole_number_message
from core.plan.profile import checked_line
from core.stamps import EARLIEST_DATE

NOT_RECORDED = "not recorded"  # what the patient did not report: never read as 0 or "no"
NOT_YET = "not yet"  # the next morning of a walk of today's, still to come
HEART_RATE_RANGE = (30, 220)  # bpm a person can have while walking: a typing check, not a target
RPE_RANGE = (6, 20)  # the Borg scale
PAIN_RANGE = (0, 10)  # the numeric rating scale
NOTE_MAX_LENGTH = 300


class SessionLog(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    date: dt.date = Field(description="the day of the walk")
    week: int = Field(ge=1, le=26, description="the plan week it was walked under")
    minutes: float = Field(ge=0, le=300, description="minutes walked in the main set; a second (1/60) or more for a "
                                                     "walk added or corrected (0 is read only in walks saved before)")
    speed_kmh: float | None = Field(default=None, ge=0, le=20, description="belt speed; null: not recorded")
    rpe: int = Field(ge=RPE_RANGE[0], le=RPE_RANGE[1], description="effort on the Borg 6-20 scale")
    heart_rate: int | None = Field(default=None, ge=HEART_RATE_RANGE[0], le=HEART_RATE_RANGE[1],
                                   description="beats a minute at the end of the main set; null: not recorded")
    pain_during: int | None = Field(default=None, ge=PAIN_RANGE[0], le=PAIN_RANGE[1],
                                    description="0-10; null: not recorded")
    pain_next_morning: int | None = Field(default=None, ge=PAIN_RANGE[0], le=PAIN_RANGE[1],
                                          description="0-10; null: not recorded")
    stiffer_next_morning: bool | None = Field(
        default=None, description="more stiffness than usual the next morning (Silbernagel 2007: pain or stiffness); "
                                  "null: not recorded")
    note: str = Field(default="", max_length=NOTE_MAX_LENGTH, description="a short note, one line")

    @field_validator("note")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return checked_line(value)


def morning_to_come(day: dt.date, today: dt.date | None) -> bool:
    """Whether the next morning of a walk of ``day`` is still to come on ``today`` (None: every morning has come), so
    its next-morning values are not yet missing."""
    return today is not None and day >= today


def top_pain_in_words(top: int | None, not_recorded: int, walks: int, to_come: int = 0) -> str | None:
    """A week's highest pain, "4; 1 not recorded" where some of its ``walks`` have no rating (seen in a try: a week's
    "4" read as its top pain though a walk's pain was not recorded), "5; 1 not yet" where ``to_come`` of them are
    today's, whose next morning has not come (seen in a try: "5" read as the week's whole); "not recorded" for none;
    "not yet" where the only walks unrated are today's, "not recorded; 1 not yet" beside walks unrated before; None:
    no walks."""
    if top is None and not not_recorded:
        return NOT_YET if walks else None
    said = [NOT_RECORDED] if top is None else [str(top)] + [f"{not_recorded} {NOT_RECORDED}"] * bool(not_recorded)
    return "; ".join(said + [f"{to_come} {NOT_YET}"] * bool(to_come))


def recorded(value: float | bool | None) -> str:
    """A logged value as every view and command says it: "not recorded", yes or no, a number as written (8, 8.5)."""
    if value is None:
        return NOT_RECORDED
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}"


ONE_SECOND = 1 / 60  # in minutes: the least a typed walk can be
MAX_SESSION_BYTES = 20_000  # a session is a few hundred bytes
ALLOWED = {
    "date": "a date such as 2026-11-30, up to today",  # its earliest said by the problem (seen in a clinic's try:
    # "from 2000-01-01" was said of a walk the records then refused as more than a year before the first plan)
    # seen in review: "1 to 26" for week 30 of a 12-week plan read as this plan's weeks (checked once the plan is read)
    "week": "a week of the patient's plan, from 1 (no plan is longer than 26 weeks)",
    "minutes": "more than 0 (a second at least), up to 300",
    "speed_kmh": "0 to 20, or null (not recorded)",
    "rpe": "6 to 20 (Borg)",
    # the handout's walking log asks for the beats counted in 15 or 30 seconds (seen in review: a count of 27 was
    # told only "must be at least 30")
    "heart_rate": f"{HEART_RATE_RANGE[0]} to {HEART_RATE_RANGE[1]} beats a minute (a pulse the walking log counted in "
                  "15 or 30 seconds, times 4 or 2), or null (not recorded)",
    "pain_during": "0 to 10, or null (not recorded)",
    "pain_next_morning": "0 to 10, or null (not recorded)",
    "stiffer_next_morning": "true (stiffer than usual), false, or null (not recorded)",
    "note": f"one line of text, at most {NOTE_MAX_LENGTH} characters",
}


class SessionLogError(ValueError):
    """The session cannot be used; ``problems`` holds one plain line per problem, naming the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def session_problems(error: ValidationError) -> list[str]:
    """One line per problem: the field, what is wrong, and what is allowed. Never echoes the value."""
    lines = []
    for item in error.errors(include_url=False):  # the input is looked at (text or not), never shown
        where = ".".join(str(part) for part in item["loc"]) or "session"
        field = str(item["loc"][0]) if item["loc"] else "session"
        if item["type"] == "json_invalid":  # where, so it can be mended in a text editor
            lines.append(f"session: the file is not valid JSON ({item['msg'].removeprefix('Invalid JSON: ')})")
        elif item["type"] == "extra_forbidden":
            lines.append(f"{where}: is not a session field (allowed fields: {', '.join(SessionLog.model_fields)})")
        elif item["type"] == "missing":
            lines.append(f"{where}: is required; allowed: {ALLOWED.get(field, '')}")
        else:
            as_text = whole_number_message(item.get("input")) if item["type"] == "int_type" else None
            message = as_text or said_plainly(item["msg"])
            if field == "minutes" and item["type"] == "greater_than_equal":  # 0 is read in walks saved before only
                message = "is below 0"  # (seen in review: "must be at least 0; allowed: more than 0")
            lines.append(f"{where}: {message}{allowed_after(field, message)}")
    return lines


def allowed_after(field: str, message: str) -> str:
    """"; allowed: ..." for a session field's problem, unless the message gives its own example."""
    allowed = None if "such as" in message else ALLOWED.get(field)
    return f"; allowed: {allowed}" if allowed else ""


def parse_session(text: str | bytes, *, today: dt.date | None = None) -> SessionLog:
    """A session from JSON (the session-log schema); raises SessionLogError. A walk cannot be dated after today.
    A UTF-8 byte-order mark, as Windows Notepad may save one, is skipped."""
    from core.plan.profile import repeated_keys

    text = text.removeprefix(b"\xef\xbb\xbf") if isinstance(text, bytes) else text.removeprefix("\ufeff")
    if problem := encoding_problem(text, "session"):
        raise SessionLogError([problem])
    if not text.strip():  # seen in review: "not valid JSON (EOF while parsing ...)"
        raise SessionLogError([f"session: the file is empty; a session is a JSON object of the walk's fields "
                               f"({program_name()} schema session-log)"])
    try:
        repeated = repeated_keys(text)
        if repeated:
            raise SessionLogError([f"{key}: appears more than once in the file; give each field once" for key in repeated])
        log = SessionLog.model_validate_json(text, strict=True)  # as a profile: "10" is not a number, "yes" not true
    except ValidationError as error:
        if other := another_own_file(text, "session"):
            raise SessionLogError([f"session: {other}"]) from None
        date, minutes, morning = _date_and_minutes(text)
        raise SessionLogError(listed_problems(session_problems(error), date, minutes, today or dt.date.today(),
                                              morning=morning)) from None
    except (RecursionError, ValueError) as error:
        if isinstance(error, SessionLogError):
            raise
        raise SessionLogError([f"session: the file is not valid JSON ({type(error).__name__})"]) from error
    check_typed_walk(log, today or dt.date.today())
    return log


def _date_and_minutes(text: str | bytes) -> tuple[dt.date | None, object, list[str]]:
    """The date, minutes and next-morning fields recorded a session file gives, as far as they can be read, for
    listed_problems."""
    try:
        values = json.loads(text)
    except (RecursionError, ValueError):
        return None, None, []
    if not isinstance(values, dict):
        return None, None, []
    try:
        date = dt.date.fromisoformat(values["date"]) if isinstance(values.get("date"), str) else None
    except ValueError:
        date = None
    return date, values.get("minutes"), morning_recorded(values)


NEXT_MORNING = ("pain_next_morning", "stiffer_next_morning")


def morning_recorded(values: dict) -> list[str]:
    """The next-morning fields ``values`` (a walk's, by field name) record."""
    return [field for field in NEXT_MORNING if values.get(field) is not None]


EMPTY_NOTE = '""'


def left_out_of_correction(correction: SessionLog, saved: SessionLog) -> list[str]:
    """A correction file is the whole session. One that holds only the changed fields would clear every value it
    leaves out without a word: each left-out field with a recorded value is a problem; null (or "" for the note)
    clears one on purpose."""
    return [f"{field}: left out of the file, but the session has {shown} saved; give it again, or "
            f"{EMPTY_NOTE if field == 'note' else 'null'} to clear it"
            for field in SessionLog.model_fields
            if field not in correction.model_fields_set and (shown := _saved_value(getattr(saved, field)))]


def _saved_value(value: object) -> str:
    """As the file would give it (3.6, false, "felt fine"); empty when nothing is recorded."""
    if value is None or value == "":
        return ""
    return json.dumps(value, ensure_ascii=False)


def check_typed_walk(log: SessionLog, today: dt.date) -> None:
    """A walk as it is typed: from EARLIEST_DATE to today (0001-01-01 or 1999 was logged under week 1), and of
    some minutes (seen in testing: a walk of 0 minutes made its week a week done). Walks saved before are read as
    they were saved."""
    if problems := typed_walk_problems(log.date, log.minutes, today, morning=morning_recorded(dict(log))):
        raise SessionLogError(problems)


def typed_walk_problems(date: dt.date | None, minutes: object, today: dt.date, *,
                        morning: list[str] | tuple[str, ...] = ()) -> list[str]:
    """check_typed_walk's problems, one line each, of a date and minutes given (None: not known as a day) and the
    next-morning fields recorded (``morning``); a form lists them with the fields' other problems (seen in review: a
    date after today was said only once the minutes, effort and pain typed with it were put right). A walk dated
    today has no next morning yet: seen in review, pain "the next morning" of today's walk was taken in, and the
    week's advice stepped back on it; the date, which the form sets to today, is the likelier mistake."""
    problems = []
    if date is not None and date < EARLIEST_DATE:
        problems.append(f"date: is before {EARLIEST_DATE.isoformat()}; allowed: {ALLOWED['date']}")
    elif date is not None and date > today:
        problems.append(_after(today))
    if isinstance(minutes, (int, float)) and not isinstance(minutes, bool) and 0 <= minutes < ONE_SECOND:
        said = "0 minutes" if minutes == 0 else "under a second"  # seen in review: 0.0000001 was logged, as "1e-07"
        problems.append(f"minutes: a walk of {said} is not a walk: leave a walk not done out of the log (a note on "
                        f"the next walk can say why); allowed: {ALLOWED['minutes']}")
    if date == today:
        problems += [f"{field}: the morning after this walk has not come yet (it is dated today, {today.isoformat()}); "
                     "give the day it was walked if it was earlier, or leave it not recorded and correct the session "
                     "to add it tomorrow" for field in morning]
    return problems


def listed_problems(problems: list[str], date: dt.date | None, minutes: object, today: dt.date, *,
                    morning: list[str] | tuple[str, ...] = ()) -> list[str]:
    """A walk's problems from validation with typed_walk_problems' for the fields that have none, the date's first:
    every problem at once, in the form's order, wherever the walk is typed (a file or the window)."""
    fields = {problem.split(":", 1)[0] for problem in problems}
    typed = [problem for problem in typed_walk_problems(date, minutes, today, morning=morning)
             if problem.split(":", 1)[0] not in fields]
    dated = [problem for problem in typed if problem.startswith("date:")]
    return dated + problems + [problem for problem in typed if problem not in dated]


def _after(today: dt.date) -> str:
    return f"date: is after today ({today.isoformat()}); allowed: {ALLOWED['date']}"


def check_not_after(log: SessionLog, today: dt.date, *, slack: dt.timedelta = dt.timedelta(0)) -> None:
    """``slack``: days after today let through (another workstation's clock or time zone a little ahead)."""
    if log.date > today + slack:
        raise SessionLogError([_after(today)])
