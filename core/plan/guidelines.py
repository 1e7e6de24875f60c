"""Every clinical number the plan engine uses, with its source, in one versioned table.

Nothing clinical is written anywhere else: the engine, the UI and the handout read it from here.
Where a number has no primary source it says so (``unverified``) and is a setting the clinician
can change. Bump GUIDELINES_VERSION whenever a number or a source changes; saved plans record it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from core.citing import cited
from core.etiology import EtiologyId

GUIDELINES_VERSION = "2026.12.23"  # what each version changed: docs/plan.md, "Guidelines versions"
# The versions before this one, oldest first (a bump adds the one it replaces). A plan saved under one of them is
# the record of what the patient was given: a bundle or a move to the clinic server keeps it as saved, as only
# plans under GUIDELINES_VERSION can be re-derived to check them (core/storage/bundle_rederive.py).
EARLIER_GUIDELINES = ("2026.11.1", "2026.11.2", "2026.11.3", "2026.12.1", "2026.12.2", "2026.12.3", "2026.12.4",
                      "2026.12.5", "2026.12.6", "2026.12.7", "2026.12.8", "2026.12.9", "2026.12.10",
                      "2026.12.11", "2026.12.12", "2026.12.13", "2026.12.14", "2026.12.15",
                      "2026.12.16", "2026.12.17", "2026.12.18", "2026.12.19", "2026.12.20", "2026.12.21",
                      "2026.12.22")


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    doi: str | None = None
    unverified: bool = False  # seen only in secondary material, or a product default

    def cited(self) -> str:
        """The source as the clinician reads it beside a statement."""
        return cited(self.label, self.doi, self.unverified)


class Band(BaseModel):
    """An intensity band of the ACSM table (10th edition)."""

    model_config = ConfigDict(frozen=True)

    name: Literal["light", "moderate"]
    hrr_pct: tuple[int, int]
    hrmax_pct: tuple[int, int]
    rpe: tuple[int, int]  # Borg 6-20
    mets: tuple[float, float]


class HrMaxFormula(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Literal["tanaka", "gellish", "fox"]
    label: str
    intercept: float
    slope: float
    source: Source


ACSM_10TH = Source(label="ACSM's Guidelines for Exercise Testing and Prescription, 10th ed. (2018)")
GARBER_2011 = Source(label="Garber CE et al. 2011, Med Sci Sports Exerc 43:1334-1359", doi="10.1249/MSS.0b013e318213fefb")
RIEBE_2015 = Source(label="Riebe D et al. 2015, ACSM pre-participation screening, Med Sci Sports Exerc 47:2473-2479",
                    doi="10.1249/MSS.0000000000000664")
ADA_2016 = Source(label="Colberg SR et al. 2016, ADA position statement, Diabetes Care", doi="10.2337/dc16-1728")
BUSHMAN_2020 = Source(label="Bushman BA 2020, ACSM's Health & Fitness Journal 24(4):5-8", doi="10.1249/FIT.0000000000000577")
SILBERNAGEL_2007 = Source(
    label="Silbernagel KG et al. 2007, Am J Sports Med 35:897-906 (Achilles tendon pain, not neuropathic pain)",
    doi="10.1177/0363546506298279",
    unverified=True,
)
BUIST_2008 = Source(label="Buist I et al. 2008, Am J Sports Med 36:33-39", doi="10.1177/0363546507307505")
NIELSEN_2014 = Source(label="Nielsen RO et al. 2014, J Orthop Sports Phys Ther 44:739-747 (n = 874 novice runners)",
                      doi="10.2519/jospt.2014.5164")

LIGHT = Band(name="light", hrr_pct=(30, 39), hrmax_pct=(57, 63), rpe=(9, 11), mets=(2.0, 2.9))
MODERATE = Band(name="moderate", hrr_pct=(40, 59), hrmax_pct=(64, 76), rpe=(12, 13), mets=(3.0, 5.9))
BANDS_SOURCE = Source(label=f"{ACSM_10TH.label}; {GARBER_2011.label}", doi=GARBER_2011.doi)

HR_MAX_FORMULAS: dict[str, HrMaxFormula] = {
    "tanaka": HrMaxFormula(
        id="tanaka", label="Tanaka: 208 - 0.7 x age", intercept=208, slope=0.7,
        source=Source(label="Tanaka H et al. 2001, J Am Coll Cardiol 37:153-156", doi="10.1016/S0735-1097(00)01054-8"),
    ),
    "gellish": HrMaxFormula(
        id="gellish", label="Gellish: 207 - 0.7 x age", intercept=207, slope=0.7,
        source=Source(label="Gellish RL et al. 2007, Med Sci Sports Exerc", doi="10.1097/mss.0b013e31803349c6"),
    ),
    "fox": HrMaxFormula(
        id="fox", label="Fox: 220 - age (SD 10-12 bpm)", intercept=220, slope=1.0,
        source=Source(label="Traditional 220 - age formula (SD 10-12 bpm)", unverified=True),
    ),
}
DEFAULT_HR_MAX_FORMULA = "tanaka"

# Why heart rate cannot set intensity, by condition (the plan then uses RPE and the talk test).
HR_UNRELIABLE: dict[str, tuple[str, Source]] = {
    "beta_blocker": ("beta-blockers blunt the heart-rate response (maximal heart rate can fall by 20-30%)",
                     Source(label="Eston R & Connolly D 1996, Sports Med 21:176-190")),
    "atrial_fibrillation": ("with atrial fibrillation the pulse is irregular; guidance is RPE with the talk test",
                            Source(label="Keteyian SJ et al. 2019, J Cardiopulm Rehabil Prev", doi="10.1097/HCR.0000000000000423")),
    "pacemaker_or_icd": ("a pacemaker or ICD sets or limits the heart rate",
                         Source(label="Shephard RJ (pacemakers, ICD, heart transplant)", unverified=True)),
    "heart_transplant": ("a transplanted heart loses its nerve supply, so its rate responds late and only partly to "
                         "effort (nerve regrowth is partial and varies)",
                         Source(label="Nytrøen K & Gullestad L 2013, World J Transplant 3(4):78-90; Squires RW et al. "
                                      "2002, Mayo Clin Proc 77:1295-1300", doi="10.5500/wjt.v3.i4.78")),
    "autonomic_neuropathy": ("autonomic neuropathy blunts the heart-rate response (as shown in diabetes)",
                             Source(label="Harris-Hayes M et al. 2020, J Orthop Sports Phys Ther", doi="10.2519/jospt.2020.9154")),
    "sci_t6_or_above": ("a spinal cord injury at or above T6 impairs the heart's sympathetic control",
                        Source(label="Hutchinson MJ & Goosey-Tolfrey VL 2022, Spinal Cord", doi="10.1038/s41393-021-00733-2")),
}
# With atrial fibrillation Keteyian 2019 advises RPE 11-14; the plan keeps the moderate band's 12-13, which lies
# inside it, so that no plan reaches 14, the bottom of ACSM's vigorous band (docs/plan.md, departures).
AF_RPE = (11, 14)
AF_RPE_NOTE = (f"With atrial fibrillation the advised range is RPE {AF_RPE[0]}-{AF_RPE[1]} with the talk test (Keteyian "
               f"2019); this plan keeps to {MODERATE.rpe[0]}-{MODERATE.rpe[1]}, inside that range and within moderate.")
TALK_TEST = ("At moderate effort you can talk, but not sing.", Source(label="CDC, measuring physical activity intensity"))

# Screening (ACSM 2015) and contraindications.
RESTING_BP_LIMIT_MMHG = (200, 110)  # relative contraindication above this (exercise-testing lists)
CONTRAINDICATIONS: dict[str, str] = {
    "acute-mi": "acute myocardial infarction within 2 days",
    "unstable-angina": "high-risk unstable angina",
    "uncontrolled-arrhythmia": "uncontrolled cardiac arrhythmia",
    "severe-aortic-stenosis": "symptomatic severe aortic stenosis",
    "uncontrolled-heart-failure": "uncontrolled heart failure",
    "acute-pulmonary-embolism": "acute pulmonary embolism",
    "acute-myocarditis": "acute myocarditis or pericarditis",
    "aortic-dissection": "acute aortic dissection",
}
CONTRAINDICATIONS_SOURCE = Source(label=f"Absolute contraindications to exercise testing, {ACSM_10TH.label}")
RESTING_BP_SOURCE = Source(label=f"Relative contraindications to exercise testing (resting blood pressure above "
                                 f"{RESTING_BP_LIMIT_MMHG[0]}/{RESTING_BP_LIMIT_MMHG[1]} mmHg), {ACSM_10TH.label}")
STAGE_2_HYPERTENSION_MMHG = (160, 100)  # from here (systolic or diastolic), JNC 7's stage 2 hypertension
# Pescatello 2004 as IDEA Fitness summarised it (May 2004), not read in the primary text: "Evaluation and clearance by a
# physician are necessary prior to beginning an exercise program for those with severe or uncontrolled blood pressure";
# adults with hypertension "should be regularly evaluated, treated and monitored". Stage 2 as "severe or
# uncontrolled" is the product's reading (a resting pressure of 160/100 or more is above any treatment goal).
HIGH_BP_SOURCE = Source(label="Chobanian AV et al. 2003, JAMA 289:2560-2572 (JNC 7: stage 2 hypertension from 160/100 "
                              "mmHg); Pescatello LS et al. 2004, Med Sci Sports Exerc 36:533-553 (ACSM position stand "
                              "on exercise and hypertension: a physician's evaluation and clearance before exercise "
                              "with severe or uncontrolled blood pressure; regularly evaluated, treated and "
                              "monitored); stage 2 read as severe or uncontrolled is a product default",
                        doi="10.1001/jama.289.19.2560", unverified=True)
AUTONOMIC_DYSREFLEXIA_SOURCE = Source(label="Krassioukov A et al. 2009, Arch Phys Med Rehabil 90:682-695",
                                      doi="10.1016/j.apmr.2008.10.017")
# A resting pulse above this is tachycardia, one of the ACSM 2015 signs and symptoms (screening counts it as one).
RESTING_TACHYCARDIA_ABOVE_BPM = 100
TACHYCARDIA_SOURCE = Source(label="Page RL et al. 2016, Circulation 133:e506-e574 (2015 ACC/AHA/HRS guideline: sinus "
                                  "tachycardia is a rate above 100 beats a minute)",
                            doi="10.1161/CIR.0000000000000311", unverified=True)

# Volume and progression.
WEEKLY_TARGET_MIN = 150  # moderate minutes a week (Garber 2011)
SESSION_TARGET_MIN = 30  # >= 30 min a day on >= 5 days (Garber 2011)
VOLUME_SOURCE = GARBER_2011


class AerobicGuideline(BaseModel):
    """The aerobic exercise a guideline asks of a group, that a plan's weeks are held against for the clinician
    (core/plan/aerobic_guideline.py): ``sessions_per_week`` walks of at least ``session_min``, or ``weekly_min`` in
    all, at moderate effort or more."""

    model_config = ConfigDict(frozen=True)

    group: str
    exercise: str  # the effort and kind, in the guideline's terms
    session_min: int | None = None
    sessions_per_week: int | None = None
    weekly_min: int | None = None
    purpose: str = ""  # what the dose is for, where the guideline sets another for another purpose
    source: Source

    @property
    def asks(self) -> str:
        """"at least 20 min of moderate to vigorous aerobic exercise 2 times a week, for fitness"."""
        dose = (f"at least {self.weekly_min} min of {self.exercise} a week" if self.weekly_min is not None else
                f"at least {self.session_min} min of {self.exercise} {self.sessions_per_week} times a week")
        return f"{dose}, {self.purpose}" if self.purpose else dose


ADULT_AEROBIC = AerobicGuideline(group="apparently healthy adults (no guideline for this condition is used here)",
                                 exercise="moderate exercise", weekly_min=WEEKLY_TARGET_MIN, source=GARBER_2011)
# Where the patient's condition has its own guideline, the plan is held against that one instead. (Martin Ginis 2018
# also asks 30 minutes 3 times a week for cardiometabolic health.)
ETIOLOGY_AEROBIC: dict[EtiologyId, AerobicGuideline] = {
    "spinal-cord-injury": AerobicGuideline(
        group="adults with spinal cord injury", exercise="moderate to vigorous aerobic exercise", session_min=20,
        sessions_per_week=2, purpose="for fitness",
        source=Source(label="Martin Ginis KA et al. 2018, Spinal Cord 56:308-321", doi="10.1038/s41393-017-0017-3")),
    "multiple-sclerosis-pain": AerobicGuideline(
        group="adults with multiple sclerosis", exercise="moderate aerobic exercise", session_min=30,
        sessions_per_week=2,
        source=Source(label="Latimer-Cheung AE et al. 2013, Arch Phys Med Rehabil 94:1829-1836",
                      doi="10.1016/j.apmr.2013.05.015")),
}
STARTING_SESSIONS_PER_WEEK = 3
STARTING_SESSIONS_SOURCE = Source(
    label=("Product default: 3 days a week to start, fewer than Garber 2011's 5 or more days of moderate exercise "
           "(3-5 days where moderate and vigorous are combined); the SCI and MS guidelines ask for at least 2"),
    unverified=True,
)
WEEKLY_INCREASE_CHOICES_PCT = (10, 15, 20, 25, 30)
DEFAULT_WEEKLY_INCREASE_PCT = 10
WEEKLY_INCREASE_SOURCE = Source(
    label="The 10% rule; Buist 2008 found it did not lower injuries (20.8% vs 20.3%), so it is a cautious default, not a proven one",
    doi=BUIST_2008.doi,
)
TWO_WEEK_INCREASE_CHOICES_PCT = (20, 25, 30, 35, 40)
TWO_WEEK_INCREASE_LIMIT_PCT = 30  # the default (a setting): Nielsen 2014's threshold
TWO_WEEK_INCREASE_SOURCE = Source(
    label=f"{NIELSEN_2014.label}: more than 30% over two weeks went with more distance-related injuries (HR 1.59, p = .07)",
    doi=NIELSEN_2014.doi,
)


def clinic_setting_source(value: int, default: int, default_source: Source, said: str, doi: str | None) -> Source:
    """Why a setting is what it is: the default's own source, or the clinic's setting named as such (``said``: the
    value, beside what is known of it), unverified."""
    if value == default:
        return default_source
    return Source(label=f"A setting of this clinic: {said}", doi=doi, unverified=True)


def weekly_increase_source(pct: int) -> Source:
    """Why the weekly cap is what it is: the 10% rule, or the clinic's own setting beside what is known of it."""
    return clinic_setting_source(pct, DEFAULT_WEEKLY_INCREASE_PCT, WEEKLY_INCREASE_SOURCE,
                                 f"{pct}% a week, above the traditional 10% rule, which Buist 2008 found no safer "
                                 "(20.8% vs 20.3% injured)", BUIST_2008.doi)


