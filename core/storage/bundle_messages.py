"""The plain words of a bundle refusal: the record and the field a problem is in ("version 2 plan: weeks.0.main_min",
"session log 3: week"), field paths shown only as identifiers, never text from the file."""

from __future__ import annotations

from core.inputs import said_plainly


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
    return said_plainly(item["msg"])  # as every input's messages: "must be at most 20"


def _version_name(raw: dict, index: int) -> str:
    try:
        number = raw["content"]["versions"][index]["version"]
    except (KeyError, IndexError, TypeError):
        number = None
    return f"version {number}" if type(number) is int and 1 <= number <= 1_000_000 else f"version entry {index + 1}"


def record_and_field(raw: dict, path) -> str:
    """The record and field of a path in the file: 'version 2 plan: weeks.0.main_min', 'session log 3: week'."""
    path = list(path)
    if len(path) > 1 and path[0] == "content":
        path = path[1:]
        if len(path) >= 2 and path[0] == "versions" and isinstance(path[1], int):
            record, rest = _version_name(raw, path[1]), path[2:]
            if rest and rest[0] in ("profile", "plan"):
                record, rest = f"{record} {rest[0]}", rest[1:]
            elif len(rest) >= 2 and rest[0] == "overrides" and isinstance(rest[1], int):
                record, rest = f"{record} override {rest[1] + 1}", rest[2:]
            return f"{record}: {field_path(rest)}" if rest else record
        if len(path) >= 2 and path[0] == "session_logs" and isinstance(path[1], int):
            record, rest = f"session log {path[1] + 1}", path[2:]
            return f"{record}: {field_path(rest)}" if rest else record
    return field_path(path) if path else "bundle"
