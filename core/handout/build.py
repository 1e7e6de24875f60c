"""Build the handout model from a plan: the patient's words in their language (core/handout/language.py; in
English at grade 8 or below). The clinician summary, in English, is core/handout/clinician_summary.py."""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

from core.evidence.entries import EtiologyEntry
from core.evidence.models import Study
from core.handout.clinician_summary import clinician_summary_for
from core.handout.language import Wording
from core.handout.patient_words import (
    FALL_RISK_BESIDE_HARNESS, FALL_RISK_WHY, PATIENT_SAFETY, PULSE_RANGE_NARROW, PULSE_REASON, RPE_WORDS,
    TREADMILL_SAFETY,
)
from core.handout.stop_page import NO_BREAK, WRITE_IN, blood_sugar, stop_page
from core.scripts import isolated
from core.languages import SOURCE_LANGUAGE
from core.handout.model import EffortLevel, Handout, HandoutLabels, LogGroup, LogWeek, WeekRow
from core.plan import guidelines as g
from core.plan.engine import Plan, Week
from core.handout.pulse_words import pulse_lines
from core.handout.walk_days import rest_days
from core.plan.intensity import hr_unreliable_reasons
from core.handout.pain_lights import pain_lights
from core.plan.profile import PatientProfile
from core.plan.step_back import eased_week
from core.plan.walking import KM_PER_MILE
from core.plan.warnings import WarningCode

# product default: the walking log's weeks for walking a week again, after those of the plan (two made standard print no
# shorter than large print for some English plans; with one, a few plans in other languages still are not)
LOG_WEEKS_AGAIN = 1
LOG_WRITE_IN = "_" * 8  # their heading's week number, written in by hand


def number_text(minutes: float) -> str:
    """Minutes in half minutes, as people write them: 8, 8½."""
    whole = int(minutes)
    return f"{whole}½" if minutes - whole >= 0.5 else f"{whole}"


def minutes_text(minutes: float, t: Wording | None = None) -> str:
    t = t or _ENGLISH
    return t.plural("{minutes} min", "{minutes} min", minutes, minutes=number_text(minutes))


def bout_rounded(minutes: float) -> float:
    """A short walk's length as the handout writes it: to five seconds, halves up (never below 5 s), and under a minute
    to the second, so the parts add up to the walk or come within seconds of it. Seen in review: to the quarter minute,
    6:30 in 4 parts was "4 × about 1:30", the same walking as the week before's 6:00, and 7:30 was "4 × about 2:00",
    the week after's 8:00; to five seconds, 5:30 and 6:00 in 10 parts were both "10 × about 0:35"."""
    step = 1 if minutes * 60 < 59.5 else 5
    return max(5, math.floor(minutes * 60 / step + 0.5) * step) / 60


def clock_text(minutes: float) -> str:
    """A walk's length as the treadmill's clock shows it, minutes:seconds: 16:30, 2:45, 0:30. Seen in a large-print
    review: the ½ and ¼ of "16½ (2 × 8¼)" printed at under half the height of the digits beside them."""
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def bout_text(minutes: float) -> str:
    """One short walk, bout_rounded, as clock_text writes it: '4:15', '0:30'."""
    return clock_text(bout_rounded(minutes))


def parts_exact(week: Week) -> bool:
    """Whether a walk in parts splits into equal parts as ``bout_text`` writes them: 6:00 in 4 parts is 4 × 1:30
    exactly; 6:30 in 4 parts is 4 × about 1:40."""
    part = week.main_min / week.bouts  # not bout_min, kept to two decimals: 6:30 in 4 parts is 1.625, not 1.62
    return abs(bout_rounded(part) * week.bouts - week.main_min) <= 1e-6


def bouts_text(week: Week, t: Wording | None = None) -> str:
    """The parts of a walk in parts: '2 × 4:15', or '5 × about 1:05' when equal parts written as ``bout_text``
    writes them do not add up to the walk (5:30 in 5 parts is not 5 × 1:00). No-break spaces: one line."""
    t = t or _ENGLISH
    length = bout_text(week.main_min / week.bouts)
    if not parts_exact(week):
        # may break after "×": an unbreakable "(4 × about 1:30)" made the table's narrowest widths wider than the
        # page, and the fallback cut inside the bracket, a ")" alone on a line (seen in review)
        return f"{week.bouts}{NO_BREAK}× " + t("about {length}", length=length).replace(" ", NO_BREAK)
    return f"{week.bouts}{NO_BREAK}×{NO_BREAK}{length}"


