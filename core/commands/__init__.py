"""Headless commands of ``main.py``. Each module has ``add_parser(subparsers)`` and ``run(args, data_dir)``."""

from __future__ import annotations

from types import ModuleType


def command_modules() -> list[ModuleType]:
    """The command modules, imported here so the window's start-up does not pay for them."""
    return []
