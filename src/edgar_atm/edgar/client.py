"""The one HTTP client for every EDGAR request.

Everything edgar-atm sends to the SEC goes through `EdgarClient`: a declared User-Agent, the
shared rate limit (every attempt, retries included, takes a slot first), retries with
backoff for what is transient, and the SEC's ten-minute block handled as a pause of all
requests rather than a crash or a retry storm. httpx errors are translated into
edgar_atm.errors here, once; nothing outside edgar_atm.edgar imports httpx.

    EdgarClient.get(path)            -> bytes            (NotFound, Blocked, ServerError, ...)
    EdgarClient.get_response(path)   -> EdgarResponse    (status, headers, content; 304 kept)
    EdgarClient.fetch_many(paths)    -> (path, bytes | FetchError) as each one completes

Every answer is bounded: its body is read as a stream and decoded here (gzip or deflate, in
pieces of at most DECODE_STEP bytes), so a 1 MiB answer that inflates to 1 GiB stops with
TooLarge once `max_response_bytes` is passed, holding no more than that; and every attempt
has a total `request_deadline` besides the per-read `timeout`, enforced by a watchdog that
shuts the socket, so a body trickled a byte at a time ends at the deadline.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

import httpx

from ..config import (DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_DEADLINE, REAL_ARCHIVES_ORIGIN,
                      REAL_DATA_ORIGIN, REAL_EFTS_ORIGIN, Settings)
from ..errors import Blocked, ConfigError, FetchError, NotFound, RateLimited, ServerError, TooLarge
from .ratelimit import Limiter, make_limiter
from .retry import BlockGate, RetryPolicy, classify, retry_after_seconds

log = logging.getLogger(__name__)

_SEC_HOSTS = ("www.sec.gov", "sec.gov", "data.sec.gov", "efts.sec.gov")
# Most bytes one decompress call may produce: a bomb never inflates past the limit by more.
DECODE_STEP = 1024 * 1024


@dataclass(frozen=True)
class EdgarResponse:
    """What callers may need of an answer, without exposing httpx."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


@dataclass
class ClientStats:
    """Counters for one client, safe to read while requests run."""

    requests: int = 0          # every attempt sent, retries included
    retries: int = 0           # attempts after the first for the same path
    blocks: int = 0            # SEC block pages received
    bytes: int = 0             # decoded body bytes of successful answers
    bytes_on_wire: int = 0     # as received (gzip-compressed when the server compressed)
    not_found: int = 0
    failures: int = 0          # paths given up on (any FetchError)
    by_status: Counter = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **amounts: int) -> None:
        with self._lock:
            for name, amount in amounts.items():
                setattr(self, name, getattr(self, name) + amount)

    def status(self, code: int) -> None:
        with self._lock:
            self.by_status[code] += 1

    def as_dict(self) -> dict:
        with self._lock:
            return {"requests": self.requests, "retries": self.retries, "blocks": self.blocks,
                    "bytes": self.bytes, "bytes_on_wire": self.bytes_on_wire,
                    "not_found": self.not_found, "failures": self.failures,
                    "by_status": dict(self.by_status)}


def origin_for(path: str) -> str:
    """The real SEC host serving `path` (an origin-relative path)."""
    if path.startswith(("/submissions/", "/api/")):
        return REAL_DATA_ORIGIN
    if path.startswith("/LATEST/"):
        return REAL_EFTS_ORIGIN
    return REAL_ARCHIVES_ORIGIN


