"""Ids for records made before records had ids (schema 4 and bundle version 1), derived from what does
not change when a record is copied: the same patient, version or session gets the same id on every
workstation, so a patient moved with version 1 bundles before the upgrade is still one patient after it.

Frozen: migration m005 and the version 1 bundle import both derive ids here; changing a formula would
make the same record two records.
"""

from __future__ import annotations

import unicodedata
import uuid

NAMESPACE = uuid.UUID("5f0c1d2e-7a41-4c59-9f1e-2b8e6d0a9c31")


_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
                               "ı": "i"})


def folded_as_before_m013(name: str) -> str:
    """A name folded as records folded it up to schema 12 (case and accents aside; apostrophes and dashes kept as
    typed), which derived a version 1 bundle's patient id: search folds them since m013 (record_rows.fold_name)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def patient_uid(first_name_folded: str, first_version_created_at: str) -> str:
    """From the name in the patient's first version, folded as before m013, and when that version was saved."""
    return str(uuid.uuid5(NAMESPACE, f"{first_name_folded}|{first_version_created_at}"))


def version_uid(patient: str, version: int, created_at: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{patient}|version|{version}|{created_at}"))


def session_uid(patient: str, version: int, week: int, date: str, minutes: float, speed_kmh: float | None, rpe: int,
                pain_during: int | None, pain_next_morning: int | None, occurrence: int) -> str:
    """``occurrence`` counts identical sessions of the patient (1 for the first), oldest first."""
    values = [version, week, date, repr(float(minutes)), "none" if speed_kmh is None else repr(float(speed_kmh)), rpe,
              pain_during, pain_next_morning, occurrence]
    return str(uuid.uuid5(NAMESPACE, f"{patient}|session|" + "|".join(map(str, values))))
