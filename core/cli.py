"""The command line: options shared by every mode, and dispatch to the headless commands."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from core.app_info import APP_NAME, app_version, program_name
from core.commands import add_parsers, command_runner
from core.clinic_log import CLINIC_LOG
from core.crash import CANCELLED
from core.data_dir import DataDir

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_CANCELLED = 130  # Ctrl+C, as shells count it (128 + SIGINT)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line. Opening the window (options only, no command, no help) skips building the
    grammar of every command, which would cost the window's start a few milliseconds for nothing."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(argv):
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
        if not rest:
            args.command = None
            return args
    parser = build_parser()
    _tell_every_parser(parser, argv)
    return parser.parse_args(argv)


BEFORE_THE_COMMAND = ("--data-dir", "--records")


class _Parser(argparse.ArgumentParser):
    given: list[str] = []  # the whole command line, for the error messages
    known: frozenset[str] = frozenset()  # the options of the commands it names
    named = ""  # the deepest command it names, as in "main.py sessions add"

    def error(self, message: str):  # noqa: ANN201 - argparse's own signature
        """Seen in review: "plan PROFILE --data-dir D" said only "unrecognized arguments: --data-dir D"."""
        mistyped = self._mistyped_option()
        if mistyped and (message.startswith(("unrecognized arguments", "the following arguments are required"))
                         or "invalid choice" in message):
            super().error(mistyped)  # the rest of argparse's message follows from the mistyped option
        given = message.removeprefix("unrecognized arguments: ").split() if "unrecognized arguments" in message else []
        misplaced = [option for option in BEFORE_THE_COMMAND if any(word.split("=")[0] == option for word in given)]
        if misplaced:
            message += (f" ({' and '.join(misplaced)} go{'es' if len(misplaced) == 1 else ''} before the command, "
                        f"as in: {program_name()} {misplaced[0]} ... plan PROFILE.json)")
        if message.startswith(("argument COMMAND: invalid choice", "unrecognized arguments")):
            message += self._after_the_command()
        super().error(message)

    def _mistyped_option(self) -> str:
        """Seen by a tester: "evidence --serch pain" said only "invalid choice: 'pain'" (the word after an option
        no command has was read as an action), "--data-dri D plans list" "invalid choice: 'D'"."""
        for word in self.given:
            if word == "--":
                break
            option = word.split("=")[0]
            if option.startswith("--") and not any(known.startswith(option) for known in self.known):
                close = difflib.get_close_matches(option, self.known, n=1)  # the command's own, and those before it
                return f"{option} is not an option" + (f"; did you mean {close[0]}?" if close else
                                                       f" (see {self.named} --help)")
        return ""

    def _after_the_command(self) -> str:
        """Seen in review: "main.py --date 2026-01-01 progress 1" said only "invalid choice: '2026-01-01'" (the
        date read as the command), "main.py --clinician-summary plan P" only "unrecognized arguments"."""
        names = {name for action in self._actions if isinstance(action, argparse._SubParsersAction)
                 for name in action.choices}
        for word in self.given:
            option = word.split("=")[0]
            if option in names:
                break  # after the command, an option is the command's own to refuse
            commands = _commands_taking(self, option) if option not in self._option_string_actions else []
            if option.startswith("--") and commands:
                listed = " and ".join([", ".join(commands[:-1]), commands[-1]] if len(commands) > 1 else commands)
                return f" ({option} goes after the command: it is an option of {listed})"
        return ""


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser and every command's and subcommand's under it."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += _parsers(command)
    return found


def _tell_every_parser(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """Each parser is given the command line and the options of the commands it names (main.py's, then
    "sessions", then "sessions add"): a mistyped option is told the nearest of those, not another command's."""
    known, command = set(), parser
    for word in argv:
        known |= {option for option in command._option_string_actions if option.startswith("--")}
        choices = [action.choices for action in command._actions if isinstance(action, argparse._SubParsersAction)]
        command = choices[0].get(word, command) if choices else command
    known |= {option for option in command._option_string_actions if option.startswith("--")}
    for each in _parsers(parser):
        each.given, each.known, each.named = argv, frozenset(known), command.prog


