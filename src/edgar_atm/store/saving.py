"""Saving parsed filings: the filing row, its filers and its events, then the issuer's
programs recomputed from all its stored events (store.recompute).

Transaction convention (every module of the store): functions take a Session and commit
nothing; the caller owns the transaction. `save_parsed_filing(s)` runs inside a SAVEPOINT, so a
failure leaves nothing of that filing behind even when the caller goes on with other work in
the same transaction. With several writer processes, commit after each filing: saves of one
issuer are serialised by a lock on its row (PostgreSQL) or by SQLite's single writer, and a
long transaction holds that lock. Saving the same result again changes no row.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..programs.identity import event_date
from ..records import EVENT_SCOPES, EVENT_TYPES, Event, ParsedFiling, _jsonable
from . import values as v
from .base import utcnow
from .recompute import recompute
from .statements import FILING_FIELDS, statements

log = logging.getLogger(__name__)

_SAVE_RETRIES = 3
_MONEY_FIELDS = ("max_amount", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_amount",
                 "max_amount_increase")


@dataclass(frozen=True)
class _EventValues:
    values: dict[str, Any]
    fingerprint: str


def _agents(names) -> list[str]:
    return [v.text_value(a.strip(), what="agent") for a in (names or []) if a and a.strip()]


def _event_values(event: Event, filed_date: date | None) -> _EventValues:
    if event.type not in EVENT_TYPES:
        raise StoreError(f"unknown event type {event.type!r}")
    scope = event.scope or "this"
    if scope not in EVENT_SCOPES:
        raise StoreError(f"unknown event scope {scope!r}")
    agents, added, removed = _agents(event.agents), _agents(event.agents_added), _agents(event.agents_removed)
    evidence = json.dumps(_jsonable(event.evidence), sort_keys=True, ensure_ascii=False) if event.evidence else None
    values: dict[str, Any] = {  # the event row's columns, as _EventValues keeps them
        "event_type": event.type,
        "agreement_type": v.text_value(event.agreement_type, what="agreement_type"),
        "agreement_date": v.date_value(event.agreement_date, "agreement_date"),
        "amendment_date": v.date_value(event.amendment_date, "amendment_date"),
        "agents": "; ".join(agents) if agents else None,
        "security": v.text_value(event.security, what="security"),
        "max_amount": v.money(event.max_amount, "max_amount"),
        "offered_amount": v.money(event.offered_amount, "offered_amount"),
        "max_shares": v.count(event.max_shares, "max_shares"),
        "shares_sold": v.count(event.shares_sold, "shares_sold"),
        "gross_proceeds": v.money(event.gross_proceeds, "gross_proceeds"),
        "net_proceeds": v.money(event.net_proceeds, "net_proceeds"),
        "as_of": v.date_value(event.as_of, "as_of"),
        "remaining_amount": v.money(event.remaining_amount, "remaining_amount"),
        "effective_date": v.date_value(event.effective_date, "effective_date"),
        "commission_rate": v.rate(event.commission_rate),
        "excerpt": v.text_value(event.excerpt, what="excerpt"),
        "scope": scope,
        "max_amount_increase": v.money(event.max_amount_increase, "max_amount_increase"),
        "agents_added": "; ".join(added) if added else None,
        "agents_removed": "; ".join(removed) if removed else None,
        "evidence": v.text_value(evidence, what="evidence"),
        "confidence": v.confidence(event.confidence),
    }
    values["event_date"] = event_date(
        event.type, filed_date=filed_date, effective_date=values["effective_date"],
        amendment_date=values["amendment_date"], as_of=values["as_of"])
    canonical = json.dumps({**values, "agents": agents, "agents_added": added, "agents_removed": removed},
                           sort_keys=True, default=str)
    for name in _MONEY_FIELDS:
        values[f"{name}_cents"] = v.cents(values[name])
    return _EventValues(values, hashlib.sha256(canonical.encode()).hexdigest())



def save_parsed_filing(session: Session, parsed: ParsedFiling, *, source_url: str | None,
                       raw_sha256: str | None, parser_version: str, run_id: int | None = None) -> int:
    """Store one parsed filing; returns the filing's id.

    Creates or updates the issuer(s) and the filing (parse_status 'parsed', fetch_status
    'fetched'), replaces the filing's events when they differ from what is stored, and
    recomputes the issuer's programs from all its stored events (programs.fold, in filing
    order), so the programs do not depend on the order in which filings are saved. `run_id`
    is the ingestion run saving it (kept on the event rows it writes; None outside a run).
    Runs in a SAVEPOINT: on any error nothing of this filing is left and the caller's
    transaction stays usable. Saving the same result again changes
    no row. Two processes saving one filing at once leave one copy: the issuer row lock (or
    SQLite's writer lock) serialises them, and a unique-key race is retried.
    """
    return save_parsed_filings(session, [(parsed, source_url, raw_sha256)], parser_version=parser_version,
                               run_id=run_id)[0]


def save_parsed_filings(session: Session, items: Iterable[tuple[ParsedFiling, str | None, str | None]], *,
                        parser_version: str, run_id: int | None = None) -> list[int]:
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
                ids = _save_batch(session.connection(), prepared, run_id)
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
        acc = v.text_value(acc, limit=20, what="accession number")
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
            "company": v.text_value(parsed.company, what="company"),
            "form_type": v.text_value(parsed.form_type, limit=16, what="form type"),
            "filed_date": v.date_value(parsed.filed_date, "filed_date"),
            "parse_status": "parsed",
            "parser_version": v.text_value(parser_version, limit=64, what="parser version"),
            "atm_related": bool(parsed.atm_related),
            "event_count": len(events),
            "fetch_status": "fetched",
            "error": None,
        }
        if source_url is not None:
            wanted["source_url"] = v.text_value(source_url, what="source URL")
        if raw_sha256 is not None:
            wanted["raw_sha256"] = v.text_value(raw_sha256, limit=64, what="sha256")
        issuers: dict[int, tuple[str | None, int | None]] = {cik: (v.text_value(parsed.company, what="company"), None)}
        filers: dict[int, str | None] = {cik: None}
        for filer in parsed.filers:
            fcik = int(filer.cik)
            name = v.text_value(filer.name, what="filer name")
            if fcik == cik:
                issuers[cik] = (issuers[cik][0] or name, filer.sic)
            else:
                issuers.setdefault(fcik, (name, filer.sic))
            number = v.text_value(filer.file_number, limit=32, what="file number") if filer.file_number else None
            filers[fcik] = number or filers.get(fcik)
    except StoreError as exc:
        exc.accession_number = exc.accession_number or acc
        raise
    except (TypeError, ValueError) as exc:
        raise StoreError(f"cannot store {acc}: {exc}", accession_number=acc) from exc
    return _Prepared(acc, cik, parsed, wanted, events, filers, issuers)


def _save_batch(conn, batch: list[_Prepared], run_id: int | None) -> dict[str, int]:
    st = statements(conn)
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
            changed.append({**{k: row[k] for k in FILING_FIELDS}, **p.wanted,
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
        event_rows = [{**ev.values, "filing_id": ids[p.acc], "seq": i, "fingerprint": ev.fingerprint,
                       "program_id": None, "recorded_at": now, "run_id": run_id}
                      for p in to_insert for i, ev in enumerate(p.events)]
        if event_rows:
            conn.execute(st.events_insert, event_rows)
        recompute(conn, ciks, run_id=run_id)
    return ids

