"""The clinic's log: what the clinic's IT reads in logs/treadwell.log when a clinician reports a save that failed
(README), from the window and the command line alike. Ids and kinds only, never a patient's data."""

from __future__ import annotations

import logging

CLINIC_LOG = logging.getLogger("treadwell.clinic")


def newer_saved_meanwhile(theirs) -> None:
    """A save refused because ``theirs`` (a PlanVersion) was saved meanwhile, by patient and plan id."""
    CLINIC_LOG.info("a save was refused: version %d of patient %d (plan %d) was saved meanwhile", theirs.version,
                    theirs.patient_id, theirs.id)


def patient_changed_meanwhile(patient_id: int) -> None:
    """A patient's delete refused because their records changed since the clinician was asked, by patient id."""
    CLINIC_LOG.info("a delete was refused: the records of patient %d changed since it was asked", patient_id)


def namesake_saved(patients: list[int]) -> None:
    """A new patient refused because ``patients`` of the same name were saved meanwhile, by their ids."""
    CLINIC_LOG.info("a save was refused: a new patient's name was saved meanwhile, as patient %s",
                    ", ".join(map(str, patients)))
