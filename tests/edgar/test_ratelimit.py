"""The shared rate limit: every one-second window stays within the limit, across threads and
across processes sharing one store, and a block recorded by one process pauses the others."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from edgar_atm.config import SEC_MAX_RATE_LIMIT
from edgar_atm.edgar.ratelimit import make_limiter, rates_for
from edgar_atm.errors import ConfigError

from .conftest import max_in_any_window

SRC = Path(__file__).resolve().parents[2] / "src"


def test_rates_keep_every_second_within_the_limit():
    assert [(r.limit, r.interval) for r in rates_for(9.0, margin_ms=40)] == [(1, 55), (9, 1040)]
    assert [(r.limit, r.interval) for r in rates_for(9.0)] == [(1, 55), (9, 1040)]
    assert [(r.limit, r.interval) for r in rates_for(10, margin_ms=0)] == [(1, 50), (10, 1000)]
    # 2.5/s cannot put 2.5 requests in a second: never more than 2 in any one second.
    assert max(r.limit for r in rates_for(2.5, margin_ms=40)) == 2
    assert [(r.limit, r.interval) for r in rates_for(1.0, margin_ms=40)] == [(1, 1040)]
    assert [(r.limit, r.interval) for r in rates_for(0.5, margin_ms=40)] == [(1, 2040)]


@pytest.mark.parametrize("rate", [0, -1, SEC_MAX_RATE_LIMIT + 0.5, 50, float("nan")])
def test_rates_above_the_sec_limit_or_not_positive_are_refused(rate, tmp_path):
    with pytest.raises(ConfigError):
        make_limiter(rate, tmp_path / "rl.sqlite")


def _stamps_from_threads(limiter, threads: int, each: int) -> list[float]:
    stamps: list[float] = []
    lock = threading.Lock()

    def work():
        for _ in range(each):
            limiter.acquire()
            with lock:
                stamps.append(time.time())

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    return stamps


# The stamps below are taken after acquire() returns, by threads that may wait for the CPU
# on a loaded machine: a margin well above such delays keeps the check about the limiter.
MARGIN_MS = 150


@pytest.mark.parametrize("rate", [10.0, 2.5])
def test_threads_never_exceed_the_limit_in_any_second(rate, tmp_path):
    with make_limiter(rate, tmp_path / "rl.sqlite", margin_ms=MARGIN_MS) as limiter:
        stamps = _stamps_from_threads(limiter, threads=8, each=4 if rate > 5 else 1)
    assert len(stamps) == (32 if rate > 5 else 8)
    assert max_in_any_window(stamps) <= int(rate)
    # ...and it does let requests through near the limit (loose: the machine is shared).
    achieved = (len(stamps) - 1) / (max(stamps) - min(stamps))
    assert achieved >= 0.7 * int(rate)


_WORKER = """
import json, sys, time
from edgar_atm.edgar.ratelimit import make_limiter
limiter = make_limiter(float(sys.argv[1]), sys.argv[2], margin_ms=int(sys.argv[4]))
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()                   # start together
stamps = []
for _ in range(int(sys.argv[3])):
    limiter.acquire()
    stamps.append(time.time())
limiter.close()
print(json.dumps(stamps))
"""


def _start_workers(count: int, rate: float, store: str, each: int) -> list[subprocess.Popen]:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, str(rate), store, str(each),
                               str(MARGIN_MS)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
             for _ in range(count)]
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    return procs


def _collect(procs: list[subprocess.Popen]) -> list[list[float]]:
    for proc in procs:  # release all before waiting on any
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=180)
        assert proc.returncode == 0
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_two_processes_share_one_limit_through_the_sqlite_file(tmp_path):
    store = str(tmp_path / "shared" / "rl.sqlite")
    procs = _start_workers(2, 10.0, store, each=40)
    first, second = _collect(procs)
    together = first + second
    assert len(together) == 80
    assert max_in_any_window(together) <= 10
    # Both really ran at the same time (each alone would take ~4 s, together ~8 s). On a loaded box one
    # process has been seen to take its first token 1.6 s after the other: the runs are long enough that
    # they still overlap by well over a second.
    assert min(max(first), max(second)) > max(min(first), min(second)) + 1.0


def test_a_block_recorded_by_one_process_pauses_another(tmp_path):
    store = str(tmp_path / "rl.sqlite")
    with make_limiter(9.0, store) as here:
        here.acquire()
        until = here.block_for(1.5)
        assert here.blocked_until() == pytest.approx(until)
        procs = _start_workers(1, 9.0, store, each=1)
        [stamps] = _collect(procs)
    assert stamps[0] >= until - 0.01


def test_block_is_extended_never_shortened(tmp_path):
    with make_limiter(9.0, tmp_path / "rl.sqlite") as limiter:
        long_until = limiter.block_for(5.0)
        assert limiter.block_for(0.5) == pytest.approx(long_until)
        assert limiter.seconds_blocked() > 4.0


def test_acquire_waits_out_a_block_then_resumes(tmp_path):
    with make_limiter(9.0, tmp_path / "rl.sqlite") as limiter:
        until = limiter.block_for(1.0)
        limiter.acquire()
        assert time.time() >= until - 0.01


# -- PostgreSQL store (several hosts sharing one limit) -----------------------------------

PG_ADMIN = os.environ.get("EDGAR_ATM_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture
def pg_store():
    psycopg = pytest.importorskip("psycopg")
    admin = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("EDGAR_ATM_REQUIRE_PG"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    name = f"edgar_atm_rl_{uuid.uuid4().hex[:10]}"
    conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@pytest.mark.postgres
def test_postgres_store_shares_the_limit_between_processes(pg_store):
    procs = _start_workers(2, 5.0, pg_store, each=8)
    first, second = _collect(procs)
    assert max_in_any_window(first + second) <= 5
    with make_limiter(5.0, pg_store) as limiter:
        until = limiter.block_for(0.5)
        limiter.acquire()
        assert time.time() >= until - 0.05


def test_restamp_counts_a_slot_from_when_its_request_was_sent(tmp_path):
    # One request per ~1 s: a slot restamped half a second after it was taken holds the next
    # one back until a second after the restamp, not after the acquire.
    with make_limiter(1.0, tmp_path / "rl.sqlite", margin_ms=0) as limiter:
        slot = limiter.acquire()
        taken = time.monotonic()
        time.sleep(0.5)
        limiter.restamp(slot)
        restamped = time.monotonic()
        limiter.acquire()
        assert time.monotonic() - restamped >= 0.95
        assert time.monotonic() - taken >= 1.45
