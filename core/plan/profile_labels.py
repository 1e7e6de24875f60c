"""Each profile field in the clinic's words: the form's labels, and the words the progress view and
report use when a new plan version changes a field."""

from __future__ import annotations

NUMBER_LABELS = {
    "age": "Age (years)",
    "resting_hr": "Resting heart rate (bpm)",
    "measured_hr_max": "Measured peak heart rate (bpm)",
    "baseline_walk_min": "Continuous walking today (min)",
    "comfortable_speed_kmh": "Comfortable walking speed (km/h)",
    "pain_nrs": "Usual pain (0-10)",
    "weeks": "Plan length (weeks)",
    "max_sessions_per_week": "Most days a week",
}
CONDITION_LABELS = {
    "beta_blocker": "Takes a beta-blocker",
    "atrial_fibrillation": "Atrial fibrillation",
    "pacemaker_or_icd": "Pacemaker or ICD",
    "heart_transplant": "Heart transplant",
    "autonomic_neuropathy": "Autonomic neuropathy",
    "insulin_or_secretagogue": "Uses insulin or a secretagogue",
    "open_foot_wound": "Open foot sore or foot injury",
}
SCREENING_LABELS = {
    "currently_active": "Currently active",
    "known_disease": "Known cardiovascular, metabolic or renal disease",
    "symptoms": "Signs or symptoms of disease",
    "medical_clearance": "Medical clearance given",
}
OTHER_LABELS = {
    "name": "Name",
    "etiology": "Etiology",
    "sex": "Sex",
    "resting_bp": "Resting blood pressure (mmHg)",
    "sci_level": "Spinal cord injury level",
    "sci_complete": "Spinal cord injury",
    "diabetes": "Diabetes",
    "language": "Handout language",
    "contraindications": "Contraindications",
}
FIELD_LABELS = {**OTHER_LABELS, **NUMBER_LABELS, **CONDITION_LABELS, **SCREENING_LABELS}
