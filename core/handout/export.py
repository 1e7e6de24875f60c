"""Build, render and save a handout in one call, for the command line and the window alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from core.atomic import OutputKind, write_output
from core.evidence.entries import EtiologyEntry
from core.evidence.models import Study
from core.handout.build import build_handout
from core.handout.model import Handout
from core.plan.engine import Plan
from core.plan.profile import PatientProfile
from core.settings import PHONE_DIGITS_AT_LEAST, Settings, emergency_problem, phone_problem


class HandoutError(Exception):
    """The handout cannot be made; the message says why in plain words."""


def make_handout(
    profile: PatientProfile,
    plan: Plan,
    studies: list[Study],
    settings: Settings,
    *,
    etiology: EtiologyEntry | None,
    date: dt.date,
    paper: Literal["a4", "letter"] | None = None,
    units: Literal["metric", "imperial"] | None = None,
    clinician_summary: bool = False,
    language: str | None = None,
    print_size: Literal["large", "standard"] | None = None,
    start_week: int | None = None,
    start_again: bool = False,
) -> Handout:
    """``language``: the patient's (a BCP 47 tag), else the profile's, else the settings' default. ``etiology``: the
    records' entry for the profile's etiology, whose human evidence the clinician summary gives."""
    if plan.blocked:
        raise HandoutError("The plan is blocked by screening, so there is no handout to print: "
                           + " ".join(reason.message for reason in plan.block_reasons))
    logo = settings.logo_path
    if logo and not Path(logo).is_file():
        raise HandoutError(f"The clinic logo {logo} was not found. Choose it again in Settings, or clear it.")
    from core.languages import UnknownLanguage, canonical_tag

    try:  # a saved profile may name a language this Treadwell no longer ships
        language = canonical_tag(handout_language(profile.language, settings, language))
    except UnknownLanguage as error:
        raise HandoutError(f"The handout was not made: {error}. Choose the language again on the profile.") from None
    from core.handout.language import untranslated
    from core.languages import language as named

    if missing := untranslated(language):  # seen in review: a language being added printed English without a word
        raise HandoutError(f"The {named(language).name} handout was not made: {missing} of its messages "
                           f"{'is' if missing == 1 else 'are'} not translated yet and would print in English. "
                           "Finish the translation (README: Handout languages), or choose another language.")
    return build_handout(
        profile, plan, studies, clinician=settings.clinician_name, clinic=settings.clinic_name,
        phone=printed_phone(settings), ambulance=printed_ambulance(settings), date=date,
        paper=paper or settings.paper_size, units=units or settings.units,
        logo_path=logo or None, clinician_summary=clinician_summary, etiology=etiology,
        language=language,
        print_size=print_size or settings.handout_print, start_week=start_week, start_again=start_again,
    )


def handout_language(profile_language: str | None, settings: Settings, chosen: str | None = None) -> str:
    """The language a handout is printed in: the one chosen for this export, else the profile's, else the
    clinic's default."""
    return chosen or profile_language or settings.handout_language


NO_PHONE = ("The handout prints without the clinic's phone number: every page has a line to write it on by hand. "
            "Add the number in Settings to print it.")


NO_AMBULANCE = ("The stop page tells the patient to call an ambulance without giving the number: it has a line to "
                "write it on by hand. Add the Ambulance number (the local emergency number) in Settings to print it.")


def printed_phone(settings: Settings) -> str:
    """The clinic phone the handout prints: none where the settings hold one a patient could not dial (a settings
    file edited by hand; the dialogs refuse it). Seen in review: "Then call the clinic: abc." on every page."""
    phone = settings.contact_phone.strip()
    return phone if phone_problem(phone) is None else ""


def printed_ambulance(settings: Settings) -> str:
    """The ambulance number the stop page prints, as printed_phone: none where it is not one a patient could dial."""
    number = settings.emergency_number.strip()
    return number if emergency_problem(number) is None else ""


def notes_for_clinician(settings: Settings, language: str) -> list[str]:
    """What the clinician should know before giving the handout; never printed on the patient's pages."""
    from core.handout.language import unreviewed_note

    notes = [note] if (note := unreviewed_note(language)) else []
    if not settings.contact_phone.strip():
        notes.append(NO_PHONE)
    elif not printed_phone(settings):
        notes.append(f"The clinic phone in Settings, \"{settings.contact_phone.strip()}\", is not a number a patient "
                     f"could dial (it needs at least {PHONE_DIGITS_AT_LEAST} digits), so the handout prints without it "
                     "and tells the patient only to call their clinic: correct it in Settings.")
    if not settings.emergency_number.strip():
        notes.append(NO_AMBULANCE)
    elif not printed_ambulance(settings):
        notes.append(f"The ambulance number in Settings, \"{settings.emergency_number.strip()}\", is not a number a "
                     "patient could dial, so the stop page prints a line to write it on by hand instead: correct it in "
                     "Settings.")
    return notes


def render_handout(handout: Handout) -> bytes:
    from core.handout.renderer import HandoutRenderer  # reportlab is imported when a handout is made, not before

    try:
        return HandoutRenderer().render(handout)
    except ValueError as error:  # UnprintableCharacters and image problems
        raise HandoutError(f"The handout was not made: {error}. Check the patient's name and the clinic "
                           "details in Settings.") from error
    except OSError as error:
        raise HandoutError(f"The handout was not made: the logo image could not be read ({error}).") from error


HANDOUT_PDF = OutputKind("PDF", "handout.pdf", b"%PDF-")
REPORT_PDF = HANDOUT_PDF._replace(example="progress-report.pdf")


def save_handout(pdf: bytes, path: Path, *, data_folder: Path, inputs: tuple[Path, ...] = (),
                 kind: OutputKind = HANDOUT_PDF) -> None:
    """Atomic, never inside the data folder, over an input or over a file that is not a PDF: raises
    core.atomic.WriteError with a plain message; no partial file is ever left."""
    write_output(path, pdf, kind=kind, data_folder=data_folder, inputs=inputs)
