"""Parsing beside the fetcher: a small pool of processes.

The parser is pure and CPU-bound (a large prospectus takes a good part of a second), so in
the main thread it would hold the fetcher below the rate limit, and threads would not help
under the GIL. Worker processes are started with "spawn" (never fork a process that runs
threads and holds database connections) on first use, and kept for the whole run.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from ..records import ParsedFiling

log = logging.getLogger(__name__)

Outcome = tuple[ParsedFiling | None, str | None]


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


class ParserPool:
    def __init__(self, parse: Callable[..., ParsedFiling], workers: int | None = None):
        self.parse = parse
        self.workers = default_workers() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None

    @property
    def capacity(self) -> int:
        """How many parses may be outstanding before the caller should wait for one."""
        return 1 if self.workers <= 1 else 2 * self.workers

    def submit(self, data: bytes, path: str | None) -> Future:
        if self.workers <= 1:
            done: Future = Future()
            done.set_result(parse_outcome(self.parse, data, path))
            return done
        for attempt in (1, 2):
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_exit_with_parent, initargs=(os.getpid(),))
            try:
                return self._pool.submit(parse_outcome, self.parse, data, path)
            except BrokenProcessPool:
                # A worker died (the OS killed it, or the parser crashed the interpreter):
                # start a fresh pool; the filings it held are reported by their futures.
                log.warning("a parser process died; starting new ones")
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        raise AssertionError("unreachable")

    def result(self, future: Future) -> Outcome:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            return None, f"parser process died: {describe(exc)}"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
