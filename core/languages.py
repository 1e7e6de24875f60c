"""The languages a patient's handout can be printed in (``resources/locale/languages.json``, one line each);
their wording is core/handout/language.py's. Here so a profile and the settings can check a tag."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from core.resources import resource_path

SOURCE_LANGUAGE = "en"


class UnknownLanguage(ValueError):
    """A language tag no catalog is shipped for; the message names the ones there are."""


@dataclass(frozen=True)
class Language:
    tag: str  # BCP 47: en, es, zh-Hans, vi, ar, pt
    name: str  # in English, for the clinician
    native_name: str  # in the language itself, for the patient and the clinician who asks them
    direction: Literal["ltr", "rtl"]
    readability: str  # the check its patient text gets (core/handout/readability.py)
    readability_limit: float  # the most (grade, sentence length) or least (score) that check allows

    @property
    def babel_locale(self) -> str:
        return self.tag.replace("-", "_")

    @property
    def bracketed(self) -> str:
        """The English name in brackets: "Chinese, Simplified" (seen in review: "简体中文 (Chinese (Simplified))")."""
        return self.name.replace(" (", ", ").removesuffix(")") if self.name.endswith(")") else self.name

    @property
    def label(self) -> str:
        return self.name if self.native_name == self.name else f"{self.native_name} ({self.bracketed})"


@lru_cache(maxsize=1)
def languages() -> tuple[Language, ...]:
    data = json.loads(resource_path("locale", "languages.json").read_text(encoding="utf-8"))
    return tuple(Language(**entry) for entry in data["languages"])


def language(tag: str) -> Language:
    """The language of a BCP 47 tag, matched without regard to case (``zh-hans`` is ``zh-Hans``). A tag with
    a region or script falls back to the shipped language it is written in: ``es-MX`` is ``es``, ``pt-BR``
    is ``pt``, ``zh-CN`` and ``zh`` are ``zh-Hans`` (Simplified characters); ``zh-TW`` (Traditional) has
    no catalog and is refused."""
    wanted = tag.strip().replace("_", "-").lower()
    by_tag = {known.tag.lower(): known for known in languages()}
    for candidate in (wanted, _written_as(wanted)):
        if candidate in by_tag:
            return by_tag[candidate]
    raise UnknownLanguage(f"language '{tag}' has no handout catalog; choose one of: "
                          + ", ".join(f"{known.tag} ({known.bracketed})" for known in languages()))


# Chinese is written in Simplified characters in mainland China and Singapore (and when no region is
# named), in Traditional ones in Taiwan, Hong Kong and Macao (CLDR's likely subtags).
_TRADITIONAL_CHINESE_REGIONS = ("tw", "hk", "mo")


def _written_as(wanted: str) -> str:
    """The shipped tag a regional or scripted tag falls back to: its language, and for Chinese its script."""
    language_subtag, *rest = wanted.split("-")
    if language_subtag != "zh":
        return language_subtag
    if "hant" in rest or ("hans" not in rest and any(region in rest for region in _TRADITIONAL_CHINESE_REGIONS)):
        return "zh-hant"
    return "zh-hans"


def canonical_tag(tag: str) -> str:
    """The tag as the catalogs spell it, or UnknownLanguage naming the ones there are."""
    return language(tag).tag
