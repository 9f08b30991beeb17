"""``govplan.load``: one entry point for documents and saved graphs."""

from __future__ import annotations

import os
from collections.abc import Iterable

from govplan.errors import DocumentReadError, SerializationError
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


def _looks_like_saved_graph(head: bytes) -> bool:
    # A JSON object opens with a quoted key; RTF also opens with "{" but follows it with a backslash.
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return body.startswith(b"{") and body[1:].lstrip(b" \t\r\n")[:1] in (b'"', b"}", b"")


def _load_one(path: str, *, strict: bool) -> PlanGraph:
    from govplan.io.json import loads

    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise DocumentReadError(f"cannot open: {exc.strerror or exc}", path) from None
    if _looks_like_saved_graph(head):
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            return loads(data)
        except SerializationError as exc:
            raise type(exc)(f"{path}: {exc}") from None
    from govplan.reading import read_document_file

    return read_document_file(path, strict=strict)
