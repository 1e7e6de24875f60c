"""``main.py etiologies``: the etiology catalogue with study counts and the animal dosing summary."""

from __future__ import annotations

import argparse

from core.commands.output import format_table, print_json, say_without_server
from core.data_dir import DataDir
from core.evidence.dosing import dosing_summary
from core.workspace.session import open_workspace


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    with open_workspace(data_dir, write=False, records_url=args.records,
                        without_server=say_without_server) as workspace:
        etiologies = workspace.etiologies()
        studies = workspace.studies()
    if args.format == "json":
        print_json([
            {**e.model_dump(mode="json"), "dosing_summary": dosing_summary(e.id, studies).model_dump(mode="json")}
            for e in etiologies
        ])
        return 0
    rows = []
    for etiology in etiologies:
        summary = dosing_summary(etiology.id, studies)
        flagged = etiology.not_of_neuropathic_pain
        rows.append([etiology.id, etiology.name, summary.study_count, "" if flagged is None else len(flagged),
                     summary.animal_treadmill_study_count, ", ".join(model.name for model in etiology.animal_models)])
    # "not of neuropathic pain": no pain model or no pain outcome, flagged off-topic (`evidence` names them)
    print(format_table(["id", "name", "studies", "not of neuropathic pain", "animal treadmill (exercise alone)",
                        "animal models"], rows))
    return 0