def two_week_increase_source(pct: int) -> Source:
    """Why the two-week cap is what it is: Nielsen 2014's threshold, or the clinic's own setting beside it."""
    return clinic_setting_source(pct, TWO_WEEK_INCREASE_LIMIT_PCT, TWO_WEEK_INCREASE_SOURCE,
                                 f"{pct}% over two weeks; {NIELSEN_2014.label} found more distance-related injuries "
                                 "above 30% (HR 1.59, p = .07)", NIELSEN_2014.doi)


MINUTE_STEP = 0.5  # main-set minutes are planned in half minutes
SHORT_BOUT_BELOW_MIN = 5  # under 5 minutes of continuous walking: bouts with rests, 5 minutes in all
SHORT_BOUT_SOURCE = Source(
    label="Product default: below 5 minutes of continuous walking, the main set is 5 minutes in bouts no longer "
          "than today's tolerance, with rests between, the treadmill stopped (sitting down where needed)",
    unverified=True,
)
VOLUME_AND_INTENSITY_TOGETHER = False  # the week intensity rises to moderate keeps last week's minutes
WARMUP_MIN = 5
COOLDOWN_MIN = 5
WARMUP_SOURCE = Source(label="ACSM: warm-up and cool-down of 5-10 min at light-to-moderate intensity", unverified=True)
LIGHT_START_BELOW_MIN = 10
LIGHT_START_WEEKS = 2
LIGHT_START_SOURCE = Source(
    label="Product default: people who walk under 10 minutes today start with 2 light weeks (no trial behind it)",
    unverified=True,
)

