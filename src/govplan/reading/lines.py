"""Lines of a source file as the readers see them."""

from __future__ import annotations

import attrs

__all__ = ["Line"]


@attrs.frozen
class Line:
    """One line of the decoded source: its 1-based number in the file and its text (no newline)."""

    number: int
    text: str
