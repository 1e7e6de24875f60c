"""Who the app is: name, version and the third-party components it ships with their licences."""

from __future__ import annotations

import os
import shlex
import sys

from typing import NamedTuple

APP_NAME = "Treadwell"
__version__ = "0.1.0"  # as in pyproject.toml (tests/test_cli.py checks they agree); a constant because
# importlib.metadata costs about 10 ms to import, on every run
APP_AUTHOR = "Treadwell"  # platformdirs author: the Windows data folder is %LOCALAPPDATA%\Treadwell\Treadwell (README)


def command_as_run() -> str:
    """The start of a command line printed to be run as it stands: the installed program itself (its full path,
    quoted) when frozen, and the README's ``uv run main.py`` in a source checkout (seen in testing: a printed
    "main.py db restore ..." did not run as printed)."""
    if getattr(sys, "frozen", False):
        return as_typed(sys.executable)
    return "uv run main.py"


def command_for(data_folder: object) -> str:
    """The start of a command line for ``data_folder`` that runs as printed, from any folder (seen by a helper: "To
    put it back: main.py db restore ..." had no uv run and no --data-dir, and run so went to the default folder)."""
    return f"{command_as_run()} --data-dir {as_typed(data_folder)}"


def as_typed(path: object) -> str:
    """A path in a command line printed to be pasted as it stands: in single quotes on POSIX, where double quotes let
    a shell expand "$" and backquotes in it (seen by a tester: a data folder named with `id` in it ran id), and in
    double quotes on Windows, where no path holds one."""
    return f'"{path}"' if os.name == "nt" else shlex.quote(str(path))


def program_name() -> str:
    """The name ``--help`` gives the program: the installed program's own (``treadwell``; seen in review: an installed
    copy's help said "usage: main.py"), else ``main.py``."""
    return os.path.splitext(os.path.basename(sys.executable))[0] if getattr(sys, "frozen", False) else "main.py"


class Component(NamedTuple):
    """A bundled component (a plain tuple: this module is imported before the window's first paint)."""

    name: str
    version: str
    licence: str


# Licences of what the installer bundles (checked against each project's own licence file).
_BUNDLED_LICENCES: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0 (Qt for Python)",
    "PySide6_Pdf": "LGPL-3.0 (Qt PDF)",
    "pydantic": "MIT",
    "pydantic-core": "MIT",
    "reportlab": "BSD-3-Clause",
    "rl_accel": "BSD (ReportLab's C helpers)",
    "pillow": "MIT-CMU (HPND)",
    "sqlite-utils": "Apache-2.0",
    "platformdirs": "MIT",
    "pypdf": "BSD-3-Clause",
    "filelock": "Unlicense",
    "psycopg": "LGPL-3.0 (psycopg 3)",
    "psycopg-binary": "LGPL-3.0 (psycopg 3, with libpq under the PostgreSQL licence)",
}


def app_version() -> str:
    """The version in pyproject.toml."""
    return __version__


def _installed_version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def bundled_components() -> list[Component]:
    """Python, SQLite and every bundled library, for Help > About and the licence notice."""
    from core.storage.database import ENGINE_VERSION

    python = Component(
        name="Python", version=sys.version.split()[0], licence="PSF-2.0"
    )
    sqlite = Component(name="SQLite", version=ENGINE_VERSION, licence="Public domain")
    from core.resources import resource_path

    def font(name: str, version: str, licence: str, file: str) -> Component:  # the licence text as shipped
        return Component(name=f"{name} (handout font)", version=version,
                         licence=f"{licence} ({resource_path('fonts', file)})")

    # every font a handout may embed (seen in review: only DejaVu named, where Arabic and Chinese handouts embed
    # Noto Sans Arabic and Droid Sans Fallback); versions from each font's name table
    fonts = [font("DejaVu Sans", "2.37", "Bitstream Vera / DejaVu free font licence", "LICENSE-DejaVu.txt"),
             font("Noto Sans Arabic", "2.005", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
             font("Noto Sans Devanagari", "2.001", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
             font("Noto Sans Gurmukhi", "2.001", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
             font("Noto Sans Hebrew", "3.000", "SIL Open Font License 1.1", "LICENSE-Noto.txt"),
             font("Droid Sans Fallback", "1.00c", "Apache-2.0", "LICENSE-DroidSansFallback.txt")]
    libraries = [
        Component(name=name, version=_installed_version(name), licence=licence)
        for name, licence in _BUNDLED_LICENCES.items()
    ]
    return [python, sqlite, *fonts, *libraries]
