"""Layers point one way (docs/architecture.md), checked on the source as the Qt boundary test is:

- the domain packages (core/plan, core/evidence, core/handout, core/records) import nothing from
  storage, the application layer or the front ends;
- storage imports the domain, never the application layer or the front ends;
- the front ends (ui/, core/commands/, main.py) reach records and evidence through the application
  layer (core/workspace), never through storage;
- only core/storage opens a database or runs SQL: no other module imports a database driver or
  holds SQL text.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ("core/plan", "core/evidence", "core/handout", "core/records")
DRIVERS = {"sqlite3", "sqlite_utils", "psycopg", "psycopg2"}
RUNS_SQL = {"execute", "executemany", "executescript", "transaction"}  # a driver's calls, whatever the SQL's words
SQL = re.compile(r"^\s*(select\s.+\sfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+(table|index|virtual|trigger)"
                 r"|drop\s+(table|index)|alter\s+table|pragma\s)", re.IGNORECASE | re.DOTALL)


def modules(*folders: str) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        path = REPO_ROOT / folder
        found += [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return found


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def reaching(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [f"{path.relative_to(REPO_ROOT)} imports {name}" for path in paths for name in sorted(imported(path))
            if any(name == f or name.startswith(f + ".") for f in forbidden)]


def test_the_domain_imports_no_storage_application_or_front_end() -> None:
    assert not reaching(modules(*DOMAIN), ("core.storage", "core.workspace", "core.commands", "core.cli", "ui"))


def test_storage_imports_the_domain_only() -> None:
    assert not reaching(modules("core/storage"), ("core.workspace", "core.commands", "core.cli", "ui"))


def test_the_front_ends_go_through_the_application_layer() -> None:
    assert not reaching(modules("ui", "core/commands", "core/cli.py", "main.py"), ("core.storage",))


def test_only_storage_opens_a_database_or_runs_sql() -> None:
    outside = [p for p in modules("core", "ui", "main.py") if "core/storage" not in p.relative_to(REPO_ROOT).as_posix()]
    drivers = [f"{p.relative_to(REPO_ROOT)} imports {name}" for p in outside for name in imported(p)
               if name.split(".")[0] in DRIVERS]
    sql = [f"{p.relative_to(REPO_ROOT)}:{node.lineno}" for p in outside
           for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
           if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)
           or isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS_SQL]
    assert not drivers and not sql, drivers + sql  # seen in review: 'select session_user' run from the self-test


def test_the_checks_see_the_layers() -> None:
    assert modules(*DOMAIN) and modules("core/storage") and modules("core/workspace") and modules("ui")
    assert "core.storage" in imported(REPO_ROOT / "core/storage/sqlite_records.py")
    assert SQL.match("select id from plans") and SQL.match("PRAGMA journal_mode") and not SQL.match("with --save: the id")
