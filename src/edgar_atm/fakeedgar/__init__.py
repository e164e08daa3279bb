"""A fake SEC EDGAR on 127.0.0.1 for tests, benchmarks and the offline demo.

    from edgar_atm.fakeedgar import FakeEdgarServer, Faults, Site

    site = Site.from_directory("tests/data/edgar/site")
    with FakeEdgarServer(site, rate_limit=10, block_seconds=2, latency=0.25) as edgar:
        ...  # point the client at edgar.url (EDGAR_BASE_URL); assert on edgar.log

Or as a process: `python -m edgar_atm.fakeedgar --root DIR` prints its URL and serves.
"""

from .faults import FAULT_KINDS, HOSTILE_KINDS, TRANSIENT_KINDS, Faults
from .requestlog import RequestLog, RequestRecord, max_in_window
from .server import FakeEdgarServer, SecRateLimit
from .site import Site, SiteFiling, business_days

__all__ = [
    "FAULT_KINDS",
    "HOSTILE_KINDS",
    "TRANSIENT_KINDS",
    "FakeEdgarServer",
    "Faults",
    "RequestLog",
    "RequestRecord",
    "SecRateLimit",
    "Site",
    "SiteFiling",
    "business_days",
    "max_in_window",
]
