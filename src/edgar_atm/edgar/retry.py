"""What an EDGAR answer means, what to retry and how long to wait, and the block pause.

- `classify()` turns a status + body into nothing (success) or the edgar_atm error it means,
  reading the SEC's own pages: the "Request Rate Threshold Exceeded" block page (403 or 429,
  no Retry-After), the "Undeclared Automated Tool" page (a bad User-Agent: a configuration
  error, never retried) and Archives' S3 "AccessDenied" XML (a missing key, i.e. not found).
- `RetryPolicy` is tenacity: exponential backoff with jitter for ServerError (5xx, timeouts,
  dropped or truncated connections) and RateLimited, but the server's Retry-After when given.
- `BlockGate` pauses every thread of a client for the block period, then lets one probe
  request through before the others resume, so a block that is still on costs one request,
  not one per thread.
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from datetime import datetime, timezone
from typing import Mapping

from tenacity import (RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt,
                      wait_exponential, wait_random)

from ..errors import Blocked, ConfigError, EdgarAtmError, FetchError, NotFound, RateLimited, ServerError

log = logging.getLogger(__name__)

_BLOCK_MARKERS = (b"Request Rate Threshold Exceeded", b"Exceeded the SEC")
_UNDECLARED_MARKER = b"Undeclared Automated Tool"
_MISSING_KEY_MARKERS = (b"<Code>AccessDenied</Code>", b"<Code>NoSuchKey</Code>")
# A Retry-After longer than this is treated as this: a retry is still better than a stuck run.
MAX_RETRY_AFTER = 900.0


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_dt = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc)
    return min(max((when - now_dt).total_seconds(), 0.0), MAX_RETRY_AFTER)


def classify(status: int, headers: Mapping[str, str], body: bytes, url: str
             ) -> EdgarAtmError | None:
    """None when the answer is usable (2xx, or 304 to a conditional GET); else the error it
    means. Only the start of the body is read: the SEC's pages say who they are early."""
    if 200 <= status < 300 or status == 304:
        return None
    head = body[:8192]
    retry_after = retry_after_seconds(headers.get("retry-after"))
    if status in (403, 429):
        if _UNDECLARED_MARKER in head:
            return ConfigError(
                f"the SEC rejected our User-Agent as an undeclared automated tool (HTTP {status}, "
                f"{url}); set EDGAR_USER_AGENT to your company name and a contact e-mail, "
                "e.g. 'Acme Research ops@acme.example'")
        if any(marker in head for marker in _BLOCK_MARKERS):
            if retry_after is not None:
                return RateLimited("SEC rate threshold exceeded", url=url, status=status,
                                   retry_after=retry_after)
            return Blocked("SEC rate threshold exceeded: requests are blocked", url=url,
                           status=status)
        if status == 403 and any(marker in head for marker in _MISSING_KEY_MARKERS):
            return NotFound("not found (S3 AccessDenied)", url=url, status=status)
        if status == 429:
            if retry_after is not None:
                return RateLimited("too many requests", url=url, status=status,
                                   retry_after=retry_after)
            # The SEC's 429 carries no Retry-After and means the same as its block page.
            return Blocked("HTTP 429 without Retry-After: treated as the SEC's block", url=url,
                           status=status)
        return FetchError(f"forbidden (HTTP {status})", url=url, status=status)
    if status == 404:
        return NotFound("not found", url=url, status=status)
    if status >= 500:
        return ServerError(f"server error (HTTP {status})", url=url, status=status,
                           retry_after=retry_after)
    return FetchError(f"unexpected HTTP {status}", url=url, status=status)


class RetryPolicy:
    """tenacity settings for one request: which failures are retried and how long to wait."""

    def __init__(self, *, max_retries: int = 5, initial: float = 0.5, maximum: float = 30.0):
        self.max_retries = max_retries
        # initial, 2x, 4x ... up to maximum, plus up to `initial` of random jitter so that
        # threads (and processes) that failed together do not retry together.
        self._backoff = wait_exponential(multiplier=initial, max=maximum) + wait_random(0, initial)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return retry_after
        return self._backoff(state)

    @staticmethod
    def _log(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        log.info("retrying after %s (attempt %d, waiting %.1f s)", exc, state.attempt_number,
                 state.upcoming_sleep)

    def retrying(self) -> Retrying:
        return Retrying(
            retry=retry_if_exception_type((ServerError, RateLimited)),
            stop=stop_after_attempt(self.max_retries + 1),
            wait=self._wait,
            before_sleep=self._log,
            reraise=True,
        )


class BlockGate:
    """Pause all threads of one client for the block period; afterwards let a single probe
    request find out whether the block is over before the others go."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._cond = threading.Condition()
        self._until = 0.0
        self._need_probe = False
        self._probing = False

    def block_for(self, seconds: float) -> None:
        with self._cond:
            # Answers to requests already in flight extend, never shorten, the pause.
            self._until = max(self._until, self._clock() + seconds)
            self._need_probe = True
            self._probing = False
            self._cond.notify_all()

    def wait(self) -> bool:
        """Return once this thread may send; True if it is the probe (then call probe_done)."""
        with self._cond:
            while True:
                remaining = self._until - self._clock()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                if self._probing:
                    self._cond.wait(1.0)
                    continue
                if self._need_probe:
                    self._need_probe = False
                    self._probing = True
                    return True
                return False

    def probe_done(self) -> None:
        with self._cond:
            self._probing = False
            self._cond.notify_all()

    def remaining(self) -> float:
        with self._cond:
            return max(0.0, self._until - self._clock())
