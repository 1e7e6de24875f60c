"""``main.py evidence``: search the studies; ``main.py evidence import FILE``: add the clinic's own."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.commands.output import fail, format_table, print_json, say_waiting, say_without_server
from core.data_dir import DataDir
from core.resources import resource_path
from core.evidence.dosing import DosingSummary, Spread, count_of_studies, days_in_words, dosing_summary, left_out
from core.evidence.importer import ImportReport, read_study_file
from core.evidence.flag_words import flag_in_words
from core.evidence.models import DISPUTED_KEY, NO_STUDY_FINDING, PEDRO, SYRCLE, Mechanism, Study
from core.workspace.session import open_workspace

def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    if args.evidence_action == "import":
        return _run_import(data_dir, args.file, args.records)
    if args.search and args.search.strip() and not any(character.isalnum() for character in args.search):
        # seen by a tester: a search of only '*' or '(' listed every study without a word
        return fail(f"--search: '{args.search}' has no letter or digit to search for; give a word, an author or a "
                    "marker (TNF, IL-1β)")
    with open_workspace(data_dir, write=False, records_url=args.records,
                        without_server=say_without_server) as workspace:
        etiology_ids = [e.id for e in workspace.etiologies()]
        mechanism_ids = [m.id for m in workspace.mechanisms()]
        if args.etiology and args.etiology not in etiology_ids:
            return fail(f"--etiology: unknown etiology '{args.etiology}'; choose one of: {', '.join(etiology_ids)}")
        if args.mechanism and args.mechanism not in mechanism_ids:
            return fail(f"--mechanism: unknown mechanism '{args.mechanism}'; choose one of: {', '.join(mechanism_ids)}")
        studies = workspace.studies(etiology=args.etiology, mechanism=args.mechanism, text=args.search)
        mechanism = next((m for m in workspace.mechanisms() if m.id == args.mechanism), None)
    if args.format == "json":
        print_json([study.model_dump(mode="json") for study in studies])
        return 0
    rows = [_row(study) for study in studies]
    print(format_table(
        ["id", "author", "year", "species", "exercise", "model", "m/min", "min", "d/wk", "wk", "findings", "level",
         "flags"], rows))
    print(f"\n{len(studies)} stud{'y' if len(studies) == 1 else 'ies'}")
    if studies:  # seen in review: "5" read as top marks on a 1-5 scale, and "6" flags that nothing explained
        print(COLUMNS_KEY)
    if any("⚠" in str(cell) for row in rows for cell in row):  # the key only where a mark is printed
        print(LEFT_OUT_KEY)
    if any(study.disputed for study in studies):
        print(DISPUTED_KEY)
    if mechanism:  # what the reviews say of it, and where none of the library's studies reports a finding on it
        print("\n" + _describe_mechanism(mechanism, unfound=not studies and not args.etiology and not args.search))
    if args.etiology:
        print("\n" + _describe_dosing(dosing_summary(args.etiology, studies)))
    return 0


def _describe_mechanism(mechanism: Mechanism, *, unfound: bool) -> str:
    """The mechanism searched for, in the reviews' words, with where the sources disagree (seen in a check against
    the seeds: Ghanbari's noradrenaline, which no study's finding names, listed "0 studies" and nothing else);
    ``unfound``: no study in the library reports a finding on it, as step 2 says it."""
    lines = [f"{mechanism.name}{f' ({NO_STUDY_FINDING})' * unfound}: {mechanism.summary}",
             f"  Exercise: {mechanism.exercise_effect}",
             f"  Markers: {', '.join(mechanism.markers)}. Source: {mechanism.cited_in}."]
    lines += [f"  Flag: {flag_in_words(flag)}. {flag.message}" for flag in mechanism.flags]
    return "\n".join(lines)


def _run_import(data_dir: DataDir, path: Path, records_url: str | None) -> int:
    """The file is read and parsed first (bounded, regular files only); the data folder is opened for
    writing only for a file that could be read, so a FIFO, a device or a folder never holds the lock. With
    ``records_url`` the studies go to the clinic server, for every workstation of the clinic."""
    study_file = read_study_file(path)
    if study_file.problems:
        return _refused(ImportReport(file=study_file.name, problems=study_file.problems))
    with open_workspace(data_dir, write=True, records_url=records_url, waiting=say_waiting) as workspace:
        report = workspace.import_studies(study_file)
    if not report.ok:
        return _refused(report)
    where = " to the clinic database" if records_url else ""
    print(f"Imported {len(report.added)} stud{'y' if len(report.added) == 1 else 'ies'}{where} from {report.file}: "
          f"{', '.join(report.added)}")
    return 0


SHOWN_PROBLEMS = 100  # seen in testing: a 10,000-row file with a problem in each printed 10,001 lines


def _refused(report: ImportReport) -> int:
    for problem in report.problems[:SHOWN_PROBLEMS]:
        print(f"{report.file}: {problem}", file=sys.stderr)
    count = len(report.problems)
    if count > SHOWN_PROBLEMS:
        print(f"{report.file}: ... and {count - SHOWN_PROBLEMS} more problems (the first {SHOWN_PROBLEMS} are "
              "shown)", file=sys.stderr)
    print(f"Nothing was imported: {count} problem{'' if count == 1 else 's'}.", file=sys.stderr)
    if any("import-template" in str(problem) for problem in report.problems):  # where the problems point to (seen
        # in review: an installed copy's template is in its own folder, named nowhere)
        print(f"The template and its notes: {resource_path('evidence', 'import-template.csv')} and "
              "import-template.md beside it.", file=sys.stderr)
    return 2


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


DOSE_COLUMNS = ("speed_m_per_min", "longest_session_min", "days_per_week", "weeks")  # the m/min, min, d/wk, wk columns
COLUMNS_KEY = ("level: the OCEBM 2011 level of evidence, 1 strongest to 5 weakest (5: mechanism-based reasoning, "
               "where animal studies stand); risk of bias: not assessed for any study, as " + SYRCLE + " and "
               + PEDRO + " judge a study's own methods, which the library does not hold; "
               "flags: how many notes the curators made on its conflicts, gaps and implausible values (--format json "
               "lists them)")
LEFT_OUT_KEY = "⚠ flagged implausible as printed: left out of the animal dosing summary (see the study's flags)"


def _row(study: Study) -> list:
    dose = study.exercise
    minutes = dose.minutes_per_session
    minutes_text = None if minutes is None else (
        _number(minutes[0]) if minutes[0] == minutes[1] else f"{_number(minutes[0])}-{_number(minutes[1])}"
    )
    # a speed printed in a unit that cannot be used ("10 m/s") is shown as printed, not as a blank "not reported"
    doses = [_number(dose.speed_m_per_min) or dose.speed_reported, minutes_text, days_in_words(dose),
             _number(dose.weeks)]
    # seen in review: Chen 2012's 30 m/min printed plainly above a summary that leaves it out
    doses = [f"{shown} ⚠" if shown is not None and left_out(study, column) else shown
             for shown, column in zip(doses, DOSE_COLUMNS)]
    return [study.id, study.first_author, study.year, study.species or "not stated", study.exercise.kind, study.model,
            *doses, study.findings_listed(), study.evidence_level, len(study.flags) or None]


def _describe_dosing(summary: DosingSummary) -> str:
    def spread(label: str, value: Spread, unit: str, note: str = "") -> str:
        return f"  {label}: {value.described(unit)}{note}"

    species = ", ".join(f"{count} {name}" for name, count in summary.species.items())
    spreads = [spread("speed", summary.speed_m_per_min, "m/min"),
               spread("longest session", summary.longest_session_min, "min"),
               spread("days per week", summary.days_per_week, "days", summary.days_note),
               spread("duration", summary.weeks, "weeks")]
    lines = [
        # seen in review: "0 studies (none)" over four lines of "not reported", as if studies had left them out
        *([f"Animal treadmill dosing: {count_of_studies(summary.animal_treadmill_study_count)} ({species})", *spreads]
          if summary.animal_treadmill_study_count else
          ["Animal treadmill dosing: no animal treadmill study of pain that tested exercise alone" + (
              f", of {count_of_studies(summary.study_count)} with this etiology" if summary.study_count else
              " (the library and the clinic's imports have no study with this etiology)")]),
        *(f"  left out: {note}" for note in summary.not_usable),
        *([f"  not used, no pain model or no pain outcome: {', '.join(summary.no_pain_outcome)}"]
          if summary.no_pain_outcome else []),
        *([f"  not used, exercise given with another treatment: {', '.join(summary.with_other_treatment)}"]
          if summary.with_other_treatment else []),
        f"Caution: {summary.caution}",
        "  Sources: " + summary.caution_sources,
    ]
    return "\n".join(lines)