class EdgarClient:
    def __init__(self, *, user_agent: str | None, base_url: str | None, limiter: Limiter,
                 timeout: float = 30.0, block_seconds: float = 600.0, max_retries: int = 5,
                 max_in_flight: int = 8, transport: httpx.BaseTransport | None = None,
                 backoff_initial: float = 0.5, backoff_max: float = 30.0,
                 max_blocks_per_request: int = 3,
                 request_deadline: float = DEFAULT_REQUEST_DEADLINE,
                 max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES):
        # Refuse before anything is sent: the SEC blocks undeclared tools.
        self.user_agent = Settings(user_agent=user_agent).require_user_agent()
        if base_url is not None and not urlsplit(base_url).scheme:
            raise ConfigError(f"EDGAR_BASE_URL must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url.rstrip("/") if base_url else None
        if max_in_flight < 1:
            raise ConfigError(f"max_in_flight must be at least 1, got {max_in_flight}")
        if request_deadline <= 0 or max_response_bytes <= 0:
            raise ConfigError("request_deadline and max_response_bytes must be above 0")
        self.limiter = limiter
        self.block_seconds = block_seconds
        self.request_deadline = request_deadline
        self.max_response_bytes = max_response_bytes
        self.max_in_flight = max_in_flight
        self.stats = ClientStats()
        self._policy = RetryPolicy(max_retries=max_retries, initial=backoff_initial,
                                   maximum=backoff_max)
        self._gate = BlockGate()
        self._max_blocks = max_blocks_per_request
        self._owns_limiter = False
        self._http = httpx.Client(
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=max_in_flight + 2,
                                max_keepalive_connections=max_in_flight + 2),
            transport=transport,
            # A redirect would be a second request outside the limiter; EDGAR's data paths
            # do not redirect.
            follow_redirects=False,
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, transport: httpx.BaseTransport | None = None
                      ) -> "EdgarClient":
        user_agent = settings.require_user_agent()
        limiter = make_limiter(settings.rate_limit, settings.rate_limit_store)
        client = cls(user_agent=user_agent, base_url=settings.base_url, limiter=limiter,
                     timeout=settings.timeout, block_seconds=settings.block_seconds,
                     max_in_flight=settings.max_in_flight, transport=transport,
                     request_deadline=settings.request_deadline,
                     max_response_bytes=settings.max_response_bytes)
        client._owns_limiter = True
        return client

    # -- addresses ---------------------------------------------------------------------

    def url_for(self, path: str) -> str:
        """Absolute URL for an origin-relative path (or a full sec.gov URL, which is moved
        to base_url when one is set)."""
        if path.startswith(("http://", "https://")):
            parts = urlsplit(path)
            if self.base_url is None or parts.hostname not in _SEC_HOSTS:
                return path
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/"):
            path = "/" + path
        return (self.base_url or origin_for(path)) + path

    # -- requests ----------------------------------------------------------------------

    def get(self, path: str) -> bytes:
        """The body of `path`. NotFound for a missing key (404, or Archives' 403 AccessDenied);
        ServerError after retries; Blocked if the SEC keeps blocking after repeated pauses;
        ConfigError if the SEC calls us an undeclared tool."""
        return self.get_response(path).content

    def get_response(self, path: str, *, headers: Mapping[str, str] | None = None
                     ) -> EdgarResponse:
        """Like get(), with status and headers; a 304 (conditional GET) is returned, not
        raised."""
        url = self.url_for(path)
        blocks = 0
        attempts = 0
        while True:
            try:
                for attempt in self._policy.retrying():
                    with attempt:
                        if attempts:
                            self.stats.add(retries=1)
                        attempts += 1
                        return self._attempt(url, headers)
            except Blocked:
                blocks += 1
                if blocks >= self._max_blocks:
                    self.stats.add(failures=1)
                    raise
                # The gate pauses every thread; the next attempt waits it out.
                continue
            except NotFound:
                self.stats.add(not_found=1)
                raise
            except FetchError:
                self.stats.add(failures=1)
                raise

    def _attempt(self, url: str, headers: Mapping[str, str] | None) -> EdgarResponse:
        probe = self._gate.wait()
        try:
            slot = self.limiter.acquire()
            self.stats.add(requests=1)
            watchdog = _Watchdog(self.request_deadline)
            try:
                try:
                    request = self._http.build_request(
                        "GET", url, headers=headers, extensions=self._restamp_when_sent(slot))
                    response = self._http.send(request, stream=True)
                    try:
                        watchdog.watch(response)
                        content = self._read_body(response, url)
                    finally:
                        response.close()
                finally:
                    watchdog.cancel()
            except httpx.TimeoutException as exc:
                if watchdog.fired:
                    raise _deadline_error(self.request_deadline, url) from exc
                raise ServerError(f"timed out: {type(exc).__name__}", url=url) from exc
            except (httpx.TransportError, httpx.DecodingError) as exc:
                if watchdog.fired:
                    raise _deadline_error(self.request_deadline, url) from exc
                # Dropped connections, truncated bodies (RemoteProtocolError: incomplete
                # read), resets, or a gzip stream cut short.
                raise ServerError(f"connection failed: {type(exc).__name__}: {exc}",
                                  url=url) from exc
            if watchdog.fired:
                raise _deadline_error(self.request_deadline, url)
            self.stats.status(response.status_code)
            outcome = classify(response.status_code, response.headers, content, url)
            if isinstance(outcome, Blocked):
                self._on_block(outcome)
                raise outcome
            if isinstance(outcome, Exception):
                raise outcome
            self.stats.add(bytes=len(content), bytes_on_wire=response.num_bytes_downloaded)
            return EdgarResponse(url=url, status=response.status_code,
                                 headers=dict(response.headers), content=content)
        finally:
            if probe:
                self._gate.probe_done()

    def _read_body(self, response: httpx.Response, url: str) -> bytes:
        """The decoded body, read as it arrives and never past max_response_bytes."""
        limit = self.max_response_bytes
        if response.is_stream_consumed:
            # A transport that hands over a finished answer (httpx.MockTransport in tests).
            chunks = iter(()) if len(response.content) <= limit else iter((response.content,))
            decoder = _Identity()
            body = bytearray(response.content if len(response.content) <= limit else b"")
        else:
            chunks = response.iter_raw()
            decoder = _decoder(response.headers.get("content-encoding", ""))
            body = bytearray()
        for chunk in chunks:
            for piece in decoder.feed(chunk):
                if len(body) + len(piece) > limit:
                    raise TooLarge(f"answer larger than {limit} bytes decoded "
                                   f"({response.num_bytes_downloaded} bytes received); "
                                   "not read further", url=url, status=response.status_code)
                body += piece
        decoder.finish(url)
        return bytes(body)

    def _restamp_when_sent(self, slot: object) -> dict:
        """An httpcore trace hook that tells the limiter when the request has really been
        written (it may be a new connection's handshake, or a descheduled thread, later than
        when the slot was taken): the limit holds for arrivals, as the SEC counts them."""
        restamp = getattr(self.limiter, "restamp", None)
        if restamp is None or slot is None:
            return {}

        def trace(event: str, info: dict) -> None:
            if event.endswith("send_request_headers.complete"):
                try:
                    restamp(slot)
                except Exception:  # noqa: BLE001 - never fail a request over bookkeeping
                    log.debug("could not restamp rate-limit slot %s", slot, exc_info=True)

        return {"trace": trace}

    def _on_block(self, exc: Blocked) -> None:
        self.stats.add(blocks=1)
        self._gate.block_for(self.block_seconds)
        block_for = getattr(self.limiter, "block_for", None)
        if block_for is not None:
            # Other processes sharing the limiter pause too.
            block_for(self.block_seconds)
        log.warning("SEC block page (HTTP %s) for %s: pausing all requests for %.0f s",
                    exc.status, exc.url, self.block_seconds)

    def fetch_many(self, paths: Iterable[str]) -> Iterator[tuple[str, bytes | FetchError]]:
        """Fetch `paths` with up to max_in_flight requests at once (the limiter keeps the
        rate); yield (path, body) or (path, FetchError) in completion order. A ConfigError
        (the SEC rejecting our User-Agent) stops everything and is raised."""
        pending: dict[Future, str] = {}
        source = iter(paths)
        # A few queued beyond the workers keep every worker busy without reading the whole
        # (possibly huge, possibly lazy) input up front.
        window = self.max_in_flight * 2
        pool = ThreadPoolExecutor(max_workers=self.max_in_flight, thread_name_prefix="edgar-fetch")
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    try:
                        path = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    pending[pool.submit(self.get, path)] = path
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    path = pending.pop(future)
                    exc = future.exception()
                    if exc is None:
                        yield path, future.result()
                    elif isinstance(exc, FetchError):
                        yield path, exc
                    else:
                        raise exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    # -- lifecycle ---------------------------------------------------------------------

    def seconds_paused(self) -> float:
        """How long this client's block pause still lasts (0 when not paused)."""
        return self._gate.remaining()

    def close(self) -> None:
        self._http.close()
        if self._owns_limiter:
            close = getattr(self.limiter, "close", None)
            if close is not None:
                close()

    def __enter__(self) -> "EdgarClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _deadline_error(deadline: float, url: str) -> ServerError:
    return ServerError(f"timed out: the request took longer than its {deadline:g} s deadline",
                       url=url)