# Treadmill walking: the ACSM metabolic equation.
ACSM_WALKING_VALID_M_PER_MIN = (50.0, 100.0)  # range unverified in ACSM's own wording
MAX_SUGGESTED_GRADE_PCT = 5  # product default: a gentle incline only
WALKING_SOURCE = BUSHMAN_2020
# Getting on and off the treadmill, for every patient's handout (core/handout/patient_words.py TREADMILL_SAFETY):
# the safety key clipped on, the belt straddled while it starts, never stepping off it moving, the head up.
TREADMILL_SAFETY_SOURCE = Source(label="Consumer Reports 2019, How to stay safe on a treadmill (Consumer Reports "
                                       "magazine, January 2019; www.consumerreports.org/treadmills/"
                                       "how-to-stay-safe-on-a-treadmill)")

# Pain monitoring ("traffic light"), judged against the patient's usual pain (see core/plan/pain.py).
PAIN_SAFE_MAX = 3
PAIN_ACCEPTABLE_MAX = 5
PAIN_SOURCE = SILBERNAGEL_2007
PAIN_RISE_CHOICES = (1, 2, 3)  # points on the 0-10 scale above usual pain, during walking
DEFAULT_PAIN_RISE = 2
FARRAR_2001 = Source(label="Farrar JT et al. 2001, Pain 94:149-158", doi="10.1016/S0304-3959(01)00349-9")
IASP_2023 = Source(label="IASP 2023 fact sheet, Integrative physical activity and exercise to address acute and chronic pain")
PAIN_RISE_SOURCE = Source(
    label="Product default (a setting): up to 2 points above usual pain. A short-lived, mild rise in pain after "
          "exercise may be expected (IASP 2023 fact sheet on exercise and pain); about 2 points on the 0-10 scale is "
          "the smallest change people with chronic pain, painful diabetic neuropathy included, rate as clinically "
          "important (an improvement in those trials, used here by analogy as the largest rise to accept), so a "
          "larger rise counts as too much (Farrar JT et al. 2001, Pain 94:149-158)",
    doi=FARRAR_2001.doi,
    unverified=True,
)


