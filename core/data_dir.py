"""The one folder every file the app writes goes under: database, backups, settings and logs."""

from __future__ import annotations

import os
from pathlib import Path

from core.app_info import APP_AUTHOR, APP_NAME

PRIVATE_DIR_MODE = 0o700


class DataDirError(Exception):
    """The data directory cannot be created or written; the message is for the clinician."""


class DataDir:
    """Paths inside the data directory; ``prepare`` creates them, private to this user on POSIX."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.made_far = False  # prepare made the folder and the one it is in: neither existed

    @classmethod
    def default(cls) -> DataDir:
        import platformdirs  # only when no --data-dir is given

        return cls(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)))

    @property
    def database_path(self) -> Path:
        return self.root / "treadwell.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def settings_path(self) -> Path:
        return self.root / "settings.json"

    @property
    def lock_path(self) -> Path:
        """Held by the one process writing to this folder (see core.storage.lock)."""
        return self.root / "treadwell.lock"

    @property
    def font_cache_dir(self) -> Path:
        """Figures read from the handout's fonts, kept between runs (core/handout/font_cache.py)."""
        return self.root / "cache" / "fonts"

    @property
    def qt_settings_dir(self) -> Path:
        """What Qt remembers by itself, its file dialog's last folders (seen in a try: written outside the data folder,
        to ~/.config/QtProject.conf, on Linux; on Windows and macOS the system's own file dialog keeps them)."""
        return self.root / "qt"

    @property
    def window_state_path(self) -> Path:
        """Qt window geometry (QSettings, INI format), kept apart from the clinician's settings."""
        return self.root / "window-state.ini"

    def prepare(self) -> DataDir:
        self.made_far = not self.root.parent.is_dir()
        try:
            for folder in (self.root, self.backups_dir, self.logs_dir):
                if folder.is_dir():
                    continue  # an existing folder keeps the permissions its owner gave it
                try:
                    folder.mkdir(parents=True)
                except FileExistsError:
                    if folder.is_dir():
                        continue  # another Treadwell process starting at the same moment made it
                    raise DataDirError(f"Cannot use the data folder {self.root}: {folder} is a file, not a folder. "
                                       "Choose another folder with --data-dir, or move that file away.") from None
                except NotADirectoryError:
                    raise DataDirError(f"Cannot use the data folder {self.root}: part of its path is a file, not a "
                                       "folder. Choose another folder with --data-dir.") from None
                if os.name == "posix":
                    folder.chmod(PRIVATE_DIR_MODE)
        except OSError as error:
            raise DataDirError(
                f"Cannot use the data folder {self.root}: {error.strerror or error}. "
                "Choose another folder with --data-dir or check its permissions."
            ) from error
        return self

    def check_writable(self) -> None:
        """Write, read back and remove a scratch file; raises DataDirError with a plain reason."""
        try:
            import tempfile  # only the self-test checks: kept off the window's start-up path

            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".write-check-", delete=True) as probe:
                probe.write(b"treadwell")
                probe.flush()
                probe.seek(0)
                if probe.read() != b"treadwell":
                    raise DataDirError(f"The data folder {self.root} did not return what was written.")
        except OSError as error:
            raise DataDirError(f"The data folder {self.root} is not writable: {error.strerror or error}.") from error