def speed_text(week: Week, units: Literal["metric", "imperial"], t: Wording | None = None) -> str:
    t = t or _ENGLISH
    if week.speed_kmh is None:
        return t("By feel")
    speed = (t("{speed} km/h", speed=t.number(week.speed_kmh)) if units == "metric"
             else t("{speed} mph", speed=t.number(week.speed_kmh / KM_PER_MILE)))
    slope = t("flat") if week.grade_pct == 0 else t("{grade}% slope", grade=t.number(week.grade_pct, 0))
    return f"{speed}\n{slope}"


def week_row(week: Week, units: Literal["metric", "imperial"], t: Wording | None = None) -> WeekRow:
    t = t or _ENGLISH
    walking = clock_text(week.main_min)
    if week.bouts > 1:
        walking += f" ({bouts_text(week, t)})"
    # one word on the page: Vietnamese "Vừa phải" (moderate) broke in a narrow column, and "phải" alone reads "must"
    band = (t("Light") if week.band == "light" else t("Moderate")).replace(" ", NO_BREAK)
    effort = f"{band}\n{week.rpe[0]}-{week.rpe[1]}"
    heart_rate = None if week.target_hr is None else f"{week.target_hr[0]}-{week.target_hr[1]}"
    return WeekRow(week=str(week.week), days=str(week.sessions), warmup=number_text(week.warmup_min),
                   walking=walking, cooldown=number_text(week.cooldown_min), effort=effort,
                   heart_rate=heart_rate, speed=speed_text(week, units, t))


_ENGLISH = Wording()


