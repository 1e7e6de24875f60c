"""The plain words of a bundle refusal: field paths shown only as identifiers, never text from the file."""

from __future__ import annotations


def shown_key(key: object) -> str:
    """A field name as it may appear in a message: a plain identifier, never arbitrary text from the file."""
    if isinstance(key, int):
        return str(key)
    if isinstance(key, str) and key.isascii() and key.isidentifier() and len(key) <= 40:
        return key
    return "(a field with an unusual name)"


def field_path(path) -> str:
    return ".".join(shown_key(part) for part in path)


def plain_message(item: dict) -> str:
    if item["type"] == "extra_forbidden":
        return "is not a field of a plan bundle here"
    if item["type"] == "missing":
        return "is required"
    message = item["msg"].removeprefix("Value error, ")
    return message[:1].lower() + message[1:]
