"""``main.py etiologies``: the etiology catalogue with study counts and the animal dosing summary."""

from __future__ import annotations

import argparse

from core.commands.output import format_table, print_json
from core.data_dir import DataDir
from core.evidence.dosing import dosing_summary
from core.storage import evidence_store
from core.storage.session import open_data



def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    with open_data(data_dir, write=False) as db:
        etiologies = evidence_store.load_etiologies(db)
        studies = evidence_store.search_studies(db, limit=1_000_000)
    if args.format == "json":
        print_json([
            {**e.model_dump(mode="json"), "dosing_summary": dosing_summary(e.id, studies).model_dump(mode="json")}
            for e in etiologies
        ])
        return 0
    rows = []
    for etiology in etiologies:
        summary = dosing_summary(etiology.id, studies)
        rows.append([etiology.id, etiology.name, summary.study_count, summary.animal_treadmill_study_count,
                     ", ".join(model.name for model in etiology.animal_models)])
    print(format_table(["id", "name", "studies", "animal treadmill", "animal models"], rows))
    return 0
