"""Counts in words, as the clinic reads them: "1 plan version", "3 sessions" (seen in review: "1 plan version(s)
(plan ids 1) and 3 session(s)")."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, or its ``plural`` (``noun`` + "s" unless given) where ``n`` is not 1."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def listed(items) -> str:
    """"2", "2 and 5", "2, 5 and 7": items as a sentence lists them."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
