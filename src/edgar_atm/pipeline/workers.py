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

from sqlalchemy import MetaData, Table, and_, func, or_, select, update
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# How long a claim from another host is honoured. A batch takes seconds at the SEC's rate;
# only a worker stalled this long (e.g. a long SEC block) could see its rows taken over.
CLAIM_LEASE = timedelta(minutes=30)

PENDING = "pending"
FAILED = "failed"


@dataclass(frozen=True)
class Scope:
    """Which recorded filings a run works on."""

    accessions: frozenset[str] | None = None
    forms: tuple[str, ...] | None = None
    ciks: frozenset[int] | None = None
    since: date | None = None
    until: date | None = None
    only_failed: bool = False


def make_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _holder_gone(holder: str | None, me: str) -> bool:
    """Whether a claim's holder on this host has died (or is an earlier run of this process)."""
    if not holder:
        return True
    try:
        host, pid_text, token = holder.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return True
    my_host, my_pid, my_token = me.rsplit(":", 2)
    if host != my_host:
        return False  # another host: only the lease can free it
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
        self.max_attempts = max_attempts
        self.started = datetime.now(timezone.utc)
        self._table: Table | None = None

    @property
    def filings(self) -> Table:
        if self._table is None:
            self._table = Table("filings", MetaData(), autoload_with=self.engine)
        return self._table

    def _where(self, scope: Scope):
        f = self.filings.c
        # Failures of earlier runs are retried (bounded); this run's own never are: its claim
        # is still on them and claimed_at is after this run began.
        failed_before = and_(
            f.fetch_status == FAILED,
            f.attempts < self.max_attempts,
            or_(f.claimed_at.is_(None), f.claimed_at < self.started.replace(tzinfo=None)
                if self._naive else f.claimed_at < self.started),
        )
        conds = [failed_before if scope.only_failed else or_(f.fetch_status == PENDING, failed_before)]
        if scope.accessions is not None:
            conds.append(f.accession_number.in_(sorted(scope.accessions)))
        if scope.forms:
            conds.append(f.form_type.in_(scope.forms))
        if scope.ciks:
            conds.append(f.cik.in_(sorted(scope.ciks)))
        if scope.since:
            conds.append(f.filed_date >= scope.since)
        if scope.until:
            conds.append(f.filed_date <= scope.until)
        return and_(*conds)

    @property
    def _naive(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def _now(self) -> datetime:
        now = datetime.now(timezone.utc)
        return now.replace(tzinfo=None) if self._naive else now

    def count(self, scope: Scope) -> int:
        if scope.accessions is not None and not scope.accessions:
            return 0
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(self.filings)
                                .where(self._where(scope))).scalar_one()

    def claim(self, scope: Scope, limit: int):
        """Claim up to `limit` filings for this worker; returns them as FilingRefs."""
        from ..records import FilingRef

        if scope.accessions is not None and not scope.accessions:
            return []
        f = self.filings.c
        now = self._now()
        lease_cutoff = now - CLAIM_LEASE
        free = or_(f.claimed_by.is_(None), f.claimed_at < lease_cutoff,
                   f.claimed_by.like(socket.gethostname() + ":%"))
        # Over-select a little: same-host claims of live workers are filtered out below.
        query = (select(f.accession_number, f.claimed_by)
                 .where(self._where(scope), free)
                 .order_by(f.filed_date, f.accession_number)
                 .limit(limit * 4))
        if self.engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True, of=self.filings)
        with self.engine.begin() as conn:
            rows = conn.execute(query).all()
            mine = [acc for acc, holder in rows
                    if holder is None or holder == self.worker_id or _holder_gone(holder, self.worker_id)
                    or self._lease_over(conn, acc, lease_cutoff)][:limit]
            if not mine:
                return []
            conn.execute(update(self.filings)
                         .where(f.accession_number.in_(mine))
                         .values(claimed_by=self.worker_id, claimed_at=now))
            got = conn.execute(select(self.filings).where(f.accession_number.in_(mine),
                                                          f.claimed_by == self.worker_id)
                               .order_by(f.filed_date, f.accession_number)).mappings().all()
        return [FilingRef(accession_number=r["accession_number"], cik=int(r["cik"]),
                          company=r.get("company") or "", form_type=r["form_type"],
                          filed_date=r["filed_date"],
                          path=f"/Archives/edgar/data/{int(r['cik'])}/{r['accession_number']}.txt")
                for r in got]

    def _lease_over(self, conn, acc: str, cutoff: datetime) -> bool:
        f = self.filings.c
        claimed_at = conn.execute(select(f.claimed_at).where(f.accession_number == acc)).scalar()
        return claimed_at is not None and claimed_at < cutoff

    def release_unfinished(self) -> None:
        """Give back claimed filings this worker did not get to (e.g. after Ctrl-C)."""
        f = self.filings.c
        try:
            with self.engine.begin() as conn:
                conn.execute(update(self.filings)
                             .where(f.claimed_by == self.worker_id, f.fetch_status == PENDING)
                             .values(claimed_by=None, claimed_at=None))
        except Exception:  # a later run frees them anyway (dead holder / lease)
            log.debug("could not release claims of %s", self.worker_id, exc_info=True)
