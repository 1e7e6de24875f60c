"""What the window is working on, typed: the plan draft (profile, overrides, the computed and the
effective plan, the patient and the version it belongs to) and what a handout is made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from core.evidence.entries import EtiologyEntry
from core.evidence.models import Study
from core.plan.engine import Plan, PlanOptions, compute_plan
from core.plan.overrides import WeekOverride
from core.plan.profile import PatientProfile
from core.records.models import PlanVersion, SessionRecord
from core.settings import Settings

if TYPE_CHECKING:
    from core.workspace.course import CarryOn


@dataclass
class PlanDraft:
    """The clinician's plan as it stands. ``saved`` is the version on screen as saved (shown exactly as
    saved until something changes); ``computed_plan`` is the engine's, ``plan`` the one with the
    clinician's overrides applied, which every figure, the handout and the session log follow."""

    profile: PatientProfile | None = None
    overrides: list[WeekOverride] = field(default_factory=list)
    computed_plan: Plan | None = None
    plan: Plan | None = None
    patient_id: int | None = None
    plan_id: int | None = None
    saved: PlanVersion | None = None
    dirty: bool = False

    @property
    def is_saved_version(self) -> bool:
        return self.plan_id is not None


@dataclass(frozen=True)
class HandoutRequest:
    """Everything a handout is made from; the options on screen (paper, units, summary) are added there."""

    profile: PatientProfile
    plan: Plan
    studies: list[Study]
    etiology: EtiologyEntry | None  # the records' entry for the profile's etiology: its human evidence
    settings: Settings
    # the patient's saved versions and walks, oldest first (none for a patient not saved, or from a profile file)
    history: tuple[PlanVersion, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()

    @cached_property
    def carry_on(self) -> CarryOn:
        """Where the patient carries on in this plan, once walks are logged (course.carrying_on)."""
        from core.workspace.course import carrying_on

        return carrying_on(list(self.history), list(self.sessions), self.profile, self.plan)

    @property
    def start_week(self) -> int | None:
        return self.carry_on.week


def draft_plan(profile: PatientProfile, library: list[Study], options: PlanOptions | None = None) -> Plan:
    """The plan the engine computes for ``profile`` from the studies of its etiology in ``library``: the one
    place the chain profile -> studies -> plan is assembled (the window and the commands both call it)."""
    return compute_plan(profile, [s for s in library if profile.etiology in s.etiologies], options)


def same_profile(first: PatientProfile, second: PatientProfile) -> bool:
    """The same values, whether a profile was opened from the records or typed in the form."""
    return first.model_dump() == second.model_dump()
