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


_MARK_FETCHED = update(filings_t).where(filings_t.c.accession_number == bindparam("acc")).values(
    fetch_status="fetched", attempts=filings_t.c.attempts + 1, fetched_at=bindparam("now"),
    raw_sha256=bindparam("sha"), raw_size=bindparam("size"), error=None, updated_at=bindparam("now"),
)


def mark_fetched(session: Session, accession: str, *, sha256: str, size: int) -> None:
    """The raw document is stored: fetch_status 'fetched', attempts + 1, error cleared."""
    result = session.connection().execute(_MARK_FETCHED, {
        "acc": accession, "now": utcnow(), "sha": _text(sha256, limit=64, what="sha256"), "size": size})
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
_FILING_FIELDS = ("cik", "company", "form_type", "filed_date", "parse_status", "parser_version", "atm_related",
                  "event_count", "fetch_status", "error", "source_url", "raw_sha256")


class _Statements:
    """The statements of the save path, built once per dialect.

    Building a statement costs several times more than executing it (SQLAlchemy caches the
    compiled form, not the construction). Each works on a whole batch of filings at once
    (IN lists, executemany), so a batch costs about a dozen round trips, whatever its size.
    """

    def __init__(self, dialect_name: str):
        c, e, f, p, pa = filings_t.c, events_t.c, filings_t.c, programs_t.c, program_agents_t.c
        insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect_name)
        if insert is None:
            raise StoreError(f"unsupported database dialect {dialect_name!r} (SQLite and PostgreSQL are)")
        upsert = insert(issuers_t).values(cik=bindparam("cik"), name=bindparam("name"), sic=bindparam("sic"),
                                          created_at=bindparam("now"), updated_at=bindparam("now"))
        new_name = func.coalesce(upsert.excluded.name, issuers_t.c.name)
        new_sic = func.coalesce(upsert.excluded.sic, issuers_t.c.sic)
        # On PostgreSQL, ON CONFLICT DO UPDATE locks the existing row even when the WHERE
        # leaves it unchanged: saves touching one issuer are serialised until commit.
        self.issuer_upsert = upsert.on_conflict_do_update(
            index_elements=[issuers_t.c.cik],
            set_={"name": new_name, "sic": new_sic, "updated_at": upsert.excluded.updated_at},
            where=or_(issuers_t.c.name.is_distinct_from(new_name), issuers_t.c.sic.is_distinct_from(new_sic)),
        )
        self.filing_select = (select(c.id, c.accession_number, *(c[k] for k in _FILING_FIELDS))
                              .where(c.accession_number.in_(bindparam("accs", expanding=True)))
                              .order_by(c.accession_number).with_for_update())
        self.filing_insert = filings_t.insert().returning(c.id, sort_by_parameter_order=True)
        self.filing_update = update(filings_t).where(c.id == bindparam("fid"))
        self.filers_select = select(filers_t.c.filing_id, filers_t.c.cik, filers_t.c.file_number).where(
            filers_t.c.filing_id.in_(bindparam("fids", expanding=True)))
        self.filers_delete = delete(filers_t).where(filers_t.c.filing_id.in_(bindparam("fids", expanding=True)))
        self.filers_insert = filers_t.insert()
        self.events_select = (select(e.filing_id, e.seq, e.fingerprint)
                              .where(e.filing_id.in_(bindparam("fids", expanding=True))).order_by(e.filing_id, e.seq))
        self.events_delete = delete(events_t).where(e.filing_id.in_(bindparam("fids", expanding=True)))
        self.events_insert = events_t.insert()
        self.issuer_events = (
            select(e.id, e.filing_id, e.seq, e.program_id, f.cik, f.accession_number, f.filed_date,
                   *(e[k] for k in _LINK_COLUMNS))
            .join_from(events_t, filings_t, f.id == e.filing_id)
            .where(f.cik.in_(bindparam("ciks", expanding=True)))
        )
        self.issuer_programs = (
            select(p.id, p.cik, p.program_key, *(p[k] for k in _STATE_COLUMNS), pa.agent)
            .outerjoin_from(programs_t, program_agents_t, pa.program_id == p.id)
            .where(p.cik.in_(bindparam("ciks", expanding=True))).order_by(p.id, pa.position)
        )
        self.program_insert = programs_t.insert().returning(p.id, sort_by_parameter_order=True)
        self.program_update = update(programs_t).where(p.id == bindparam("pid"))
        self.program_delete = delete(programs_t).where(p.id.in_(bindparam("pids", expanding=True)))
        self.agents_delete = delete(program_agents_t).where(pa.program_id.in_(bindparam("pids", expanding=True)))
        self.agents_insert = program_agents_t.insert()
        self.event_move = update(events_t).where(e.id == bindparam("eid")).values(program_id=bindparam("new_pid"))


