"""Claiming filings through the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import socket
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import update

from edgar_atm.pipeline.workers import Scope, WorkQueue, holder_gone

INDEX = Path(__file__).resolve().parents[1] / "data" / "edgar" / "index" / "daily" / "form.20200318.idx"


@pytest.fixture
def filings(migrated_engine):
    """The 424B5 and 424B3 filings of the real daily index of 2020-03-18, as rows to fetch."""
    from edgar_atm.edgar.indexes import dedupe_by_accession, parse_form_index
    from edgar_atm.store.db import session_factory
    from edgar_atm.store.models import Filing, Issuer

    refs = dedupe_by_accession(parse_form_index(INDEX.read_bytes(), forms=("424B3", "424B5"))).refs
    assert len(refs) > 40
    with session_factory(migrated_engine).begin() as session:
        for cik in sorted({r.cik for r in refs}):
            session.add(Issuer(cik=cik, name=next(r.company for r in refs if r.cik == cik)))
        session.flush()
        for r in refs:
            session.add(Filing(accession_number=r.accession_number, cik=r.cik, company=r.company,
                               form_type=r.form_type, filed_date=r.filed_date, source_url=r.url))
    return refs


def _other_host(n: int) -> str:
    return f"elsewhere-{n}:{1000 + n}:token{n}"


def test_workers_claim_disjoint_batches_until_none_is_left(migrated_engine, filings):
    queues = [WorkQueue(migrated_engine, worker_id=_other_host(i)) for i in range(3)]
    seen: list[str] = []
    while True:
        got = [q.claim(Scope(), 7) for q in queues]
        if not any(got):
            break
        for batch in got:
            seen += [r.accession_number for r in batch]
            _mark(migrated_engine, [r.accession_number for r in batch], fetch_status="fetched")
    assert sorted(seen) == sorted(r.accession_number for r in filings)
    assert len(seen) == len(set(seen))


def test_scope_limits_what_is_claimed(migrated_engine, filings):
    q = WorkQueue(migrated_engine, worker_id=_other_host(1))
    got = q.claim(Scope(forms=("424B5",)), 1000)
    assert got and {r.form_type for r in got} == {"424B5"}
    assert q.count(Scope(forms=("424B5",))) == len(got)   # still pending until fetched
    assert q.claim(Scope(accessions=frozenset()), 10) == []
    one = filings[0].accession_number
    assert q.count(Scope(accessions=frozenset({one}))) == 1


def test_a_live_claim_is_respected_and_a_dead_one_is_taken_over(migrated_engine, filings):
    me = WorkQueue(migrated_engine)
    host = socket.gethostname()
    accs = [r.accession_number for r in filings[:4]]
    now = datetime.now(timezone.utc)
    # A live holder on another host, a dead process on this host, a stale claim elsewhere.
    _mark(migrated_engine, accs[:1], claimed_by=_other_host(9), claimed_at=now)
    _mark(migrated_engine, accs[1:2], claimed_by=f"{host}:999999999:dead", claimed_at=now)
    _mark(migrated_engine, accs[2:3], claimed_by=_other_host(8), claimed_at=now - timedelta(hours=2))
    got = {r.accession_number for r in me.claim(Scope(accessions=frozenset(accs)), 10)}
    assert got == set(accs[1:])


def test_failures_are_retried_on_a_later_run_only_and_within_the_bound(migrated_engine, filings):
    accs = [r.accession_number for r in filings[:3]]
    first = WorkQueue(migrated_engine, worker_id=_other_host(1), max_attempts=5)
    assert {r.accession_number for r in first.claim(Scope(accessions=frozenset(accs)), 10)} == set(accs)
    _mark(migrated_engine, accs[:1], fetch_status="not_found", attempts=1)
    _mark(migrated_engine, accs[1:2], fetch_status="failed", attempts=5)
    _mark(migrated_engine, accs[2:], fetch_status="fetched", attempts=1)
    with migrated_engine.begin() as conn:   # what the pipeline does with each outcome
        for acc in accs:
            conn.execute(first.finished(acc))
    # The same run never retries its own failures: no loop within a run.
    assert first.claim(Scope(accessions=frozenset(accs)), 10) == []
    later = WorkQueue(migrated_engine, worker_id=_other_host(2), max_attempts=5)
    # A later run retries "not found" (may be "not there yet"), not what used up its attempts.
    assert later.count(Scope(only_failed=True)) == 1
    assert [r.accession_number for r in later.claim(Scope(accessions=frozenset(accs)), 10)] == accs[:1]


def test_concurrent_claims_never_overlap(migrated_engine, filings):
    claimed: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        q = WorkQueue(migrated_engine, worker_id=_other_host(n))
        mine = claimed.setdefault(q.worker_id, [])
        try:
            while batch := q.claim(Scope(), 3):
                mine += [r.accession_number for r in batch]
                _mark(migrated_engine, [r.accession_number for r in batch], fetch_status="fetched")
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    everything = [a for batch in claimed.values() for a in batch]
    assert sorted(everything) == sorted(r.accession_number for r in filings)


def test_holder_liveness():
    me = f"{socket.gethostname()}:{__import__('os').getpid()}:mine"
    assert holder_gone(None, me)
    assert holder_gone("garbage", me)
    assert not holder_gone(me, me)
    assert holder_gone(me.replace(":mine", ":earlier-run"), me)
    assert not holder_gone("other-host:1:x", me)
    assert holder_gone(f"{socket.gethostname()}:999999999:x", me)


def _mark(engine, accessions, **values) -> None:
    from edgar_atm.store.models import Filing

    with engine.begin() as conn:
        conn.execute(update(Filing).where(Filing.accession_number.in_(accessions)).values(**values))
