"""The clinic server, for the front ends: set it up, add a clinician, and sign in to its records
(core/storage/clinic.py does the work; the shipped evidence library stays local on each workstation)."""

from __future__ import annotations

from core.storage.clinic import add_clinician, init_clinic, open_clinic_records
from core.storage.clinic_errors import ClinicServerError, ServerNotSetUp, ServerSchemaTooNew

__all__ = ["ClinicServerError", "ServerNotSetUp", "ServerSchemaTooNew", "add_clinician", "init_clinic",
           "open_clinic_records"]
