"""A database file that cannot be written in a folder that can, and a lock another program holds on it: each said as
what it is (seen by a tester: a read-only file was said to be a read-only folder, and a lock held by another program
was blamed on "another Treadwell window or command", which Treadwell's own lock file rules out)."""

from __future__ import annotations

import sqlite3

from core.storage.database import plain_storage_error
from tests.hostile.test_unusable_folders import PROFILE, make_read_only, make_writable


def test_a_read_only_database_file_is_said_to_be_the_file(run_main, tmp_path) -> None:
    data = tmp_path / "data"
    assert run_main("plan", PROFILE, "--save", data_dir=data).returncode == 0
    paths = make_read_only(data / "treadwell.sqlite3")
    try:
        refused = run_main("plan", PROFILE, "--save", data_dir=data)
    finally:
        make_writable(paths)
    assert refused.returncode != 0
    assert f"The database file {data / 'treadwell.sqlite3'} cannot be written (it is marked read-only, or belongs " \
           "to another user)" in refused.stderr and "data folder" not in refused.stderr


def test_a_lock_another_program_holds_is_said_to_be_another_programs(tmp_path) -> None:
    path = tmp_path / "records.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("create table t (x)")
    holder.execute("begin exclusive")  # as a database viewer's open write
    writer = sqlite3.connect(path, timeout=0)
    try:
        writer.execute("insert into t values (1)")
    except sqlite3.OperationalError as error:
        said = plain_storage_error(error)
    finally:
        writer.close()
        holder.close()
    assert said == ("The database is locked by another program (a database viewer, a backup or sync tool?), so "
                    "nothing was saved. Close that program and try again.")


def test_a_restore_that_cannot_move_the_database_aside_says_so_in_words(run_main, tmp_path) -> None:
    """Seen by a tester: "The backup could not be restored: [Errno 1] Operation not permitted: '/…' -> '/…'"."""
    import os

    import pytest

    if os.geteuid() != 0:
        pytest.skip("only the immutable flag (root) stops a file in a writable folder from being moved")
    data = tmp_path / "data"
    assert run_main("plan", PROFILE, "--save", data_dir=data).returncode == 0
    backup = run_main("db", "backup", data_dir=data).stdout.split("Backed up and verified: ", 1)[1].split()[0]
    paths = make_read_only(data / "treadwell.sqlite3")
    try:
        refused = run_main("db", "restore", backup, data_dir=data)
    finally:
        make_writable(paths)
    assert refused.returncode == 1 and "[Errno" not in refused.stderr
    assert refused.stderr.strip() == ("The backup could not be restored: Operation not permitted (treadwell.sqlite3). "
                                      "The database in use was left in place; check that its folder and file can be "
                                      "written.")
