"""``main.py plan PROFILE.json``: compute and print the treadmill plan for a patient profile."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from core.app_info import program_name
from core.atomic import StagedFile, WriteError, refuse_protected_output, stage_output
from core.citing import cited_together
from core.commands.output import format_table, print_json, say_waiting, say_without_server
from core.data_dir import DataDir
from core.plan.engine import Plan
from core.plan.overrides import effective_plan
from core.plan.profile import ProfileError, read_profile
from core.plan.walking import energy_cost_in_words
from core.settings import SettingsError, load_settings
from core.records.models import NamesakeSaved, VersionSavedMeanwhile, checked_reason
from core.words import listed
from core.workspace.errors import DifferentPatient, RecordNotFound
from core.workspace.exports import ExportNotRecorded, recording_export
from core.workspace.session import open_workspace

EXIT_BLOCKED = 3


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    try:
        profile = read_profile(args.profile)
    except ProfileError as error:
        for problem in error.problems:
            print(f"{args.profile.name}: {problem}", file=sys.stderr)
        return 2
    try:
        settings = load_settings(data_dir.settings_path)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    if args.patient is not None and not args.save:
        print("--patient: only used with --save", file=sys.stderr)
        return 2
    handout_only = [flag for flag, given in (("--paper", args.paper), ("--units", args.units),
                                             ("--clinician-summary", args.clinician_summary or None),
                                             ("--print", args.print_size), ("--language", args.language),
                                             ("--date", args.date)) if given is not None]
    if handout_only and args.pdf is None:
        print(f"{', '.join(handout_only)}: only used with --pdf OUT.pdf (they set up the handout); nothing was done",
              file=sys.stderr)
        return 2
    if args.pdf is not None:
        from core.handout.export import HANDOUT_PDF

        try:  # before anything is saved, so a refused output leaves nothing half done
            refuse_protected_output(args.pdf, kind=HANDOUT_PDF, data_folder=data_dir.root, inputs=(args.profile,))
        except WriteError as error:
            print(f"--pdf: {error}", file=sys.stderr)
            return 2
    if args.new_patient and (args.patient is not None or not args.save):
        print("--new-patient: only used with --save and without --patient (it says a new patient with an existing "
              "patient's name is another person)", file=sys.stderr)
        return 2
    if args.drop_week_changes and (args.patient is None or not args.save):
        print("--drop-week-changes: only used with --save --patient PATIENT_ID", file=sys.stderr)
        return 2
    if args.same_patient and args.patient is None:
        print("--same-patient: only used with --patient", file=sys.stderr)
        return 2
    if args.if_newest is not None and (args.patient is None or not args.save):
        print("--if-newest: only used with --save --patient PATIENT_ID", file=sys.stderr)
        return 2
    if args.reason is not None and not args.save:
        print("--reason: only used with --save (it is kept with the saved version)", file=sys.stderr)
        return 2
    try:
        reason = checked_reason(args.reason or "")
    except ValueError as error:
        print(f"--{error}", file=sys.stderr)
        return 2
    if args.save:
        from core.handout.fonts import name_problem  # reportlab's font tables: only when saving

        problem = name_problem(profile.name)
        if problem:
            print(f"{args.profile.name}: name: {problem}. Nothing was saved.", file=sys.stderr)
            return 2
    staged = saved = newest = None  # the handout, written beside its place before anything is saved
    placed = incomplete = False
    try:
        with open_workspace(data_dir, write=args.save, records_url=args.records, waiting=say_waiting,
                            without_server=None if args.save or args.patient is not None
                            else say_without_server) as workspace:
            based_on = _version_id(workspace.records, args)  # before any work: a version that is not there
            if args.save and args.patient is None and not args.new_patient and _namesakes_refused(
                    workspace.records, profile.name, args):
                return 2
            plan, studies = workspace.draft_plan(profile, settings.plan)
            newest = None if args.patient is None else workspace.records.latest_version(args.patient)
            kept, left = _week_changes(newest, args.drop_week_changes)
            computed, plan = plan, effective_plan(plan, kept, profile.max_sessions_per_week)  # as the patient has it
            if args.format != "json" and not args.save:  # a save's plan once it is saved (seen in review: the whole
                print(describe_plan(plan))  # plan printed, then one line on standard error saying it was refused)
            if plan.blocked and args.pdf is not None:
                print("--pdf: no handout was written: the plan is blocked by screening ("
                      + " ".join(reason.message for reason in plan.block_reasons) + ")", file=sys.stderr)
            # The handout is made and written beside its place before anything is saved: one that cannot be
            # made, or a folder that cannot be written to, saves nothing.
            if args.pdf is not None and not plan.blocked:
                etiology = workspace.etiology_entry(profile.etiology)
                course = () if args.patient is None else _course(workspace.records, args.patient)
                pdf = _render_handout(args, profile, plan, studies, etiology, settings, course)
                if pdf is None:
                    return 2
                staged = _stage_handout(pdf, args, data_dir)
                if staged is None:  # a full disk, a folder made read-only: the path was checked above, not bad input
                    return 1
            if args.save:
                saved = workspace.records.save_plan(profile, computed, clinician=settings.clinician,
                                                    patient_id=args.patient, overrides=kept,
                                                    same_person=args.same_patient, based_on=based_on, reason=reason,
                                                    refuse_namesakes=args.patient is None and not args.new_patient)
            if staged is not None:  # in place once the plan is saved, before anything is printed (seen by a tester:
                if _put_handout_in_place(staged, args, saved):  # Ctrl+C while the plan was printed left it saved
                    staged, placed = None, True  # with no handout, said only as "Cancelled")
                    incomplete = saved is not None and not _handout_recorded(workspace.records, saved.id, settings,
                                                                             args.pdf)
                elif saved is None:
                    return 1  # not put in place (a full disk, the PDF open elsewhere): not bad input
                else:
                    incomplete = True  # the saved plan's notes and id are said all the same (seen in review)
            if saved is not None:
                if args.format != "json":
                    print(describe_plan(plan), flush=True)
                if newest is not None and saved.id == newest.id:
                    print(f"No changes since version {saved.version} of patient {saved.patient_id} (plan {saved.id}): "
                          "nothing new saved" + (", so --reason was not kept (a reason goes with a new version)."
                                                 if reason else "."), file=sys.stderr)
                elif newest is not None and (kept or left):  # seen in review: dropped unsaid, said only by progress
                    print(_week_changes_said(newest.version, saved.version, kept, left, len(plan.weeks)),
                          file=sys.stderr)
                if newest is not None and saved.id != newest.id and args.if_newest is None:
                    print(_saved_over(newest, saved, settings.units), file=sys.stderr, end="")
                if plan.blocked and (newest is None or saved.id != newest.id):  # kept as the screening's record
                    print(f"Saved as the record of this screening (plan {saved.id}). No sessions can be logged under "
                          "a blocked plan: save a new version once what blocks it is resolved.", file=sys.stderr)
            if args.format == "json":  # one document, the saved plan's id in it (seen in review: the id printed after
                print_json({**plan.model_dump(mode="json"),  # the plan made the output no longer JSON)
                            **({"saved_plan_id": saved.id} if saved is not None else {})})
            elif saved is not None:
                print(saved.id, flush=True)  # alone, on the last line, for scripts
            if incomplete:
                return 1
    except DifferentPatient as error:
        print(f"--patient: {error} (--same-patient confirms it)", file=sys.stderr)
        return 2
    except NamesakeSaved as error:  # saved meanwhile, on another workstation (seen by a clinic's tester: both saved)
        from core.clinic_log import namesake_saved

        namesake_saved(error.patients)
        _say_namesakes(error.patients, profile.name, args)
        return 2
    except VersionSavedMeanwhile as error:
        from core.clinic_log import newer_saved_meanwhile
        from core.plan.compare import yours_differs
        from core.records.authors import named

        theirs = error.theirs
        newer_saved_meanwhile(theirs)
        print(f"--if-newest: not saved: version {theirs.version} of patient {theirs.patient_id} (plan {theirs.id}), "
              f"saved by {named(theirs.created_by) or 'someone'} at {theirs.created_at[:19].replace('T', ' ')} UTC, is "
              f"newer than version {args.if_newest}. {yours_differs(error.differences(settings.units))} See it with "
              f"{program_name()} plans show "
              f"{theirs.id}; to save yours as the newest anyway, give --if-newest {theirs.version}."
              + (" No handout was written." if args.pdf is not None else ""), file=sys.stderr)
        return 1
    except RecordNotFound as error:  # a busy data folder is exit 1, in run_command
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if saved is None:
            raise  # nothing saved: run_command says "Cancelled"
        from core.cli import EXIT_CANCELLED

        kept = (f"nothing new was saved: version {saved.version} of patient {saved.patient_id} (plan {saved.id}) is "
                "unchanged" if newest is not None and saved.id == newest.id else
                f"the plan was saved: it is plan {saved.id} of patient {saved.patient_id}")
        print(f"Cancelled once {kept}"
              + ("" if staged is None and not placed else f", and the handout is saved as {args.pdf}" if placed
                 else ", but the handout was not written")
              + ". Check with plans list before saving it again.", file=sys.stderr)
        return EXIT_CANCELLED
    finally:
        if staged is not None:
            staged.discard()  # not saved after all (or already in place: then nothing to remove)
    return EXIT_BLOCKED if plan.blocked else 0


def _namesakes_refused(records, name: str, args: argparse.Namespace) -> bool:
    """A new patient whose name a patient here already has is refused, naming them: the same person saved again as
    a new patient splits their course of care in two (seen by a clinic's tester: only noted once it was saved, whose
    way out was deleting it). The window asks the same question before it saves."""
    others = records.namesakes(name)
    if others:
        newest = records.latest_version(others[0])
        _say_namesakes(others, name, args, saved_as=newest.profile.name if newest is not None else None)
    return bool(others)


def _say_namesakes(others: list[int], name: str, args: argparse.Namespace, saved_as: str | None = None) -> None:
    """``saved_as``: the first one's name as saved, where it is written otherwise than ``name`` (seen by a tester:
    "the same name, margaret o’brien" of a patient saved as Margaret O'Brien)."""
    who = f"patient {others[0]} has" if len(others) == 1 else f"patients {listed(map(str, others))} have"
    if saved_as is not None and saved_as != name:
        who = f"patient {others[0]} (saved as {saved_as}) has" if len(others) == 1 else \
            f"patients {listed(map(str, others))} (patient {others[0]} saved as {saved_as}) have"
    print(f"{args.profile.name}: not saved: {who} the same name, {name}. If this is the same person, save a new "
          f"version of theirs: --patient {others[0]}. If it is another person, say so: --new-patient."
          + (" No handout was written." if args.pdf is not None else ""), file=sys.stderr)


