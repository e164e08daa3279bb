"""The fake EDGAR HTTP server: the site's routes behind the SEC's fair-access behaviour.

Built on the standard library's ThreadingHTTPServer rather than pytest-httpserver/werkzeug:
the faults need the raw socket (close it without an answer, promise more bytes than are
sent, trickle a body), which a WSGI layer hides; one thread per connection means `latency`
never serialises concurrent requests; and it runs the same in pytest, a benchmark or a
subprocess with no extra dependency. It speaks HTTP/1.1 with keep-alive, as sec.gov does, so
clients' connection pools behave as they would for real.
"""

from __future__ import annotations

import json
import logging
import random
import re
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

from .faults import SERVER_ERRORS, Faults
from .requestlog import RequestLog, RequestRecord
from .routes import (Answer, Router, block_page, gzipped, http_date, not_modified,
                     undeclared_page)
from .site import Site

log = logging.getLogger(__name__)

# A declared User-Agent carries a contact e-mail address (the SEC's fair-access policy).
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ADMIN_PREFIX = "/__fakeedgar__/"
_SLOW_CHUNKS = 20


class SecRateLimit:
    """The SEC's limit as its block page describes it: more than `rate` requests in any
    sliding one-second window blocks the client for `block_seconds`, counted from the last
    offending request, so requests that keep arriving keep extending the block."""

    def __init__(self, rate: float | None, block_seconds: float):
        self.rate = rate
        self.block_seconds = block_seconds
        self._window: deque[float] = deque()
        self._blocked_until = float("-inf")
        self._lock = threading.Lock()
        self.blocks = 0  # how many times a block started

    def admit(self, now: float) -> bool:
        """Count a request arriving at `now` (monotonic); False when it gets the block page."""
        with self._lock:
            if now < self._blocked_until:
                self._blocked_until = now + self.block_seconds
                return False
            if not self.rate:
                return True
            self._window.append(now)
            while self._window and self._window[0] <= now - 1.0:
                self._window.popleft()
            if len(self._window) > self.rate:
                self._start_block(now)
                return False
            return True

    def block(self, now: float) -> None:
        with self._lock:
            self._start_block(now)

    def _start_block(self, now: float) -> None:
        self.blocks += 1
        self._blocked_until = now + self.block_seconds
        self._window.clear()

    def unblock(self) -> None:
        with self._lock:
            self._blocked_until = float("-inf")
            self._window.clear()

    def blocked(self, now: float | None = None) -> bool:
        with self._lock:
            return (time.monotonic() if now is None else now) < self._blocked_until


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    fake: "FakeEdgarServer"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Open keep-alive connections, so stop() can close them: a stopped server must not
        # go on answering on a client's pooled connection.
        self.open_connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()

    def process_request(self, request, client_address):
        with self._conn_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._conn_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._conn_lock:
            conns = list(self.open_connections)
        for conn in conns:
            _shutdown(conn)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # An idle keep-alive connection is closed after this long (as a real server would).
    timeout = 120
    # Headers and body go out in separate writes; with Nagle's algorithm and the client's
    # delayed ACK that costs ~40 ms per answer on a keep-alive connection.
    disable_nagle_algorithm = True
    server: _HTTPServer

    def version_string(self) -> str:
        return "Apache"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - base class signature
        log.debug("%s " + format, self.client_address[0], *args)

    def do_GET(self) -> None:  # noqa: N802
        self.server.fake._handle(self, head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self.server.fake._handle(self, head=True)


class FakeEdgarServer:
    """A fake SEC EDGAR on 127.0.0.1. Use as a context manager (or start()/stop())::

        with FakeEdgarServer(site, rate_limit=10, block_seconds=2) as edgar:
            httpx.get(edgar.url + "/Archives/edgar/daily-index/2025/QTR1/form.20250331.idx",
                      headers={"User-Agent": "Test ops@example.com"})
            assert edgar.log.max_in_window(1.0) <= 10
    """

    def __init__(
        self,
        site: Site,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: float | None = 10.0,
        block_seconds: float = 600.0,
        block_status: int = 429,
        latency: float | tuple[float, float] = 0.0,
        faults: Faults | None = None,
        form_column_width: int = 12,
        require_user_agent: bool = True,
        request_log_file: str | Path | None = None,
    ):
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("the fake EDGAR only ever binds 127.0.0.1")
        if block_status not in (403, 429):
            raise ValueError(f"block_status must be 403 or 429, got {block_status}")
        self.site = site
        self.router = Router(site, form_column_width=form_column_width)
        self.limiter = SecRateLimit(rate_limit, block_seconds)
        self.block_status = block_status
        # A number, or a (low, high) range drawn from uniformly per answer (seeded, so a
        # benchmark run is reproducible): the SEC answers in 200-500 ms, not a constant.
        self.latency = latency
        self._latency_random = random.Random(0)
        self._latency_lock = threading.Lock()
        self.faults = faults
        self.require_user_agent = require_user_agent
        self.log = RequestLog()
        self._host = "127.0.0.1"
        self._port = port
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._log_file: IO[str] | None = None
        self._log_file_path = Path(request_log_file) if request_log_file else None
        self._log_file_lock = threading.Lock()

    # -- lifecycle ------------------------------------------------------------------------

    def bind(self) -> "FakeEdgarServer":
        """Open the listening socket (so .url is known) without serving yet."""
        if self._httpd is None:
            self._httpd = _HTTPServer((self._host, self._port), _Handler)
            self._httpd.fake = self
            if self._log_file_path is not None:
                self._log_file = self._log_file_path.open("a", encoding="utf-8")
        return self

    def start(self) -> "FakeEdgarServer":
        self.bind()
        assert self._httpd is not None
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="fake-edgar", daemon=True)
        self._thread.start()
        log.info("fake EDGAR serving %d filings at %s", len(self.site), self.url)
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until stop() (the subprocess mode)."""
        self.bind()
        assert self._httpd is not None
        self._httpd.serve_forever(poll_interval=0.2)

    def stop(self) -> None:
        if self._httpd is not None:
            if self._thread is not None:
                self._httpd.shutdown()
                self._thread.join(timeout=10)
            self._httpd.server_close()
            self._httpd.close_open_connections()
            self._httpd = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> "FakeEdgarServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("server not started")
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- what tests look at ---------------------------------------------------------------

    @property
    def requests(self) -> list[RequestRecord]:
        return self.log.records()

    def reset_log(self) -> None:
        self.log.clear()

    def unblock(self) -> None:
        self.limiter.unblock()

    @property
    def blocked(self) -> bool:
        return self.limiter.blocked()

    # -- one request ----------------------------------------------------------------------

    def _handle(self, h: _Handler, *, head: bool) -> None:
        arrival, wall = time.monotonic(), time.time()
        path = h.path
        if path.startswith(ADMIN_PREFIX):
            self._admin(h, path)
            return
        ua = h.headers.get("User-Agent", "")
        fault: str | None = None
        done = False

        def commit(status: int, sent: int) -> None:
            # Called just before the client can see the end of the answer, so a test that
            # has its response in hand always finds the request in the log.
            nonlocal done
            if not done:
                done = True
                record = RequestRecord(arrival, wall, h.command, path, status, ua, sent, fault)
                self.log.append(record)
                self._write_log_line(record)

        try:
            if not self.limiter.admit(arrival):
                answer: Answer | None = block_page(self.block_status)
            elif self.require_user_agent and not _EMAIL.search(ua):
                answer = undeclared_page()
            else:
                fault = self.faults.pick(path.split("?", 1)[0]) if self.faults else None
                answer = self._answer_for(h, path, fault, arrival)
            delay = self._delay()
            if delay > 0:
                time.sleep(delay)
            self._send(h, answer, fault, head, commit)
        except Exception:  # noqa: BLE001 - a handler bug must not kill the server thread silently
            log.exception("fake EDGAR failed on %s", path)
            h.close_connection = True
            commit(500, 0)
        finally:
            commit(0, 0)  # only if nothing was committed: the client went away early

    def _delay(self) -> float:
        if isinstance(self.latency, (int, float)):
            return float(self.latency)
        low, high = self.latency
        with self._latency_lock:
            return self._latency_random.uniform(low, high)

    def _answer_for(self, h: _Handler, path: str, fault: str | None, arrival: float) -> Answer | None:
        if fault == "drop":
            return None
        if fault in SERVER_ERRORS:
            code = int(fault)
            reason = h.responses.get(code, ("",))[0]
            return Answer(code, f"{code} {reason}\n".encode(), [("Content-Type", "text/plain")])
        if fault == "429-retry-after":
            assert self.faults is not None
            return Answer(429, b"429 Too Many Requests\n", [("Content-Type", "text/plain"),
                          ("Retry-After", f"{self.faults.retry_after:g}")])
        if fault == "block":
            self.limiter.block(arrival)
            return block_page(self.block_status)
        answer = self.router.answer(path)
        if not_modified(answer, h.headers.get("If-Modified-Since")):
            headers = [(k, v) for k, v in answer.headers if k.lower() != "vary"]
            answer = Answer(304, b"", headers, last_modified=answer.last_modified, etag_md5=answer.etag_md5)
        return answer

    def _send(self, h: _Handler, answer: Answer | None, fault: str | None, head: bool, commit) -> None:
        if answer is None:  # a dropped connection: close without a byte
            commit(0, 0)
            h.close_connection = True
            _shutdown(h.connection)
            return
        body = answer.body
        etag = answer.etag_md5
        gzip_ok = "gzip" in h.headers.get("Accept-Encoding", "").lower()
        encoded = answer.compressible and gzip_ok and answer.status == 200
        if fault == "bomb" and answer.status == 200:
            assert self.faults is not None
            # Compressible answers come as a gzip content-encoding (whatever the client
            # accepts: a hostile server does not ask); a .gz index as its own bytes.
            body, encoded = self.faults.bomb_body(), answer.compressible
        elif encoded:
            body = answer.gzip_body() if answer.gzip_body else gzipped(body)
        h.send_response(answer.status)
        for key, value in answer.headers:
            h.send_header(key, value)
        if answer.last_modified is not None:
            h.send_header("Last-Modified", http_date(answer.last_modified))
        if etag is not None:
            # Apache marks the gzip variant's ETag with "-gzip"; the .gz index files have none.
            h.send_header("ETag", f'"{etag}-gzip"' if encoded else f'"{etag}"')
        if encoded:
            h.send_header("Content-Encoding", "gzip")
        if answer.status != 304:
            # A truncated answer promises the whole body and sends half of it.
            h.send_header("Content-Length", str(max(len(body), 1) if fault == "truncate" else len(body)))
        if fault == "truncate":
            h.send_header("Connection", "close")
        if head or answer.status == 304:
            commit(answer.status, 0)
            h.end_headers()
            return
        h.end_headers()
        try:
            if fault == "truncate":
                part = body[: len(body) // 2]
                commit(answer.status, len(part))
                h.wfile.write(part)
                h.wfile.flush()
                h.close_connection = True
                _shutdown(h.connection)
                return
            if fault == "trickle":
                assert self.faults is not None
                for i in range(len(body)):
                    if i == len(body) - 1:
                        commit(answer.status, len(body))
                    h.wfile.write(body[i:i + 1])
                    h.wfile.flush()
                    time.sleep(self.faults.trickle_interval)
                commit(answer.status, 0)
                return
            if fault == "slow":
                assert self.faults is not None
                step = max(1, -(-len(body) // _SLOW_CHUNKS))
                pause = self.faults.slow_seconds / _SLOW_CHUNKS
                if not body:
                    commit(answer.status, 0)
                for i in range(0, len(body), step):
                    if i + step >= len(body):
                        commit(answer.status, len(body))
                    h.wfile.write(body[i:i + step])
                    h.wfile.flush()
                    if i + step < len(body):
                        time.sleep(pause)
                return
            commit(answer.status, len(body))
            h.wfile.write(body)
            h.wfile.flush()
        except OSError:  # the client went away (timeout, closed pool): nothing to do
            h.close_connection = True
            commit(answer.status, 0)

    # -- test hooks that bypass the limit and the log (for the subprocess mode) ------------

    def _admin(self, h: _Handler, path: str) -> None:
        if path.startswith(ADMIN_PREFIX + "requests"):
            body = json.dumps([r.to_json() for r in self.log.records()]).encode()
        elif path.startswith(ADMIN_PREFIX + "reset"):
            self.log.clear()
            self.limiter.unblock()
            body = b'{"reset":true}'
        else:
            body = json.dumps({"url": self.url, "filings": len(self.site),
                               "blocked": self.blocked}).encode()
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _write_log_line(self, record: RequestRecord) -> None:
        if self._log_file is None:
            return
        with self._log_file_lock:
            self._log_file.write(json.dumps(record.to_json()) + "\n")
            self._log_file.flush()


def _shutdown(conn: socket.socket) -> None:
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass

