"""``main.py schema profile``: print the JSON Schema of a file the product reads."""

from __future__ import annotations

import argparse

from core.commands.output import print_json
from core.data_dir import DataDir
from core.plan.adjustment import SessionLog
from core.plan.profile import PatientProfile

NAME = "schema"
SCHEMAS = {"profile": PatientProfile, "session-log": SessionLog}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(NAME, help="print the JSON Schema of a patient profile or a session log")
    parser.add_argument("which", choices=sorted(SCHEMAS))


def run(args: argparse.Namespace, data_dir: DataDir) -> int:
    print_json(SCHEMAS[args.which].model_json_schema())
    return 0
