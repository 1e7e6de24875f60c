"""The address of a clinic's PostgreSQL server for the patient records, as Settings and ``--records`` take it:
a postgresql:// address, never with a password in it (libpq's password or service file holds it, or the
clinician types it when asked; docs/clinic-server.md). Standard library only: the command line checks it
before anything heavy loads."""

from __future__ import annotations


def checked_address(value: str) -> str:
    """The address, stripped; "" for none. Raises ValueError with a sentence saying what is allowed."""
    from urllib.parse import urlsplit

    value = value.strip()
    if not value:
        return value
    if not value.startswith(("postgresql://", "postgres://")):
        raise ValueError("must be a PostgreSQL address such as postgresql://grace_okafor@clinic-server/treadwell")
    if any(character.isspace() for character in value):
        raise ValueError("must not hold spaces: a user or database name with a space is written %20")
    try:
        parts = urlsplit(value)
        if parts.port == 0:  # a port that is not a number from 0 to 65535 raises ValueError itself
            raise ValueError
    except ValueError:
        raise ValueError("is not a valid address: the port, after the server's name and a colon, is a number "
                         "from 1 to 65535 (5432 when left out)") from None
    secrets = _secrets_as_libpq_reads_them(value)
    if parts.password is not None or secrets:
        # sslpassword unlocks a client certificate's key, which libpq's password file does not hold
        key = "; a client key's passphrase stays out of it too" if "sslpassword" in secrets else ""
        raise ValueError("must not hold a password (a file or a command line keeps it where others can read it): "
                         "use libpq's password file, or PGPASSWORD in a terminal session only (the window asks for "
                         f"a clinician's when none is on file){key}")
    return value


SECRET_KEYS = {"password", "sslpassword"}  # sslpassword: the one that unlocks a client certificate's key


def _secrets_as_libpq_reads_them(address: str) -> set[str]:
    """The secrets where libpq finds them: "password" after a ``:`` in the user part (up to the first ``@`` before a
    ``/``), and ``password=`` or ``sslpassword=`` in the query (everything after the first ``?`` past the user part,
    split at ``&``, each key percent-decoded; libpq knows no ``#`` fragment). Seen in testing and review:
    ``pass%77ord=``, ``?x=1#&password=``, ``#?password=`` and ``gr?ace:secret@`` each signed in with the password in
    the address."""
    from urllib.parse import unquote

    rest = address.split("://", 1)[1]
    head = rest.split("/", 1)[0]
    user = head.split("@", 1)[0] if "@" in head else ""
    after_user = rest[len(user) + 1:] if user or head.startswith("@") else rest
    query = after_user.split("?", 1)[1] if "?" in after_user else ""
    keys = {unquote(pair.split("=", 1)[0]).strip().lower() for pair in query.split("&")}
    return (keys & SECRET_KEYS) | ({"password"} if ":" in user else set())


def holds_a_secret(address: str) -> bool:
    """Whether libpq would find a password in ``address`` (one written as a PostgreSQL address)."""
    return "://" in address and bool(_secrets_as_libpq_reads_them(address))


def without_secrets(address: str) -> str:
    """``address`` with the password after the user's name and any ``password=`` or ``sslpassword=`` of its query
    taken out; "" where a part of one could be left (a second "@", as in a password with one in it: seen in review,
    "grace:p@ssw0rd@server" left "ssw0rd"; a "?" before the query), or one would still be found."""
    from urllib.parse import unquote

    scheme, rest = address.split("://", 1)
    head = rest.split("/", 1)[0]
    if rest.count("@") > 1 or "?" in head.split("@", 1)[0] and "@" in head:
        return ""
    user = head.split("@", 1)[0] if "@" in head else ""
    rest = user.split(":", 1)[0] + rest[len(user):]
    if "?" in rest:
        rest, query = rest.split("?", 1)
        kept = [pair for pair in query.split("&") if unquote(pair.split("=", 1)[0]).strip().lower() not in SECRET_KEYS]
        rest += "?" + "&".join(kept) if kept else ""
    plain = f"{scheme}://{rest}"
    return "" if holds_a_secret(plain) else plain


def address_argument(text: str) -> str:
    """``checked_address`` as an argparse type: a password on the command line is refused like one in Settings
    (the shell's history and the process list would keep it)."""
    import argparse

    if not text.strip():  # an unset variable in a script: never taken to mean this workstation's records
        raise argparse.ArgumentTypeError("must be a PostgreSQL address such as postgresql://grace_okafor@clinic-server/"
                                         "treadwell; it is empty")
    try:
        return checked_address(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