def build_handout(
    profile: PatientProfile,
    plan: Plan,
    studies: list[Study],
    *,
    clinician: str,
    clinic: str,
    phone: str,
    ambulance: str = "",
    date: dt.date,
    paper: Literal["a4", "letter"],
    units: Literal["metric", "imperial"],
    logo_path: str | None = None,
    clinician_summary: bool = False,
    etiology: EtiologyEntry | None = None,
    language: str = SOURCE_LANGUAGE,
    print_size: Literal["large", "standard"] = "large",
    start_week: int | None = None,
    start_again: bool = False,
) -> Handout:
    """The handout in ``language`` (a BCP 47 tag with a catalog); the clinician summary stays in English and
    gives ``etiology``'s human evidence (the records' entry for the plan's etiology). ``start_week``: where a patient
    whose walks are logged carries on (core/workspace/course.py carrying_on); the walking log begins there;
    ``start_again``: a week they have walked, or walked past, already (a hold, a step back, a plan begun again lower).
    ``ambulance``: the local emergency number, printed on the stop page (a line to write it on where not given)."""
    if plan.blocked:
        raise ValueError("a blocked plan has no handout")
    t = Wording(language)
    phone = phone.replace(" ", NO_BREAK)  # one word: never broken across lines, and in order in right-to-left text
    # a line to write it on where Settings has none: on every page and where the stop page says to call (seen in
    # review: "Then call your clinic." with no number, which only page 1's line gave a place for)
    number = isolated(phone) if phone.strip() else WRITE_IN
    uses_hr = plan.intensity.method == "hrr"
    codes = {w.code for w in plan.warnings}
    safety_heading = t("Your safety points")
    first_with_bouts = next((week for week in plan.weeks if week.bouts > 1), None)
    slow = {"warmup": minutes_text(g.WARMUP_MIN, t), "cooldown": minutes_text(g.COOLDOWN_MIN, t)}
    start_week = start_week if start_week and 1 <= start_week <= len(plan.weeks) else None
    intro = [
        t("This plan helps you walk on a treadmill a little more each week."),
        # a patient who walks under 10 minutes today, in parts or not: 5 slow minutes may be too many
        t("Each time, walk slowly for {warmup} to warm up. Then do your walk. End with {cooldown} of slow walking.",
          **slow) if not plan.slow_walking_shortened else
        t("Each time, walk slowly for up to {warmup} to warm up. Then do your walk. End with up to {cooldown} of slow "
          "walking. If you get tired, make the slow walking shorter.", **slow),
        *rest_days(plan, t),
        t("The table shows how long and how hard to walk each week."),
        # the table's walking times are minutes:seconds (clock_text): said once, with the numbers as the clock has them
        clock_key := t("Walking times in the table are minutes and seconds, as the treadmill's clock shows them: "
                       "{example} means 16 minutes and 30 seconds.", example=isolated("16:30")),
        t("Fill in the walking log at the end of this plan after each walk. Bring it to your next visit."),
    ]
    if first_with_bouts is not None:
        example = week_row(first_with_bouts, units, t).walking
        part = first_with_bouts.main_min / first_with_bouts.bouts  # as bouts_text has it
        rounded = bout_rounded(part)
        exact = parts_exact(first_with_bouts)  # "4 walks of about 1:30" for 4 × 1:30 read as a guess (seen in review)
        if part < 1:
            seconds = round(rounded * 60)
            bout_words = (t.plural("{seconds} second", "{seconds} seconds", seconds, seconds=seconds) if exact else
                          t.plural("about {seconds} second", "about {seconds} seconds", seconds, seconds=seconds))
        else:  # as the table writes it, with no unit after it: "about 1:15 minutes" could read as 1.15 minutes (seen
            # in review); isolated, as the Arabic handout printed "½2" for 2½ (seen in review)
            length = isolated(bout_text(part))
            bout_words = length if exact else t("about {length}", length=length)
        # resting between parts: sitting is offered, as a patient with a spinal cord injury, a stroke or numb feet
        # may not stand steadily for long (product wording; the etiologies' fall and harness warnings go with it)
        # counted: Arabic says two walks with a form of its own (مرتين), and 3-10 and 11 or more differently again
        # right to left, the example as the week table lays it out (in the handout's direction, not by its first
        # letter: seen in review, "8:00 (2 × 4:00)" here read left to right beside the table's right-to-left cells)
        example = example if t.language.direction == "rtl" else isolated(example)
        parts = dict(example=example, bouts=first_with_bouts.bouts, length=bout_words)
        # seen in review: "In some weeks" where every week was walked in parts; after the key to the clock's times
        intro.insert(intro.index(clock_key) + 1, t.plural(
            "You walk in short parts: {example} means {bouts} walk of {length}. Between them, stop the treadmill and "
            "rest until your breathing settles. Sit down if you need to.",
            "You walk in short parts: {example} means {bouts} walks of {length}. Between them, stop the treadmill and "
            "rest until your breathing settles. Sit down if you need to.", first_with_bouts.bouts, **parts)
            if all(week.bouts > 1 for week in plan.weeks) else t.plural(
            "In some weeks you walk in short parts: {example} means {bouts} walk of {length}. Between them, stop the "
            "treadmill and rest until your breathing settles. Sit down if you need to.",
            "In some weeks you walk in short parts: {example} means {bouts} walks of {length}. Between them, stop the "
            "treadmill and rest until your breathing settles. Sit down if you need to.",
            first_with_bouts.bouts, **parts))
    effort_intro = [t("Use this scale to rate how hard your walk feels. It runs from 6 to 20.")]
    light_low, light_high = plan.intensity.light_rpe
    starts_light = any(week.band == "light" for week in plan.weeks)
    if starts_light:
        effort_intro.append(t("Light is {low} to {high}: it feels easy.", low=light_low, high=light_high))
        effort_intro.append(t("In a light week, walk slower if it feels harder than {high}.", high=light_high))
    low, high = plan.intensity.rpe
    effort_intro.append(t("Moderate is {low} to {high}: between light and somewhat hard. Do not go above {high}.",
                          low=low, high=high))
    no_pulse = [] if uses_hr else [
        *([t(PULSE_REASON[key]) for key in hr_unreliable_reasons(profile)] or [t(PULSE_RANGE_NARROW)]),
        t("So do not use your pulse to judge your effort: go by the effort scale and the talk test.")]
    pulse, count_seconds = pulse_lines(plan, codes, t) if uses_hr else ([], 0)

    def effort_level(level: int) -> EffortLevel:
        band = ("light" if starts_light and light_low <= level <= light_high else
                "moderate" if low <= level <= high else "")  # the targets of this plan, none other
        words = RPE_WORDS.get(level)
        return EffortLevel(rpe=str(level), words=t(words) if words else "", band=band,
                           target={"light": t("Light"), "moderate": t("Moderate"), "": ""}[band])

    rows = [week_row(week, units, t) for week in plan.weeks]
    week_notes = []
    # the weeks at the plan's last level, from the first of them: kept to the end, not a pause to get used to it (seen
    # in review: weeks 5-12 of 4 x 30 minutes read "Some weeks stay the same ... time to get used to it")
    last_level = len(rows) - 1
    while last_level and _same_walks(rows[last_level - 1], rows[last_level]):
        last_level -= 1
    if any(_same_walks(before, after) for before, after in zip(rows[:last_level], rows[1:last_level])):
        week_notes.append(t("Some weeks stay the same as the week before. This gives your body time to get used to it."))
    if last_level < len(rows) - 1:
        week_notes.append(t("From week {week} on, your walks stay the same. Keep walking at this level.",
                            week=plan.weeks[last_level].week))
    # a walk shorter than the week before's read as a mistake where a day is added
    if any(after.sessions > before.sessions and after.main_min < before.main_min
           for before, after in zip(plan.weeks, plan.weeks[1:])):
        week_notes.append(t("In some weeks you walk one more day. Then each walk is a little shorter, so the week "
                            "does not grow too fast."))
    if any(week.speed_kmh is None for week in plan.weeks):  # seen in review: "By feel" never explained
        week_notes.append(t("By feel: choose a speed at which the walk feels as hard as your effort target. Write "
                            "the speed in your log."))
    return Handout(
        title=t("Your treadmill walking plan"),
        language=t.language.tag,
        direction=t.language.direction,
        patient_name=profile.name,
        prepared_by=clinician,
        clinic=clinic,
        phone=phone,
        date=t.date(date),
        issued=date,
        paper=paper,
        units=units,
        logo_path=logo_path,
        # a new version mid-course: its table begins at week 1, and the patient is further on (seen in review); a
        # week walked already is walked again (seen by a helper: a step back from week 5 read "Start at week 4. You
        # have done the weeks before it.", and nothing said it was a week back)
        start_note="" if not start_week else t("Start at week {week} again.", week=start_week) if start_again else
        t("Start at week {week}.", week=1) if start_week == 1 else
        t("Start at week {week}. You have done the weeks before it.", week=start_week),
        start_week=start_week,
        intro=intro,
        weeks=rows,
        weekly_minutes=[week.weekly_main_min for week in plan.weeks],
        # said only where the table shows it: a plan that grows every week has no week like the one before
        week_notes=week_notes,
        uses_heart_rate=uses_hr,
        effort_intro=effort_intro,
        no_pulse=no_pulse,
        effort_scale=[effort_level(level) for level in range(6, 21)],
        talk_test=[t("The talk test: at a moderate effort you can talk, but you cannot sing."),
                   # CDC's talk test: a few words at a time is vigorous; not talking at all is a stop sign
                   t("If you can say only a few words, slow down."),
                   # seen in review: a moderate week at the light weeks' speed and slope, and no word on one that
                   # feels easier; the clinician changes the belt (the session log's "lighter than planned" tells them)
                   t("In a moderate week, if it feels easier than {low}, do not speed up on your own: tell your "
                     "clinician, who can change the speed or slope.", low=low)],
        pulse=pulse,
        **pain_lights(plan.rules.pain, t, eased=any(eased_week(plan, week.week) for week in plan.weeks)),
        **stop_page(profile, plan.rules, codes, t, clinic_number=number, ambulance_number=ambulance, units=units,
                    safety_heading=safety_heading),
        safety=[_safety(w.code, plan, t, codes) for w in plan.warnings if w.code in PATIENT_SAFETY],
        **safety_picture(codes, t),
        treadmill_safety=[t(point) for point in TREADMILL_SAFETY],  # guidelines.TREADMILL_SAFETY_SOURCE
        logbook_intro=[t("Fill in one line after each walk."),
                       t("If you walk a week again, use the lines at the end, and write that week's number in their "
                         "heading."),
                       # the session log's minutes are the main walk's (core/plan/session_log.py), as the week table's
                       # seen in review: each part's minutes, or all of them? (the session log counts them together)
                       t("In Minutes, write how long you walked, all the short parts added together. Do not count the "
                         "slow walking before and after.") if first_with_bouts else
                       t("In Minutes, write how long your walk was. Do not count the slow walking before and after."),
                       t("Rate your effort from 6 to 20 and your pain from 0 to 10."),
                       # the count itself, as the pulse section gives it: no sum for the patient to get wrong
                       *([t("In Pulse, write the beats you counted in {seconds} seconds near the end of your walk.",
                            seconds=count_seconds)] if uses_hr else []),
                       t("The next morning, fill in your pain and whether you are stiffer than usual.")],
        log_weeks=[LogWeek(heading=t("Week {week}", week=week.week), walks=week.sessions) for week in plan.weeks
                   if week.week >= (start_week or 1)]
        # a week held or stepped back to is walked again (the pain rules): lines for it, its number written in (seen in
        # review: every line was a planned walk's, so a week walked again went under the next week's heading)
        + [LogWeek(heading=t("Week {week}", week=LOG_WRITE_IN), walks=max(week.sessions for week in plan.weeks))
           for _ in range(LOG_WEEKS_AGAIN)],
        print_size=print_size,
        labels=HandoutLabels(
            facts=[(t("For"), profile.name), (t("Made by"), clinician or t("Your clinician")),
                   # left blank in Settings: a line to write it on by hand, so "call the clinic" can be acted on
                   (t("Clinic"), clinic or WRITE_IN), (t("Phone"), phone or WRITE_IN), (t("Date"), t.date(date))],
            plan_heading=t("Your plan at a glance"),
            week_columns=[t("Week"), t("Days"), t("Walk (min:sec)"), t("How hard"), t("Heart rate (beats a minute)"),
                          t("Speed and slope")],
            clinic_phone=t("Clinic phone: {phone}", phone=number),
            # planned, a week's walks added together (seen in review: read beside the table's minutes of one walk, a
            # bar of 45 could be taken for one walk of 45 minutes; in review, "all your walks" for a record of them)
            chart_title=t("Planned minutes of walking each week (all that week's walks added together)"),
            chart_axis=t("Weeks"),  # the axis counts weeks: "Sem." in the table header read as a riddle here
            effort_heading=t("How hard should it feel?"),
            scale_columns=[t("Score"), t("How it feels"), t("Your target")],
            pulse_heading=t("Taking your pulse"),
            pain_heading=t("Pain rules"),
            lights=[t("Green"), t("Amber"), t("Red")],
            stop_heading=t("When to stop and get help"),
            safety_heading=safety_heading,
            low_sugar_heading=t("Low blood sugar"),
            treadmill_heading=t("Using the treadmill safely"),
            log_heading=t("My walking log"),
            log_groups=log_groups(units, uses_hr, t),
            continued=t("{heading} (continued)"), turn_over=t("Continued on the next page."),
            footer=t("Treadmill plan for {name}, {date}"),  # filled in to fit the line by the renderer; where the
            footer_short=t("{name}, {date}"),  # whole name does not fit it, the name and date alone
            page=t("Page {page} of {total}"),
            subject=t("Treadmill walking plan for {name}", name=profile.name),
        ),
        clinician=clinician_summary_for(plan, studies, etiology, date, units, language=t.language.tag)
        if clinician_summary else None,
    )


