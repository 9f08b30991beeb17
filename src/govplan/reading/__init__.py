"""Reading published plan documents into the model.

:func:`read_document_file` is what :func:`govplan.load` calls for a document file; the
steps live in the modules of this package (see :mod:`govplan.reading.reader`).
"""

from __future__ import annotations

from govplan.graph import PlanGraph

__all__ = ["read_document_file"]


def read_document_file(path: str, *, strict: bool = False) -> PlanGraph:
    """Read the plan document at *path* into a new :class:`~govplan.PlanGraph`.

    With *strict*, content the reader did not understand raises
    :class:`~govplan.StrictModeError` instead of becoming a diagnostic.
    """
    from govplan.reading.reader import read_file

    return read_file(path, strict=strict)
