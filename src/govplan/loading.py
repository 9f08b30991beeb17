"""``govplan.load``: one entry point for documents and saved graphs."""

from __future__ import annotations

import os
from collections.abc import Iterable

from govplan.errors import DocumentReadError
from govplan.graph import PlanGraph

__all__ = ["load"]


def load(path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, strict: bool = False) -> PlanGraph:
    """Read plan documents (or saved graph JSON) at *path* into a :class:`PlanGraph`.

    *path* may be one file or several; graphs from several files are merged.  With
    *strict*, content the reader did not understand raises
    :class:`~govplan.StrictModeError` instead of becoming a diagnostic.
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    graph = PlanGraph()
    for p in paths:
        graph.merge(_load_one(os.fspath(p), strict=strict))
    return graph


def _load_one(path: str, *, strict: bool) -> PlanGraph:
    from govplan.io.json import loads

    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise DocumentReadError(f"cannot open: {exc.strerror or exc}", path) from None
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        with open(path, "rb") as fh:
            return loads(fh.read())
    from govplan.reading import read_document_file

    return read_document_file(path, strict=strict)