_STATEMENTS: dict[str, _Statements] = {}


def _statements(conn) -> _Statements:
    name = conn.dialect.name
    if name not in _STATEMENTS:
        _STATEMENTS[name] = _Statements(name)
    return _STATEMENTS[name]


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
    return save_parsed_filings(session, [(parsed, source_url, raw_sha256)], parser_version=parser_version)[0]


def save_parsed_filings(session: Session, items: Iterable[tuple[ParsedFiling, str | None, str | None]], *,
                        parser_version: str) -> list[int]:
    """Store many parsed filings at once: `items` are (parsed, source_url, raw_sha256).

    Same effect as save_parsed_filing on each, in one SAVEPOINT and about a dozen statements
    for the whole batch (reparse and bulk loads). All or nothing: when one filing is bad
    (StoreError, naming its accession number), nothing of the batch is written; save the
    filings one by one to isolate it. Returns the filing ids in the order given.
    """
    prepared = [_prepare(parsed, source_url, raw_sha256, parser_version) for parsed, source_url, raw_sha256 in items]
    if not prepared:
        return []
    for attempt in range(1, _SAVE_RETRIES + 1):
        try:
            with session.begin_nested():
                ids = _save_batch(session.connection(), prepared)
            return [ids[p.acc] for p in prepared]
        except IntegrityError as exc:
            if attempt == _SAVE_RETRIES:
                acc = prepared[0].acc if len(prepared) == 1 else None
                raise StoreError(f"could not store {acc or 'the batch'}: {exc.orig}", accession_number=acc) from exc
            log.info("concurrent save, retrying (%s)", exc.orig)
    raise AssertionError("unreachable")


@dataclass
class _Prepared:
    acc: str
    cik: int
    parsed: ParsedFiling
    wanted: dict[str, Any]
    events: list[_EventValues]
    filers: dict[int, str | None]
    issuers: dict[int, tuple[str | None, int | None]]


def _prepare(parsed: ParsedFiling, source_url, raw_sha256, parser_version) -> _Prepared:
    """Check and convert one filing before anything is written."""
    acc = parsed.accession_number
    if not acc:
        raise StoreError("a parsed filing without an accession number cannot be stored")
    try:
        if parsed.cik is None:
            raise StoreError("a parsed filing without a CIK cannot be stored")
        if not parsed.form_type:
            raise StoreError("a parsed filing without a form type cannot be stored")
        acc = _text(acc, limit=20, what="accession number")
        cik = int(parsed.cik)
        events: list[_EventValues] = []
        seen = set()
        for event in parsed.events:
            ev = _event_values(event, parsed.filed_date)
            if ev.fingerprint not in seen:  # the same event twice in one filing is stored once
                seen.add(ev.fingerprint)
                events.append(ev)
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
        issuers = {cik: (_text(parsed.company, what="company"), None)}
        filers: dict[int, str | None] = {cik: None}
        for filer in parsed.filers:
            fcik = int(filer.cik)
            name = _text(filer.name, what="filer name")
            if fcik == cik:
                issuers[cik] = (issuers[cik][0] or name, filer.sic)
            else:
                issuers.setdefault(fcik, (name, filer.sic))
            number = _text(filer.file_number, limit=32, what="file number") if filer.file_number else None
            filers[fcik] = number or filers.get(fcik)
    except StoreError as exc:
        exc.accession_number = exc.accession_number or acc
        raise
    except (TypeError, ValueError) as exc:
        raise StoreError(f"cannot store {acc}: {exc}", accession_number=acc) from exc
    return _Prepared(acc, cik, parsed, wanted, events, filers, issuers)