def _saved_over(newest, saved, units: str) -> str:
    """Where the version saved over was another clinician's: what this one changed in it, a line (seen by a clinic's
    tester: a script's save set a colleague's measured resting heart rate back, unsaid). "" where it was theirs."""
    from core.plan.compare import version_differences, yours_differs
    from core.records.authors import named

    if named(newest.created_by) == named(saved.created_by):
        return ""
    differs = version_differences(newest.profile, newest.plan, newest.overrides, saved.profile, saved.plan,
                                  saved.overrides, units)
    return (f"Version {newest.version} was saved by {named(newest.created_by) or 'someone'} at "
            f"{newest.created_at[:16].replace('T', ' ')} UTC; version {saved.version} is made from this profile. "
            f"{yours_differs(differs)} (--if-newest {newest.version} saves only while it is the newest.)\n")


def _week_changes(newest, dropped: bool) -> tuple[list, list]:
    """The clinician's changes to weeks of the patient's ``newest`` version that a new version keeps, every one, as the
    window keeps them over a changed profile (seen by a clinic's tester: week 7 changed in the window went from the
    version the command line saved, and from its handout; and in review, a version blocked for a day lost them for
    good), and those it leaves out: all where ``dropped`` (--drop-week-changes), else none."""
    changes = [] if newest is None else list(newest.overrides)
    return ([], changes) if dropped else (changes, [])


