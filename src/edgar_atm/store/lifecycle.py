"""A filing's life cycle before and around parsing: discovered (pending), fetched or failed,
parse failed; and the walks over filings still to fetch or to reparse."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator, cast

from sqlalchemy import and_, bindparam, case, or_, select, update
from sqlalchemy.engine import CursorResult, Result
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import FilingRef
from . import values as v
from .base import utcnow
from .issuers import _upsert_issuers


class NoSuchFiling(StoreError):
    """A fetch/parse result for an accession number that was never recorded."""


def _cursor(result: Result[Any]) -> CursorResult[Any]:
    """Session.execute is typed to return a Result; for a Core INSERT/UPDATE it is the
    CursorResult, whose rowcount the callers read."""
    return cast(CursorResult[Any], result)


def record_discovered(session: Session, refs: Iterable[FilingRef]) -> int:
    """Insert the filings not yet known, with fetch_status 'pending'; returns how many were new.

    A filing already known is left alone (its progress is never reset); its issuer is created
    if needed, and its name filled in when unknown.
    """
    refs = list({r.accession_number: r for r in refs}.values())
    if not refs:
        return 0
    _upsert_issuers(session, {r.cik: (r.company or None, None) for r in refs})
    now = utcnow()
    new = 0
    for chunk in v.chunks(refs, 500):
        known = set(session.execute(
            select(v.filings_t.c.accession_number)
            .where(v.filings_t.c.accession_number.in_([r.accession_number for r in chunk]))
        ).scalars())
        rows = [{
            "accession_number": v.text_value(r.accession_number, limit=20, what="accession number"),
            "cik": r.cik,
            "company": v.text_value(r.company or None, what="company"),
            "form_type": v.text_value(r.form_type, limit=16, what="form type"),
            "filed_date": r.filed_date,
            "source_url": r.url,
            "fetch_status": "pending",
            "parse_status": "pending",
            "attempts": 0,
            "event_count": 0,
            "created_at": now,
            "updated_at": now,
        } for r in chunk if r.accession_number not in known]
        if rows:
            stmt = v.insert_for(session, v.filings_t).on_conflict_do_nothing(
                index_elements=[v.filings_t.c.accession_number])
            result = _cursor(session.execute(stmt, rows))
            new += len(rows) if result.rowcount in (None, -1) else result.rowcount
    return new



_MARK_FETCHED = update(v.filings_t).where(v.filings_t.c.accession_number == bindparam("acc")).values(
    fetch_status="fetched", attempts=v.filings_t.c.attempts + 1, fetched_at=bindparam("now"),
    raw_sha256=bindparam("sha"), raw_size=bindparam("size"), error=None, updated_at=bindparam("now"),
)


def mark_fetched(session: Session, accession: str, *, sha256: str, size: int) -> None:
    """The raw document is stored: fetch_status 'fetched', attempts + 1, error cleared."""
    result = session.connection().execute(_MARK_FETCHED, {
        "acc": accession, "now": utcnow(), "sha": v.text_value(sha256, limit=64, what="sha256"), "size": size})
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def mark_fetch_failed(session: Session, accession: str, error: str, *, permanent: bool) -> None:
    """A fetch failed: status 'not_found' when the file is not there (never retried) or
    'failed' (retried by later runs up to their max_attempts); attempts + 1; the error kept.
    A filing already fetched keeps its status (a later refetch failing loses nothing)."""
    now = utcnow()
    status = "not_found" if permanent else "failed"
    result = _cursor(session.execute(
        update(v.filings_t).where(v.filings_t.c.accession_number == accession).values(
            fetch_status=case((v.filings_t.c.fetch_status == "fetched", "fetched"), else_=status),
            attempts=v.filings_t.c.attempts + 1,
            error=v.text_value(error, what="error")[:4000] if error else error,
            updated_at=now,
        )
    ))
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def mark_parse_failed(session: Session, accession: str, error: str, *, parser_version: str) -> None:
    """Parsing (or saving the events) failed: parse_status 'failed' with the error. Events
    saved by an earlier successful parse are kept: bad input never loses stored data."""
    now = utcnow()
    result = _cursor(session.execute(
        update(v.filings_t).where(v.filings_t.c.accession_number == accession).values(
            parse_status="failed", parser_version=v.text_value(parser_version, limit=64, what="parser version"),
            error=(v.text_value(error, what="error") or "")[:4000], parsed_at=now, updated_at=now,
        )
    ))
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def _filing_filters(forms, ciks, since, until):
    conds = []
    if forms:
        conds.append(v.filings_t.c.form_type.in_(list(forms)))
    if ciks:
        conds.append(v.filings_t.c.cik.in_([int(c) for c in ciks]))
    if since:
        conds.append(v.filings_t.c.filed_date >= since)
    if until:
        conds.append(v.filings_t.c.filed_date <= until)
    return conds


def _refs(session: Session, where, batch: int = 1000) -> Iterator[FilingRef]:
    # Keyset pagination, so a caller that writes while iterating never holds a huge cursor.
    last = ""
    c = v.filings_t.c
    while True:
        rows = session.execute(
            select(c.accession_number, c.cik, c.company, c.form_type, c.filed_date, c.source_url)
            .where(and_(*where), c.accession_number > last)
            .order_by(c.accession_number).limit(batch)
        ).all()
        if not rows:
            return
        for r in rows:
            yield FilingRef(accession_number=r.accession_number, cik=int(r.cik), company=r.company or "",
                            form_type=r.form_type, filed_date=r.filed_date,
                            path=v.path_of(r.source_url, int(r.cik), r.accession_number))
        last = rows[-1].accession_number


def filings_to_fetch(session: Session, *, max_attempts: int, forms=None, ciks=None,
                     since: date | None = None, until: date | None = None) -> Iterator[FilingRef]:
    """Filings still to fetch: pending, or failed fewer than `max_attempts` times.
    In accession-number order (for a stable, resumable walk)."""
    where = [or_(v.filings_t.c.fetch_status == "pending",
                 and_(v.filings_t.c.fetch_status == "failed", v.filings_t.c.attempts < max_attempts)),
             *_filing_filters(forms, ciks, since, until)]
    return _refs(session, where)


def filings_to_reparse(session: Session, *, forms=None, ciks=None, since: date | None = None,
                       until: date | None = None, parser_version: str | None = None) -> Iterator[FilingRef]:
    """Fetched filings (their raw document is stored), optionally only those parsed by
    another parser version than `parser_version` (or never parsed successfully)."""
    where = [v.filings_t.c.fetch_status == "fetched", *_filing_filters(forms, ciks, since, until)]
    if parser_version is not None:
        where.append(or_(v.filings_t.c.parser_version.is_distinct_from(parser_version),
                         v.filings_t.c.parse_status != "parsed"))
    return _refs(session, where)

