from __future__ import annotations

from pathlib import Path

import pytest

FILINGS = Path(__file__).resolve().parents[1] / "data" / "filings"


@pytest.fixture(scope="session")
def filings_dir() -> Path:
    return FILINGS