def _commands_taking(parser: argparse.ArgumentParser, option: str, prefix: str = "") -> list[str]:
    """The commands ("sessions add" for a subcommand's) that take ``option``."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                if option in command._option_string_actions:
                    found.append(prefix + name)
                found += _commands_taking(command, option, f"{prefix}{name} ")
    return found


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=program_name(),
        description=f"{APP_NAME}: moderate treadmill plans for neuropathic pain, with the evidence behind them. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="store_true", help="print the name and version, then exit")
    parser.add_argument(
        "--data-dir",
        type=_folder,
        metavar="DIR",
        help="folder for everything the app writes: database, backups, settings, logs "
        "(default: the platform's user data folder, see the README)",
    )
    parser.add_argument("--records", metavar="URL", type=_address,
                        help="keep patient records on the clinic's PostgreSQL server, e.g. "
                             "postgresql://grace_okafor@clinic-server/treadwell (the password from libpq's password "
                             "or service file), and the studies the clinic imports; the shipped evidence library "
                             "stays on this workstation")
    parser.add_argument("--self-test", action="store_true", help="check every capability of this build, headless")
    parser.add_argument(
        "--smoke-start", action="store_true", help="open the window, exit 0 once it has been shown and painted"
    )
    parser.add_argument("--screenshots", type=_folder, metavar="DIR",
                        help="save a PNG of each main view, with a sample patient, into DIR")
    parser.add_argument(
        "--no-crash-dialog",
        action="store_true",
        default=os.environ.get("TREADWELL_NO_CRASH_DIALOG") == "1",
        help="report unexpected errors on stderr instead of a dialog (also TREADWELL_NO_CRASH_DIALOG=1)",
    )
    if with_commands:
        add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser


def _folder(text: str) -> Path:
    if not text.strip():  # Path("") is the current folder: never what an empty value meant
        raise argparse.ArgumentTypeError("must name a folder; it is empty")
    return Path(text)


def _address(text: str) -> str:
    from core.records_address import address_argument  # loaded only when the option is given

    return address_argument(text)


def version_line() -> str:
    return f"{APP_NAME} {app_version()}"


def print_version() -> int:
    print(version_line())
    return EXIT_OK


def clinic_database_of(data_dir: DataDir) -> str | None:
    """The clinic server chosen in Settings (None: this workstation's own records), read even where another
    setting is invalid (a command that reads the settings says so itself). Seen in review: a tab in the clinic's
    name made ``evidence`` read, and ``evidence import`` write, this workstation's library, not the clinic's.
    Raises SettingsError where the file cannot be read or the address is not valid."""
    from core.settings import clinic_address

    return clinic_address(data_dir.settings_path) or None


READ_NO_OTHER_SETTING = ("evidence", "etiologies")  # so they cannot say a settings file is unreadable themselves


def run_command(args: argparse.Namespace, data_dir: DataDir) -> int:
    """Run one headless command; storage problems become one plain line on stderr and exit 1."""
    from core.workspace.errors import (
        ClinicServerError, DataDirBusy, DatabaseError, StorageFailure, for_the_command_line, plain_error,
        plain_storage_error,
    )

    from core.commands.output import OutputNotWritten, terminal_safe_output
    from core.workspace.exports import ExportNotRecorded

    from core.settings import SettingsError

    if getattr(args, "records", None) is None:
        try:
            args.records = clinic_database_of(data_dir)
        except SettingsError as error:  # where the records are is not known: never this workstation's unsaid
            if args.command in READ_NO_OTHER_SETTING:
                print(error, file=sys.stderr)
                return EXIT_BAD_INPUT
            args.records = None  # the command reads the settings and says what is wrong (db check needs none)
    with reader_may_stop(), terminal_safe_output():
        try:
            status = command_runner(args.command)(args, data_dir)
            sys.stdout.flush()  # here, where a failure is said, not at exit
            return status
        except OutputNotWritten as error:
            _quiet_stdout()
            print(f"The command's output could not be written ({error}), so it may have stopped before it finished. "
                  "Anything it saved is saved: check with the list commands before running it again.", file=sys.stderr)
        except (DatabaseError, DataDirBusy, ClinicServerError) as error:
            if isinstance(error, ClinicServerError):  # for the clinic's IT, as the window logs it (README, logs/)
                CLINIC_LOG.warning("clinic database: %s not done: %s", args.command, error)
            print(for_the_command_line(str(error)), file=sys.stderr)
        except ExportNotRecorded as error:
            # for the clinic's IT, as its other refusals are; not the file's path, which may name the patient
            if args.records is not None:
                CLINIC_LOG.warning("clinic database: %s: an export's audit entry not recorded", args.command)
            print(error, file=sys.stderr)
        except StorageFailure as error:
            print(plain_storage_error(error), file=sys.stderr)
        except KeyboardInterrupt:  # seen in review: Ctrl+C at a prompt, or waiting for the data folder, a traceback
            print(CANCELLED, file=sys.stderr)
            return EXIT_CANCELLED
        except Exception as error:
            psycopg = sys.modules.get("psycopg")  # imported only in clinic mode
            if psycopg is None or not isinstance(error, psycopg.Error):
                raise
            first_line = plain_error(error)
            # the kind and its code only: a server's detail may quote a record's values
            CLINIC_LOG.warning("clinic database: %s not done: %s (SQLSTATE %s)", args.command, type(error).__name__,
                               error.sqlstate or "none")
            if isinstance(error, psycopg.errors.InsufficientPrivilege):  # waiting would not help
                print(f"The clinic database refused this to the role signed in ({first_line}); nothing was changed. "
                      "Ask the clinic's administrator.", file=sys.stderr)
            elif isinstance(error, (psycopg.errors.LockNotAvailable, psycopg.errors.QueryCanceled)):  # seen in review:
                print("The clinic database did not complete this in time: another workstation may be holding the "
                      "same records. Nothing was changed; try again in a moment.", file=sys.stderr)  # "when it answers"
            elif isinstance(error, psycopg.OperationalError):  # seen in review: dropped as COMMIT's answer came back
                print(f"The clinic database did not answer ({first_line}). Each change is one transaction: saved "
                      "whole, or not at all, and one made just as the connection dropped may be saved. Check with the "
                      "list commands before running it again.", file=sys.stderr)
            elif isinstance(error, psycopg.errors.ForeignKeyViolation):  # seen in review: the constraint's raw text
                print("Nothing was saved: the record it belongs to was deleted meanwhile, on another workstation. "
                      "The list commands show what is there now.", file=sys.stderr)
            else:
                print(f"The clinic database did not complete the request ({first_line}). Each change is one "
                      "transaction, so nothing was half-written; try again when the server answers.", file=sys.stderr)
    return EXIT_FAILURE


@contextmanager
def reader_may_stop():
    """Output read by a program that stops reading (``| head``) ends quietly: not a crash, nothing more to say."""
    try:
        yield
    except BrokenPipeError:
        _quiet_stdout()


def _quiet_stdout() -> None:
    """Standard output from here on goes nowhere, so the interpreter's final flush does not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def print_answer(answer: Callable[[], int]) -> int:
    """Run what prints an answer outside the commands (``--version``, ``--self-test``): a reader that stops ends
    quietly, and output that cannot be written (a full disk) is one line on standard error and exit 1. Seen by a
    tester: ``--version > /dev/full`` ended in a traceback."""
    from core.commands.output import OutputNotWritten, terminal_safe_output

    with reader_may_stop(), terminal_safe_output():
        try:
            status = answer()
            sys.stdout.flush()
            return status
        except OutputNotWritten as error:
            _quiet_stdout()
            print(f"The output could not be written ({error}).", file=sys.stderr)
    return EXIT_FAILURE
