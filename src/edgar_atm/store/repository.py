"""Writing to the store: filings through their life, parsed events, programs, run state.

Transaction convention: every function takes a Session and commits nothing; the caller owns
the transaction (`with sessions.begin() as session: ...`). `save_parsed_filing` additionally
runs inside a SAVEPOINT, so a failure leaves nothing of that filing behind even when the
caller goes on with other work in the same transaction. With several writer processes, commit
after each filing: saves of one issuer are serialised by a lock on its row (PostgreSQL) or by
SQLite's single writer, and a long transaction holds that lock.

Everything here is idempotent: discovering, fetching or saving the same filing again changes
nothing that is already right (row contents included, so timestamps only move on a change).

Reads for the timeline are in store.timeline; `load_timeline` is re-exported here.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator, Sequence

from sqlalchemy import and_, bindparam, case, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import EVENT_TYPES, SEC_ARCHIVES_URL, Event, FilingRef, ParsedFiling
from . import linking
from .base import utcnow
from .models import (
    Checkpoint,
    EventRow,
    Filing,
    FilingFiler,
    IngestionRun,
    Issuer,
    IssuerTicker,
    Program,
    ProgramAgent,
)
from .timeline import TimelineRow, UnknownIssuer, load_timeline, resolve_issuer  # noqa: F401 (re-export)

log = logging.getLogger(__name__)

_MONEY_LIMIT = Decimal(10) ** 18
_RATE_LIMIT = Decimal(1000)
_BIGINT_LIMIT = 2**63
_CENT = Decimal("0.01")
_RATE_QUANTUM = Decimal("0.000001")
_SAVE_RETRIES = 3

issuers_t = Issuer.__table__
tickers_t = IssuerTicker.__table__
filings_t = Filing.__table__
filers_t = FilingFiler.__table__
events_t = EventRow.__table__
programs_t = Program.__table__
program_agents_t = ProgramAgent.__table__


class NoSuchFiling(StoreError):
    """A fetch/parse result for an accession number that was never recorded."""


# ------------------------------------------------------------------ small helpers


def _insert(session: Session, table):
    """INSERT with ON CONFLICT support for the session's dialect."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database dialect {name!r} (SQLite and PostgreSQL are)")


def _text(value: str | None, *, limit: int | None = None, what: str = "value") -> str | None:
    """Text as PostgreSQL accepts it (no NUL), within a column's length."""
    if value is None:
        return None
    value = str(value).replace("\x00", "")
    if limit is not None and len(value) > limit:
        raise StoreError(f"{what} {value[:40]!r}... is longer than {limit} characters")
    return value


def _money(value, what: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value)).quantize(_CENT)
    except (InvalidOperation, ValueError) as exc:
        raise StoreError(f"{what} {value!r} is not an amount") from exc
    if not amount.is_finite() or abs(amount) >= _MONEY_LIMIT:
        raise StoreError(f"{what} {value!r} is out of range")
    return amount


def _rate(value) -> Decimal | None:
    if value is None:
        return None
    try:
        rate = Decimal(str(value)).quantize(_RATE_QUANTUM)
    except (InvalidOperation, ValueError) as exc:
        raise StoreError(f"commission_rate {value!r} is not a number") from exc
    if not rate.is_finite() or abs(rate) >= _RATE_LIMIT:
        raise StoreError(f"commission_rate {value!r} is out of range")
    return rate


