"""``main.py plans list|show|export|import``: the saved plans."""

from __future__ import annotations

import argparse
import sys

from core.atomic import WriteError, refuse_protected_output
from core.commands.output import audit_clinician, format_table, print_json, say_waiting
from core.data_dir import DataDir
from core.records.authors import author
from core.records.interface import COUNT_CAP, PatientRecords
from core.records.models import NamesakeSaved, PatientDeletedHere
from core.words import listed
from core.workspace.bundles import BUNDLE_FILE, BundleError, read_bundle_file
from core.workspace.errors import RecordNotFound
from core.workspace.session import open_workspace



def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    if (clinician := audit_clinician(data_dir.settings_path)) is None:
        return 2
    action = args.plans_action
    if action == "export":
        try:  # before the records are opened for writing
            refuse_protected_output(args.out, kind=BUNDLE_FILE, data_folder=data_dir.root)
        except WriteError as error:
            print(error, file=sys.stderr)
            return 2
    data = None
    if action == "import":
        try:  # before the records are opened for writing, and never more than a bundle can be
            data = read_bundle_file(args.file)
        except BundleError as error:  # not a file a bundle can be: one sentence, naming it
            print(*error.problems, sep="\n", file=sys.stderr)
            return 2
    try:
        with open_workspace(data_dir, write=action in ("export", "import"),
                            records_url=args.records, waiting=say_waiting) as workspace:
            if action == "list":
                return _list(workspace.records, args)
            if action == "show":
                return _show(workspace.records, args.id, args.format)
            if action == "export":
                version = workspace.records.get_plan(args.id)  # named: a patient id given as the plan's exports another
                name = workspace.records.latest_version(version.patient_id).profile.name  # as the bundle names them
                notes = workspace.export_patient(args.id, args.out, clinician=clinician)
                if args.format == "json":  # (seen by a helper: version 1's name, the patient renamed since)
                    print_json({"plan_id": args.id, "patient_id": version.patient_id, "name": name,
                                "exported_to": str(args.out), "notes": notes})
                else:
                    print(f"Exported {name} (patient {version.patient_id}; plan {args.id} is their "
                          f"version {version.version}), the whole course of care, to {args.out}")
                    for note in notes:
                        print(f"Note: {note}")
                return 0
            imported = workspace.records.import_patient(data, clinician=clinician,
                                                        refuse_namesakes=not args.new_patient,
                                                        refuse_deleted=not args.bring_back)
            if args.format == "json":
                print_json(imported.model_dump(mode="json"))
            else:
                print(imported.sentence())
            return 0
    except RecordNotFound as error:
        print(error, file=sys.stderr)
        return 2
    except NamesakeSaved as error:  # a ValueError: said before them
        who = (f"patient {error.patients[0]} has" if len(error.patients) == 1
               else f"patients {listed(map(str, error.patients))} have")
        print(f"{args.file.name}: not imported: {who} the bundle's patient's name. Check that they are not one person "
              "typed in on two workstations (the course of care would be split in two): if so, log the walks the "
              f"bundle holds under patient {error.patients[0]} here (sessions add). If it is another person, say so: "
              "--new-patient.", file=sys.stderr)
        return 2
    except PatientDeletedHere as error:  # a ValueError: said before them
        print(f"{args.file.name}: not imported, as {error}. An import does not undo a deletion; where the deletion "
              "was a mistake, --bring-back imports them again (under a new patient id).", file=sys.stderr)
        return 2
    except BundleError as error:
        for problem in error.problems:
            print(f"{args.file.name}: {problem}", file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return 2
    except ValueError as error:  # a record the checks let through but the records refuse: nothing was written
        done = "exported" if action == "export" else "imported"  # seen in review: a failed export said "imported"
        print(f"{getattr(args, 'file', None) and args.file.name or 'plans'}: {error}. Nothing was {done}.",
              file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader stopped reading (``| head``): run_command ends quietly
        raise
    except (OSError, WriteError) as error:
        print(getattr(error, "strerror", None) and f"{error.filename}: {error.strerror}" or str(error), file=sys.stderr)
        return 2


def _list(records: PatientRecords, args: argparse.Namespace) -> int:
    rows = records.list_plans(search=args.search, limit=args.limit)
    if args.format == "json":
        print_json([row.model_dump(mode="json") for row in rows])
    else:
        print(format_table(["plan id", "patient id", "name", "etiology", "version", "saved (UTC)"],
                           [[r.plan_id, r.patient_id, r.patient_name, r.etiology, r.version, r.created_at[:19]]
                            for r in rows]))
    if not rows:  # an empty table read as a listing that failed (seen in review)
        print(f"No saved patient's name contains \"{args.search}\"." if args.search else "No plans are saved yet.",
              file=sys.stderr)
    if len(rows) == args.limit:  # more may match: said where a reader sees it, not in the table a program reads
        found = records.count_patients(search=args.search)
        if found > len(rows):
            more = f"more than {COUNT_CAP:,}" if found > COUNT_CAP else f"{found:,}"
            print(f"Showing the {len(rows)} most recently saved of {more} patients; --limit N shows more"
                  + (", --search NAME fewer." if not args.search else "."), file=sys.stderr)
    return 0


def _show(records: PatientRecords, plan_id: int, output_format: str) -> int:
    """The version as the patient has it (the clinician's overrides applied, as on the handout), the
    overrides themselves, and every session of the patient, under every version."""
    from core.plan.progress import as_patient_has_it
    from core.workspace.course import in_course

    version = records.get_plan(plan_id)
    plan = as_patient_has_it(in_course(version))
    sessions = records.sessions(version.patient_id)
    if output_format == "json":
        shown = version.model_dump(mode="json", exclude={"plan"})
        print_json({**shown, "plan": plan.model_dump(mode="json"), "computed_plan": version.plan.model_dump(mode="json"),
                    "sessions": [session.model_dump(mode="json") for session in sessions]})
        return 0
    from core.commands.plan import describe_plan
    from core.commands.sessions import session_table

    profile = version.profile
    print(f"Plan {version.id}: patient {version.patient_id}, version {version.version}, "
          f"saved {version.created_at[:19]} UTC by {author(version.created_by)}")
    if version.reason:
        print(f"Reason: {version.reason}")
    print(f"Patient: {profile.name}, {profile.age}" + (f", {profile.sex}" if profile.sex else "")
          + f"; usual pain {profile.pain_nrs}/10; walks {profile.baseline_walk_min:g} min today"
          + (f" at {profile.comfortable_speed_kmh:g} km/h" if profile.comfortable_speed_kmh else "")
          + " (the whole profile: --format json)")
    print(describe_plan(plan))
    if version.overrides:
        print("\nChanged by the clinician (shown above as the patient has them):")
        for change in version.overrides:
            parts = [f"{change.sessions} days" if change.sessions else "", f"{change.main_min:g} min walks"
                     if change.main_min else "", change.note]
            print(f"  week {change.week}: " + ", ".join(part for part in parts if part))
    print(f"\nSessions of patient {version.patient_id} (every plan version):")
    print(session_table(sessions))
    return 0
