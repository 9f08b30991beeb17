"""Shared test set-up: where the real documents beside the repository live.

CI sets ``GOVPLAN_REQUIRE_SHARED=1`` so that tests needing ``../shared`` fail instead of
skipping when it is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def shared_or_skip(*parts: str) -> Path:
    """``../shared/<parts>``; skip the test when absent, or fail when CI requires it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} not found (../shared beside the repository holds the real documents)"
        if os.environ.get("GOVPLAN_REQUIRE_SHARED"):
            pytest.fail(message)
        pytest.skip(message)
    return path
