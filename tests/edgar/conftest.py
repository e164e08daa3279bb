"""Fixtures for the EDGAR client and limiter tests: the SEC's real error pages and a real
complete-submission file (copied from the shared fixtures into tests/data/edgar)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

EDGAR_DATA = Path(__file__).parent.parent / "data" / "edgar"
USER_AGENT = "edgar-atm tests ops@edgar-atm.example"


def read(name: str) -> bytes:
    return (EDGAR_DATA / name).read_bytes()


@pytest.fixture(scope="session")
def block_page() -> bytes:
    return read("errors/request-rate-threshold-exceeded.html")


@pytest.fixture(scope="session")
def undeclared_page() -> bytes:
    return read("errors/undeclared-automated-tool.html")


@pytest.fixture(scope="session")
def access_denied_xml() -> bytes:
    return read("errors/full-index-2099-QTR1-form.gz-403-AccessDenied.xml")


@pytest.fixture(scope="session")
def no_such_key_xml() -> bytes:
    return read("errors/data.sec.gov-submissions-404-NoSuchKey.xml")


@pytest.fixture(scope="session")
def filing_txt() -> bytes:
    return read("archives/0001493152-25-029712.txt")


class CountingLimiter:
    """Stands in for the shared limiter where a test is about the client, not the rate:
    records when each slot was taken and every block it was told about."""

    def __init__(self):
        self.acquired: list[float] = []
        self.blocks: list[float] = []
        self._lock = threading.Lock()

    def acquire(self) -> None:
        with self._lock:
            self.acquired.append(time.monotonic())

    def block_for(self, seconds: float) -> float:
        with self._lock:
            self.blocks.append(seconds)
        return time.time() + seconds


@pytest.fixture
def counting_limiter() -> CountingLimiter:
    return CountingLimiter()


def max_in_any_window(times: list[float], window: float = 1.0) -> int:
    """The most timestamps falling in any half-open window [t, t + window)."""
    stamps = sorted(times)
    best = start = 0
    for end in range(len(stamps)):
        while stamps[end] - stamps[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best
