"""The clinician's settings: a versioned pydantic model saved as JSON in the data directory."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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
    """Write to a temporary file beside the target, fsync, then replace: never a half-written file."""
    text = settings.model_dump_json(indent=2)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise SettingsError(f"The settings could not be saved to {path}: {error.strerror or error}.") from error
