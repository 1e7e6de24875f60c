"""A relay in front of the throwaway PostgreSQL server that loses the answer to a COMMIT: the server has saved, and
the workstation hears only that the connection dropped (a network cut at the wrong moment, a switch restarting)."""

from __future__ import annotations

import re
import socket
import threading
from urllib.parse import urlsplit, urlunsplit


COMMIT = re.compile(rb"(?<![A-Z])COMMIT(?![A-Z])")  # the statement, not "BEGIN ISOLATION LEVEL READ COMMITTED"


class AnswerLostAfterCommit:
    """Passes everything through, until armed: then the next COMMIT goes on to the server, and the connection is
    dropped at the server's answer instead of passing it back."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self._server = (parts.hostname, parts.port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.port}",
                                                                         f":{self._listener.getsockname()[1]}")))
        self.armed = threading.Event()
        self.answer_lost = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            server = socket.create_connection(self._server)
            committing = threading.Event()
            threading.Thread(target=self._to_server, args=(client, server, committing), daemon=True).start()
            threading.Thread(target=self._to_client, args=(server, client, committing), daemon=True).start()

    def _to_server(self, client: socket.socket, server: socket.socket, committing: threading.Event) -> None:
        while data := _received(client):
            if self.armed.is_set() and COMMIT.search(data):
                self.armed.clear()
                committing.set()
            try:
                server.sendall(data)
            except OSError:
                break
        _close(client, server)

    def _to_client(self, server: socket.socket, client: socket.socket, committing: threading.Event) -> None:
        while data := _received(server):
            if committing.is_set():  # the server committed: its answer is lost with the connection
                self.answer_lost.set()
                break
            try:
                client.sendall(data)
            except OSError:
                break
        _close(client, server)


def _received(part: socket.socket) -> bytes:
    try:
        return part.recv(65536)
    except OSError:
        return b""


def _close(*parts: socket.socket) -> None:
    for part in parts:
        try:
            part.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        part.close()