def _save_batch(conn, batch: list[_Prepared]) -> dict[str, int]:
    st = _statements(conn)
    now = utcnow()
    by_acc = {p.acc: p for p in batch}  # the last of duplicates wins
    issuers: dict[int, tuple[str | None, int | None]] = {}
    for p in by_acc.values():
        for cik, (name, sic) in p.issuers.items():
            old = issuers.get(cik, (None, None))
            issuers[cik] = (name or old[0], sic if sic is not None else old[1])
    # One order everywhere (ascending CIK), so concurrent batches cannot deadlock.
    conn.execute(st.issuer_upsert, [{"cik": cik, "name": name, "sic": sic, "now": now}
                                    for cik, (name, sic) in sorted(issuers.items())])

    rows = {r["accession_number"]: r for r in conn.execute(
        st.filing_select, {"accs": sorted(by_acc)}).mappings()}
    ids: dict[str, int] = {}
    fresh: set[str] = set()
    previous_ciks: set[int] = set()
    moved_issuer: set[str] = set()  # filings now under another primary filer
    new = [p for p in by_acc.values() if p.acc not in rows]
    if new:
        params = [{"accession_number": p.acc, "attempts": 0, "parsed_at": now, "created_at": now, "updated_at": now,
                   "source_url": None, "raw_sha256": None, **p.wanted} for p in new]
        for p, fid in zip(new, conn.execute(st.filing_insert, params).scalars()):
            ids[p.acc] = fid
            fresh.add(p.acc)
    changed = []
    for p in by_acc.values():
        row = rows.get(p.acc)
        if row is None:
            continue
        ids[p.acc] = row["id"]
        if row["parse_status"] == "pending":  # never saved: no filers or events to compare
            fresh.add(p.acc)
        if any(row[k] != v for k, v in p.wanted.items()):
            if row["cik"] != p.cik:
                previous_ciks.add(row["cik"])
                moved_issuer.add(p.acc)
            changed.append({**{k: row[k] for k in _FILING_FIELDS}, **p.wanted,
                            "parsed_at": now, "updated_at": now, "fid": row["id"]})
    if changed:
        conn.execute(st.filing_update, changed)

    # Filers and events of filings saved before: compare, and rewrite only what differs.
    known = [ids[a] for a in by_acc if a not in fresh]
    have_filers: dict[int, dict[int, str | None]] = {}
    have_events: dict[int, list[tuple[int, str]]] = {}
    if known:
        for fid, cik, number in conn.execute(st.filers_select, {"fids": known}):
            have_filers.setdefault(fid, {})[cik] = number
        for fid, seq, fingerprint in conn.execute(st.events_select, {"fids": known}):
            have_events.setdefault(fid, []).append((seq, fingerprint))
    filers_stale, filer_rows, events_stale, to_insert = [], [], [], []
    for p in by_acc.values():
        fid = ids[p.acc]
        is_fresh = p.acc in fresh
        if is_fresh or have_filers.get(fid, {}) != p.filers:
            if not is_fresh:
                filers_stale.append(fid)
            filer_rows += [{"filing_id": fid, "cik": k, "file_number": v} for k, v in sorted(p.filers.items())]
        wanted_events = [(i, ev.fingerprint) for i, ev in enumerate(p.events)]
        if is_fresh or have_events.get(fid, []) != wanted_events or p.acc in moved_issuer:
            if not is_fresh:
                events_stale.append(fid)
            if p.events or not is_fresh:
                to_insert.append(p)
    if filers_stale:
        conn.execute(st.filers_delete, {"fids": filers_stale})
    if filer_rows:
        conn.execute(st.filers_insert, filer_rows)
    if events_stale:
        conn.execute(st.events_delete, {"fids": events_stale})
    ciks = {p.cik for p in to_insert} | previous_ciks
    if ciks:
        _link_and_insert(conn, st, ciks, [(ids[p.acc], p) for p in to_insert])
    return ids


# ------------------------------------------------------------------ programs


def relink_issuer(session: Session, cik: int) -> None:
    """Recompute the programs of one issuer from all its stored events (see store.linking)
    and write only what changed. save_parsed_filing(s) does this for the issuers it saves;
    call it on its own e.g. after the linking rules changed."""
    conn = session.connection()
    _link_and_insert(conn, _statements(conn), {int(cik)}, [])


