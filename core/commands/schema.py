"""``main.py schema profile``: print the JSON Schema of a file the product reads."""

from __future__ import annotations

import argparse

from core.commands.output import print_json
from core.data_dir import DataDir
from core.plan.adjustment import SessionLog
from core.plan.profile import PatientProfile

SCHEMAS = {"profile": PatientProfile, "session-log": SessionLog}


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    print_json(SCHEMAS[args.which].model_json_schema())
    return 0
