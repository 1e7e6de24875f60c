"""Step 4 of a bundle's check: every plan re-derived from its version's profile and the options the plan
records, with this workstation's studies. Any clinical value that differs is refused by field; what the
evidence library lends (cited studies, borrowed structure, the animal-dosing caveat) is this
workstation's. A plan made under earlier guidelines cannot be re-derived: it is the record of what the patient
was given then, so it is kept as saved, strictly typed and held to what every version gave (``_as_saved``).
A plan under guidelines this Treadwell does not know (newer, or none it released) is refused, saying so."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from pydantic import ValidationError

from core.evidence.models import Study
from core.plan import guidelines as g
from core.plan.engine import Plan, PlanOptions, compute_plan
from core.plan.intensity import hr_max_from_formula
from core.plan.overrides import MAX_WALK_MIN
from core.plan.profile import PatientProfile
from core.plan.warnings import WarningCode
from core.storage.bundle_messages import field_path, plain_message

MAX_FIELDS_PER_LINE = 3
_GUIDELINES_SHAPE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,31}")  # shown in a message only if it looks like one
StudiesFor = Callable[[str], list[Study]]


def rederive(label: str, profile: PatientProfile, given: dict, studies: StudiesFor, *,
             lent_as_given: bool = False) -> tuple[Plan | None, list[str]]:
    """The plan as the engine computes it from the profile and the options ``given`` records, or the
    lines naming each field of ``given`` that differs. ``lent_as_given``: the bundle comes from this workstation's
    own records (``db move-to``), so what the evidence library lent the plan is kept as it was saved."""
    where = f"{label} plan"
    guidelines = given.get("guidelines_version")
    if guidelines in g.EARLIER_GUIDELINES:
        return _as_saved(where, given, profile)
    if guidelines != g.GUIDELINES_VERSION:
        made = ("records no guidelines version" if guidelines is None else
                f"was made under guidelines {guidelines}"
                if isinstance(guidelines, str) and _GUIDELINES_SHAPE.fullmatch(guidelines) else
                "names guidelines this Treadwell does not know")
        newer = isinstance(guidelines, str) and _later(guidelines, g.GUIDELINES_VERSION)
        return None, [f"{where}: guidelines_version: the plan {made}; this Treadwell follows guidelines "
                      f"{g.GUIDELINES_VERSION} (and keeps plans made under the earlier ones as saved), so it cannot "
                      "check this one." + (" Import the bundle with a Treadwell that follows them, or newer."
                                           if newer else "")]
    plan, problems = _strict(where, given)
    if plan is None:
        return None, problems
    weekly, rise = plan.rules.max_weekly_increase_pct, plan.rules.pain.allowed_rise
    if weekly not in g.WEEKLY_INCREASE_CHOICES_PCT:
        problems.append(f"{where}: rules.max_weekly_increase_pct: must be one of "
                        f"{', '.join(map(str, g.WEEKLY_INCREASE_CHOICES_PCT))} (percent a week)")
    if rise is None:  # saved before pain was judged against usual pain (still under this guidelines label)
        problems.append(f"{where}: rules.pain.allowed_rise: is missing: the plan was saved by an earlier Treadwell, "
                        "before pain rules followed the patient's usual pain, so this version cannot re-derive it "
                        "to check it")
    elif rise not in g.PAIN_RISE_CHOICES:
        problems.append(f"{where}: rules.pain.allowed_rise: must be one of {', '.join(map(str, g.PAIN_RISE_CHOICES))} "
                        "(points above usual pain)")
    chosen = {"max_two_week_increase_pct": plan.rules.max_two_week_increase_pct,
              "glucose_low_mg_dl": plan.rules.glucose_low_mg_dl,
              "glucose_ketone_check_mg_dl": plan.rules.glucose_ketone_check_mg_dl}
    try:
        PlanOptions(**chosen)
    except ValidationError as error:
        problems += [f"{where}: rules.{field_path(item['loc'])}: {plain_message(item)}"
                     for item in error.errors(include_url=False, include_input=False)]
    if problems:
        return None, problems
    # The HRmax formula is recorded by its label (or, when heart rate is not used, by its source): the
    # formula the intensity names first, then the others. What the evidence library lends (the cited studies,
    # the borrowed structure, the animal-dosing caveat) depends on the studies each workstation holds, so it is
    # not compared: the saved plan takes it from this workstation's library (a bundle's could cite anything), or,
    # moved from this workstation's own records, keeps it as saved (seen in review: a plan saved before a study was
    # imported moved citing that study, and the move said "differs on the server" on every run). Every clinical
    # value must match.
    named = [key for key, formula in g.HR_MAX_FORMULAS.items() if formula.label == plan.intensity.hr_max_source]
    library = studies(profile.etiology)
    closest: list[tuple] | None = None
    for formula in [*named, *(key for key in g.HR_MAX_FORMULAS if key not in named)]:
        options = PlanOptions(hr_max_formula=formula, max_weekly_increase_pct=weekly, pain_rise_allowed=rise, **chosen)
        try:
            expected = compute_plan(profile, library, options)
        except (ValueError, ArithmeticError):
            return None, [f"{where}: cannot be re-derived from this version's profile"]
        paths = _differences(_clinical(given), _clinical(expected.model_dump(mode="json")))
        if not paths:
            return (plan if lent_as_given else expected), []  # plan: the bundle's own, strictly read above
        if closest is None or len(paths) < len(closest):
            closest = paths
    groups: dict[str, list[str]] = {}
    for path in closest or []:
        while len(path) > 1 and isinstance(path[-1], int):  # target_hr, not target_hr.0 and target_hr.1
            path = path[:-1]
        fields = groups.setdefault(str(path[0]), [])
        if field_path(path) not in fields:
            fields.append(field_path(path))
    lines = []
    for fields in groups.values():
        named_fields = ", ".join(fields[:MAX_FIELDS_PER_LINE])
        if len(fields) > MAX_FIELDS_PER_LINE:
            named_fields += f" and {len(fields) - MAX_FIELDS_PER_LINE} more"
        lines.append(f"{where}: {named_fields}: does not match what Treadwell computes from this version's profile "
                     f"and the options the plan records (guidelines {g.GUIDELINES_VERSION})")
    return None, lines


def _later(label: str, than: str) -> bool:
    """Whether guidelines ``label`` ("2027.1.2") come after ``than``; a label not of that shape does not."""
    try:
        return tuple(map(int, label.split("."))) > tuple(map(int, than.split(".")))
    except ValueError:
        return False


def _as_saved(where: str, given: dict, profile: PatientProfile) -> tuple[Plan | None, list[str]]:
    """A plan made under earlier guidelines, read as this Treadwell reads its own saved plans (a field added
    since takes its default), strictly typed, then held to what every version of the guidelines kept to (seen in
    review: a forged plan labelled with an earlier version walked a heart attack at 250-300 bpm). A field no
    plan has, at any depth, is named, not dropped."""
    plan, problems = _strict(where, given)
    if plan is None:
        return None, problems
    problems = [f"{where}: {field_path(path)}: is not a field of a plan"
                for path in _unknown_keys(given, plan.model_dump(mode="json"))] + _unsafe(where, plan, profile)
    return (None, problems) if problems else (plan, [])


def _strict(where: str, given: dict) -> tuple[Plan | None, list[str]]:
    """The plan, strictly typed, or the lines naming each field that is not."""
    try:
        return Plan.model_validate_json(json.dumps(given), strict=True), []
    except ValidationError as error:
        return None, [f"{where}: {field_path(item['loc'])}: {plain_message(item)}"
                      for item in error.errors(include_url=False, include_input=False)]


def _unknown_keys(given: object, known: object, path: tuple = ()) -> list[tuple]:
    if isinstance(given, dict) and isinstance(known, dict):
        return [found for key, value in given.items()
                for found in ([(*path, key)] if key not in known else _unknown_keys(value, known[key], (*path, key)))]
    if isinstance(given, list) and isinstance(known, list):
        return [found for index, (mine, theirs) in enumerate(zip(given, known))
                for found in _unknown_keys(mine, theirs, (*path, index))]
    return []


def _unsafe(where: str, plan: Plan, profile: PatientProfile) -> list[str]:
    """What no version of the guidelines gave: a plan for another etiology than its profile's, one walking with an
    absolute contraindication (every version blocked those; a block added since is not asked of an older plan),
    days or minutes beyond what a clinician may set, effort above moderate, or a heart rate above moderate's top
    of heart-rate reserve on the highest maximum any formula (or a test) gives."""
    problems = []
    if plan.etiology != profile.etiology:
        problems.append(f"{where}: etiology: is not the etiology of this version's profile")
    if profile.contraindications and not plan.blocked:
        problems.append(f"{where}: blocked: the profile names an absolute contraindication, but the plan walks")
    rest = profile.resting_hr
    top = max([profile.measured_hr_max or 0, *(hr_max_from_formula(profile.age, key) for key in g.HR_MAX_FORMULAS)])
    highest = rest + g.MODERATE.hrr_pct[1] / 100 * (top - rest) + 1  # a beat for rounding
    targets = [("intensity.target_hr", plan.intensity.target_hr)] + [
        (f"weeks.{week.week}.target_hr", week.target_hr) for week in plan.weeks]
    problems += [f"{where}: {field}: is above a moderate heart rate for this patient" for field, hr in targets
                 if hr is not None and hr[1] > highest]
    for week in plan.weeks:
        if not (1 <= week.sessions <= 7 and 0 < week.main_min <= MAX_WALK_MIN and week.rpe[1] <= g.MODERATE.rpe[1]):
            problems.append(f"{where}: weeks.{week.week}: days, minutes or effort beyond what a plan may give "
                            f"(1-7 days, up to {MAX_WALK_MIN} minutes, effort up to {g.MODERATE.rpe[1]})")
    return problems


EVIDENCE_PARTS = ("evidence", "borrowed_structure")


def clinically_same(saved: Plan, checked: Plan) -> bool:
    """Whether a saved plan and a bundle's, re-derived here, hold the same clinical values: what the evidence library
    lends them is this workstation's studies now, not those it had when the plan was saved (seen by a helper: a
    patient's own untouched export "was edited after it was exported" once the clinic had imported a study)."""
    return _clinical(saved.model_dump(mode="json")) == _clinical(checked.model_dump(mode="json"))


