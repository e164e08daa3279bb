"""Alerts: each new ATM event, as JSON, to a webhook (`nightly --notify URL`) and/or to a
command (`nightly --on-event CMD`, the event on its stdin).

Delivery is at-least-once and in event order, with an outbox that needs no table of its own:
per sink, a checkpoint row (`notify:<hash of the target>`) holds the id of the last event the
sink accepted. A run first primes new sinks at the newest event (a sink added today is not sent
the whole history), ingests, then sends every event after the checkpoint. A delivery that still
fails after its retries is recorded in the checkpoint (failures, last error) and ends that
sink's round: the event stays after the checkpoint, so the next run sends it again, and the
ingest's own exit status never depends on a receiver.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shlex
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable

import httpx
from sqlalchemy import text
from sqlalchemy.orm import Session
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from .errors import EdgarAtmError
from .store.repository import get_checkpoint, set_checkpoint

log = logging.getLogger(__name__)

BATCH = 500


class DeliveryError(EdgarAtmError):
    """A receiver did not accept an event (HTTP status, connection error, command exit status)."""


@dataclass(frozen=True)
class Sink:
    kind: str      # "webhook" or "command"
    target: str    # the URL, or the command line

    @property
    def checkpoint(self) -> str:
        # A hash, not the target: a webhook URL may carry a token that must not sit in a table.
        digest = hashlib.sha256(f"{self.kind}:{self.target}".encode()).hexdigest()[:16]
        return f"notify:{self.kind}:{digest}"

    @property
    def label(self) -> str:
        """The target for logs: a URL without credentials, query or path; a command's program."""
        if self.kind == "webhook":
            url = httpx.URL(self.target)
            return f"{url.scheme}://{url.host}{':' + str(url.port) if url.port else ''}/…"
        return shlex.split(self.target)[0] if self.target.strip() else "(empty command)"


@dataclass
class SinkState:
    after: int = 0
    failures: int = 0
    last_error: str | None = None
    delivered: int = 0

    def dump(self) -> str:
        return json.dumps({"after": self.after, "failures": self.failures, "last_error": self.last_error,
                           "delivered": self.delivered})

    @classmethod
    def load(cls, value: str | None) -> "SinkState | None":
        if value is None:
            return None
        data = json.loads(value)
        return cls(after=int(data.get("after", 0)), failures=int(data.get("failures", 0)),
                   last_error=data.get("last_error"), delivered=int(data.get("delivered", 0)))


@dataclass
class NotifySummary:
    delivered: int = 0
    failed: int = 0          # sinks whose round ended on a failed delivery
    pending: int = 0         # events left for the next run
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"notify: delivered={self.delivered} failed={self.failed} pending={self.pending}"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    first_wait: float = 1.0
    max_wait: float = 20.0
    timeout: float = 15.0


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def max_event_id(session: Session) -> int:
    return int(session.execute(text("SELECT coalesce(max(id), 0) FROM events")).scalar() or 0)


def prime(session: Session, sinks: list[Sink]) -> None:
    """Start each new sink at the newest event stored now (before this run ingests)."""
    newest = None
    for sink in sinks:
        if get_checkpoint(session, sink.checkpoint) is None:
            newest = max_event_id(session) if newest is None else newest
            set_checkpoint(session, sink.checkpoint, SinkState(after=newest).dump())
    session.commit()


def events_after(session: Session, after: int, limit: int = BATCH) -> list[dict[str, Any]]:
    """Rows of atm_timeline (every column an analyst sees) for events newer than `after`."""
    rows = session.execute(
        text("SELECT * FROM atm_timeline WHERE event_id > :after ORDER BY event_id LIMIT :limit"),
        {"after": after, "limit": limit},
    ).mappings()
    return [{k: _jsonable(v) for k, v in row.items()} for row in rows]


def send(sink: Sink, event: dict[str, Any], *, timeout: float, client: httpx.Client) -> None:
    """One delivery attempt; DeliveryError unless the receiver accepted it."""
    body = json.dumps(event, ensure_ascii=False)
    if sink.kind == "webhook":
        try:
            response = client.post(sink.target, content=body.encode(), timeout=timeout,
                                    headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{sink.label}: {type(exc).__name__}") from None
        if not 200 <= response.status_code < 300:
            raise DeliveryError(f"{sink.label}: HTTP {response.status_code}")
        return
    try:
        done = subprocess.run(shlex.split(sink.target), input=body, text=True, capture_output=True, timeout=timeout)
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise DeliveryError(f"{sink.label}: {type(exc).__name__}: {exc}") from None
    if done.returncode != 0:
        tail = (done.stderr or "").strip().splitlines()[-1:] or [""]
        raise DeliveryError(f"{sink.label}: exit status {done.returncode} {tail[0][:200]}".rstrip())


def deliver(session: Session, sinks: list[Sink], *, policy: RetryPolicy = RetryPolicy(),
            client: httpx.Client | None = None,
            sender: Callable[..., None] = send) -> NotifySummary:
    """Send every event after each sink's checkpoint, in order; record progress and failures."""
    summary = NotifySummary()
    own_client = client is None
    client = client or httpx.Client(follow_redirects=False)
    try:
        for sink in sinks:
            state = SinkState.load(get_checkpoint(session, sink.checkpoint)) or SinkState(after=max_event_id(session))
            while True:
                events = events_after(session, state.after)
                if not events:
                    break
                failed = False
                for i, event in enumerate(events):
                    try:
                        for attempt in Retrying(stop=stop_after_attempt(policy.attempts), reraise=True,
                                                wait=wait_exponential(multiplier=policy.first_wait, max=policy.max_wait),
                                                retry=retry_if_exception_type(DeliveryError)):
                            with attempt:
                                sender(sink, event, timeout=policy.timeout, client=client)
                    except DeliveryError as exc:
                        state.failures += 1
                        state.last_error = str(exc)
                        summary.failed += 1
                        summary.errors.append(str(exc))
                        summary.pending += len(events) - i + _count_after(session, events[-1]["event_id"])
                        log.warning("notify: %s refused event %s after %d attempts (%s); it is kept for the next run",
                                    sink.label, event["event_id"], policy.attempts, exc)
                        failed = True
                        break
                    state.after = int(event["event_id"])
                    state.failures, state.last_error = 0, None
                    state.delivered += 1
                    summary.delivered += 1
                    set_checkpoint(session, sink.checkpoint, state.dump())
                    session.commit()  # per event: a crash re-sends at most the one in flight
                if failed:
                    set_checkpoint(session, sink.checkpoint, state.dump())
                    session.commit()
                    break
    finally:
        if own_client:
            client.close()
    return summary


def _count_after(session: Session, event_id: int) -> int:
    return int(session.execute(text("SELECT count(*) FROM events WHERE id > :i"), {"i": event_id}).scalar() or 0)


def sinks_from_options(urls: tuple[str, ...], commands: tuple[str, ...]) -> list[Sink]:
    """Validate --notify URLs and --on-event commands (a mistake is a usage error, before any work)."""
    sinks = []
    for url in urls:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            raise ValueError("--notify: not a URL") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise ValueError("--notify: expected an http:// or https:// URL")
        sinks.append(Sink("webhook", url))
    for command in commands:
        try:
            argv = shlex.split(command)
        except ValueError as exc:
            raise ValueError(f"--on-event: {exc}") from None
        if not argv:
            raise ValueError("--on-event: empty command")
        sinks.append(Sink("command", command))
    return sinks
