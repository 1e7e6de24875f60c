"""``main.py progress PATIENT_ID [--pdf OUT.pdf]``: the patient's course of care, planned against walked,
week by week, with pain and effort and the suggestion for next week; ``--pdf`` writes the progress
report for the referring physician or the patient's file."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from core.atomic import WriteError, refuse_protected_output
from core.commands.output import format_table, print_json, say_waiting
from core.data_dir import DataDir
from core.plan.adjustment import ACTION_WORDS
from core.records.authors import author
from core.plan.adherence import adherence_in_words
from core.plan.profile import checked_lines
from core.plan.progress import Progress
from core.settings import SettingsError, load_settings
from core.workspace.course import REPORT_NOTE_MAX_LENGTH, DateOutsideCourse, patient_progress, progress_report_pdf
from core.workspace.errors import RecordNotFound
from core.workspace.exports import recording_export
from core.workspace.session import open_workspace

def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    try:
        settings = load_settings(data_dir.settings_path)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    if len(args.note) > REPORT_NOTE_MAX_LENGTH:
        print(f"--note: at most {REPORT_NOTE_MAX_LENGTH} characters, and it has {len(args.note)}; nothing was done",
              file=sys.stderr)
        return 2
    try:
        checked_lines(args.note)
    except ValueError as error:
        print(f"--note: {error}; nothing was done", file=sys.stderr)
        return 2
    if args.note and args.pdf is None:
        print("--note: only used with --pdf OUT.pdf (the note is printed in the report); nothing was done",
              file=sys.stderr)
        return 2
    if args.pdf is not None:
        from core.handout.export import REPORT_PDF

        try:  # before any work, so a refused output leaves nothing half done
            refuse_protected_output(args.pdf, kind=REPORT_PDF, data_folder=data_dir.root)
        except WriteError as error:
            print(f"--pdf: {error}", file=sys.stderr)
            return 2
    try:
        with open_workspace(data_dir, write=args.pdf is not None, records_url=args.records,
                            waiting=say_waiting) as workspace:
            progress = patient_progress(workspace.records, args.patient, today=args.date, units=settings.units)
            if args.pdf is not None:
                if status := _write_report(progress, settings, args, data_dir):
                    return status
                with recording_export(args.pdf):  # once written (core/workspace/exports.py)
                    workspace.records.record_event("export", "patient", args.patient, settings.clinician)
                print(f"Progress report saved: {args.pdf}", file=sys.stderr)
    except RecordNotFound as error:  # a busy data folder is exit 1, in run_command
        print(error, file=sys.stderr)
        return 2
    except DateOutsideCourse as error:
        # only a report is written: without --pdf, "nothing was written" read as something that might have been
        print(f"--date: {error}" + ("; no report was written" if args.pdf is not None else ""), file=sys.stderr)
        return 2
    if args.format == "json":
        print_json(progress.model_dump(mode="json"))
    else:
        print(describe_progress(progress))
    return 0


def _write_report(progress: Progress, settings, args: argparse.Namespace, data_dir: DataDir) -> int:
    """0 when written; 2 when it cannot be made from what was given; 1 when it cannot be written (a full disk, a
    folder made read-only since its path was checked: not bad input)."""
    from core.handout.export import REPORT_PDF, HandoutError, save_handout

    try:
        pdf = progress_report_pdf(progress, settings, note=args.note, date=args.date or dt.date.today())
        save_handout(pdf, args.pdf, data_folder=data_dir.root, kind=REPORT_PDF)
    except HandoutError as error:  # says itself "The progress report was not made: ..." (seen in testing: said twice)
        print(error, file=sys.stderr)
        return 2
    except WriteError as error:
        print(f"The progress report was not written: {error}", file=sys.stderr)
        return 1
    return 0


def _shown(value: object, suffix: str = "") -> str:
    if value is None:
        return "-"
    return (f"{value:g}" if isinstance(value, float) else str(value)) + suffix


def describe_progress(progress: Progress) -> str:
    usual = "not recorded" if progress.usual_pain is None else f"{progress.usual_pain}/10"
    lines = [f"Course of care: {progress.patient_name} ({progress.etiology}), usual pain {usual}"]
    lines += [f"Plan in force: {progress.in_force}"] if progress.in_force else []
    lines.append("")
    # what changed, under the table, a line each (seen in review: a version's 40 changes on one line of about 1,500
    # characters pushed every other column of the table off the screen)
    lines.append(format_table(["version", "plan id", "saved", "by", "reason", "what changed"],
                              [[v.version, v.plan_id, v.saved_on.isoformat(), author(v.saved_by), v.reason,
                                v.changes[0] if len(v.changes) == 1 else f"{len(v.changes)} changes, below"]
                               for v in progress.versions]))
    for v in (v for v in progress.versions if len(v.changes) > 1):
        lines += [f"What changed in version {v.version}:", *(f"  - {change}" for change in v.changes)]
    lines.append("")
    lines.append(format_table(
        ["week", "first walk", "version", "status", "planned days", "planned min", "walked", "done", "walked min",
         "adherence", "mean RPE", "top pain during", "top pain next morning", "stiffer mornings", "top HR (target)"],
        [[w.label, w.walked_from, w.plan_version, w.status, w.planned_walks, _shown(w.planned_minutes),
          w.walked_sessions, w.sessions_done, _shown(w.walked_minutes), _shown(w.adherence_pct, "%"),
          _shown(w.mean_rpe), w.pain_during_shown or "-", w.pain_next_morning_shown or "-",
          _shown(w.stiffer_mornings), _shown(w.heart_rate_shown)]
         for w in progress.weeks]))
    lines.append("")
    lines.append(adherence_in_words(progress))
    if progress.suggestion is not None:
        lines.append(f"Next week: {ACTION_WORDS[progress.suggestion.action]}. {progress.suggestion.reason}")
        lines += [f"  {progress.suggestion.caveat}"] if progress.suggestion.caveat else []
    return "\n".join(lines)
