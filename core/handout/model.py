"""The handout as plain data: every word and number on the page, decided before any rendering."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator


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
    band: Literal["light", "moderate", ""] = ""  # the plan's target bands on the scale
    target: str = ""  # the band's name in the patient's language


class LogWeek(BaseModel):
    """A week of the walking log: its heading and a line for each planned walk."""

    heading: str
    walks: int


class LogGroup(BaseModel):
    """Columns of the walking log under one heading: when to fill them in ("During the walk", "Next morning").
    A column standing alone (the date) has no heading: its own spans both heading rows."""

    heading: str
    columns: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_column_without_a_heading(self) -> LogGroup:
        if not self.heading and len(self.columns) != 1:
            raise ValueError("a walking-log group without a heading is one column, whose heading spans both rows")
        return self


class HandoutLabels(BaseModel):
    """The headings, column names and page furniture, in the patient's language."""

    facts: list[tuple[str, str]]  # (label, value): for, made by, clinic, phone, date
    plan_heading: str
    week_columns: list[str]  # week, days, walk, how hard, heart rate, speed
    clinic_phone: str  # on every page: the clinic's number, or a line to write it on
    chart_title: str
    chart_axis: str
    effort_heading: str
    scale_columns: list[str]
    pulse_heading: str
    pain_heading: str
    lights: list[str]  # green, amber, red
    stop_heading: str
    safety_heading: str
    low_sugar_heading: str
    treadmill_heading: str  # over the picture and the points on getting on and off the machine
    log_heading: str
    log_groups: list[LogGroup]
    continued: str  # with {heading}: a section's heading again where it goes on over a page
    turn_over: str  # under the part of a section before the page it goes on on
    footer: str  # with {name} and {date}
    footer_short: str  # the same, the name and date alone: where the whole name does not fit ``footer``
    page: str  # with {page} and {total}
    subject: str  # the PDF's subject line

    @property
    def log_columns(self) -> list[str]:
        return [column for group in self.log_groups for column in group.columns]

    def texts(self) -> list[str]:
        return [*(f"{label} {value}" for label, value in self.facts), self.plan_heading, *self.week_columns,
                self.chart_title, self.chart_axis, self.effort_heading, *self.scale_columns, self.pulse_heading,
                self.pain_heading, *self.lights, self.stop_heading, self.safety_heading, self.low_sugar_heading,
                self.treadmill_heading, self.log_heading,
                *(group.heading for group in self.log_groups), *self.log_columns, self.continued, self.turn_over,
                self.footer, self.footer_short, self.page, self.clinic_phone]


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
    human_evidence: list[ReferenceRow]  # the etiology's human trials and guidelines, as step 2 shows them
    studies: list[ReferenceRow]  # the linked animal studies: study line and DOI
    no_studies: str  # printed where there are none: why (the plan's own reason)
    dosing: list[DosingRow]
    dosing_caution: str
    flags: list[str]
    date: str  # as its pages' footers print it, in English (21 November 2026, language.english_date)
    translation: str = ""  # that the patient's pages are a translation no medical translator has reviewed, or ""


class Handout(BaseModel):
    title: str
    language: str = "en"  # BCP 47
    direction: Literal["ltr", "rtl"] = "ltr"
    patient_name: str
    prepared_by: str
    clinic: str
    phone: str
    date: str  # as the footer prints it, in the patient's language
    issued: dt.date  # the same date, for the PDF's creation date
    paper: Literal["a4", "letter"]
    units: Literal["metric", "imperial"]
    logo_path: str | None
    start_note: str  # bold, before the introduction: where a patient whose walks are logged carries on (or "")
    start_week: int | None = None  # that week, boxed in the week plan (seen in review: its row like every other)
    intro: list[str]
    weeks: list[WeekRow]
    weekly_minutes: list[float]
    week_notes: list[str]
    uses_heart_rate: bool
    effort_intro: list[str]
    effort_scale: list[EffortLevel]
    # why the pulse cannot guide this patient, and to go by the scale: after the scale, before the talk test (seen in
    # review: before it, these lines pushed the scale onto the next page, alone, for exactly these patients)
    no_pulse: list[str]
    talk_test: list[str]
    pulse: list[str]  # how to take a pulse; empty when heart rate is not used
    pain_intro: list[str]
    pain_green: str
    pain_amber: str | None  # None when usual pain leaves no room between safe and too much
    pain_red: str
    pain_morning: list[str]
    ambulance_call: str  # the local emergency number to dial, from Settings, or a line to write it on
    ambulance_intro: str  # the signs that call for an ambulance at once
    ambulance_signs: list[str]
    stop_intro: str  # then the other stop signs
    stop_signs: list[str]
    stop_after: list[str]  # what to do for those, then calling the clinic
    low_sugar: str  # its signs, after the stop signs (on insulin or a secretagogue), then what to do: numbered steps,
    low_sugar_steps: list[str]
    low_sugar_not_low: str  # and what to do where it is not low
    low_sugar_walk_again: str  # when to walk again after it
    safety: list[str]  # this patient's own points, from the plan's warnings
    # on and off the machine, for every patient: a drawing (core/handout/drawings.py), its numbered captions, and
    # the points that go with it
    safety_picture: Literal["clip", "handrails-and-clip"]
    safety_captions: list[str]
    treadmill_safety: list[str]
    logbook_intro: list[str]
    log_weeks: list[LogWeek]
    print_size: Literal["large", "standard"] = "large"  # patient text at 16 pt or more, or at 14 pt
    labels: HandoutLabels
    clinician: ClinicianSummary | None  # in English, for the clinician

    def patient_texts(self) -> list[str]:
        """The prose a patient reads (for the reading-grade check); tables and numbers left out."""
        return [
            *filter(None, [self.start_note]), *self.intro, *self.week_notes, *self.effort_intro, *self.no_pulse,
            *self.talk_test,
            *self.pulse, *self.pain_intro,
            self.pain_green, *filter(None, [self.pain_amber]), self.pain_red, *self.pain_morning,
            self.ambulance_call, self.ambulance_intro, *self.ambulance_signs,
            self.stop_intro, *self.stop_signs, *self.stop_after,
            *filter(None, [self.low_sugar]), *self.low_sugar_steps,
            *filter(None, [self.low_sugar_not_low, self.low_sugar_walk_again]), *self.safety,
            *self.safety_captions,
            *self.treadmill_safety,
            *self.logbook_intro,
        ]

    def all_texts(self) -> list[str]:
        """Every string that will be printed, for the font coverage check."""
        texts = [self.title, self.patient_name, self.prepared_by, self.clinic, self.phone, self.date,
                 *(week.heading for week in self.log_weeks),
                 *self.patient_texts()]
        for row in self.weeks:
            texts += [row.week, row.days, row.warmup, row.walking, row.cooldown, row.effort, row.heart_rate or "", row.speed]
        texts += [level.rpe + level.words + level.target for level in self.effort_scale]
        texts += self.labels.texts()
        if self.clinician:
            summary = self.clinician
            texts += [*summary.screening, *summary.intensity, summary.dosing_caution, *summary.flags]
            texts += [r.text + r.source for r in (*summary.rules, *summary.warnings, *summary.studies)]
            texts += [" ".join(row.model_dump().values()) for row in summary.dosing]
        return texts
