"""Profiles for plan tests: a plain valid one, and a hypothesis strategy over the whole valid space."""

from __future__ import annotations

from hypothesis import strategies as st

from core.etiology import ETIOLOGY_IDS
from core.plan.implications import implied_changes
from core.plan.profile import PatientProfile, checked_name

ETIOLOGIES = list(ETIOLOGY_IDS)
CONTRAINDICATIONS = ["acute-mi", "unstable-angina", "uncontrolled-arrhythmia", "severe-aortic-stenosis",
                     "uncontrolled-heart-failure", "acute-pulmonary-embolism", "acute-myocarditis", "aortic-dissection"]
SCI_LEVELS = [f"C{i}" for i in range(1, 9)] + [f"T{i}" for i in range(1, 13)] + [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, 6)]


def is_valid_name(name: str) -> bool:
    try:
        checked_name(name)
    except ValueError:
        return False
    return True


def profile(**changes) -> PatientProfile:
    """A valid profile with ``changes``; what they imply is filled in as the window would (diabetes for
    diabetic neuropathy, known disease for atrial fibrillation, ...), unless ``changes`` names it."""
    fields = dict(name="Test Patient", age=50, resting_hr=70, etiology="peripheral-nerve-injury",
                  baseline_walk_min=10.0, comfortable_speed_kmh=4.0, pain_nrs=3)
    fields.update(changes)
    fields.update({k: v for k, v in implied_changes(fields).items() if k not in changes})
    return PatientProfile(**fields)


@st.composite
def valid_profiles(draw) -> PatientProfile:
    etiology = draw(st.sampled_from(ETIOLOGIES))
    resting_hr = draw(st.integers(35, 120))
    measured = draw(st.one_of(st.none(), st.integers(max(80, resting_hr + 1), 220)))
    systolic = draw(st.integers(60, 300))
    diastolic = draw(st.integers(30, min(200, systolic - 1)))
    fields = dict(
        name=draw(st.text(st.characters(min_codepoint=32, blacklist_categories=("Cs", "Cc")), min_size=1, max_size=120)
                  .filter(is_valid_name)),
        age=draw(st.integers(18, 100)),
        sex=draw(st.sampled_from([None, "female", "male", "other", "unspecified"])),
        resting_hr=resting_hr,
        measured_hr_max=measured,
        etiology=etiology,
        sci_level=draw(st.sampled_from(SCI_LEVELS)) if etiology == "spinal-cord-injury" else draw(st.sampled_from([None] + SCI_LEVELS)),
        sci_complete=draw(st.sampled_from([None, True, False])),
        beta_blocker=draw(st.booleans()),
        atrial_fibrillation=draw(st.booleans()),
        pacemaker_or_icd=draw(st.booleans()),
        autonomic_neuropathy=draw(st.booleans()),
        diabetes=draw(st.sampled_from(["none", "type1", "type2"])),
        insulin_or_secretagogue=draw(st.booleans()),
        open_foot_wound=draw(st.booleans()),
        currently_active=draw(st.booleans()),
        known_disease=draw(st.booleans()),
        symptoms=draw(st.booleans()),
        medical_clearance=draw(st.booleans()),
        contraindications=draw(st.lists(st.sampled_from(CONTRAINDICATIONS), unique=True, max_size=2)),
        resting_bp=draw(st.sampled_from([None, (systolic, diastolic)])),
        baseline_walk_min=draw(st.floats(0, 120, allow_nan=False)),
        comfortable_speed_kmh=draw(st.one_of(st.none(), st.floats(0.5, 8, allow_nan=False))),
        pain_nrs=draw(st.integers(0, 10)),
        weeks=draw(st.integers(4, 26)),
        max_sessions_per_week=draw(st.integers(2, 7)),
        heart_transplant=draw(st.booleans()),
    )
    if etiology != "spinal-cord-injury" and fields["sci_level"] is not None and draw(st.booleans()):
        fields["etiology"] = "spinal-cord-injury"  # keep drawing SCI levels, as the only etiology they fit
    return PatientProfile(**{**fields, **implied_changes(fields)})
