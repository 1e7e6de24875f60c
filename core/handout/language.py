"""The languages a patient's handout is printed in, and the wording in each.

Every word a patient reads is an English message in the handout code (core/handout/build.py and
patient_words.py, marked with ``t(...)`` or ``N_(...)`` so Babel's extractor finds it) translated through a
gettext catalog:
``resources/locale/<tag>/LC_MESSAGES/handout.po``, the format translators' ordinary tools (Poedit,
Weblate, Lokalise) edit. ``resources/locale/languages.json`` lists the languages, one line each.
Each catalog says in its header whether a qualified medical translator has reviewed it
(``X-Medical-Review``); an unreviewed language is offered with a note to the clinician, never a word on
the patient's pages. Dates and numbers are written the language's way (Babel's CLDR locale data).

To add a language: a line in languages.json, then
``uv run pybabel init -D handout -i resources/locale/handout.pot -d resources/locale -l TAG`` and translate
(no handout is made in it until every message is: untranslated()).
After changing a message: ``uv run python -m core.handout.catalogs`` brings the template and every
catalog up to date (tests/handout/test_languages.py fails until they are).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.languages import SOURCE_LANGUAGE, language
from core.resources import resource_path

DOMAIN = "handout"
NOT_REVIEWED = "none"
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")  # not the system's locale: the handout's language


def english_date(day: dt.date) -> str:
    """A date on an English page of a handout, the patient's or the clinician's: 30 November 2026 (Wording.date)."""
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a message for the catalogs where it is defined; it is translated where it is used."""
    return message


@dataclass(frozen=True)
class Review:
    reviewed: bool
    note: str  # who reviewed it and when, or why it is not reviewed


def _catalog_path(tag: str) -> Path:
    return resource_path("locale", language(tag).babel_locale, "LC_MESSAGES", f"{DOMAIN}.po")


@lru_cache(maxsize=None)
def _catalog(tag: str):
    """The language's Babel catalog (None for the source language)."""
    if tag == SOURCE_LANGUAGE:
        return None
    from babel.messages.pofile import read_po  # only for a translated handout

    with open(_catalog_path(tag), "rb") as handle:
        return read_po(handle, locale=language(tag).babel_locale, domain=DOMAIN)


FRACTION_COUNT = 100


@lru_cache(maxsize=None)
def _plural_rule(expression: str):
    from gettext import c2py  # the catalog's Plural-Forms expression, as gettext itself reads it

    return c2py(expression)


def _plural_index(expression: str, n: int) -> int:
    return int(_plural_rule(expression)(n))


REVIEW_HEADER = re.compile(r'^"X-Medical-Review:\s*(.*?)\\n"\s*$', re.MULTILINE)


@lru_cache(maxsize=None)
def review(tag: str) -> Review:
    """Whether a qualified medical translator has reviewed the language's catalog: its ``X-Medical-Review``
    header ("none", or who reviewed it and when). Read from the file itself: Babel keeps only the header
    fields it knows."""
    known = language(tag)
    if known.tag == SOURCE_LANGUAGE:
        return Review(True, "the source language: written and checked by the clinical team")
    found = REVIEW_HEADER.search(_catalog_path(known.tag).read_text(encoding="utf-8"))
    status = found.group(1).strip() if found else NOT_REVIEWED
    return Review(bool(status) and status.lower() != NOT_REVIEWED, status or NOT_REVIEWED)


def offered_label(tag: str) -> str:
    """The language as the clinician chooses it: its names, and whether a medical translator has checked it."""
    known = language(tag)
    return known.label + ("" if review(known.tag).reviewed else " (not yet medically reviewed)")


def unreviewed_note(tag: str) -> str | None:
    """What the clinician is told before giving a handout in a language no medical translator has reviewed."""
    known = language(tag)
    if review(known.tag).reviewed:
        return None
    return (f"The {known.name} handout has not been reviewed by a qualified medical translator. Check it with "
            f"someone who reads {known.name} well before giving it to the patient.")


def is_translated(message) -> bool:
    """A catalog message that Wording uses: every form written, and not fuzzy (a translator's draft)."""
    return not message.fuzzy and all(message.string if isinstance(message.string, tuple) else (message.string,))


def untranslated(tag: str) -> int:
    """How many of the messages in the language's catalog are not translated (is_translated); 0 for the source
    language. Such a message prints in English."""
    catalog = _catalog(language(tag).tag)
    return 0 if catalog is None else sum(1 for message in catalog if message.id and not is_translated(message))


class Wording:
    """The messages, dates and numbers of one language."""

    def __init__(self, tag: str = SOURCE_LANGUAGE) -> None:
        self.language = language(tag)
        self._catalog = _catalog(self.language.tag)

    def __call__(self, message: str, /, **values: object) -> str:
        """``message`` in this language, with ``{name}`` filled in from ``values``."""
        text = message
        if self._catalog is not None:
            entry = self._catalog.get(message)
            if entry is not None and entry.string and not entry.fuzzy:
                text = entry.string
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, count: float, /, **values: object) -> str:
        """The form of a counted message that this language uses for ``count``: "about 1 minute", "about 2
        minutes"; Arabic has six forms (3 to 10 minutes: دقائق). A count with a fraction (2½) takes the form the
        language uses for 100, its general form ("other" in CLDR's terms) in every handout language."""
        n = int(count) if float(count).is_integer() else FRACTION_COUNT
        text = singular if n == 1 else plural
        if self._catalog is not None:
            entry = self._catalog.get(singular)
            if entry is not None and isinstance(entry.string, tuple) and all(entry.string) and not entry.fuzzy:
                text = entry.string[min(_plural_index(self._catalog.plural_expr, n), len(entry.string) - 1)]
        return text.format(**values) if values else text

    def number(self, value: float, digits: int = 1) -> str:
        """``value`` with ``digits`` decimals, as the language writes it (3.5, 3,5)."""
        if self._catalog is None:  # English: see date()
            return f"{value:,.{digits}f}"
        from babel.numbers import format_decimal  # imported for a translated handout only

        return format_decimal(value, format=f"#,##0.{'0' * digits}" if digits else "#,##0",
                              locale=self.language.babel_locale)

    def date(self, day: dt.date) -> str:
        """A date as the language writes it in full (30 de noviembre de 2026, 2026年11月30日). English handouts go
        to readers in the US, the UK and elsewhere, who write numbers of dates in different orders: the month's name
        reads alike to all of them, and to an older reader more easily than 2026-11-30: 30 November 2026 (without
        loading Babel's data)."""
        if self._catalog is None:
            return english_date(day)
        from babel.dates import format_date

        return format_date(day, format="long", locale=self.language.babel_locale)
