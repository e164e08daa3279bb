"""Programs recomputed from events: the store's side of the fold (edgar_atm.programs.fold).

After every save, each affected issuer's programs are recomputed from ALL its stored events,
in filing order, so a backfill saved after a nightly run, a reparse, or workers saving out of
order all end in the state that saving in filing order gives. Only what changed is written:
a program row keeps its id while its key (agreement date + security class, or its first event
when undated) stays; `updated_at` and `last_run_id` move only when the row changes.

Concurrency: the caller holds the issuer rows locked (the save's issuer upsert on PostgreSQL,
SQLite's single writer), so two recomputes of one issuer never interleave.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from sqlalchemy.orm import Session

from ..programs.fold import FoldEvent, Program, fold
from . import values as v
from .base import utcnow
from .statements import statements


def _split(agents: str | None) -> tuple[str, ...]:
    return tuple(agents.split("; ")) if agents else ()


def fold_event(r) -> FoldEvent:
    """A stored event row (events joined with its filing) as the fold sees it."""
    return FoldEvent(
        accession_number=r.accession_number, filed_date=r.filed_date, seq=r.seq, event_type=r.event_type,
        event_id=r.id, filing_id=r.filing_id, event_date=r.event_date, agreement_type=r.agreement_type,
        agreement_date=r.agreement_date, amendment_date=r.amendment_date, agents=_split(r.agents),
        security=r.security, max_amount=r.max_amount, offered_amount=r.offered_amount, max_shares=r.max_shares,
        shares_sold=r.shares_sold, gross_proceeds=r.gross_proceeds, net_proceeds=r.net_proceeds, as_of=r.as_of,
        remaining_amount=r.remaining_amount, effective_date=r.effective_date, scope=r.scope or "this",
        max_amount_increase=r.max_amount_increase, agents_added=_split(r.agents_added),
        agents_removed=_split(r.agents_removed),
    )


def load_fold_events(session: Session, cik: int) -> list[FoldEvent]:
    """Every stored event of one issuer, ready for programs.fold (e.g. with as_of)."""
    return load_events_by_issuer(session, cik).get(int(cik), [])


def load_events_by_issuer(session: Session, cik: int | None = None, *,
                          filed_until: date | None = None) -> dict[int, list[FoldEvent]]:
    """Stored events by issuer (one issuer, or all), of filings filed on or before
    `filed_until` when given: what `programs --as-of` folds."""
    query = statements(session.connection()).events_with_filings
    if cik is not None:
        query = query.where(v.filings_t.c.cik == int(cik))
    if filed_until is not None:
        query = query.where(v.filings_t.c.filed_date <= filed_until)
    out: dict[int, list[FoldEvent]] = {}
    for r in session.execute(query):
        out.setdefault(int(r.cik), []).append(fold_event(r))
    return out


def relink_issuer(session: Session, cik: int, *, run_id: int | None = None) -> None:
    """Recompute one issuer's programs from its stored events and write what changed. Saves do
    this for the issuers they touch; call it on its own e.g. after the fold's rules changed."""
    conn = session.connection()
    conn.execute(statements(conn).issuer_lock, {"ciks": [int(cik)]}).all()
    recompute(conn, {int(cik)}, run_id=run_id)


def recompute(conn, ciks: Iterable[int], *, run_id: int | None = None) -> None:
    """Fold the stored events of `ciks` into programs; write the programs, move events whose
    program changed, drop programs left without events."""
    st = statements(conn)
    ciks = sorted({int(c) for c in ciks})
    by_cik: dict[int, list[FoldEvent]] = {cik: [] for cik in ciks}
    current_program: dict[int, int | None] = {}
    for r in conn.execute(st.issuer_events, {"ciks": ciks}):
        current_program[r.id] = r.program_id
        by_cik[r.cik].append(fold_event(r))

    existing: dict[tuple[int, str], Any] = {}
    existing_agents: dict[int, list[str]] = {}
    for r in conn.execute(st.issuer_programs, {"ciks": ciks}):
        existing.setdefault((r.cik, r.program_key), r)
        if r.agent is not None:
            existing_agents.setdefault(r.id, []).append(r.agent)

    now = utcnow()
    inserts: list[tuple[dict, Program]] = []
    updates: list[dict] = []
    agents_stale: list[int] = []
    agent_rows: list[dict] = []
    assignment: dict[int, int] = {}
    keep: set[int] = set()
    for cik in ciks:
        for program in fold(by_cik[cik]):
            values = program_values(program)
            old = existing.get((cik, program.key))
            if old is None:
                inserts.append(({"cik": cik, "program_key": program.key, "created_at": now, "updated_at": now,
                                 "last_run_id": run_id, **values}, program))
                continue
            keep.add(old.id)
            if any(getattr(old, k) != val for k, val in values.items()):
                updates.append({**values, "updated_at": now, "last_run_id": run_id, "pid": old.id})
            if existing_agents.get(old.id, []) != program.all_agents:
                agents_stale.append(old.id)
                agent_rows += [{"program_id": old.id, "agent": a, "position": i}
                               for i, a in enumerate(program.all_agents)]
            for ev in program.events:
                assert ev.event_id is not None  # every event folded here was read from the store
                assignment[ev.event_id] = old.id
    if inserts:
        new_ids = conn.execute(st.program_insert, [row for row, _ in inserts]).scalars().all()
        for (_, program), pid in zip(inserts, new_ids):
            agent_rows += [{"program_id": pid, "agent": a, "position": i} for i, a in enumerate(program.all_agents)]
            for ev in program.events:
                assert ev.event_id is not None  # every event folded here was read from the store
                assignment[ev.event_id] = pid
    if updates:
        conn.execute(st.program_update, updates)
    if agents_stale:
        conn.execute(st.agents_delete, {"pids": agents_stale})
    if agent_rows:
        conn.execute(st.agents_insert, agent_rows)
    moved = [{"eid": eid, "new_pid": pid} for eid, pid in assignment.items() if current_program.get(eid) != pid]
    if moved:
        conn.execute(st.event_move, moved)
    gone = sorted({r.id for r in existing.values()} - keep)
    if gone:
        conn.execute(st.program_delete, {"pids": gone})


def program_values(p: Program) -> dict[str, Any]:
    """A program row's derived columns (money also as integer cents)."""
    first, last = p.first_event, p.last_event
    values: dict[str, Any] = {
        "agreement_type": p.agreement_type,
        "agreement_date": p.agreement_date,
        "security": p.security,
        "agents": "; ".join(p.agents) if p.agents else None,
        "status": p.status,
        "status_date": p.status_date,
        "current_cap": p.current_cap,
        "max_shares": p.max_shares,
        "offered_amount": p.offered_amount,
        "shares_sold": p.shares_sold,
        "gross_proceeds": p.gross_proceeds,
        "net_proceeds": p.net_proceeds,
        "sales_as_of": p.sales_as_of,
        "remaining_capacity": p.remaining_capacity,
        "event_count": len(p.events),
        "first_filing_id": first.filing_id,
        "last_filing_id": last.filing_id,
    }
    for name in ("current_cap", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_capacity"):
        values[f"{name}_cents"] = v.cents(values[name])
    return values


__all__ = ["fold_event", "load_fold_events", "program_values", "recompute", "relink_issuer"]
