"""``main.py plans list|show|export|import``: the saved plans."""

from __future__ import annotations

import argparse
import sys

from core.atomic import WriteError, refuse_protected_output
from core.commands.output import format_table, print_json
from core.data_dir import DataDir
from core.inputs import InputError, read_input
from core.settings import SettingsError, load_settings
from core.records.interface import PatientRecords
from core.workspace.bundles import MAX_BUNDLE_BYTES, BundleError
from core.workspace.errors import RecordNotFound
from core.workspace.session import open_workspace



def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    try:
        clinician = load_settings(data_dir.settings_path).clinician
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    action = args.plans_action
    if action == "export":
        try:  # before the records are opened for writing
            refuse_protected_output(args.out, data_folder=data_dir.root)
        except WriteError as error:
            print(error, file=sys.stderr)
            return 2
    data = None
    if action == "import":
        try:  # before the records are opened for writing, and never more than a bundle can be
            data = read_input(args.file, limit=MAX_BUNDLE_BYTES, what="bundle")
        except InputError as error:
            print(error, file=sys.stderr)
            return 2
    try:
        with open_workspace(data_dir, write=action in ("export", "import")) as workspace:
            if action == "list":
                return _list(workspace.records, args)
            if action == "show":
                return _show(workspace.records, args.id, args.format)
            if action == "export":
                workspace.export_patient(args.id, args.out, clinician=clinician)
                print(f"Exported the patient of plan {args.id} to {args.out}")
                return 0
            ids = workspace.records.import_patient(data, clinician=clinician)
            print(f"Imported {len(ids)} plan version(s): {', '.join(map(str, ids))}")
            return 0
    except RecordNotFound as error:
        print(error, file=sys.stderr)
        return 2
    except BundleError as error:
        for problem in error.problems:
            print(f"{args.file.name}: {problem}", file=sys.stderr)
        print("Nothing was imported.", file=sys.stderr)
        return 2
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
    return 0


def _show(records: PatientRecords, plan_id: int, output_format: str) -> int:
    version = records.get_plan(plan_id)
    logs = records.session_logs(plan_id)
    if output_format == "json":
        print_json({**version.model_dump(mode="json"), "session_logs": [log.model_dump(mode="json") for log in logs]})
    else:
        from core.commands.plan import describe_plan

        print(f"Plan {version.id}: patient {version.patient_id}, version {version.version}, "
              f"saved {version.created_at[:19]} by {version.created_by}")
        print(describe_plan(version.plan))
        print(f"\n{len(logs)} session(s) logged.")
    return 0
