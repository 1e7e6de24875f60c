"""The clinician's settings: a versioned pydantic model saved as JSON in the data directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.atomic import WriteError, atomic_write_bytes
from core.plan.engine import PlanOptions

SETTINGS_SCHEMA_VERSION = 1


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SETTINGS_SCHEMA_VERSION
    clinic_name: str = Field(default="", max_length=120)
    clinician_name: str = Field(default="", max_length=120)
    contact_phone: str = Field(default="", max_length=40)
    logo_path: str | None = None
    paper_size: Literal["a4", "letter"] = "a4"
    units: Literal["metric", "imperial"] = "metric"
    plan: PlanOptions = Field(default_factory=PlanOptions)  # HRmax formula and progression cap
    backup_daily_keep: int = Field(default=7, ge=1, le=60)
    backup_weekly_keep: int = Field(default=4, ge=0, le=52)

    @property
    def clinician(self) -> str:
        """Who the audit trail names."""
        return self.clinician_name.strip() or "unnamed clinician"


class SettingsError(Exception):
    """Settings could not be read or written; the message names the file and the problem."""


def load_settings(path: Path) -> Settings:
    """Missing file: defaults. A damaged file is reported, never overwritten behind the clinician's back."""
    if not path.exists():
        return Settings()
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as error:
        raise SettingsError(f"The settings file {path} cannot be read ({type(error).__name__}).") from error


def save_settings(settings: Settings, path: Path) -> None:
    """Never a half-written file: see core.atomic."""
    try:
        atomic_write_bytes(path, settings.model_dump_json(indent=2).encode("utf-8"))
    except WriteError as error:
        raise SettingsError(f"The settings were not saved. {error}") from error
