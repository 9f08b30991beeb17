"""Reading published plan documents into the model (placeholder until the reader lands)."""

from __future__ import annotations

from govplan.errors import UnsupportedFormatError
from govplan.graph import PlanGraph

__all__ = ["read_document_file"]


def read_document_file(path: str, *, strict: bool = False) -> PlanGraph:
    raise UnsupportedFormatError("reading documents is not implemented yet", path)