def pain_rise_source(points: int) -> Source:
    """Why pain may rise ``points`` above usual pain: the product default, or the clinic's own setting beside it."""
    return clinic_setting_source(points, DEFAULT_PAIN_RISE, PAIN_RISE_SOURCE,
                                 f"up to {points} point{'s' if points != 1 else ''} above usual pain (the product "
                                 "default is 2: about 2 points is the smallest change in chronic pain people rate as "
                                 "clinically important, Farrar JT et al. 2001, Pain 94:149-158)", FARRAR_2001.doi)


# Glucose thresholds for people on insulin or secretagogues (secondary sources only): settings, so a clinic can
# follow the patient's diabetes team; what can be set is a product limit, not guidance.
GLUCOSE_LOW_MG_DL = 100
GLUCOSE_KETONE_CHECK_MG_DL = 250
GLUCOSE_LOW_RANGE_MG_DL = (70, 150)
GLUCOSE_KETONE_CHECK_RANGE_MG_DL = (180, 350)
GLUCOSE_SOURCE = Source(label="Secondary sources on exercise in diabetes; defaults 100 and 250 mg/dL, settings to match "
                              "the patient's diabetes team", unverified=True)
# Above the ketone-check level, ketones present mean no exercise that day; seen only as quoted by secondary sources
# ("avoid physical activity if glucose is above 250 mg/dL and ketosis is present").
KETONES_SOURCE = Source(label="American Diabetes Association 2004, Diabetes Care 27 Suppl 1:S58-S62, as quoted by "
                              "secondary sources", unverified=True)
