"""The animal treadmill dosing behind an etiology: how many studies, which species, what ranges.

Shown beside the human plan as the structure it borrows (frequency, session length, ramp), never
as a human dose: the caution travels with every summary.
"""

from __future__ import annotations

from collections import Counter
from statistics import median

from pydantic import BaseModel

from core.citing import cited_together
from core.evidence.models import Citation, ExerciseDosing, FlagCode, Study
from core.words import counted

# The caution's rule, printed in bold before its reasons (core/handout/clinician_pages.py)
DOSING_RULE = ("Rat and mouse treadmill protocols can show only the shape a human plan borrows "
               "(how often, how long, how gradual the ramp), never a human dose: a rodent treadmill speed never "
               "converts into a human walking speed.")
DOSING_CAUTION = DOSING_RULE + (
    " In rats, 16 m/min is roughly 68% of VO2max; a meta-analysis "
    "of 37 preclinical studies, all of sciatic nerve injury in male animals, found no link between exercise "
    "duration or intensity and pain relief; "
    "and forced running adds stress-induced analgesia of its own. The two reviews differ on intensity: Ghanbari "
    "2025 (Conclusion) favours medium intensity, as intense exercise may be stressful and low intensity of "
    "limited effect, while He et al. 2024 (Section 3.2) reports that high-intensity treadmill running reduced early "
    "pain hypersensitivity after sciatic nerve injury (López-Álvarez 2015, whose own title says increasing-intensity, "
    "so how hard it was is uncertain); yet both Bobinski studies report "
    "analgesia from low-intensity treadmill exercise in mice (2015, 2018), Cobianchi 2010 found that short but not "
    "long-lasting running reduced allodynia after nerve injury (as their titles say), and He et al. 2024 (Section 4) "
    "concludes that not all intensities help. Ghanbari 2025 (Table 2 and Conclusion) lists what to weigh before "
    "comparing animal studies: aerobic or anaerobic exercise; acute, subchronic or chronic training; mild, medium or "
    "high intensity; daily or weekly timing; blood, cerebrospinal fluid or tissue samples; and sex (most animal "
    "studies used males), and asks that results be compared under similar experimental conditions and in similar "
    "samples. The plan stays at moderate intensity. Nor do the reviews say when to start: Ghanbari 2025 (Conclusion) "
    "finds it unclear how many days after an injury exercise helps most, and whether the animals' timing is like a "
    "person's."
)
DOSING_CAUTION_CITATIONS = [
    Citation(label="Shepherd & Gollnick 1976, Pflügers Arch", doi="10.1007/BF00581173"),
    Citation(label="Matesanz-García 2023, J Pain", doi="10.1016/j.jpain.2023.01.011"),
    Citation(label="Pitcher 2018, Curr Osteoporos Rep", doi="10.1007/s11914-018-0461-9"),
    Citation(label="Ghanbari A 2025, Pain Res Manag, Table 2 and Conclusion"),
    Citation(label="He W-C et al. 2024, Front Mol Neurosci 17:1345864, Sections 3.2 and 4",
             doi="10.3389/fnmol.2024.1345864"),
    Citation(label="Bobinski F et al. 2015, Pain 156:2595-2606", doi="10.1097/j.pain.0000000000000372"),
    Citation(label="Bobinski F et al. 2018, Pain 159:437-450", doi="10.1097/j.pain.0000000000001109"),
    Citation(label="Cobianchi S et al. 2010, Neuroscience 168:273-287", doi="10.1016/j.neuroscience.2010.03.035"),
]


def speed_in_words(m_per_min: float | None, reported: str | None) -> str:
    """A study's treadmill speed as the evidence view and the clinician summary say it: "12 m/min", "12 m/min
    (0.2 m/s as printed)", "18 m/s as printed: not a usable speed (see the flags)", or "not reported"."""
    if m_per_min:
        speed = f"{m_per_min:g} m/min"
        return speed + (f" ({reported} as printed)" if reported and reported != speed else "")
    return f"{reported} as printed: not a usable speed (see the flags)" if reported else "not reported"


