"""Headless commands of ``main.py``. Each module has NAME, ``add_parser(subparsers)`` and ``run(args, data_dir)``."""

from __future__ import annotations

from types import ModuleType


def command_modules() -> list[ModuleType]:
    """The command modules; imported on first use so the window's start-up does not pay for them."""
    from core.commands import db, etiologies, evidence, plan, plans, schema

    return [etiologies, evidence, plan, plans, db, schema]
