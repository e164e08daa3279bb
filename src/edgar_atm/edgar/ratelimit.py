"""The one request-rate limit shared by every edgar-atm process on the machine (or on every
host, with a PostgreSQL store).

The SEC allows at most 10 requests per second per user "regardless of the number of
machines", so a nightly run and a backfill running together must share one budget. The
budget lives in pyrate-limiter's sliding-window log: an SQLite file guarded by a file lock
(one machine) or a PostgreSQL table (several hosts). Every request, retries included, takes
a slot with `acquire()` first.

How a rate becomes pyrate-limiter rates (the limit must hold in EVERY one-second window, as
the SEC counts it, not only on average):

- a sliding window of floor(rate) requests per (1 s + margin): a sliding log has no bucket
  boundaries, so no two adjacent windows can each spend a full budget; the margin absorbs the
  few milliseconds between taking a slot and the request reaching the server, which differ
  from request to request on a loaded machine;
- at most one request per 1/(2 floor(rate)) s, which spreads requests over the second
  instead of in bursts;
- a fractional rate above 1 cannot be kept in every one-second window on average (a window
  holds a whole number of requests), so 2.5/s admits at most 2 in any second; rates below 1
  become one request per 1/rate seconds.

A slot is taken before the request is sent, and the gap between the two is not constant:
a new connection, a thread descheduled on a loaded machine. The SEC counts arrivals, so once
the request has really been written the client calls `restamp(slot)`, which moves the slot's
timestamp to that moment; the window then rests on when requests left, and the margin only
has to cover the network.

The same store also holds "blocked until": when the SEC answers with its block page, the
client calls `block_for()`, and every process sharing the store waits it out in `acquire()`.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
import uuid
from itertools import count
from pathlib import Path
from typing import Callable, Protocol, cast

from pyrate_limiter import AbstractBucket, Rate, RateItem, SQLiteBucket

from ..config import DEFAULT_RATE_LIMIT, SEC_MAX_RATE_LIMIT
from ..errors import ConfigError

log = logging.getLogger(__name__)

# Requests are counted from when they were written (see restamp), but they reach the server
# a little later, and not all equally late: on a loaded 2-core machine the fake server was
# seen picking a request up as much as 40 ms late (a real network adds its own jitter). The
# window is this much longer than one second so that such a delay on one request cannot
# squeeze floor(rate)+1 arrivals into one second at the server. It costs 4% of the rate.
DEFAULT_MARGIN_MS = 40
_TABLE = "edgar_atm_requests"
_BLOCK_TABLE = "edgar_atm_block"
# Expired entries are deleted every this many admitted requests (pyrate-limiter's own Leaker
# would run a background thread per limiter).
_LEAK_EVERY = 200
# A waiting acquire() re-checks at least this often (a block set by another process, or a
# slot freed early by a contended Postgres lock).
_MAX_SLEEP = 0.5
_MIN_SLEEP = 0.002


class Limiter(Protocol):
    """What the client needs from a limiter; tests may pass any object with acquire().
    Optional: restamp(slot) (see SharedRateLimiter) and block_for(seconds)."""

    def acquire(self) -> object: ...


def rates_for(rate: float, *, margin_ms: int = DEFAULT_MARGIN_MS) -> list[Rate]:
    """pyrate-limiter rates that keep `rate` requests/second in every one-second window."""
    if not (rate > 0) or rate > SEC_MAX_RATE_LIMIT:
        raise ConfigError(
            f"rate limit must be above 0 and at most {SEC_MAX_RATE_LIMIT} requests/second "
            f"(the SEC's fair-access limit), got {rate}"
        )
    if rate < 1:
        return [Rate(1, math.ceil(1000 / rate) + margin_ms)]
    per_second = math.floor(rate + 1e-9)
    window = Rate(per_second, 1000 + margin_ms)
    if per_second == 1:
        return [window]
    # Half the mean gap: enough to spread a budget over the second instead of spending it
    # at once, loose enough that the one-second window (not the spacing plus each request's
    # own small delays) sets the pace.
    spacing = Rate(1, 500 // per_second)
    return [spacing, window]


class SharedRateLimiter:
    """Blocks in `acquire()` until a request may go out, across threads and processes.

    Waiting is done here rather than in pyrate_limiter.Limiter: its blocking retry re-puts the
    item with `timestamp += slept`, which records a slot earlier than it was really taken when
    the machine oversleeps; this loop reads the store's clock again on every attempt.
    """

    def __init__(self, bucket: AbstractBucket, *, rate: float, block_state: "_BlockState",
                 restamp: Callable[[str, int], None], process_lock: object | None = None,
                 description: str = ""):
        self.rate = rate
        self.description = description
        self._bucket = bucket
        self._block = block_state
        self._restamp = restamp
        # Slot names unique across processes and hosts, so restamp() moves only our own.
        self._prefix = uuid.uuid4().hex[:12]
        self._serial = count(1)
        # The file lock (SQLite) serialises processes; this one serialises our threads, so
        # the file lock is only ever contended by other processes.
        self._thread_lock = threading.Lock()
        self._process_lock = process_lock
        self._admitted = 0
        self._closed = False

    def _locked(self):
        return _Both(self._thread_lock, self._process_lock)

    def acquire(self) -> str:
        """Wait until the shared block (if any) is over and a slot is free; take it. Returns
        the slot's name, for restamp()."""
        name = f"{self._prefix}-{next(self._serial)}"
        while True:
            with self._locked():
                now_ms = self._bucket.now()
                blocked_until_ms = self._block.until_ms()
                if blocked_until_ms > now_ms:
                    wait = (blocked_until_ms - now_ms) / 1000
                else:
                    item = RateItem(name, now_ms)
                    if self._bucket.put(item):
                        self._admitted += 1
                        if self._admitted % _LEAK_EVERY == 0:
                            self._bucket.leak(now_ms)
                        return name
                    # Our buckets (SQLite, PostgreSQL) are synchronous: waiting() is an int, never
                    # the Awaitable an async bucket would return.
                    wait = max(cast(int, self._bucket.waiting(item)), 0) / 1000
            time.sleep(min(max(wait, _MIN_SLEEP), _MAX_SLEEP))

    def restamp(self, slot: str) -> None:
        """The request of `slot` has just been sent: count it from now, not from when the
        slot was taken (only ever later, so the window can only get stricter)."""
        sent_ms = self._bucket.now()  # before waiting for the lock: as close to the send as we get
        with self._locked():
            self._restamp(slot, sent_ms)

    def block_for(self, seconds: float) -> float:
        """Pause every process sharing this store for `seconds` from now (never shortens a
        block already recorded). Returns the epoch second the block ends."""
        with self._locked():
            until_ms = self._bucket.now() + int(seconds * 1000)
            until_ms = self._block.extend_to(until_ms)
        log.warning("EDGAR requests paused for %.0f s (shared rate-limit store %s)",
                    seconds, self.description)
        return until_ms / 1000

    def blocked_until(self) -> float:
        """Epoch second the shared block ends (0 when there is none)."""
        with self._locked():
            return self._block.until_ms() / 1000

    def seconds_blocked(self) -> float:
        with self._locked():
            return max(0.0, (self._block.until_ms() - self._bucket.now()) / 1000)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._locked():
            self._block.close()
            self._bucket.close()

    def __enter__(self) -> "SharedRateLimiter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Both:
    """Acquire a thread lock, then (if any) a process lock; release in reverse."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def __enter__(self):
        self.first.acquire()
        if self.second is not None:
            try:
                self.second.acquire()
            except BaseException:
                self.first.release()
                raise
        return self

    def __exit__(self, *exc):
        try:
            if self.second is not None:
                self.second.release()
        finally:
            self.first.release()


class _BlockState(Protocol):
    def until_ms(self) -> int: ...
    def extend_to(self, until_ms: int) -> int: ...
    def close(self) -> None: ...


class _SQLiteBlockState:
    """One row holding "blocked until" (epoch ms), in the limiter's SQLite file. Callers hold
    the file lock."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        conn.execute(f"CREATE TABLE IF NOT EXISTS {_BLOCK_TABLE} "
                     "(id INTEGER PRIMARY KEY CHECK (id = 1), until_ms INTEGER NOT NULL)")
        conn.commit()

    def until_ms(self) -> int:
        row = self._conn.execute(f"SELECT until_ms FROM {_BLOCK_TABLE} WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def extend_to(self, until_ms: int) -> int:
        self._conn.execute(
            f"INSERT INTO {_BLOCK_TABLE} (id, until_ms) VALUES (1, ?) "
            "ON CONFLICT(id) DO UPDATE SET until_ms = MAX(until_ms, excluded.until_ms)",
            (until_ms,))
        self._conn.commit()
        return self.until_ms()

    def close(self) -> None:
        pass  # the connection belongs to the bucket


class _PostgresBlockState:
    def __init__(self, pool):
        self._pool = pool
        with pool.connection() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_BLOCK_TABLE,))
            conn.execute(f"CREATE TABLE IF NOT EXISTS {_BLOCK_TABLE} "
                         "(id INTEGER PRIMARY KEY CHECK (id = 1), until_ms BIGINT NOT NULL)")

    def until_ms(self) -> int:
        with self._pool.connection() as conn:
            row = conn.execute(f"SELECT until_ms FROM {_BLOCK_TABLE} WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def extend_to(self, until_ms: int) -> int:
        with self._pool.connection() as conn:
            row = conn.execute(
                f"INSERT INTO {_BLOCK_TABLE} (id, until_ms) VALUES (1, %s) "
                f"ON CONFLICT (id) DO UPDATE SET until_ms = GREATEST({_BLOCK_TABLE}.until_ms, "
                "excluded.until_ms) RETURNING until_ms", (until_ms,)).fetchone()
        return int(row[0])

    def close(self) -> None:
        pass  # the pool belongs to the bucket


def make_limiter(rate: float = DEFAULT_RATE_LIMIT, store: str | Path | None = None, *,
                 margin_ms: int = DEFAULT_MARGIN_MS) -> SharedRateLimiter:
    """A limiter of `rate` requests/second shared through `store`: an SQLite file path
    (created with its folder if missing; every process on the machine using the same path
    shares the limit) or a postgresql:// URL (every host using that database shares it).
    `store` None means the per-user default (config.default_rate_limit_path())."""
    rates = rates_for(rate, margin_ms=margin_ms)
    if store is None:
        from ..config import default_rate_limit_path
        store = default_rate_limit_path()
    store = str(store)
    if store.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        return _postgres_limiter(rate, rates, store)
    return _sqlite_limiter(rate, rates, Path(store))


def _sqlite_limiter(rate: float, rates: list[Rate], path: Path) -> SharedRateLimiter:
    from filelock import FileLock

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the rate-limit store folder {path.parent}: {exc}") from exc
    # pyrate-limiter's init_from_file builds the same bucket but with filelock's default 50 ms
    # poll, which would idle a process for up to 50 ms each time the other one holds the lock.
    lock = FileLock(str(path) + ".lock", poll_interval=0.002, thread_local=False)
    with lock:
        try:
            conn = sqlite3.connect(str(path), isolation_level="DEFERRED", check_same_thread=False,
                                   timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"CREATE TABLE IF NOT EXISTS '{_TABLE}' (name VARCHAR, item_timestamp INTEGER)")
            conn.execute(f"CREATE INDEX IF NOT EXISTS 'idx_{_TABLE}_ts' ON '{_TABLE}' (item_timestamp)")
            conn.commit()
            block = _SQLiteBlockState(conn)
        except sqlite3.Error as exc:
            raise ConfigError(f"cannot open the rate-limit store {path}: {exc}") from exc
    # The bucket's own lock is the same file lock; we hold it around every call anyway.
    bucket = SQLiteBucket(rates, conn, _TABLE, lock=lock)

    def restamp(name: str, now_ms: int) -> None:
        conn.execute(f"UPDATE '{_TABLE}' SET item_timestamp = ? WHERE name = ? AND item_timestamp < ?",
                     (now_ms, name, now_ms))
        conn.commit()

    return SharedRateLimiter(bucket, rate=rate, block_state=block, restamp=restamp,
                             process_lock=lock, description=str(path))


def _postgres_limiter(rate: float, rates: list[Rate], url: str) -> SharedRateLimiter:
    from psycopg_pool import ConnectionPool
    from pyrate_limiter import PostgresBucket

    conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        pool = ConnectionPool(conninfo, min_size=1, max_size=4, open=True,
                              kwargs={"autocommit": False})
        pool.wait(timeout=10)
        bucket = PostgresBucket(pool, "edgar_atm_requests", rates)
        block = _PostgresBlockState(pool)
    except Exception as exc:  # psycopg and the pool raise several unrelated types
        raise ConfigError(f"cannot open the PostgreSQL rate-limit store: {exc}") from exc
    # PostgresBucket serialises writers with a table lock (NOWAIT): a contended put fails and
    # acquire() simply tries again a moment later.
    table = bucket._full_tbl  # the name PostgresBucket gave its table

    def restamp(name: str, now_ms: int) -> None:
        with pool.connection() as conn:
            conn.execute(f'UPDATE "{table}" SET item_timestamp = TO_TIMESTAMP(%s) '
                         "WHERE name = %s AND item_timestamp < TO_TIMESTAMP(%s)",
                         (now_ms / 1000, name, now_ms / 1000))

    safe = conninfo.split("@")[-1]
    return SharedRateLimiter(bucket, rate=rate, block_state=block, restamp=restamp,
                             process_lock=None, description=f"postgresql://…@{safe}")
