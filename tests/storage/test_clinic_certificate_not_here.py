"""An address naming a certificate file this workstation does not have is said to be this workstation's to mend.
Seen by a clinic's tester: "The clinic database refused this workstation's connection before any sign-in (...root
certificate file ... does not exist) ... or ask the clinic's administrator to let it in": the server refused nothing."""

from __future__ import annotations

import pytest

from core.storage.clinic import connect
from core.storage.clinic_errors import ClinicServerError, ServerUnanswered
from tests.conftest import ADMIN_SECRET


@pytest.mark.skipif(__import__("shutil").which("openssl") is None, reason="openssl is not installed (it makes the "
                    "test certificates)")
def test_a_certificate_file_not_on_this_workstation_is_said_so(tmp_path) -> None:
    from tests.pg_server import SKIP_REASON, server_programs, start_server

    if server_programs() is None:
        pytest.skip(SKIP_REASON)
    server = start_server(tls=True)
    try:
        missing = tmp_path / "clinic-ca.crt"
        address = (f"postgresql://treadwell_admin:{ADMIN_SECRET}@localhost:{server.port}/postgres"
                   f"?sslmode=verify-full&sslrootcert={missing}")
        with pytest.raises(ClinicServerError) as refused:
            connect(address)
        assert str(refused.value).startswith(f"This workstation has no file {missing}, the clinic's certificate that a "
                                             "safe connection to the clinic database checks the server against"), \
            refused.value
        assert "refused" not in str(refused.value) and not isinstance(refused.value, ServerUnanswered)
    finally:
        server.stop()