def _week_changes_said(was: int, now: int, kept: list, left: list, weeks_now: int) -> str:
    def weeks(changes: list) -> str:
        return f"week{'s' * (len(changes) > 1)} {listed(change.week for change in changes)}"

    if left:
        return (f"Note: version {was} had the clinician's changes to {weeks(left)}; version {now} leaves them out "
                "(--drop-week-changes). To have them again, change those weeks in the window (step 4) and save.")
    idle = [change for change in kept if change.week > weeks_now]
    said = (f"Note: version {now} keeps the clinician's changes to {weeks(kept)} from version {was}, as the window "
            "keeps them (--drop-week-changes leaves them out).")
    if idle:  # kept for a later version: a plan blocked for a day, or made shorter, gives them no week
        why = "it is blocked by screening" if not weeks_now else f"it has {weeks_now} weeks"
        said += f" This plan has no {weeks(idle)} ({why}): kept for a later version, they change nothing in this one."
    return said


def _version_id(records, args: argparse.Namespace) -> int | None:
    """The plan id of the version --if-newest names, for save_plan's based_on (None without the option)."""
    if args.if_newest is None:
        return None
    history = records.plan_history(args.patient)
    if not history:
        raise records.missing_patient(args.patient)
    named = next((version for version in history if version.version == args.if_newest), None)
    if named is None:
        raise RecordNotFound(f"--if-newest: patient {args.patient} has no version {args.if_newest} (its versions: 1 "
                             f"to {history[-1].version}).")
    return named.id


