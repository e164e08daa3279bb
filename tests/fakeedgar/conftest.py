"""Fixtures for the fake EDGAR's own tests: the real samples and a server factory."""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx
import pytest

from edgar_atm.fakeedgar import FakeEdgarServer, Site

EDGAR = Path(__file__).resolve().parents[1] / "data" / "edgar"
SITE_DIR = EDGAR / "site"
UA = "edgar-atm tests ops@example.com"

NEXTERA = "0001193125-25-338333"
ESS = "0001628280-25-015699"
BOFA = "0001918704-24-002559"
IMUNON = "0001493152-25-029712"


@pytest.fixture(scope="session")
def edgar_data() -> Path:
    return EDGAR


@pytest.fixture
def real_txt() -> dict[str, bytes]:
    """The four real complete submissions, by accession."""
    return {acc: (EDGAR / "archives" / f"{acc}.txt").read_bytes() for acc in (NEXTERA, ESS, BOFA, IMUNON)}


@pytest.fixture
def four_site(real_txt) -> Site:
    """A site holding exactly the four real complete submissions, byte for byte."""
    site = Site()
    for txt in real_txt.values():
        site.add_filing(txt)
    return site


@pytest.fixture
def serve():
    """serve(site, **kwargs) -> a started FakeEdgarServer, stopped after the test."""
    with contextlib.ExitStack() as stack:
        def start(site: Site, **kwargs) -> FakeEdgarServer:
            kwargs.setdefault("rate_limit", None)
            return stack.enter_context(FakeEdgarServer(site, **kwargs))
        yield start


@pytest.fixture
def client_for():
    """client_for(server, **kwargs) -> an httpx.Client on the server with a declared UA."""
    clients: list[httpx.Client] = []

    def make(server: FakeEdgarServer, **kwargs) -> httpx.Client:
        headers = kwargs.pop("headers", {"User-Agent": UA})
        c = httpx.Client(base_url=server.url, headers=headers, timeout=30.0, **kwargs)
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()
