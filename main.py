"""Treadwell's entry point: arguments, logging and crash hooks, then a command or the window."""

from __future__ import annotations

import logging
import os
import sys


def _cancelled_quietly(kind, value, trace) -> None:
    """Ctrl+C before a command's own handling of it (run_command) or the window's: a line, not a traceback (seen by
    a tester: a traceback ending in KeyboardInterrupt, from Ctrl+C while the imports below ran)."""
    if issubclass(kind, KeyboardInterrupt):
        print("Cancelled while Treadwell was starting: nothing was saved.", file=sys.stderr)
    else:
        sys.__excepthook__(kind, value, trace)


if __name__ == "__main__":  # before the imports; the crash handlers take over once they are installed
    sys.excepthook = _cancelled_quietly

from core import cli, collector  # noqa: E402
from core.crash import install_crash_handlers, stderr_reporter  # noqa: E402
from core.data_dir import DataDir, DataDirError  # noqa: E402
from core.handout import font_cache  # noqa: E402
from core.logging_setup import LogUnavailable, configure_logging  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    collector.collect_less_often()
    for name in ("stdout", "stderr"):  # a windowed build (Windows, macOS) started without a console has neither
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open for the whole run)
    if os.name == "posix":
        os.umask(0o077)  # every file and folder the app creates is private to this user (0600 / 0700)
    args = cli.parse_args(argv)
    if args.version:
        return cli.print_answer(cli.print_version)
    try:
        data_dir = (DataDir(args.data_dir) if args.data_dir else DataDir.default()).prepare()
    except DataDirError as error:
        print(error, file=sys.stderr)
        return cli.EXIT_BAD_INPUT
    if data_dir.made_far and args.data_dir and args.command is not None:  # seen by a tester: a mistyped folder, or
        # one on a share not connected, opened as new, empty records without a word ("No plans are saved yet", exit 0)
        print(f"Neither {data_dir.root} nor the folder it is in existed, so both were made, a new data folder with no "
              "records yet: if records were expected there, check the folder's name, and that its drive or share is "
              "connected.", file=sys.stderr)
    font_cache.use_folder(data_dir.font_cache_dir)
    try:
        configure_logging(data_dir)
    except LogUnavailable as error:
        print(error, file=sys.stderr)
    headless = args.self_test or args.command is not None or args.screenshots is not None
    if headless:
        logging.getLogger("treadwell").info("%s starting", cli.version_line())
    if headless or args.no_crash_dialog:
        install_crash_handlers(stderr_reporter)
    if args.self_test:
        from core.workspace.selftest import core_checks, run_checks
        from ui.selftest import qt_checks

        def checks_passed() -> int:
            results = run_checks([*core_checks(data_dir, args.records), *qt_checks(data_dir)], sys.stdout)
            return cli.EXIT_OK if all(result.passed for result in results) else cli.EXIT_FAILURE

        return cli.print_answer(checks_passed)
    if args.command is not None:
        status = cli.run_command(args, data_dir)
        collector.skip_final_collection()
        return status
    if args.screenshots is not None:
        if args.screenshots.exists() and not args.screenshots.is_dir():
            print(f"--screenshots: {args.screenshots} is a file; give a folder for the pictures.", file=sys.stderr)
            return cli.EXIT_BAD_INPUT
        try:
            args.screenshots.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"--screenshots: the folder {args.screenshots} cannot be made ({error.strerror}); give another.",
                  file=sys.stderr)
            return cli.EXIT_BAD_INPUT
        from ui.screenshots import take_screenshots

        def print_pictures() -> int:
            for path in take_screenshots(args.screenshots):
                print(path)
            return cli.EXIT_OK

        return cli.print_answer(print_pictures)
    from ui.app import run_app

    return run_app(data_dir, smoke_start=args.smoke_start, crash_dialog=not args.no_crash_dialog,
                   records_url=args.records)


if __name__ == "__main__":
    sys.exit(main())