def _course(records, patient_id: int) -> tuple:
    """The patient's versions and walks, for where the handout of a new version starts them."""
    history = records.plan_history(patient_id)
    if not history:
        raise records.missing_patient(patient_id)
    return tuple(history), tuple(records.sessions(patient_id))


def _render_handout(args: argparse.Namespace, profile, plan: Plan, studies, etiology, settings,
                    course: tuple = ()) -> bytes | None:
    from core.handout.export import HandoutError
    from core.workspace.draft import HandoutRequest
    from core.workspace.handouts import handout_language, handout_pdf, notes_for_clinician  # reportlab: on demand

    language = handout_language(profile.language, settings, args.language)
    try:
        history, sessions = course or ((), ())
        request = HandoutRequest(profile=profile, plan=plan, studies=studies, etiology=etiology, settings=settings,
                                 history=history, sessions=sessions)
        pdf = handout_pdf(request, date=args.date or dt.date.today(), paper=args.paper, units=args.units,
                          clinician_summary=args.clinician_summary, language=language, print_size=args.print_size)
    except HandoutError as error:
        print(f"{error} Nothing was saved.", file=sys.stderr)
        return None
    for note in notes_for_clinician(settings, language):  # never on the patient's pages
        print(f"Note: {note}", file=sys.stderr)
    if request.start_week:
        print(f"Note: The handout tells the patient to start at week {request.start_week}, where their course carries "
              "on (the progress command shows why).", file=sys.stderr)
    if said := request.carry_on.note(args.units or settings.units):  # the speeds in the handout's units
        print(f"Note: {said}", file=sys.stderr)
    return pdf


