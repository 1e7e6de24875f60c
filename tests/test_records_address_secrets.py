"""A password taken out of a clinic database's address (the Settings window takes it out of the field): all of it,
or the address is given back empty. Seen in review: "grace:p@ssw0rd@server" left "ssw0rd" in the address, and
Save wrote it to settings.json."""

from __future__ import annotations

import pytest

from core.records_address import holds_a_secret, without_secrets


@pytest.mark.parametrize(("typed", "left"), [
    ("postgresql://grace:secret@clinic/treadwell", "postgresql://grace@clinic/treadwell"),
    ("postgresql://grace@clinic/t?sslmode=verify-full&password=x&sslrootcert=a.crt",
     "postgresql://grace@clinic/t?sslmode=verify-full&sslrootcert=a.crt"),
    ("postgresql://grace@clinic/t?pass%77ord=x", "postgresql://grace@clinic/t"),
    ("postgresql://grace:p@ssw0rd@server/treadwell", ""),  # a second "@": where the password ends is not sure
    ("postgresql://u?@/?%70assword", ""),  # a "?" in the user's part
])
def test_the_password_goes_whole_or_the_address_is_given_back_empty(typed: str, left: str) -> None:
    assert holds_a_secret(typed)
    assert without_secrets(typed) == left
    assert not holds_a_secret(left) and "ssw0rd" not in left and "secret" not in left
