"""The exceptions govplan raises: one base class, one subclass per kind of failure.

Every error a caller can meet derives from :class:`GovplanError`, so
``except govplan.GovplanError`` is enough to guard any call into the library.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "AmbiguousUnitError",
    "DanglingReferenceError",
    "DocumentReadError",
    "DuplicateObjectError",
    "GovplanError",
    "InvalidArgumentError",
    "MissingDependencyError",
    "PeriodParseError",
    "QuerySyntaxError",
    "SchemaVersionError",
    "SerializationError",
    "StrictModeError",
    "UnknownUnitError",
    "UnsupportedFormatError",
]


class GovplanError(Exception):
    """Base class of every error raised by govplan."""


class InvalidArgumentError(GovplanError, ValueError, TypeError):
    """A function was called with an argument it cannot use (a wrong type or an unknown value).

    It is both a ``ValueError`` and a ``TypeError``, so callers catching either keep working.
    """


class MissingDependencyError(GovplanError, ImportError):
    """An optional dependency (an extra such as ``pandas`` or ``docx``) is not installed."""


class PeriodParseError(GovplanError, ValueError):
    """A text could not be read as a :class:`~govplan.Period`."""


class DuplicateObjectError(GovplanError, ValueError):
    """Two different objects were added to one graph under the same id."""


class DanglingReferenceError(GovplanError, ValueError):
    """An object refers to an id the graph does not hold."""


class UnknownUnitError(GovplanError, LookupError):
    """A unit name matches no unit in the graph.

    ``suggestions`` holds the closest known names, best first.
    """

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown unit {name!r}{hint}")


class AmbiguousUnitError(GovplanError, LookupError):
    """A unit name matches units in several jurisdictions; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: tuple[str, ...]) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        super().__init__(
            f"unit name {name!r} matches {len(self.candidates)} units: {', '.join(self.candidates)}"
            " (pass jurisdiction=... to choose)"
        )


class SerializationError(GovplanError, ValueError):
    """Saved-graph JSON is malformed or holds values of the wrong type."""


class SchemaVersionError(SerializationError):
    """Saved-graph JSON declares a format version this govplan cannot read."""


class DocumentReadError(GovplanError):
    """A document could not be read.  ``path`` and ``line`` say where, when known."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


class UnsupportedFormatError(DocumentReadError):
    """The input is in a format govplan cannot read (or needs an optional extra for)."""


class StrictModeError(DocumentReadError):
    """Reading in strict mode met content it did not understand."""

    def __init__(self, diagnostics: tuple[object, ...]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = self.diagnostics[0] if self.diagnostics else None
        path = getattr(first, "path", None)
        line = getattr(first, "line", None)
        message = getattr(first, "message", "content not understood")
        more = f" (and {len(self.diagnostics) - 1} more)" if len(self.diagnostics) > 1 else ""
        super().__init__(f"{message}{more}", path, line)


class QuerySyntaxError(GovplanError, ValueError):
    """A text query could not be parsed.  ``position`` is the offset of the bad token."""

    def __init__(self, message: str, query: str, position: int) -> None:
        self.query = query
        self.position = position
        # Pad by display width so the caret sits under the token in a terminal, CJK included.
        pointer = " " * sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in query[:position]) + "^"
        super().__init__(f"{message}\n  {query}\n  {pointer}")