class _Watchdog:
    """Ends an attempt that outlives its deadline, however its bytes trickle in: at the
    deadline it shuts the connection's socket, which wakes the blocked read with an error.
    (The per-read timeout alone lets a body sent a byte every few seconds run for ever.)"""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.started = time.monotonic()
        self.fired = False
        self._timer: threading.Timer | None = None
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    def watch(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        remaining = self.seconds - (time.monotonic() - self.started)
        with self._lock:
            self._sock = sock
            if remaining <= 0:
                self._fire_locked()
                return
            self._timer = threading.Timer(remaining, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self._fire_locked()

    def _fire_locked(self) -> None:
        self.fired = True
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._sock = None
        if not self.fired and time.monotonic() - self.started > self.seconds:
            # Headers that arrived after the deadline (no socket to shut yet).
            self.fired = True


class _Identity:
    def feed(self, chunk: bytes) -> Iterator[bytes]:
        if chunk:
            yield chunk

    def finish(self, url: str) -> None:
        pass


class _Inflate:
    """gzip or deflate, decoded in bounded steps (zlib's max_length), so that one small
    chunk of a bomb never becomes a gigabyte in memory at once."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self._gzip = encoding in ("gzip", "x-gzip")
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16 if self._gzip else zlib.MAX_WBITS)
        self._first = True

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        data = chunk
        while data:
            try:
                out = self._z.decompress(data, DECODE_STEP)
            except zlib.error as exc:
                if self._first and not self._gzip:
                    # Some servers send raw deflate without the zlib wrapper (as httpx allows).
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise httpx.DecodingError(f"{self.encoding} stream is corrupt: {exc}") from exc
            self._first = False
            if out:
                yield out
            data = self._z.unconsumed_tail
            if self._z.eof:
                return

    def finish(self, url: str) -> None:
        if not self._z.eof and not self._first:
            raise httpx.DecodingError(f"{self.encoding} stream cut short")


def _decoder(content_encoding: str):
    encoding = content_encoding.strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflate(encoding)
    return _Identity()


__all__ = ["EdgarClient", "EdgarResponse", "ClientStats", "origin_for", "retry_after_seconds",
           "RateLimited"]