# A heart-rate band a patient cannot keep to by counting: fewer than two whole 30-second counts inside it (a range
# of under about 4 beats a minute, as a small heart-rate reserve gives) - then RPE and the talk test set intensity.
NARROW_RANGE_SOURCE = Source(label="Product default: a band holding fewer than two 30-second pulse counts is too "
                                   "narrow to count to", unverified=True)
# Low blood sugar during exercise: stop, take 15-20 g of fast glucose, check again after 15 minutes and repeat while
# it stays below 70 mg/dL (the "15-15 rule"); seen as the ADA's professional education summarises it.
HYPOGLYCEMIA_TREATMENT_SOURCE = Source(label="American Diabetes Association, Standards of Care in Diabetes 2024, "
                                             "section 6 (treatment of hypoglycemia), as summarised by the ADA",
                                       doi="10.2337/dc24-S006", unverified=True)
# Low blood sugar to treat is below 70 mg/dL (3.9 mmol/L), the same Standards' level 1 hypoglycaemia (the walk-start
# threshold, GLUCOSE_LOW_MG_DL, is higher); with its signs and no way to check right away, treat it as low.
HYPOGLYCEMIA_MG_DL = 70
HYPOGLYCEMIA_UNCHECKED_SOURCE = Source(label="Mayo Clinic, Diabetic hypoglycemia: diagnosis and treatment (patient "
                                             "information)", unverified=True)
