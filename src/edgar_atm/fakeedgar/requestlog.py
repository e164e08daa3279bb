"""The fake server's record of every request, for tests that assert on rates and counts."""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class RequestRecord:
    mono: float  # time.monotonic() when the request line arrived
    wall: float  # time.time() at the same moment
    method: str
    path: str  # as requested, query string included
    status: int  # 0 when the connection was dropped without an answer
    user_agent: str
    bytes: int  # body bytes actually written
    fault: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


class RequestLog:
    """Thread-safe, append-only list of RequestRecord."""

    def __init__(self):
        self._records: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)

    def records(self) -> list[RequestRecord]:
        """A snapshot, in arrival order."""
        with self._lock:
            return sorted(self._records, key=lambda r: r.mono)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def count(self, *, path: str | None = None, prefix: str | None = None,
              status: int | None = None) -> int:
        return len(select(self.records(), path=path, prefix=prefix, status=status))

    def per_path(self, **filters) -> Counter:
        return Counter(r.path for r in select(self.records(), **filters))

    def max_in_window(self, window: float = 1.0, **filters) -> int:
        return max_in_window(select(self.records(), **filters), window)


def select(records: Iterable[RequestRecord], *, path: str | None = None, prefix: str | None = None,
           status: int | None = None, where: Callable[[RequestRecord], bool] | None = None
           ) -> list[RequestRecord]:
    return [r for r in records
            if (path is None or r.path == path)
            and (prefix is None or r.path.startswith(prefix))
            and (status is None or r.status == status)
            and (where is None or where(r))]


def max_in_window(records: Iterable[RequestRecord], window: float = 1.0) -> int:
    """The most requests that arrived within any `window`-second span (half-open: a request
    exactly `window` seconds after another is in the next window)."""
    times = sorted(r.mono for r in records)
    best = 0
    for i, t in enumerate(times):
        j = bisect.bisect_left(times, t + window, lo=i)
        best = max(best, j - i)
    return best
