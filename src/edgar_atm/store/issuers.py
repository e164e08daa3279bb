"""Issuers: create or update by CIK, with their tickers."""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from . import values as v
from .base import utcnow

def upsert_issuer(session: Session, cik: int, name: str | None = None,
                  tickers: Iterable[str] | None = None, sic: int | None = None) -> None:
    """Create the issuer or update what is given (None leaves a field as it is).

    `tickers`, when given, replaces the issuer's set of tickers (stored upper-case).
    """
    _upsert_issuers(session, {int(cik): (name, sic)})
    if tickers is not None:
        wanted = sorted({t.strip().upper() for t in tickers if t and t.strip()})
        for t in wanted:
            v.text_value(t, limit=16, what="ticker")
        have = set(session.execute(select(v.tickers_t.c.ticker).where(v.tickers_t.c.cik == cik)).scalars())
        if have != set(wanted):
            session.execute(delete(v.tickers_t).where(v.tickers_t.c.cik == cik))
            if wanted:
                session.execute(v.tickers_t.insert(), [{"cik": cik, "ticker": t} for t in wanted])


def _upsert_issuers(session: Session, issuers: dict[int, tuple[str | None, int | None]]) -> None:
    """Insert or update issuers in CIK order. On PostgreSQL the upsert locks each row until
    the transaction ends, which serialises concurrent saves for one issuer (see store.recompute)."""
    now = utcnow()
    for cik in sorted(issuers):
        name, sic = issuers[cik]
        name = v.text_value(name, what="issuer name")
        stmt = v.insert_for(session, v.issuers_t).values(cik=cik, name=name, sic=sic, created_at=now, updated_at=now)
        excluded = stmt.excluded
        new_name = func.coalesce(excluded.name, v.issuers_t.c.name)
        new_sic = func.coalesce(excluded.sic, v.issuers_t.c.sic)
        stmt = stmt.on_conflict_do_update(
            index_elements=[v.issuers_t.c.cik],
            set_={"name": new_name, "sic": new_sic, "updated_at": excluded.updated_at},
            where=or_(v.issuers_t.c.name.is_distinct_from(new_name), v.issuers_t.c.sic.is_distinct_from(new_sic)),
        )
        session.execute(stmt)