def _clinical(plan: object) -> object:
    """A plan's JSON without what the workstation's evidence library lends it."""
    if not isinstance(plan, dict):
        return plan
    kept = {key: value for key, value in plan.items() if key not in EVIDENCE_PARTS}
    if isinstance(kept.get("warnings"), list):
        kept["warnings"] = [w for w in kept["warnings"]
                            if not (isinstance(w, dict) and w.get("code") == WarningCode.ANIMAL_DOSING_CONTEXT)]
    return kept


def _differences(given: object, expected: object, path: tuple = ()) -> list[tuple]:
    """Paths where ``given`` (the bundle's JSON) differs from ``expected`` (the engine's, as JSON). Strict
    on kind: true is not 1; 12 and 12.0 are the same number."""
    if isinstance(expected, dict):
        if not isinstance(given, dict):
            return [path or ("plan",)]
        found = []
        for key, value in expected.items():
            found += [(*path, key)] if key not in given else _differences(given[key], value, (*path, key))
        return found + [(*path, key) for key in given if key not in expected]
    if isinstance(expected, list):
        if not isinstance(given, list) or len(given) != len(expected):
            return [path]
        return [found for index, (mine, theirs) in enumerate(zip(given, expected))
                for found in _differences(mine, theirs, (*path, index))]
    if isinstance(expected, bool) or isinstance(given, bool):
        return [] if type(given) is type(expected) and given == expected else [path]
    if isinstance(expected, (int, float)):
        return [] if isinstance(given, (int, float)) and given == expected else [path]
    return [] if type(given) is type(expected) and given == expected else [path]