def _link_and_insert(conn, st: _Statements, ciks: set[int], new: list[tuple[int, _Prepared]]) -> None:
    """Link the stored events of `ciks` and the `new` filings' events (not stored yet) into
    programs; write the programs, then the new events with their program ids, then move
    stored events whose program changed, then drop programs left without events."""
    by_cik: dict[int, list[linking.LinkEvent]] = {cik: [] for cik in ciks}
    current_program: dict[int, int | None] = {}
    for r in conn.execute(st.issuer_events, {"ciks": sorted(ciks)}):
        current_program[r.id] = r.program_id
        by_cik[r.cik].append(linking.LinkEvent(
            event_id=r.id, filing_id=r.filing_id, accession_number=r.accession_number, filed_date=r.filed_date,
            seq=r.seq, event_type=r.event_type, event_date=r.event_date, agreement_type=r.agreement_type,
            agreement_date=r.agreement_date, agents=tuple(r.agents.split("; ")) if r.agents else (),
            security=r.security, max_amount=r.max_amount, offered_amount=r.offered_amount,
            max_shares=r.max_shares, shares_sold=r.shares_sold, gross_proceeds=r.gross_proceeds,
            net_proceeds=r.net_proceeds, as_of=r.as_of, remaining_amount=r.remaining_amount,
        ))
    pending: dict[int, dict] = {}  # negative placeholder id -> the new event's row
    for fid, p in new:
        for i, ev in enumerate(p.events):
            placeholder = -(len(pending) + 1)
            v = ev.values
            pending[placeholder] = {**v, "filing_id": fid, "seq": i, "fingerprint": ev.fingerprint}
            by_cik[p.cik].append(linking.LinkEvent(
                event_id=placeholder, filing_id=fid, accession_number=p.acc, filed_date=p.wanted["filed_date"],
                seq=i, event_type=v["event_type"], event_date=v["event_date"],
                agreement_type=v["agreement_type"], agreement_date=v["agreement_date"],
                agents=tuple(v["agents"].split("; ")) if v["agents"] else (), security=v["security"],
                max_amount=v["max_amount"], offered_amount=v["offered_amount"], max_shares=v["max_shares"],
                shares_sold=v["shares_sold"], gross_proceeds=v["gross_proceeds"], net_proceeds=v["net_proceeds"],
                as_of=v["as_of"], remaining_amount=v["remaining_amount"],
            ))

    existing: dict[tuple[int, str], Any] = {}
    existing_agents: dict[int, list[str]] = {}
    for r in conn.execute(st.issuer_programs, {"ciks": sorted(ciks)}):
        existing.setdefault((r.cik, r.program_key), r)
        if r.agent is not None:
            existing_agents.setdefault(r.id, []).append(r.agent)

    now = utcnow()
    inserts: list[tuple[dict, linking.Cluster, tuple[str, ...]]] = []
    updates: list[dict] = []
    agents_stale: list[int] = []
    agent_rows: list[dict] = []
    assignment: dict[int, int] = {}
    keep: set[int] = set()
    for cik in sorted(ciks):
        for cluster in linking.link(by_cik[cik]):
            state = linking.derive_state(cluster.events)
            values = _program_values(cluster, state)
            old = existing.get((cik, cluster.key))
            if old is None:
                inserts.append(({"cik": cik, "program_key": cluster.key, "created_at": now, "updated_at": now,
                                 **values}, cluster, state.all_agents))
                continue
            keep.add(old.id)
            if any(getattr(old, k) != v for k, v in values.items()):
                updates.append({**values, "updated_at": now, "pid": old.id})
            if existing_agents.get(old.id, []) != list(state.all_agents):
                agents_stale.append(old.id)
                agent_rows += [{"program_id": old.id, "agent": a, "position": i}
                               for i, a in enumerate(state.all_agents)]
            for ev in cluster.events:
                assignment[ev.event_id] = old.id
    if inserts:
        new_ids = conn.execute(st.program_insert, [row for row, _, _ in inserts]).scalars().all()
        for (_, cluster, all_agents), pid in zip(inserts, new_ids):
            agent_rows += [{"program_id": pid, "agent": a, "position": i} for i, a in enumerate(all_agents)]
            for ev in cluster.events:
                assignment[ev.event_id] = pid
    if updates:
        conn.execute(st.program_update, updates)
    if agents_stale:
        conn.execute(st.agents_delete, {"pids": agents_stale})
    if agent_rows:
        conn.execute(st.agents_insert, agent_rows)
    if pending:
        conn.execute(st.events_insert, [{**row, "program_id": assignment[ph]} for ph, row in pending.items()])
    moved = [{"eid": eid, "new_pid": pid} for eid, pid in assignment.items()
             if eid > 0 and current_program.get(eid) != pid]
    if moved:
        conn.execute(st.event_move, moved)
    gone = sorted({r.id for r in existing.values()} - keep)
    if gone:
        conn.execute(st.program_delete, {"pids": gone})


def _program_values(cluster: linking.Cluster, state: linking.ProgramState) -> dict[str, Any]:
    return {
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
