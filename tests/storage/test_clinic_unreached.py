"""A clinic server that cannot be reached is said with what it means and what to check, not "cannot be reached or
refused the sign-in" (seen by a clinic's tester: said of a server that was not running)."""

from __future__ import annotations

import pytest

from core.storage.clinic import connect
from core.storage.clinic_errors import ServerUnanswered
from tests.pg_server import free_port


def test_a_port_nothing_listens_on_is_said_to_be_a_server_not_running() -> None:
    port = free_port()  # a loopback port nothing listens on
    with pytest.raises(ServerUnanswered) as said:
        connect(f"postgresql://grace_okafor@127.0.0.1:{port}/treadwell")
    assert str(said.value).startswith("The clinic database cannot be reached: nothing answers at that address and "
                                      "port; the server is not running, or listens on another port. Check the address")
    assert "sign-in" not in str(said.value) and "Connection refused" in str(said.value)  # libpq's own words kept


def test_a_server_name_not_known_is_said_to_be_the_name() -> None:
    with pytest.raises(ServerUnanswered) as said:
        connect("postgresql://grace_okafor@no-such-server.invalid/treadwell")  # .invalid never resolves (RFC 2606)
    assert "no computer of that name is known to this workstation; check the server's name" in str(said.value)
