"""Parsing beside the fetcher: a small pool of processes.

The parser is pure and CPU-bound (a large prospectus takes a good part of a second), so in
the main thread it would hold the fetcher below the rate limit, and threads would not help
under the GIL. Worker processes are started with "spawn" (never fork a process that runs
threads and holds database connections) on first use, and kept for the whole run.

Every parse has a deadline (`deadline` seconds, EDGAR_ATM_PARSE_DEADLINE, 60 by default):
a filing still parsing then is an outcome like any parse error, "parse exceeded the 60 s
deadline ...", and its worker process is killed and replaced while the run goes on (pebble's
ProcessPool does that; concurrent.futures cannot stop one task). The pipeline records it as
a parse failure of the current parser version; later runs do not parse it again: fetching
runs take only unfetched filings, and `reparse` skips such filings (`timed_out`) until the
parser version changes or the operator asks with `reparse --retry-timeouts`.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from pebble import ProcessExpired, ProcessPool

from ..config import DEFAULT_PARSE_DEADLINE
from ..records import ParsedFiling

log = logging.getLogger(__name__)

Outcome = tuple[ParsedFiling | None, str | None]

# Every error recorded for a parse that ran out of time starts with this.
PARSE_TIMEOUT = "parse exceeded"


def timeout_error(deadline: float) -> str:
    return (f"{PARSE_TIMEOUT} the {deadline:g} s deadline: the parser process was stopped; "
            "not parsed again until the parser version changes or `edgar-atm reparse "
            "--retry-timeouts`")


def timed_out(session, parser_version: str) -> set[str]:
    """Accessions whose last parse, by this parser version, ran out of time."""
    from sqlalchemy import select

    from ..store.models import Filing

    return set(session.scalars(select(Filing.accession_number).where(
        Filing.parse_status == "failed", Filing.parser_version == parser_version,
        Filing.error.like(PARSE_TIMEOUT + "%"))))


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}"[:2000] if text else type(exc).__name__


def _exit_with_parent(parent_pid: int) -> None:
    """Runs in each parser process: if the run is killed (even with kill -9), its parser
    processes notice that their parent is gone and exit, instead of idling forever."""
    import signal
    import threading
    import time

    # Ctrl-C reaches the whole process group; the parent alone handles it (and stops the
    # pool), so a worker must not die with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker started after the run's signal handler ran inherits its ignored SIGTERM;
    # pebble stops workers (a parse past its deadline) with SIGTERM.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="edgar-atm-parent-watch", daemon=True).start()


def parse_outcome(parse: Callable[..., ParsedFiling], data: bytes, path: str | None) -> Outcome:
    """(parsed, None) or (None, error): bad input is an outcome, never an exception, so any
    parser failure (even one that cannot be pickled) comes back from a worker process."""
    try:
        return parse(data, path=path), None
    except Exception as exc:
        return None, describe(exc)


class _WorkersFirstPool(ProcessPool):
    """pebble's ProcessPool, stopping its workers before it closes their channel.

    pebble closes the channel first, and closing it unlinks the channel's semaphores: a
    worker still starting then fails to load them and prints a traceback on the run's
    stderr. That happens when a signal ends a run: the signal kills the workers (they share
    the run's process group), pebble starts new ones, and those inherit the SIGTERM that
    the run's handler now ignores, so pebble's terminate() does not stop them either. So:
    no new workers, SIGKILL for the rest (nothing they hold is wanted once the pool
    stops), then pebble's own stop.
    """

    def _stop_pool(self) -> None:
        if self._pool_manager_loop is not None:
            self._pool_manager_loop.join()  # the loop that starts workers has ended
        workers = list(self._pool_manager.worker_manager.workers.values())
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join()
        super()._stop_pool()


class ParserPool:
    """`workers` processes (None: one per CPU, at most 4). With workers=1 and no deadline the
    parse runs in this process; a deadline always needs a process that can be stopped."""

    def __init__(self, parse: Callable[..., ParsedFiling], workers: int | None = None, *,
                 deadline: float | None = DEFAULT_PARSE_DEADLINE):
        self.parse = parse
        self.workers = default_workers() if workers is None else max(1, workers)
        self.deadline = deadline
        self._pool: ProcessPool | None = None

    @property
    def in_process(self) -> bool:
        return self.workers <= 1 and self.deadline is None

    @property
    def capacity(self) -> int:
        """How many parses may be outstanding before the caller should wait for one."""
        return 1 if self.workers <= 1 else 2 * self.workers

    def submit(self, data: bytes, path: str | None) -> Future:
        if self.in_process:
            done: Future = Future()
            done.set_result(parse_outcome(self.parse, data, path))
            return done
        for attempt in (1, 2):
            if self._pool is None:
                self._pool = _WorkersFirstPool(self.workers, context=multiprocessing.get_context("spawn"),
                                                 initializer=_exit_with_parent, initargs=(os.getpid(),))
            try:
                return self._pool.schedule(parse_outcome, args=(self.parse, data, path),
                                           timeout=self.deadline)
            except (RuntimeError, BrokenProcessPool):
                # The pool could not take work (its manager died): start a fresh one.
                log.warning("the parser pool stopped; starting a new one")
                self._pool.stop()
                self._pool = None
        raise AssertionError("unreachable")

    def result(self, future: Future) -> Outcome:
        try:
            return future.result()
        except FutureTimeout:
            log.warning("a parse ran past its %g s deadline; its process was replaced", self.deadline)
            return None, timeout_error(self.deadline or 0)
        except (ProcessExpired, BrokenProcessPool) as exc:
            # The OS killed the worker, or the parser crashed the interpreter; pebble
            # starts another one.
            return None, f"parser process died: {describe(exc)}"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None
