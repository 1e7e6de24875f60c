"""What an etiology or a condition implies about the rest of the profile, in one table.

A profile that contradicts a row is refused, with a message naming the field and why. The window
reads the same table: picking an etiology (or ticking a condition) sets the implied value and
locks out the values that would contradict it. Screening then sees the profile as it really is
(painful diabetic neuropathy is diabetes, so it counts as metabolic disease for ACSM).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Collection, Mapping

from core.etiology import ETIOLOGY_IDS

ANY_VALUE = None  # ``allowed`` for a field that must be given, whatever its value


@dataclass(frozen=True)
class Implication:
    """When ``when`` holds one of ``values``, ``field`` must hold one of ``allowed`` (or, if
    ``allowed`` is ANY_VALUE, any value but null); ``default`` is what the window sets."""

    when: str
    values: frozenset[Any]
    field: str
    allowed: frozenset[Any] | None
    default: Any
    reason: str
    allowed_words: str

    def applies(self, profile: Mapping[str, Any]) -> bool:
        return profile.get(self.when) in self.values

    def satisfied_by(self, value: Any) -> bool:
        return value is not None if self.allowed is ANY_VALUE else value in self.allowed


DIABETES_TYPES = frozenset({"type1", "type2"})
NOT_SPINAL_CORD_INJURY = frozenset(ETIOLOGY_IDS) - {"spinal-cord-injury"}
YES = frozenset({True})


def _known_disease(when: str, values: frozenset[Any], reason: str) -> Implication:
    """ACSM 2015 screening: known cardiovascular (cardiac, peripheral vascular or cerebrovascular),
    metabolic or renal disease."""
    return Implication(when=when, values=values, field="known_disease", allowed=YES, default=True,
                       reason=reason + " in ACSM 2015 screening", allowed_words="true")


IMPLICATIONS: tuple[Implication, ...] = (
    Implication(
        when="etiology", values=frozenset({"diabetic-neuropathy"}), field="diabetes", allowed=DIABETES_TYPES,
        default="type2", reason="painful diabetic neuropathy is nerve damage caused by diabetes",
        allowed_words='"type1" or "type2"',
    ),
    Implication(
        when="insulin_or_secretagogue", values=YES, field="diabetes", allowed=DIABETES_TYPES,
        default="type2", reason="insulin and insulin secretagogues are diabetes medicines",
        allowed_words='"type1" or "type2"',
    ),
    _known_disease("diabetes", DIABETES_TYPES, "diabetes counts as metabolic disease"),
    _known_disease("etiology", frozenset({"diabetic-neuropathy"}),
                   "painful diabetic neuropathy means diabetes, which counts as metabolic disease"),
    _known_disease("etiology", frozenset({"post-stroke-pain"}),
                   "a stroke is cerebrovascular disease, which counts as cardiovascular disease"),
    _known_disease("atrial_fibrillation", YES, "atrial fibrillation is a heart disease"),
    _known_disease("pacemaker_or_icd", YES, "a pacemaker or ICD is there for a heart disease"),
    _known_disease("heart_transplant", YES, "a heart transplant is known heart disease"),
    Implication(
        when="etiology", values=frozenset({"spinal-cord-injury"}), field="sci_level", allowed=ANY_VALUE,
        default=None, reason="the level decides whether heart rate can set intensity (T6 and above)",
        allowed_words="C1-C8, T1-T12, L1-L5 or S1-S5",
    ),
    Implication(
        when="etiology", values=NOT_SPINAL_CORD_INJURY, field="sci_level", allowed=frozenset({None}),
        default=None, reason="a spinal cord injury level is used only when the etiology is spinal-cord-injury",
        allowed_words="null (leave it out)",
    ),
    Implication(
        when="etiology", values=NOT_SPINAL_CORD_INJURY, field="sci_complete", allowed=frozenset({None}),
        default=None, reason="complete or incomplete is used only when the etiology is spinal-cord-injury",
        allowed_words="null (leave it out)",
    ),
)


IMPLIED_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(implication.field for implication in IMPLICATIONS))
IMPLYING_FIELDS: tuple[str, ...] = tuple(sorted({implication.when for implication in IMPLICATIONS}))


def reasons_for(profile: Mapping[str, Any], field: str, *, limiting: bool = False) -> list[str]:
    """Why the rest of ``profile`` implies ``field``, each reason once, in table order (none: nothing implies it
    now); ``limiting``: only the rows that limit its values (not those that only ask for a value)."""
    return list(dict.fromkeys(i.reason for i in IMPLICATIONS if i.field == field and i.applies(profile)
                              and not (limiting and i.allowed is ANY_VALUE)))


def _trigger(implication: Implication, profile: Mapping[str, Any]) -> str:
    value = profile.get(implication.when)
    return f"{implication.when} = {value if isinstance(value, str) else str(value).lower()}"


def contradictions(profile: Mapping[str, Any], *, left_out: Collection[str] = ()) -> list[str]:
    """One 'field: message' line for each row the profile contradicts, in table order (the field's own
    value is never echoed); ``left_out``: fields not given, whose default is in ``profile``."""
    lines = []
    for implication in IMPLICATIONS:
        if implication.applies(profile) and not implication.satisfied_by(profile.get(implication.field)):
            # seen in review: "diabetes: does not fit ..." of a file that left diabetes out
            what = "is required with" if implication.allowed is ANY_VALUE or implication.field in left_out \
                else "does not fit"
            lines.append(f"{implication.field}: {what} {_trigger(implication, profile)} "
                         f"({implication.reason}); allowed here: {implication.allowed_words}")
    return lines


def implied_changes(profile: Mapping[str, Any]) -> dict[str, Any]:
    """The values the window sets so the profile no longer contradicts the table ({field: value}).
    One change can imply another (insulin -> diabetes -> known disease), so this runs until nothing
    changes. A required field with no default stays as it is, for the clinician to fill in."""
    changes: dict[str, Any] = {}
    for _ in IMPLICATIONS:  # each pass settles at least one row, so this many passes always suffice
        current = {**profile, **changes}
        found = {i.field: i.default for i in IMPLICATIONS
                 if i.allowed is not ANY_VALUE and i.applies(current) and not i.satisfied_by(current.get(i.field))}
        if not found:
            break
        changes.update(found)
    return changes


def allowed_values(profile: Mapping[str, Any], field: str) -> frozenset[Any] | None:
    """The values ``field`` may take given the rest of the profile (None: no row limits it)."""
    allowed: frozenset[Any] | None = None
    for implication in IMPLICATIONS:
        if implication.field == field and implication.applies(profile) and implication.allowed is not ANY_VALUE:
            allowed = implication.allowed if allowed is None else allowed & implication.allowed
    return allowed
