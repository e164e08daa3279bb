from __future__ import annotations

from pathlib import Path

import pytest

from edgar_atm.extract.accuracy import load_corpus

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(CORPUS)