def _count(value, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or int(value) != value:
        raise StoreError(f"{what} {value!r} is not a whole number")
    if not -_BIGINT_LIMIT <= int(value) < _BIGINT_LIMIT:
        raise StoreError(f"{what} {value!r} is out of range")
    return int(value)


def _date(value, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise StoreError(f"{what} {value!r} is not a date") from exc


def _filing_id(session: Session, accession: str, *, lock: bool = False) -> int | None:
    query = select(filings_t.c.id).where(filings_t.c.accession_number == accession)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar()


def _path_of(source_url: str | None, cik: int, accession: str) -> str:
    if source_url and source_url.startswith(SEC_ARCHIVES_URL + "/"):
        return source_url[len(SEC_ARCHIVES_URL):]
    return f"/Archives/edgar/data/{cik}/{accession}.txt"


# ------------------------------------------------------------------ issuers


def upsert_issuer(session: Session, cik: int, name: str | None = None,
                  tickers: Iterable[str] | None = None, sic: int | None = None) -> None:
    """Create the issuer or update what is given (None leaves a field as it is).

    `tickers`, when given, replaces the issuer's set of tickers (stored upper-case).
    """
    _upsert_issuers(session, {int(cik): (name, sic)})
    if tickers is not None:
        wanted = sorted({t.strip().upper() for t in tickers if t and t.strip()})
        for t in wanted:
            _text(t, limit=16, what="ticker")
        have = set(session.execute(select(tickers_t.c.ticker).where(tickers_t.c.cik == cik)).scalars())
        if have != set(wanted):
            session.execute(delete(tickers_t).where(tickers_t.c.cik == cik))
            if wanted:
                session.execute(tickers_t.insert(), [{"cik": cik, "ticker": t} for t in wanted])


def _upsert_issuers(session: Session, issuers: dict[int, tuple[str | None, int | None]]) -> None:
    """Insert or update issuers in CIK order. On PostgreSQL the upsert locks each row until
    the transaction ends, which serialises concurrent saves for one issuer (see linking)."""
    now = utcnow()
    for cik in sorted(issuers):
        name, sic = issuers[cik]
        name = _text(name, what="issuer name")
        stmt = _insert(session, issuers_t).values(cik=cik, name=name, sic=sic, created_at=now, updated_at=now)
        excluded = stmt.excluded
        new_name = func.coalesce(excluded.name, issuers_t.c.name)
        new_sic = func.coalesce(excluded.sic, issuers_t.c.sic)
        stmt = stmt.on_conflict_do_update(
            index_elements=[issuers_t.c.cik],
            set_={"name": new_name, "sic": new_sic, "updated_at": excluded.updated_at},
            where=or_(issuers_t.c.name.is_distinct_from(new_name), issuers_t.c.sic.is_distinct_from(new_sic)),
        )
        session.execute(stmt)


# ------------------------------------------------------------------ discovery and fetch


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
    for chunk in _chunks(refs, 500):
        known = set(session.execute(
            select(filings_t.c.accession_number).where(filings_t.c.accession_number.in_([r.accession_number for r in chunk]))
        ).scalars())
        rows = [{
            "accession_number": _text(r.accession_number, limit=20, what="accession number"),
            "cik": r.cik,
            "company": _text(r.company or None, what="company"),
            "form_type": _text(r.form_type, limit=16, what="form type"),
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
            stmt = _insert(session, filings_t).on_conflict_do_nothing(index_elements=[filings_t.c.accession_number])
            result = session.execute(stmt, rows)
            new += len(rows) if result.rowcount in (None, -1) else result.rowcount
    return new


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def mark_fetched(session: Session, accession: str, *, sha256: str, size: int) -> None:
    """The raw document is stored: fetch_status 'fetched', attempts + 1, error cleared."""
    now = utcnow()
    result = session.execute(
        update(filings_t).where(filings_t.c.accession_number == accession).values(
            fetch_status="fetched", attempts=filings_t.c.attempts + 1, fetched_at=now,
            raw_sha256=_text(sha256, limit=64, what="sha256"), raw_size=size, error=None, updated_at=now,
        )
    )
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def mark_fetch_failed(session: Session, accession: str, error: str, *, permanent: bool) -> None:
    """A fetch failed: status 'not_found' when the file is not there (never retried) or
    'failed' (retried by later runs up to their max_attempts); attempts + 1; the error kept.
    A filing already fetched keeps its status (a later refetch failing loses nothing)."""
    now = utcnow()
    status = "not_found" if permanent else "failed"
    result = session.execute(
        update(filings_t).where(filings_t.c.accession_number == accession).values(
            fetch_status=case((filings_t.c.fetch_status == "fetched", "fetched"), else_=status),
            attempts=filings_t.c.attempts + 1,
            error=_text(error, what="error")[:4000] if error else error,
            updated_at=now,
        )
    )
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def mark_parse_failed(session: Session, accession: str, error: str, *, parser_version: str) -> None:
    """Parsing (or saving the events) failed: parse_status 'failed' with the error. Events
    saved by an earlier successful parse are kept: bad input never loses stored data."""
    now = utcnow()
    result = session.execute(
        update(filings_t).where(filings_t.c.accession_number == accession).values(
            parse_status="failed", parser_version=_text(parser_version, limit=64, what="parser version"),
            error=(_text(error, what="error") or "")[:4000], parsed_at=now, updated_at=now,
        )
    )
    if result.rowcount == 0:
        raise NoSuchFiling(f"filing {accession} was never recorded", accession_number=accession)


def _filing_filters(forms, ciks, since, until):
    conds = []
    if forms:
        conds.append(filings_t.c.form_type.in_(list(forms)))
    if ciks:
        conds.append(filings_t.c.cik.in_([int(c) for c in ciks]))
    if since:
        conds.append(filings_t.c.filed_date >= since)
    if until:
        conds.append(filings_t.c.filed_date <= until)
    return conds


def _refs(session: Session, where, batch: int = 1000) -> Iterator[FilingRef]:
    # Keyset pagination, so a caller that writes while iterating never holds a huge cursor.
    last = ""
    c = filings_t.c
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
                            path=_path_of(r.source_url, int(r.cik), r.accession_number))
        last = rows[-1].accession_number


def filings_to_fetch(session: Session, *, max_attempts: int, forms=None, ciks=None,
                     since: date | None = None, until: date | None = None) -> Iterator[FilingRef]:
    """Filings still to fetch: pending, or failed fewer than `max_attempts` times.
    In accession-number order (for a stable, resumable walk)."""
    where = [or_(filings_t.c.fetch_status == "pending",
                 and_(filings_t.c.fetch_status == "failed", filings_t.c.attempts < max_attempts)),
             *_filing_filters(forms, ciks, since, until)]
    return _refs(session, where)


def filings_to_reparse(session: Session, *, forms=None, ciks=None, since: date | None = None,
                       until: date | None = None, parser_version: str | None = None) -> Iterator[FilingRef]:
    """Fetched filings (their raw document is stored), optionally only those parsed by
    another parser version than `parser_version` (or never parsed successfully)."""
    where = [filings_t.c.fetch_status == "fetched", *_filing_filters(forms, ciks, since, until)]
    if parser_version is not None:
        where.append(or_(filings_t.c.parser_version.is_distinct_from(parser_version),
                         filings_t.c.parse_status != "parsed"))
    return _refs(session, where)


# ------------------------------------------------------------------ parsed filings


@dataclass(frozen=True)
class _EventValues:
    values: dict[str, Any]
    fingerprint: str


def _event_values(event: Event, filed_date: date | None) -> _EventValues:
    if event.type not in EVENT_TYPES:
        raise StoreError(f"unknown event type {event.type!r}")
    agents = [_text(a.strip(), what="agent") for a in (event.agents or []) if a and a.strip()]
    values = {
        "event_type": event.type,
        "agreement_type": _text(event.agreement_type, what="agreement_type"),
        "agreement_date": _date(event.agreement_date, "agreement_date"),
        "amendment_date": _date(event.amendment_date, "amendment_date"),
        "agents": "; ".join(agents) if agents else None,
        "security": _text(event.security, what="security"),
        "max_amount": _money(event.max_amount, "max_amount"),
        "offered_amount": _money(event.offered_amount, "offered_amount"),
        "max_shares": _count(event.max_shares, "max_shares"),
        "shares_sold": _count(event.shares_sold, "shares_sold"),
        "gross_proceeds": _money(event.gross_proceeds, "gross_proceeds"),
        "net_proceeds": _money(event.net_proceeds, "net_proceeds"),
        "as_of": _date(event.as_of, "as_of"),
        "remaining_amount": _money(event.remaining_amount, "remaining_amount"),
        "effective_date": _date(event.effective_date, "effective_date"),
        "commission_rate": _rate(event.commission_rate),
        "excerpt": _text(event.excerpt, what="excerpt"),
    }
    values["event_date"] = linking.event_date(
        event.type, filed_date=filed_date, effective_date=values["effective_date"],
        amendment_date=values["amendment_date"], as_of=values["as_of"])
    canonical = json.dumps({**values, "agents": agents}, sort_keys=True, default=str)
    return _EventValues(values, hashlib.sha256(canonical.encode()).hexdigest())


def save_parsed_filing(session: Session, parsed: ParsedFiling, *, source_url: str | None,
                       raw_sha256: str | None, parser_version: str) -> int:
    """Store one parsed filing; returns the filing's id.

    Creates or updates the issuer(s) and the filing (parse_status 'parsed', fetch_status
    'fetched'), replaces the filing's events when they differ from what is stored, and
    relinks the issuer's programs. Runs in a SAVEPOINT: on any error nothing of this filing
    is left and the caller's transaction stays usable. Saving the same result again changes
    no row. Two processes saving one filing at once leave one copy: the issuer row lock (or
    SQLite's writer lock) serialises them, and a unique-key race is retried.
    """
    if not parsed.accession_number:
        raise StoreError("a parsed filing without an accession number cannot be stored")
    if parsed.cik is None:
        raise StoreError("a parsed filing without a CIK cannot be stored", accession_number=parsed.accession_number)
    if not parsed.form_type:
        raise StoreError("a parsed filing without a form type cannot be stored",
                         accession_number=parsed.accession_number)
    for attempt in range(1, _SAVE_RETRIES + 1):
        try:
            with session.begin_nested():
                return _save(session, parsed, source_url=source_url, raw_sha256=raw_sha256,
                             parser_version=parser_version)
        except IntegrityError as exc:
            if attempt == _SAVE_RETRIES:
                raise StoreError(f"could not store {parsed.accession_number}: {exc.orig}",
                                 accession_number=parsed.accession_number) from exc
            log.info("concurrent save of %s, retrying (%s)", parsed.accession_number, exc.orig)
        except StoreError as exc:
            if exc.accession_number is None:
                exc.accession_number = parsed.accession_number
            raise
    raise AssertionError("unreachable")


def _save(session: Session, parsed: ParsedFiling, *, source_url, raw_sha256, parser_version) -> int:
    acc = _text(parsed.accession_number, limit=20, what="accession number")
    cik = int(parsed.cik)
    now = utcnow()
    issuers = {cik: (parsed.company, None)}
    for filer in parsed.filers:
        if filer.cik == cik:
            issuers[cik] = (parsed.company or filer.name, filer.sic)
        else:
            issuers.setdefault(int(filer.cik), (filer.name, filer.sic))
    _upsert_issuers(session, issuers)

    events = []
    seen = set()
    for event in parsed.events:
        ev = _event_values(event, parsed.filed_date)
        if ev.fingerprint not in seen:  # the same event twice in one filing is stored once
            seen.add(ev.fingerprint)
            events.append(ev)

    c = filings_t.c
    wanted = {
        "cik": cik,
        "company": _text(parsed.company, what="company"),
        "form_type": _text(parsed.form_type, limit=16, what="form type"),
        "filed_date": _date(parsed.filed_date, "filed_date"),
        "parse_status": "parsed",
        "parser_version": _text(parser_version, limit=64, what="parser version"),
        "atm_related": bool(parsed.atm_related),
        "event_count": len(events),
        "fetch_status": "fetched",
        "error": None,
    }
    if source_url is not None:
        wanted["source_url"] = _text(source_url, what="source URL")
    if raw_sha256 is not None:
        wanted["raw_sha256"] = _text(raw_sha256, limit=64, what="sha256")

    row = session.execute(
        select(c.id, *(c[k] for k in wanted)).where(c.accession_number == acc).with_for_update()
    ).mappings().first()
    previous_cik = None
    if row is None:
        filing_id = session.execute(
            filings_t.insert().values(accession_number=acc, attempts=0, parsed_at=now, created_at=now,
                                      updated_at=now, **wanted).returning(c.id)
        ).scalar_one()
        is_new = True
    else:
        filing_id = row["id"]
        is_new = False
        changes = {k: v for k, v in wanted.items() if row[k] != v}
        if changes:
            if "cik" in changes:
                previous_cik = row["cik"]
            session.execute(update(filings_t).where(c.id == filing_id).values(
                **changes, parsed_at=now, updated_at=now))

    _save_filers(session, filing_id, cik, parsed, is_new)
    events_changed = _save_events(session, filing_id, events, is_new)
    if events_changed or is_new or previous_cik is not None:
        relink_issuer(session, cik)
        if previous_cik is not None:
            relink_issuer(session, previous_cik)
    return filing_id


def _save_filers(session: Session, filing_id: int, cik: int, parsed: ParsedFiling, is_new: bool) -> None:
    wanted = {cik: None}
    for filer in parsed.filers:
        wanted[int(filer.cik)] = _text(filer.file_number, limit=32, what="file number") if filer.file_number else wanted.get(int(filer.cik))
    if not is_new:
        have = dict(session.execute(
            select(filers_t.c.cik, filers_t.c.file_number).where(filers_t.c.filing_id == filing_id)).all())
        if have == wanted:
            return
        session.execute(delete(filers_t).where(filers_t.c.filing_id == filing_id))
    session.execute(filers_t.insert(), [
        {"filing_id": filing_id, "cik": k, "file_number": v} for k, v in sorted(wanted.items())])


def _save_events(session: Session, filing_id: int, events: list[_EventValues], is_new: bool) -> bool:
    if not is_new:
        have = session.execute(
            select(events_t.c.seq, events_t.c.fingerprint).where(events_t.c.filing_id == filing_id)
            .order_by(events_t.c.seq)).all()
        if [tuple(r) for r in have] == [(i, ev.fingerprint) for i, ev in enumerate(events)]:
            return False
        session.execute(delete(events_t).where(events_t.c.filing_id == filing_id))
    if events:
        session.execute(events_t.insert(), [
            {**ev.values, "filing_id": filing_id, "seq": i, "fingerprint": ev.fingerprint}
            for i, ev in enumerate(events)])
    return True


# ------------------------------------------------------------------ programs


_LINK_COLUMNS = (
    "event_type", "event_date", "agreement_type", "agreement_date", "agents", "security", "max_amount",
    "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
    "remaining_amount",
)
_STATE_COLUMNS = (
    "agreement_type", "agreement_date", "security", "agents", "status", "status_date", "current_cap",
    "max_shares", "offered_amount", "shares_sold", "gross_proceeds", "net_proceeds", "sales_as_of",
    "remaining_capacity", "event_count", "first_filing_id", "last_filing_id",
)


def relink_issuer(session: Session, cik: int) -> None:
    """Recompute the programs of one issuer from all its events (see store.linking), and
    write only what changed. Called by save_parsed_filing; callable on its own, e.g. after
    the linking rules changed."""
    e, f = events_t.c, filings_t.c
    rows = session.execute(
        select(e.id, e.filing_id, e.seq, e.program_id, f.accession_number, f.filed_date,
               *(e[k] for k in _LINK_COLUMNS))
        .join_from(events_t, filings_t, f.id == e.filing_id).where(f.cik == cik)
    ).all()
    link_events = [linking.LinkEvent(
        event_id=r.id, filing_id=r.filing_id, accession_number=r.accession_number, filed_date=r.filed_date,
        seq=r.seq, event_type=r.event_type, event_date=r.event_date, agreement_type=r.agreement_type,
        agreement_date=r.agreement_date, agents=tuple(r.agents.split("; ")) if r.agents else (),
        security=r.security, max_amount=r.max_amount, offered_amount=r.offered_amount,
        max_shares=r.max_shares, shares_sold=r.shares_sold, gross_proceeds=r.gross_proceeds,
        net_proceeds=r.net_proceeds, as_of=r.as_of, remaining_amount=r.remaining_amount,
    ) for r in rows]
    current_program = {r.id: r.program_id for r in rows}
    clusters = linking.link(link_events)

    p = programs_t.c
    existing = {r.program_key: r for r in session.execute(
        select(p.id, p.program_key, *(p[k] for k in _STATE_COLUMNS)).where(p.cik == cik)).all()}
    existing_agents: dict[int, list[str]] = {}
    if existing:
        for pid, agent in session.execute(
                select(program_agents_t.c.program_id, program_agents_t.c.agent)
                .where(program_agents_t.c.program_id.in_([r.id for r in existing.values()]))
                .order_by(program_agents_t.c.program_id, program_agents_t.c.position)).all():
            existing_agents.setdefault(pid, []).append(agent)

    now = utcnow()
    assignment: dict[int, int] = {}
    keep: set[int] = set()
    for cluster in clusters:
        state = linking.derive_state(cluster.events)
        values = {
            "agreement_type": state.agreement_type,
            "agreement_date": cluster.agreement_date,
            "security": state.security,
            "agents": "; ".join(state.agents) if state.agents else None,
            "status": state.status,
            "status_date": state.status_date,
            "current_cap": state.current_cap,
            "max_shares": state.max_shares,
            "offered_amount": state.offered_amount,
            "shares_sold": state.shares_sold,
            "gross_proceeds": state.gross_proceeds,
            "net_proceeds": state.net_proceeds,
            "sales_as_of": state.sales_as_of,
            "remaining_capacity": state.remaining_capacity,
            "event_count": state.event_count,
            "first_filing_id": state.first_filing_id,
            "last_filing_id": state.last_filing_id,
        }
        old = existing.get(cluster.key)
        if old is None:
            program_id = session.execute(programs_t.insert().values(
                cik=cik, program_key=cluster.key, created_at=now, updated_at=now, **values).returning(p.id)
            ).scalar_one()
        else:
            program_id = old.id
            changes = {k: v for k, v in values.items() if getattr(old, k) != v}
            if changes:
                session.execute(update(programs_t).where(p.id == program_id).values(**changes, updated_at=now))
        keep.add(program_id)
        if existing_agents.get(program_id, []) != list(state.all_agents):
            session.execute(delete(program_agents_t).where(program_agents_t.c.program_id == program_id))
            if state.all_agents:
                session.execute(program_agents_t.insert(), [
                    {"program_id": program_id, "agent": a, "position": i} for i, a in enumerate(state.all_agents)])
        for ev in cluster.events:
            assignment[ev.event_id] = program_id

    moved = [{"eid": eid, "pid": pid} for eid, pid in assignment.items() if current_program.get(eid) != pid]
    if moved:
        session.execute(update(events_t).where(e.id == bindparam("eid")).values(program_id=bindparam("pid")),
                        moved)
    gone = [r.id for r in existing.values() if r.id not in keep]
    if gone:
        session.execute(delete(programs_t).where(p.id.in_(gone)))


# ------------------------------------------------------------------ checkpoints and runs


def get_checkpoint(session: Session, name: str) -> str | None:
    return session.execute(select(Checkpoint.value).where(Checkpoint.name == name)).scalar()


def set_checkpoint(session: Session, name: str, value: str) -> None:
    """Set a named bookmark (in the caller's transaction, so it commits with the work)."""
    now = utcnow()
    stmt = _insert(session, Checkpoint.__table__).values(name=name, value=value, updated_at=now)
    stmt = stmt.on_conflict_do_update(index_elements=["name"], set_={"value": value, "updated_at": now})
    session.execute(stmt)


def start_run(session: Session, kind: str, params: dict | None = None) -> int:
    """Record the start of a nightly/backfill/reparse run; returns its id."""
    return session.execute(IngestionRun.__table__.insert().values(
        kind=kind, params=params or {}, status="running", started_at=utcnow()
    ).returning(IngestionRun.__table__.c.id)).scalar_one()


def finish_run(session: Session, run_id: int, *, status: str, counts: dict | None = None,
               error: str | None = None) -> None:
    session.execute(update(IngestionRun.__table__).where(IngestionRun.__table__.c.id == run_id).values(
        status=status, counts=counts or {}, finished_at=utcnow(), error=_text(error, what="error")))