# Low blood sugar that does not respond to treatment (juice, sweets, glucose tablets) calls for a doctor's help at
# once; seen in the Mayo Clinic Care Network's copy of the page.
HYPOGLYCEMIA_NOT_BETTER_SOURCE = Source(label="Mayo Clinic, Hypoglycemia: symptoms and causes, when to see a doctor "
                                              "(patient information)", unverified=True)
# After low blood sugar, a walk goes on once the blood sugar is back in a safe range (Mayo Clinic); read here as the
# walk-start threshold (GLUCOSE_LOW_MG_DL, a setting), with the patient feeling well: a product default.
HYPOGLYCEMIA_WALK_AGAIN_SOURCE = Source(label="Mayo Clinic, Diabetes and exercise: when to monitor your blood sugar "
                                              "(patient information; go on once it is back in a safe range, read as "
                                              "the walk-start threshold: a product default)", unverified=True)
# No exercise within 24 hours of low blood sugar that someone else had to help treat: a contraindication to starting
# or continuing exercise for adults with diabetes (Turner 2019's abstract says so, after the type 1 consensus).
SEVERE_HYPOGLYCEMIA_SOURCE = Source(label="Turner G et al. 2019, Sports Med Open 5:20 (resources to guide exercise "
                                          "specialists managing adults with diabetes)", doi="10.1186/s40798-019-0192-1")

# Borg 6-20 scale: its verbal anchors, in the patient's words, are core/handout/patient_words.py RPE_WORDS. Named
# where the intensity is set out for the clinician (seen in review: no output said which scale; CR10's differ).
RPE_SCALE = "Borg 6-20 scale"
RPE_SOURCE = Source(label="Borg GA 1982, Med Sci Sports Exerc 14:377-381 (the 6-20 scale); the verbal anchors follow "
                          "Borg G 1998, Borg's Perceived Exertion and Pain Scales (Human Kinetics)")
# The stop signs for the patient handout (ACSM warning signs) are core/handout/patient_words.py AMBULANCE_SIGNS and
# STOP_SIGNS: an ambulance at once for the signs of a heart attack or a stroke and for fainting during exercise; rest
# first for the others, and an ambulance if they do not pass within minutes.
EMERGENCY_SOURCES = (
    Source(label="Gulati M et al. 2021, AHA/ACC chest pain guideline, Circulation 144:e368-e454 (call emergency "
                 "services for acute chest pain)", doi="10.1161/CIR.0000000000001029"),
    Source(label="Powers WJ et al. 2019, AHA/ASA acute ischemic stroke guideline, Stroke 50:e344-e418 (call "
                 "emergency services at once for stroke signs)", doi="10.1161/STR.0000000000000211"),
    Source(label="Brignole M et al. 2018, ESC syncope guidelines, Eur Heart J 39:1883-1948 (fainting during exertion "
                 "is a high-risk feature)", doi="10.1093/eurheartj/ehy037"),
)
MG_DL_PER_MMOL_L = 18.0  # glucose unit conversion
