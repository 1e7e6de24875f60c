"""Turn a patient profile into a plan: screening, intensity, weekly progression, warnings, evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, ValidatorFunctionWrapHandler, field_validator,
)

from core.evidence.models import Study
from core.inputs import in_lower_case
from core.plan import guidelines as g
from core.plan.aerobic_guideline import guideline_note
from core.plan.evidence_link import BorrowedStructure, borrowed_structure
from core.plan.intensity import Intensity, plan_intensity
from core.plan.pain import PainRules, pain_rules
from core.plan.profile import PatientProfile
from core.plan.progression import progression
from core.plan.screening import BlockReason, Screening, screen
from core.plan.walking import treadmill_setting
from core.plan.warnings import PlanWarning, plan_warnings


class PlanOptions(BaseModel):
    """The clinician's choices among the documented options (kept in settings)."""

    model_config = ConfigDict(extra="forbid")  # a misspelt option is named, never silently ignored

    hr_max_formula: Literal["tanaka", "gellish", "fox"] = g.DEFAULT_HR_MAX_FORMULA
    max_weekly_increase_pct: int = Field(default=g.DEFAULT_WEEKLY_INCREASE_PCT, ge=min(g.WEEKLY_INCREASE_CHOICES_PCT),
                                         le=max(g.WEEKLY_INCREASE_CHOICES_PCT))

    pain_rise_allowed: int = Field(default=g.DEFAULT_PAIN_RISE, ge=min(g.PAIN_RISE_CHOICES), le=max(g.PAIN_RISE_CHOICES))
    max_two_week_increase_pct: int = Field(default=g.TWO_WEEK_INCREASE_LIMIT_PCT,
                                           ge=min(g.TWO_WEEK_INCREASE_CHOICES_PCT),
                                           le=max(g.TWO_WEEK_INCREASE_CHOICES_PCT))
    glucose_low_mg_dl: int = Field(default=g.GLUCOSE_LOW_MG_DL, ge=g.GLUCOSE_LOW_RANGE_MG_DL[0],
                                   le=g.GLUCOSE_LOW_RANGE_MG_DL[1])
    glucose_ketone_check_mg_dl: int = Field(default=g.GLUCOSE_KETONE_CHECK_MG_DL, ge=g.GLUCOSE_KETONE_CHECK_RANGE_MG_DL[0],
                                            le=g.GLUCOSE_KETONE_CHECK_RANGE_MG_DL[1])

    @field_validator("max_weekly_increase_pct", "max_two_week_increase_pct", mode="wrap")
    @classmethod
    def _offered_choice(cls, value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> int:
        """A number not among the choices is told the choices, below the range as within it (seen by a helper: 12 was
        "one of 5, 10, ...", 50 "at most 30"), and as text ("12") as a number; not a number, the field's own word."""
        choices = {"max_weekly_increase_pct": g.WEEKLY_INCREASE_CHOICES_PCT,
                   "max_two_week_increase_pct": g.TWO_WEEK_INCREASE_CHOICES_PCT}[info.field_name]
        said = f"must be one of {', '.join(map(str, choices))} percent"
        try:
            value = handler(value)
        except ValidationError as error:
            if all(item["type"] in ("greater_than_equal", "less_than_equal") for item in error.errors()):
                raise ValueError(said) from None
            raise
        if value not in choices:
            raise ValueError(said)
        return value

    @field_validator("hr_max_formula", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        """"Tanaka" in a hand-edited settings file is the tanaka the window writes."""
        return in_lower_case(value)


class Week(BaseModel):
    week: int
    sessions: int
    warmup_min: float
    main_min: float
    bouts: int
    bout_min: float
    cooldown_min: float
    band: Literal["light", "moderate"]
    target_hr: tuple[int, int] | None
    rpe: tuple[int, int]
    speed_kmh: float | None
    grade_pct: int
    mets: float | None
    weekly_main_min: float
    increase_pct: float | None
    note: str


class Rules(BaseModel):
    max_weekly_increase_pct: int
    max_weekly_increase_source: g.Source = g.WEEKLY_INCREASE_SOURCE
    max_two_week_increase_pct: int = g.TWO_WEEK_INCREASE_LIMIT_PCT
    max_two_week_increase_source: g.Source = g.TWO_WEEK_INCREASE_SOURCE
    glucose_low_mg_dl: int = g.GLUCOSE_LOW_MG_DL  # before a walk, for insulin or secretagogue users
    glucose_ketone_check_mg_dl: int = g.GLUCOSE_KETONE_CHECK_MG_DL
    glucose_source: g.Source = g.GLUCOSE_SOURCE
    weekly_target_min: int = g.WEEKLY_TARGET_MIN
    session_target_min: int = g.SESSION_TARGET_MIN
    volume_source: g.Source = g.VOLUME_SOURCE
    warmup_min: float = g.WARMUP_MIN
    cooldown_min: float = g.COOLDOWN_MIN
    warmup_source: g.Source = g.WARMUP_SOURCE
    light_start_below_min: float = g.LIGHT_START_BELOW_MIN
    light_start_weeks: int = g.LIGHT_START_WEEKS
    light_start_source: g.Source = g.LIGHT_START_SOURCE
    short_bout_source: g.Source = g.SHORT_BOUT_SOURCE
    starting_sessions_source: g.Source = g.STARTING_SESSIONS_SOURCE
    walking_equation_source: g.Source = g.WALKING_SOURCE
    pain: PainRules = PainRules()  # plans saved before pain was judged against usual pain

    @property
    def caps_held(self) -> str:
        """Where the two-week cap is below the weekly one, no week rises above it (core/plan/progression.py): said
        beside the caps (seen in review: "30% a week" over weeks that rose 20% and 0% in turn, unexplained)."""
        return caps_held(self.max_weekly_increase_pct, self.max_two_week_increase_pct)


def caps_held(weekly_pct: int, two_week_pct: int) -> str:
    """Rules.caps_held for two caps, as the plan and Settings say it ("" where the weekly cap is the one held)."""
    if two_week_pct >= weekly_pct:
        return ""
    return f"As the two-week cap is the lower, no week rises more than {two_week_pct}%."


class Plan(BaseModel):
    guidelines_version: str = g.GUIDELINES_VERSION
    etiology: str
    blocked: bool
    block_reasons: list[BlockReason]
    screening: Screening
    intensity: Intensity
    weeks: list[Week]
    rules: Rules
    warnings: list[PlanWarning]
    evidence: list[str]
    borrowed_structure: BorrowedStructure

    @property
    def slow_walking_shortened(self) -> bool:
        """Warm-up and cool-down told as "up to", to be shortened when tired: for a patient whose first week's walk
        is under the light-start threshold (who walks in parts, or under 10 minutes today). Seen in review: 5 slow
        minutes, a walk of 6 and 5 slow minutes more for a patient who could walk 6 in all."""
        return bool(self.weeks) and self.weeks[0].main_min < self.rules.light_start_below_min


def _light_but_brisk(band: g.Band, mets: float | None) -> str:
    """A light week walks flat at the comfortable speed; where that speed is moderate by the ACSM table's METs,
    the effort target (RPE 9-11) decides, and the week says so."""
    if band.name != "light" or mets is None or mets < g.MODERATE.mets[0]:
        return ""
    return (f"; at this speed the ACSM estimate is {mets:g} METs, moderate by the ACSM table: slow the belt until "
            f"the effort feels light (RPE {band.rpe[0]}-{band.rpe[1]})")


def compute_plan(profile: PatientProfile, studies: list[Study], options: PlanOptions | None = None) -> Plan:
    options = options or PlanOptions()
    screening = screen(profile)
    intensity = plan_intensity(profile, options.hr_max_formula)
    weeks: list[Week] = []
    if not screening.blocked:
        light_weeks = g.LIGHT_START_WEEKS if profile.baseline_walk_min < g.LIGHT_START_BELOW_MIN else 0
        for step in progression(
            weeks=profile.weeks, tolerance_min=profile.baseline_walk_min, max_sessions=profile.max_sessions_per_week,
            weekly_cap_pct=options.max_weekly_increase_pct, two_week_cap_pct=options.max_two_week_increase_pct,
            light_weeks=light_weeks,
        ):
            band = g.LIGHT if step.band == "light" else g.MODERATE
            setting = treadmill_setting(profile.comfortable_speed_kmh, band)
            weeks.append(Week(
                week=step.week, sessions=step.sessions, warmup_min=g.WARMUP_MIN, main_min=step.main_min,
                bouts=step.bouts, bout_min=step.bout_min, cooldown_min=g.COOLDOWN_MIN, band=step.band,
                target_hr=(intensity.light_target_hr if step.band == "light" else intensity.target_hr),
                rpe=(intensity.light_rpe if step.band == "light" else intensity.rpe),
                speed_kmh=setting.speed_kmh, grade_pct=setting.grade_pct, mets=setting.mets,
                weekly_main_min=step.weekly_main_min, increase_pct=step.increase_pct,
                note=step.note + _light_but_brisk(band, setting.mets),
            ))
    structure = borrowed_structure(profile.etiology, studies, [w.sessions for w in weeks],
                                   profile.max_sessions_per_week)
    pain = pain_rules(profile.pain_nrs, options.pain_rise_allowed)
    warnings = plan_warnings(profile, screening, intensity, borrows_from_animals=structure.borrows, pain=pain,
                             glucose_mg_dl=(options.glucose_low_mg_dl, options.glucose_ketone_check_mg_dl),
                             starts_light=any(week.band == "light" for week in weeks))
    note = guideline_note(profile.etiology, weeks)  # last: where the weeks end against the guideline
    return Plan(
        etiology=profile.etiology,
        blocked=screening.blocked,
        block_reasons=screening.block_reasons,
        screening=screening,
        intensity=intensity,
        weeks=weeks,
        rules=Rules(max_weekly_increase_pct=options.max_weekly_increase_pct,
                    max_weekly_increase_source=g.weekly_increase_source(options.max_weekly_increase_pct),
                    max_two_week_increase_pct=options.max_two_week_increase_pct,
                    max_two_week_increase_source=g.two_week_increase_source(options.max_two_week_increase_pct),
                    glucose_low_mg_dl=options.glucose_low_mg_dl,
                    glucose_ketone_check_mg_dl=options.glucose_ketone_check_mg_dl,
                    pain=pain),
        warnings=[*warnings, note] if note else warnings,
        evidence=structure.study_ids,
        borrowed_structure=structure,
    )
