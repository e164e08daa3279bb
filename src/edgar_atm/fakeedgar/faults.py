"""Fault injection for the fake EDGAR: which request gets which failure.

Three ways to ask for faults, combinable; the first that applies wins:
- by_path: {path: [kind, kind, ...]}: the n-th request for that path gets the n-th kind
  (None = answer normally), e.g. "the first fetch of this filing is dropped, the second
  truncated, the third succeeds": the deterministic way to prove each kind is survived;
- schedule: {n: kind}: the n-th eligible request overall (1-based) gets that kind;
- rate: each eligible request fails with this probability, the kind drawn from `kinds`,
  with a seeded random generator so a run is reproducible.
Only requests whose path matches `path_pattern` (a regex, searched) are eligible, and only
those that passed the rate limit and User-Agent checks.
"""

from __future__ import annotations

import functools
import random
import re
import threading
from dataclasses import dataclass, field
from typing import Mapping, Sequence

SERVER_ERRORS = ("500", "502", "503")
# What a real server does now and then; random faults draw from these by default.
TRANSIENT_KINDS = (
    "500", "502", "503",
    "429-retry-after",  # 429 with a Retry-After header (not the SEC block)
    "block",            # the SEC block page (block_status) and a real block for block_seconds
    "drop",             # close the connection without answering
    "truncate",         # Content-Length larger than the bytes sent, then close
    "slow",             # the right body, trickled over slow_seconds
)
# Hostile answers, asked for explicitly (by_path, schedule, or kinds=...).
HOSTILE_KINDS = (
    "bomb",     # a gzip bomb: bomb_bytes of zeros in ~1/1000 of that, sent with
                # Content-Encoding: gzip, or as the opaque bytes of a .gz index
    "trickle",  # the right body one byte every trickle_interval seconds (never in time)
)
FAULT_KINDS = TRANSIENT_KINDS + HOSTILE_KINDS


@dataclass
class Faults:
    rate: float = 0.0
    kinds: Sequence[str] = TRANSIENT_KINDS
    seed: int = 0
    schedule: Mapping[int, str] = field(default_factory=dict)
    by_path: Mapping[str, Sequence[str | None]] = field(default_factory=dict)
    path_pattern: str | None = None
    max_faults: int | None = None
    retry_after: float = 1.0  # seconds, for "429-retry-after"
    slow_seconds: float = 2.0  # how long a "slow" body takes to trickle out
    bomb_bytes: int = 1 << 30  # what a "bomb" inflates to
    trickle_interval: float = 0.5  # seconds between the bytes of a "trickle" body

    def __post_init__(self):
        bad = [k for k in list(self.kinds) + list(self.schedule.values())
               + [k for ks in self.by_path.values() for k in ks if k is not None]
               if k not in FAULT_KINDS]
        if bad:
            raise ValueError(f"unknown fault kinds {bad}; known: {FAULT_KINDS}")
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError(f"fault rate must be within [0, 1], got {self.rate}")
        self._random = random.Random(self.seed)
        self._pattern = re.compile(self.path_pattern) if self.path_pattern else None
        self._lock = threading.Lock()
        self._eligible = 0
        self._per_path: dict[str, int] = {}
        self.injected = 0

    def bomb_body(self) -> bytes:
        return _bomb(self.bomb_bytes)

    def pick(self, path: str) -> str | None:
        """The fault for this request, or None to answer normally. Thread-safe."""
        if self._pattern is not None and not self._pattern.search(path):
            return None
        with self._lock:
            self._eligible += 1
            kind = None
            if path in self.by_path:
                seen = self._per_path.get(path, 0)
                self._per_path[path] = seen + 1
                plan = self.by_path[path]
                kind = plan[seen] if seen < len(plan) else None
            elif self._eligible in self.schedule:
                kind = self.schedule[self._eligible]
            elif self.rate and self._random.random() < self.rate and self.kinds:
                kind = self._random.choice(list(self.kinds))
            if kind is not None:
                if self.max_faults is not None and self.injected >= self.max_faults:
                    return None
                self.injected += 1
            return kind


@functools.lru_cache(maxsize=2)
def _bomb(size: int) -> bytes:
    from .hostile import gzip_bomb

    return gzip_bomb(size)