def days_in_words(dose: ExerciseDosing) -> str | None:
    """A study's days a week as the tables show them: "5", or "5 (2 a day)" where it trained more than once on each
    of its days (seen in review: Li 2020's twice-daily training showed as 5 days a week, half its sessions)."""
    if dose.days_per_week is None:
        return None
    return f"{dose.days_per_week}" + (f" ({dose.sessions_per_day} a day)" if (dose.sessions_per_day or 1) > 1 else "")


class Spread(BaseModel):
    """Range and median over the studies that report a usable value (``n`` of them)."""

    n: int
    low: float | None
    median: float | None
    high: float | None

    def described(self, unit: str) -> str:
        """Such as "10-16 m/min, median 12 (3 studies)", or "5 days (2 studies)" when every study gave the same."""
        if self.n == 0:
            return "not reported"
        values = f"{self.low:g} {unit}" if self.low == self.high else \
            f"{self.low:g}-{self.high:g} {unit}, median {self.median:g}"
        return f"{values} ({count_of_studies(self.n)})"


def count_of_studies(n: int) -> str:
    return counted(n, "study", "studies")


class DosingSummary(BaseModel):
    etiology_id: str
    study_count: int
    animal_treadmill_study_count: int
    species: dict[str, int]
    speed_m_per_min: Spread
    longest_session_min: Spread
    days_per_week: Spread
    weeks: Spread
    not_usable: list[str]  # "Mu 2022: speed" where a value is printed but cannot be trusted
    no_pain_outcome: list[str] = []  # animal treadmill studies left out: no pain model or no pain outcome
    # animal treadmill pain studies left out: exercise given with another treatment (a plan saved before library
    # 2026.12.4 counted them among its studies, and has none listed here)
    with_other_treatment: list[str] = []
    more_than_once_a_day: list[str] = []  # "Li 2020 trained 2 sessions a day": said with the days a week
    caution: str = DOSING_CAUTION
    caution_citations: list[Citation] = DOSING_CAUTION_CITATIONS

    @property
    def days_note(self) -> str:
        """"; Li 2020 trained 2 sessions a day", said after the days a week's range, or "" (days_in_words)."""
        return "".join(f"; {item}" for item in self.more_than_once_a_day)

    @property
    def caution_sources(self) -> str:
        return cited_together(self.caution_citations)


def _spread(values: list[float]) -> Spread:
    if not values:
        return Spread(n=0, low=None, median=None, high=None)
    return Spread(n=len(values), low=min(values), median=median(values), high=max(values))


SPECIES_NOT_STATED = "species not stated"


def is_animal_treadmill(study: Study) -> bool:
    """A treadmill study not in people: the reviews' lab studies, some of which never name the species."""
    return study.exercise.type == "treadmill" and study.species != "human"


def _implausible(study: Study, field: str) -> bool:
    """The curators flagged this field's value as one that cannot be right as printed."""
    return any(flag.code == FlagCode.IMPLAUSIBLE and flag.field == field for flag in study.flags)


def _with_other_treatment(study: Study) -> bool:
    return any(flag.code == FlagCode.CO_INTERVENTION for flag in study.flags)


def lends_structure(study: Study) -> bool:
    """An animal treadmill study of pain that tested exercise alone: only these lend the plan its structure. A
    study flagged off-topic (no pain model or no pain outcome) or co-intervention never does, whatever its
    protocol."""
    return is_animal_treadmill(study) and study.is_pain_study and not _with_other_treatment(study)


def protocol_disputed(study: Study) -> bool:
    """The sources disagree on the study's protocol as printed (Bai 2022's repeats Kami 2016's row almost word for
    word): whatever it lends is said with that doubt."""
    return any(flag.code == FlagCode.CONFLICT and flag.field == "exercise.protocol" for flag in study.flags)


