"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, on a free
loopback port, stopped and removed afterwards. Where PostgreSQL's server programs are not installed
the tests that need it are skipped with that reason (``.ci/run`` installs them and fails on the skip).

As root (CI containers), the server runs as the ``postgres`` system user, as PostgreSQL requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN_PASSWORD = "admin-secret"  # the throwaway server's superuser; never a real clinic's
SKIP_REASON = ("PostgreSQL's server programs (initdb, pg_ctl) are not installed; on Debian: "
               "apt-get install postgresql")
ADMIN = "treadwell_admin"


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    """A loopback port nothing listens on now (the kernel's choice, so no other test's server holds it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def without_password(url: str) -> tuple[str, dict[str, str]]:
    """A URL with its password taken out, and the environment that gives libpq the password instead, as a
    clinic does (Treadwell refuses a password on its command line, where the shell's history keeps it)."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url, {}
    netloc = parts.netloc.replace(f":{parts.password}@", "@", 1)
    return urlunsplit(parts._replace(netloc=netloc)), {"PGPASSWORD": parts.password}


@dataclass
class Server:
    folder: Path
    port: int
    bin: Path
    _as_user: list[str]
    options: str = ""

    @property
    def admin_url(self) -> str:
        return self.url(ADMIN, "postgres", ADMIN_PASSWORD)

    def url(self, user: str = ADMIN, database: str = "treadwell", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def pause(self) -> None:
        """Stop the server, keeping its data (a clinic's server going down)."""
        subprocess.run([*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
                        "-w", "stop"], check=True, capture_output=True, timeout=60)

    def resume(self) -> None:
        subprocess.run([*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-l",
                        str(self.folder / "server.log"), "-o", self.options, "start"], check=True, capture_output=True,
                       timeout=120)

    def stop(self) -> None:
        subprocess.run([*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A test CA and a server certificate for 127.0.0.1 and localhost signed by it (openssl): (ca, cert, key)."""
    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=60)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Treadwell test CA",
            "-keyout", "ca.key", "-out", "ca.crt")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
            "-out", "server.csr")
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n", encoding="utf-8")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-extfile", "san.ext", "-out", "server.crt")
    return folder / "ca.crt", folder / "server.crt", folder / "server.key"


def start_server(*, tls: bool = False) -> Server:
    """``tls``: the server takes only TLS connections over TCP, with a certificate from a test CA
    (``Server.folder / "ca.crt"``)."""
    programs = server_programs()
    if programs is None:
        raise RuntimeError(SKIP_REASON)
    folder = Path(tempfile.mkdtemp(prefix="treadwell-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
        folder.chmod(0o700)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    password_file = folder / "admin-password"
    password_file.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    if as_user:
        shutil.chown(password_file, "postgres")
    subprocess.run([*as_user, str(programs / "initdb"), "-D", str(data), "-U", ADMIN, "-A", "scram-sha-256",
                    "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile", str(password_file), "-E", "UTF8",
                    "--no-instructions"], check=True, capture_output=True, timeout=120)
    password_file.unlink()
    port = free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    tcp = "host"
    if tls:
        _, certificate, key = make_certificates(folder)
        for made in folder.iterdir():
            if as_user and made.is_file():
                shutil.chown(made, "postgres")
        key.chmod(0o600)
        options += f" -c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}"
        tcp = "hostssl"
    with open(data / "pg_hba.conf", "w", encoding="utf-8") as hba:  # as a clinic sets it: passwords over TCP
        hba.write(f"local all all trust\n{tcp} all all 127.0.0.1/32 scram-sha-256\n")
    subprocess.run([*as_user, str(programs / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "server.log"),
                    "-o", options, "start"], check=True, capture_output=True, timeout=120)
    return Server(folder=folder, port=port, bin=programs, _as_user=as_user, options=options)



def main() -> int:
    """``python -m tests.pg_server COMMAND ... {url} ...``: run COMMAND against a fresh clinic database on a
    throwaway server (``{url}`` is replaced by a clinician's sign-in URL), then stop the server. CI runs the
    frozen bundle's self-test this way."""
    import sys

    from core.storage.clinic import add_clinician, init_clinic

    command = sys.argv[1:]
    if not command:
        print(main.__doc__, file=sys.stderr)
        return 2
    if server_programs() is None:
        print(SKIP_REASON, file=sys.stderr)
        return 1
    server = start_server()
    try:
        import psycopg

        with psycopg.connect(server.admin_url, autocommit=True) as admin:
            admin.execute("create database treadwell")
        admin_url = server.url(database="treadwell", password=ADMIN_PASSWORD)
        init_clinic(admin_url)
        add_clinician(admin_url, "ci_clinician", "ci-clinician-secret")
        url, password = without_password(server.url("ci_clinician", "treadwell", "ci-clinician-secret"))
        return subprocess.run([part.replace("{url}", url) for part in command],
                              env={**os.environ, **password}).returncode
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
