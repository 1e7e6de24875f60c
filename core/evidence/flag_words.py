"""A curator's data-quality flag in the clinic's words: what kind of problem, on which fact of the study ("sources
disagree on weeks of training", not "conflict on exercise.weeks"). The window, the commands and the clinician
summary show flags this way."""

from __future__ import annotations

from core.evidence.models import FINDING_FIELD, Flag, FlagCode, Study

KINDS = {
    FlagCode.CONFLICT: "sources disagree",
    FlagCode.IMPLAUSIBLE: "implausible as printed",
    FlagCode.UNIT_UNCLEAR: "unit unclear",
    FlagCode.NOT_REPORTED: "not reported",
    FlagCode.REFERENCE: "reference problem",
    FlagCode.OFF_TOPIC: "not a neuropathic pain study",  # many of them do study pain (seen in review: brito-2017)
    FlagCode.NOT_TREADMILL: "not treadmill exercise",
    FlagCode.CO_INTERVENTION: "co-intervention",
    FlagCode.SHARED: "findings credited jointly to several studies",  # not a disagreement (seen in review)
}
FACTS = {
    "exercise.weeks": "weeks of training", "exercise.minutes_per_session": "minutes a session",
    "exercise.days_per_week": "days a week", "exercise.sessions_per_day": "sessions a day",
    "exercise.type": "type of exercise", "exercise.protocol": "protocol", "exercise.speed_m_per_min": "speed",
    "exercise.speed_reported": "speed as printed", "exercise.incline_percent": "incline", "model": "pain model",
    "pain_outcome": "pain outcome", "species": "species", "findings": "findings", "sources": "where it is cited",
    "reference": "reference", "doi": "DOI", "first_author": "first author", "title": "title", "journal": "journal",
    "year": "year", "exercise_effect": "effect of exercise", "exercise_types": "types of exercise",
    "markers": "markers",
}
OFF_TOPIC_WHY = {"model": "no neuropathic pain model", "pain_outcome": "no pain outcome reported"}


def fact_in_words(field: str, study: Study | None = None) -> str:
    """The flagged fact: "weeks of training" for ``exercise.weeks``; a finding's by its marker and arrow where the
    ``study`` is given ("the direction of IL-4 ↓", "whose finding GABA ↑ is": its findings are listed unnumbered
    wherever its flags are shown, seen in review), else by its number ("finding 1's direction"); a field not listed
    here in words made of its own name."""
    if field in FACTS:
        return FACTS[field]
    if not (finding := FINDING_FIELD.fullmatch(field)):
        return field.rsplit(".", 1)[-1].replace("_", " ")
    place, part = int(finding.group(1)), finding.group(2).replace("_", " ")
    if study is not None and place < len(study.findings):
        named = _finding_named(study, place)
        return f"whose finding {named} is" if part == "marker" else f"the {part} of {named}"
    return f"whose finding {place + 1} is" if part == "marker" else f"finding {place + 1}'s {part}"


def _finding_named(study: Study, place: int) -> str:
    """"GABA ↑"; where another of the study's findings has the same marker and arrow, with its site or its mechanism
    (seen in review: Binda 2020's two MOR ↑, the flag on the site of the one "MOR ↑ (PAG)")."""
    finding = study.findings[place]
    named = f"{finding.marker} {finding.direction.arrow}"
    twins = [other for number, other in enumerate(study.findings)
             if number != place and (other.marker, other.direction) == (finding.marker, finding.direction)]
    if not twins:
        return named
    own_site = finding.site and all(other.site != finding.site for other in twins)
    return f"{named} ({finding.site if own_site else finding.mechanism.replace('-', ' ')})"


def flag_in_words(flag: Flag, study: Study | None = None) -> str:
    """"Sources disagree on weeks of training": the kind of problem, then the fact it is about (a finding named as
    ``fact_in_words`` names it, for the ``study`` flagged)."""
    kind, fact = KINDS[flag.code], fact_in_words(flag.field, study)  # every code has its words (test_flag_words.py)
    if flag.code == FlagCode.OFF_TOPIC:  # "Not a neuropathic pain study: no pain outcome reported"
        said = f"{kind}: {OFF_TOPIC_WHY.get(flag.field, fact)}"
    else:
        said = kind if fact in kind else f"{kind} on {fact}"  # "reference problem", not "... on reference"
    return said[:1].upper() + said[1:]


def listed_flags(study: Study) -> list[Flag]:
    """The flags a table counts and a list explains: a fact not reported and left empty already reads "not reported"
    where it would be shown. One given all the same (the curator's reading, inferred or partly reported) is listed
    with its caveat (seen in review: Cobianchi 2010's "2 weeks", from one protocol of two without saying which, and
    Kami 2016's "5 days a week", given for week 1 only, printed with no flag)."""
    return [flag for flag in study.flags if flag.code != FlagCode.NOT_REPORTED or _given(study, flag.field)]


def _given(study: Study, field: str) -> bool:
    """Whether the study gives a value for ``field`` (a finding's part: its finding is shown, so it counts as given)."""
    value: object = study
    for part in field.split("."):
        if "[" in part:
            return True
        value = getattr(value, part, None)
        if value is None:
            return False
    return value not in ("", [])
