"""Sharing the work of fetching and parsing between processes through the database.

A worker claims a batch of filings by stamping claimed_by/claimed_at on rows that are still
to fetch. On PostgreSQL the candidate rows are selected FOR UPDATE SKIP LOCKED, so concurrent
workers (on one or several hosts) never wait on, nor take, each other's rows; the conditional
UPDATE makes the claim safe on SQLite too, where writers are serialised anyway.

A claim is abandoned when its holder is gone: on the same host, its process no longer exists
(so a rerun right after kill -9 picks the rows up at once); from another host, after a lease
(CLAIM_LEASE). Within one process a failed filing is never claimed again (the claim stays
with it), so a run never retries in a loop; a later run retries it, up to max_attempts.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Engine

from ..records import FilingRef

log = logging.getLogger(__name__)

# How long a claim from another host is honoured. A batch takes seconds at the SEC's rate;
# only a worker stalled this long (e.g. a long SEC block) could see its rows taken over.
CLAIM_LEASE = timedelta(minutes=30)

PENDING = "pending"
# Fetch outcomes worth another try on a later run ("not found" may be "not there yet").
RETRYABLE = ("failed", "not_found")


@dataclass(frozen=True)
class Scope:
    """Which recorded filings a run works on."""

    accessions: frozenset[str] | None = None
    forms: tuple[str, ...] | None = None
    ciks: frozenset[int] | None = None
    since: date | None = None
    until: date | None = None
    only_failed: bool = False

    @property
    def empty(self) -> bool:
        return self.accessions is not None and not self.accessions


def make_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_gone(holder: str | None, me: str) -> bool:
    """Whether a claim's holder on this host has died (or is an earlier run of this process).
    Holders on other hosts are never judged here: only the lease frees their rows."""
    if not holder:
        return True
    try:
        host, pid_text, token = holder.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return True
    my_host, my_pid, my_token = me.rsplit(":", 2)
    if host != my_host:
        return False
    if pid == int(my_pid):
        return token != my_token
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


class WorkQueue:
    def __init__(self, engine: Engine, *, worker_id: str | None = None, max_attempts: int = 5):
        self.engine = engine
        self.worker_id = worker_id or make_worker_id()
        self.host_prefix = self.worker_id.rsplit(":", 2)[0] + ":"
        self.max_attempts = max_attempts
        self.started = datetime.now(timezone.utc)

    @property
    def _filing(self):
        from ..store.models import Filing

        return Filing

    def _where(self, scope: Scope):
        F = self._filing
        # Failures of earlier runs are retried (bounded); this run's own never are: its claim
        # stays on them, stamped after this run began.
        failed_before = and_(
            F.fetch_status.in_(RETRYABLE),
            F.attempts < self.max_attempts,
            or_(F.claimed_at.is_(None), F.claimed_at < self.started),
        )
        conds = [failed_before if scope.only_failed else or_(F.fetch_status == PENDING, failed_before)]
        if scope.accessions is not None:
            conds.append(F.accession_number.in_(sorted(scope.accessions)))
        if scope.forms:
            conds.append(F.form_type.in_(scope.forms))
        if scope.ciks:
            conds.append(F.cik.in_(sorted(scope.ciks)))
        if scope.since:
            conds.append(F.filed_date >= scope.since)
        if scope.until:
            conds.append(F.filed_date <= scope.until)
        return and_(*conds)

    def count(self, scope: Scope) -> int:
        if scope.empty:
            return 0
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(self._filing)
                                .where(self._where(scope))).scalar_one()

    def claim(self, scope: Scope, limit: int) -> list[FilingRef]:
        """Claim up to `limit` filings for this worker, oldest first; [] when none is left."""
        if scope.empty:
            return []
        for _ in range(5):
            got = self._try_claim(scope, limit)
            if got is not None:
                return got
        return []

    def _try_claim(self, scope: Scope, limit: int) -> list[FilingRef] | None:
        """One attempt; None when every candidate was just taken by another worker."""
        F = self._filing
        now = datetime.now(timezone.utc)
        with self.engine.connect() as conn:
            # Claims held on this host: by this worker (in flight) or by live processes.
            holders = conn.execute(select(F.claimed_by).distinct().where(
                F.claimed_by.like(self.host_prefix + "%"),
                F.fetch_status.in_((PENDING, *RETRYABLE)))).scalars().all()
        busy = [h for h in holders if h == self.worker_id or not holder_gone(h, self.worker_id)]
        free = or_(F.claimed_by.is_(None), F.claimed_at < now - CLAIM_LEASE,
                   and_(F.claimed_by.like(self.host_prefix + "%"), F.claimed_by.not_in(busy))
                   if busy else F.claimed_by.like(self.host_prefix + "%"))
        query = (select(F.accession_number, F.claimed_by, F.claimed_at)
                 .where(self._where(scope), free)
                 .order_by(F.filed_date, F.accession_number)
                 .limit(limit))
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True, of=F)
        with self.engine.begin() as conn:
            rows = conn.execute(query).all()
            if not rows:
                return []
            mine = [acc for acc, holder, at in rows
                    if holder is None or holder_gone(holder, self.worker_id)
                    or (at is not None and at < now - CLAIM_LEASE)]
            if not mine:
                return None
            conn.execute(update(F).where(F.accession_number.in_(mine))
                         .values(claimed_by=self.worker_id, claimed_at=now))
            got = conn.execute(select(F.accession_number, F.cik, F.company, F.form_type, F.filed_date)
                               .where(F.accession_number.in_(mine))
                               .order_by(F.filed_date, F.accession_number)).all()
        return [FilingRef(accession_number=acc, cik=int(cik), company=company or "",
                          form_type=form, filed_date=filed,
                          path=f"/Archives/edgar/data/{int(cik)}/{acc}.txt")
                for acc, cik, company, form, filed in got]

    def finished(self, accession: str):
        """The statement that hands a filing back once this worker is done with it (run it in
        the transaction that records the outcome). claimed_at stays: it tells a failure of
        this run from one of an earlier run, so no run retries its own failures."""
        F = self._filing
        return (update(F).where(F.accession_number == accession, F.claimed_by == self.worker_id)
                .values(claimed_by=None))

    def release_unfinished(self) -> None:
        """Give back claimed filings this worker did not get to (e.g. after Ctrl-C)."""
        F = self._filing
        try:
            with self.engine.begin() as conn:
                conn.execute(update(F).where(F.claimed_by == self.worker_id, F.fetch_status == PENDING)
                             .values(claimed_by=None, claimed_at=None))
        except Exception:  # a later run frees them anyway (dead holder / lease)
            log.debug("could not release claims of %s", self.worker_id, exc_info=True)
