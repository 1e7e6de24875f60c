"""The handout as plain data: every word and number on the page, decided before any rendering."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class WeekRow(BaseModel):
    week: str
    days: str
    warmup: str
    walking: str
    cooldown: str
    effort: str
    heart_rate: str | None  # None when heart rate is not used
    speed: str


class EffortLevel(BaseModel):
    rpe: str
    words: str


class ReferenceRow(BaseModel):
    """A cited rule or study on the clinician pages."""

    text: str
    source: str


class DosingRow(BaseModel):
    study: str
    model: str
    speed: str
    minutes: str
    days_per_week: str
    weeks: str
    flags: str


class ClinicianSummary(BaseModel):
    screening: list[str]
    intensity: list[str]
    rules: list[ReferenceRow]
    warnings: list[ReferenceRow]
    studies: list[ReferenceRow]  # study line and DOI
    dosing: list[DosingRow]
    dosing_caution: str
    flags: list[str]


class Handout(BaseModel):
    title: str
    language: str = "en"
    patient_name: str
    prepared_by: str
    clinic: str
    phone: str
    date: str
    paper: Literal["a4", "letter"]
    units: Literal["metric", "imperial"]
    logo_path: str | None
    intro: list[str]
    weeks: list[WeekRow]
    weekly_minutes: list[float]
    week_notes: list[str]
    uses_heart_rate: bool
    effort_intro: list[str]
    effort_scale: list[EffortLevel]
    talk_test: list[str]
    pulse: list[str]  # how to take a pulse; empty when heart rate is not used
    pain_intro: list[str]
    pain_green: str
    pain_amber: str | None  # None when usual pain leaves no room between safe and too much
    pain_red: str
    pain_morning: list[str]
    stop_intro: str
    stop_signs: list[str]
    stop_after: list[str]
    safety: list[str]
    logbook_intro: list[str]
    logbook_rows: int
    clinician: ClinicianSummary | None

    def patient_texts(self) -> list[str]:
        """The prose a patient reads (for the reading-grade check); tables and numbers left out."""
        return [
            *self.intro, *self.week_notes, *self.effort_intro, *self.talk_test, *self.pulse, *self.pain_intro,
            self.pain_green, *filter(None, [self.pain_amber]), self.pain_red, *self.pain_morning, self.stop_intro, *self.stop_signs,
            *self.stop_after, *self.safety, *self.logbook_intro,
        ]

    def all_texts(self) -> list[str]:
        """Every string that will be printed, for the font coverage check."""
        texts = [self.title, self.patient_name, self.prepared_by, self.clinic, self.phone, self.date,
                 *self.patient_texts()]
        for row in self.weeks:
            texts += [row.week, row.days, row.warmup, row.walking, row.cooldown, row.effort, row.heart_rate or "", row.speed]
        texts += [level.rpe + level.words for level in self.effort_scale]
        if self.clinician:
            summary = self.clinician
            texts += [*summary.screening, *summary.intensity, summary.dosing_caution, *summary.flags]
            texts += [r.text + r.source for r in (*summary.rules, *summary.warnings, *summary.studies)]
            texts += [" ".join(row.model_dump().values()) for row in summary.dosing]
        return texts
