"""Headless commands of ``main.py``: the grammar is in ``parsers``; each command's ``run(args, data_dir)``
lives in the module of the same name and is imported only when that command runs."""

from __future__ import annotations

import argparse
import importlib

COMMAND_MODULES = {"etiologies": "etiologies", "evidence": "evidence", "plan": "plan", "plans": "plans",
                   "sessions": "sessions", "progress": "progress", "db": "db", "schema": "schema"}


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    from core.commands.parsers import ADDERS

    for add in ADDERS:
        add(subparsers)


def command_runner(name: str):
    return importlib.import_module(f"core.commands.{COMMAND_MODULES[name]}").run