def with_other_treatment(study: Study) -> bool:
    """An animal treadmill study of pain that gave exercise together with another treatment (insulin, a cell
    transplant): the effect it reports belongs to the combination, not to exercise alone, so it lends nothing."""
    return is_animal_treadmill(study) and study.is_pain_study and _with_other_treatment(study)


# Each dose the summary gives a range of: the summary's field, the study's field, its name and unit, and its value.
_DOSES = (
    ("speed_m_per_min", "speed_m_per_min", "speed", "m/min", lambda s: s.exercise.speed_m_per_min or None),
    ("longest_session_min", "minutes_per_session", "longest session", "min",
     lambda s: s.exercise.minutes_per_session[1] if s.exercise.minutes_per_session else None),
    ("days_per_week", "days_per_week", "days a week", "",
     lambda s: float(s.exercise.days_per_week) if s.exercise.days_per_week else None),
    ("weeks", "weeks", "duration", "weeks", lambda s: s.exercise.weeks or None),
)


def left_out(study: Study, dose: str) -> bool:
    """One of a study's doses (a field of the summary, as for ``dose_in_chart``) is printed but flagged implausible:
    the summary's ranges and the chart leave it out, and the evidence table and details say so beside it."""
    field = next(item[1] for item in _DOSES if item[0] == dose)
    return _implausible(study, f"exercise.{field}")


def dose_in_chart(study: Study, dose: str) -> tuple[float | None, str]:
    """One of a study's doses (a field of the summary: ``speed_m_per_min``, ``longest_session_min``,
    ``days_per_week``, ``weeks``) as the chart draws it: the value of its bar, or None and the words shown instead.
    Left out of the chart as of the summary's ranges: seen in testing, Chen 2012's 30 m/min was the chart's longest
    bar under a summary that said it was left out, and Binda 2020's '10 m/s' read "not reported"."""
    _, field, _, unit, value_of = next(item for item in _DOSES if item[0] == dose)
    value = value_of(study)
    if value is not None and left_out(study, dose):
        printed = study.exercise.speed_reported if field == "speed_m_per_min" else None
        return None, f"{value:g} {unit}".strip() + (f" ('{printed}' as printed)" if printed else "") \
            + ": left out, implausible"
    if value is None and field == "speed_m_per_min" and study.exercise.speed_reported:
        return None, f"'{study.exercise.speed_reported}' as printed: left out"
    return value, "" if value is not None else "not reported"


def dosing_summary(etiology_id: str, studies: list[Study]) -> DosingSummary:
    """Summarise the animal treadmill pain studies tagged with ``etiology_id``."""
    tagged = [s for s in studies if etiology_id in s.etiologies]
    treadmill = [s for s in tagged if lends_structure(s)]
    not_usable = [
        f"{s.named}: speed printed as '{s.exercise.speed_reported}' cannot be trusted"
        for s in treadmill
        if s.exercise.speed_reported and s.exercise.speed_m_per_min is None
    ]
    spreads: dict[str, Spread] = {}
    for summary_field, field, name, unit, value_of in _DOSES:
        usable = []
        for s in treadmill:
            value = value_of(s)
            if value is None:
                continue
            if _implausible(s, f"exercise.{field}"):  # kept in the study as printed, never in a range
                shown = f"{value:g} {unit}".strip()
                not_usable.append(f"{s.named}: {name} {shown} is flagged as implausible")
            else:
                usable.append(value)
        spreads[summary_field] = _spread(usable)
    return DosingSummary(
        etiology_id=etiology_id,
        study_count=len(tagged),
        animal_treadmill_study_count=len(treadmill),
        species=dict(sorted(Counter(s.species or SPECIES_NOT_STATED for s in treadmill).items())),
        **spreads,
        not_usable=not_usable,
        no_pain_outcome=[s.named for s in tagged if is_animal_treadmill(s) and not s.is_pain_study],
        with_other_treatment=[s.named for s in tagged if with_other_treatment(s)],
        more_than_once_a_day=[f"{s.named} trained {s.exercise.sessions_per_day} sessions a day" for s in treadmill
                              if (s.exercise.sessions_per_day or 1) > 1],
    )
