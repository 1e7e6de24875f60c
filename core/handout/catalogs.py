"""The handout's message catalogs kept in step with the code, for the team and the translators:

    uv run python -m core.handout.catalogs

extracts every ``t(...)`` and ``N_(...)`` message of the handout code into resources/locale/handout.pot
(Babel's extractor), and merges it into each language's handout.po: a new message arrives untranslated, a
changed one is marked fuzzy (printed in English until a translator confirms it), and nothing translated
is lost. tests/handout/test_languages.py fails while a catalog lacks a message or holds a fuzzy one.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from core.handout.language import DOMAIN, REVIEW_HEADER, is_translated, review
from core.languages import SOURCE_LANGUAGE, languages
from core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("core/handout/build.py", "core/handout/pain_lights.py", "core/handout/patient_words.py",  # every message a
           "core/handout/pulse_words.py", "core/handout/stop_page.py", "core/handout/walk_days.py")  # patient reads
KEYWORDS = {"t": None, "N_": None, "plural": (1, 2)}  # t.plural(singular, plural, count)
FIELD = re.compile(r"\{(\w+)\}")


def template() -> Catalog:
    """The messages as the code has them now."""
    catalog = Catalog(domain=DOMAIN, project="Treadwell handout", msgid_bugs_address="",
                      copyright_holder="Treadwell", fuzzy=False)
    for source in SOURCES:
        for line, message, comments, _ in extract_from_file("python", ROOT / source, keywords=KEYWORDS,
                                                           options={"encoding": "utf-8"}):
            added = catalog.add(message, locations=[(source, line)], auto_comments=comments,
                                flags=["python-brace-format"] if FIELD.search(" ".join(_forms(message))) else [])
            added.flags.discard("python-format")  # Babel guesses it from "% s" in "{grade}% slope": these are {} fields
    return catalog


def _forms(message: str | tuple[str, ...]) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)


def catalog_path(tag: str) -> Path:
    return resource_path("locale", tag.replace("-", "_"), "LC_MESSAGES", f"{DOMAIN}.po")


def fields(text: str | tuple[str, ...]) -> set[str]:
    """The ``{fields}`` of a message; of a counted message (its forms), those every form has."""
    return set.intersection(*(set(FIELD.findall(form)) for form in _forms(text)))


def _same_messages(one: Catalog, other: Catalog) -> bool:
    """The same messages in the same places (their flags follow from the messages: Babel reads "python-format" back
    into "{grade}% slope", which the template leaves out)."""
    return [(m.id, m.locations, m.auto_comments) for m in one] == [(m.id, m.locations, m.auto_comments) for m in other]


def main() -> None:
    pot = template()
    pot_path = resource_path("locale", f"{DOMAIN}.pot")
    if pot_path.exists():
        with open(pot_path, "rb") as handle:
            before = read_po(handle, domain=DOMAIN)
        if _same_messages(before, pot):  # seen in testing: each run dated every catalog anew, leaving the tree changed
            pot.creation_date = before.creation_date
    with open(pot_path, "wb") as handle:
        write_po(handle, pot, width=100, omit_header=False, sort_output=False)
    for known in languages():
        if known.tag == SOURCE_LANGUAGE:
            continue
        path = catalog_path(known.tag)
        with open(path, "rb") as handle:
            catalog = read_po(handle, locale=known.babel_locale, domain=DOMAIN)
        status = review(known.tag).note  # Babel drops header fields it does not know: written back below
        catalog.update(pot, no_fuzzy_matching=False)
        with open(path, "wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True)
        text = path.read_text(encoding="utf-8")
        if not REVIEW_HEADER.search(text):  # the header field, not the file comment that names it
            marker = '"Generated-By: '
            path.write_text(text.replace(marker, f'"X-Medical-Review: {status}\\n"\n{marker}', 1), encoding="utf-8")
        untranslated = [m.id for m in catalog if m.id and not is_translated(m)]
        print(f"{known.tag}: {len(catalog) - len(untranslated)} of {len(catalog)} messages translated")


if __name__ == "__main__":
    main()
