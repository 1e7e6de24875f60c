"""A source as a clinician reads it beside a statement: "Label, doi:10.x/y (unverified)". One wording for the plan's
sources (core/plan/guidelines.py Source) and the evidence library's citations (core/evidence/models.py Citation)."""

from __future__ import annotations


from collections.abc import Iterable
from typing import Protocol


class Cited(Protocol):
    def cited(self) -> str: ...


def cited(label: str, doi: str | None, unverified: bool) -> str:
    return label + (f", doi:{doi}" if doi else "") + (" (unverified)" if unverified else "")


def cited_together(sources: Iterable[Cited]) -> str:
    """Sources as one line: "Shepherd & Gollnick 1976, Pflügers Arch, doi:...; ..."."""
    return "; ".join(source.cited() for source in sources)