def _same_walks(before: WeekRow, after: WeekRow) -> bool:
    """Two rows of the week table that ask the same walking of the patient."""
    return before.model_copy(update={"week": ""}) == after.model_copy(update={"week": ""})


def log_groups(units: str, uses_hr: bool, t: Wording) -> list[LogGroup]:
    """The walking log's columns, under when to fill them in. The pulse has a column when the plan's targets are
    heart rates (the session log records it). The scales are in the log's introduction, not the headings: eight
    headings with them do not fit a line at 14 pt in Spanish or Portuguese."""
    during = [t("Minutes"), t("Speed (km/h)") if units == "metric" else t("Speed (mph)"), t("Effort"),
              *([t("Pulse")] if uses_hr else []), t("Pain")]
    return [LogGroup(heading="", columns=[t("Date")]),
            LogGroup(heading=t("During the walk"), columns=during),
            LogGroup(heading=t("Next morning"), columns=[t("Pain"), t("Stiffer?")])]


def safety_picture(codes: set[WarningCode], t: Wording) -> dict:
    """The treadmill drawing shows what the safety points ask: the safety cord clipped on, for every patient, and
    holding the handrails (fall risk, harness). Its captions match the drawing's numbered markers."""
    clip = t("Clip the safety cord to your clothes.")
    if codes & {WarningCode.FALL_RISK, WarningCode.HARNESS}:
        return {"safety_picture": "handrails-and-clip", "safety_captions": [t("Hold the handrails."), clip]}
    return {"safety_picture": "clip", "safety_captions": [clip]}


def _safety(code: WarningCode, plan: Plan, t: Wording, codes: set[WarningCode]) -> str:
    if code == WarningCode.FALL_RISK:
        line = FALL_RISK_BESIDE_HARNESS if WarningCode.HARNESS in codes else PATIENT_SAFETY[code]
        return t(line, why=t(FALL_RISK_WHY[plan.etiology]))
    if code == WarningCode.HYPOGLYCEMIA:
        low, high = plan.rules.glucose_low_mg_dl, plan.rules.glucose_ketone_check_mg_dl  # the plan's, from the settings
        return t(PATIENT_SAFETY[code], low=blood_sugar(low, t), high=blood_sugar(high, t))
    return t(PATIENT_SAFETY[code])
