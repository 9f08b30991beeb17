"""Placeholder: the abbreviation table is filled in by the units work."""

from __future__ import annotations


def canonical_form(name: str) -> str:
    return name
