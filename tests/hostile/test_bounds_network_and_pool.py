"""Decompression bombs from the fake EDGAR (peak memory of the client measured in a child
process), a trickled body ending at the request deadline, and the parse deadline in the pool."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from edgar_atm.fakeedgar import FakeEdgarServer, Faults, Site

from .conftest import USER_AGENT, child_env

FILING = "0001493152-25-029712"
FILING_PATH = f"/Archives/edgar/data/749647/{FILING}.txt"

CHILD = r"""
import json, resource, sys
from edgar_atm.edgar.client import EdgarClient
from edgar_atm.edgar import indexes
from tests_limiter import L
from edgar_atm.errors import EdgarAtmError
url, path, what = sys.argv[1], sys.argv[2], sys.argv[3]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
client = EdgarClient(user_agent="edgar-atm hostile ops@example.com", base_url=url,
                     limiter=L(),
                     max_retries=0, max_response_bytes=32 * 1024 * 1024)
try:
    if what == "index":
        indexes.discover_quarter_detailed(client.get, 2026, 1, daily_fallback=False)
    else:
        client.get(path)
    outcome = "ok"
except EdgarAtmError as exc:
    outcome = f"{type(exc).__name__}: {exc}"
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"outcome": outcome, "growth_mib": (after - before) / 1024}))
"""


@pytest.fixture(scope="module")
def site():
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data" / "edgar" / "site" / "filings" / f"{FILING}.txt"
    s = Site()
    s.add_filing(data.read_bytes())
    return s


def _child(tmp_path, url, path, what):
    (tmp_path / "tests_limiter.py").write_text("class L:\n    def acquire(self):\n        return None\n")
    env = child_env(PYTHONPATH=f"{tmp_path}:{child_env()['PYTHONPATH']}")
    done = subprocess.run([sys.executable, "-c", CHILD, url, path, what], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("what", ["filing", "index"])
def test_a_1_gib_bomb_is_refused_with_bounded_memory(site, tmp_path, what):
    path = FILING_PATH if what == "filing" else "/Archives/edgar/full-index/2026/QTR1/form.gz"
    faults = Faults(by_path={path: ["bomb"] * 5}, bomb_bytes=1 << 30)
    faults.bomb_body()  # built before timing starts
    with FakeEdgarServer(site, rate_limit=None, faults=faults) as server:
        if what == "index":
            site.mark_index_day(__import__("datetime").date(2026, 1, 5))
        got = _child(tmp_path, server.url, path, what)
    # An answer past the limit is TooLarge; a bomb index of zeros is one endless line: no index.
    assert got["outcome"].startswith("TooLarge" if what == "filing" else ("TooLarge", "ParseError")), got
    # The old client held the whole GiB (4.3 GB for the process tree); now the limit (32 MiB
    # here for answers; the index is streamed) plus one 1 MiB step, and the interpreter.
    assert got["growth_mib"] < 150, got


def test_a_trickled_body_ends_at_the_request_deadline(site):
    from edgar_atm.edgar.client import EdgarClient
    from edgar_atm.errors import ServerError

    class NoLimit:
        def acquire(self):
            return None

    faults = Faults(by_path={FILING_PATH: ["trickle"]}, trickle_interval=0.2)
    with FakeEdgarServer(site, rate_limit=None, faults=faults) as server:
        client = EdgarClient(user_agent=USER_AGENT, base_url=server.url, limiter=NoLimit(),
                             timeout=30.0, request_deadline=2.0, max_retries=0)
        t0 = time.monotonic()
        with pytest.raises(ServerError, match="deadline"):
            client.get(FILING_PATH)
        took = time.monotonic() - t0
        client.close()
    assert 1.5 < took < 6.0, took  # each byte came within the 30 s read timeout


def test_parse_deadline_stops_the_parse_replaces_the_worker_and_goes_on():
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    import hang

    from edgar_atm.pipeline.parsing import PARSE_TIMEOUT, ParserPool

    pool = ParserPool(hang.parse, workers=2, deadline=1.5)
    try:
        t0 = time.monotonic()
        stuck = pool.submit(b"HANG forever", "a.htm")
        fine = [pool.submit(b"x" * n, "b.htm") for n in (1, 2, 3)]
        parsed, error = pool.result(stuck)
        took = time.monotonic() - t0
        assert parsed is None and error.startswith(PARSE_TIMEOUT) and "1.5 s" in error
        assert took < 15, took  # spawn start-up included
        assert [pool.result(f) for f in fine] == [(1, None), (2, None), (3, None)]
        # The replaced worker takes new work.
        assert pool.result(pool.submit(b"yy", "c.htm")) == (2, None)
    finally:
        pool.close()


STOP_WHILE_STARTING = r"""
import signal
from edgar_atm.extract import parse_filing
from edgar_atm.pipeline.parsing import ParserPool
# As after the run's signal handler: SIGTERM ignored, so the workers started now inherit
# that; the pool stops while they are still starting.
signal.signal(signal.SIGTERM, signal.SIG_IGN)
pool = ParserPool(parse_filing, workers=4, deadline=60)
pool.submit(b"not a filing", "a.htm")
pool.close()
print("closed")
"""


def test_a_pool_stopped_while_its_workers_start_leaves_no_traceback():
    # pebble unlinks the workers' semaphores before it stops them; a worker still starting
    # then printed a FileNotFoundError traceback on the run's stderr (a signal test in CI).
    done = subprocess.run([sys.executable, "-c", STOP_WHILE_STARTING], env=child_env(),
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "closed"), done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