def _handout_recorded(records, plan_id: int, settings, written) -> bool:
    """The handout's export in the audit trail, once it is in place (core/workspace/exports.py); False, and said,
    where it could not be recorded: the saved plan's notes and id are said all the same."""
    try:
        with recording_export(written):
            records.record_event("export", "plan", plan_id, settings.clinician)
    except ExportNotRecorded as error:
        print(error, file=sys.stderr)
        return False
    return True


def _stage_handout(pdf: bytes, args: argparse.Namespace, data_dir: DataDir) -> StagedFile | None:
    from core.handout.export import HANDOUT_PDF

    try:
        return stage_output(args.pdf, pdf, kind=HANDOUT_PDF, data_folder=data_dir.root, inputs=(args.profile,))
    except WriteError as error:
        print(f"The handout was not written: {error} Nothing was saved.", file=sys.stderr)
        return None


def _put_handout_in_place(staged: StagedFile, args: argparse.Namespace, saved) -> bool:
    """When the last rename fails after the plan was saved, say exactly what happened."""
    try:
        staged.commit()
    except WriteError as error:
        done = (f"The plan is saved as plan {saved.id} (its id is on the last line), but the handout was not "
                "written: " if saved is not None else "The handout was not written: ")
        print(done + str(error), file=sys.stderr)
        return False
    print(f"Handout saved: {args.pdf}", file=sys.stderr)
    return True


def _hr(value: tuple[int, int] | None) -> str | None:
    return None if value is None else f"{value[0]}-{value[1]}"


def describe_plan(plan: Plan) -> str:
    intensity = plan.intensity
    lines = [f"Treadmill plan ({plan.etiology}), guidelines {plan.guidelines_version}",
             f"Screening (ACSM 2015): {plan.screening.acsm_row}. {plan.screening.clearance_in_words}"]
    if plan.screening.ada_note:
        lines.append(f"  ADA view: {plan.screening.ada_note}")
    if plan.blocked:
        lines.append("BLOCKED: the plan cannot start yet.")
        lines += [f"  - {reason.message} What would unblock it: {reason.unblock}" for reason in plan.block_reasons]
    lines += [f"Intensity: {intensity.method_reason}", "  Sources: " + cited_together(intensity.sources)]
    if plan.weeks:
        lines.append(f"Treadmill: {energy_cost_in_words(plan.weeks)}")
        rows = [[w.week, w.sessions, f"{w.warmup_min:g}", f"{w.main_min:g}",
                 w.bouts if w.bouts > 1 else None, f"{w.cooldown_min:g}", w.band, _hr(w.target_hr),
                 f"{w.rpe[0]}-{w.rpe[1]}", None if w.speed_kmh is None else f"{w.speed_kmh:g}", w.grade_pct,
                 f"{w.weekly_main_min:g}", None if w.increase_pct is None else f"{w.increase_pct:+g}%", w.note]
                for w in plan.weeks]
        lines += ["", format_table(["week", "days", "warm-up", "walk min", "bouts", "cool-down", "effort", "HR bpm",
                                    "RPE", "km/h", "grade %", "min/week", "change", "note"], rows)]
    lines += ["", f"Progression cap: {plan.rules.max_weekly_increase_pct}% a week "
                  f"({plan.rules.max_weekly_increase_source.label}); at most {plan.rules.max_two_week_increase_pct}% "
                  f"over two weeks ({plan.rules.max_two_week_increase_source.label}). {plan.rules.caps_held}".rstrip(),
              f"Pain rules: {plan.rules.pain.rule} {plan.rules.pain.caveat}",
              "  Sources: " + cited_together(plan.rules.pain.sources),
              "", "Warnings:"]
    lines += [f"  {w.headline}\n      Source: {w.source.cited()}" for w in plan.warnings]
    structure = plan.borrowed_structure
    lines += ["", "Evidence: " + (", ".join(plan.evidence) or "no animal study behind the plan (why: below)"),
              f"  {structure.frequency}", f"  {structure.session_length}", f"  {structure.ramp}", f"  {structure.not_borrowed}"]
    return "\n".join(lines)
