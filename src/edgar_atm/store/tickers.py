"""Tickers in the store (issuer_tickers), and the one resolver from what a person types
(a CIK or a ticker) to a CIK.

Two sources fill issuer_tickers, both from EDGAR:

- an issuer's submissions JSON (`tickers`): its current symbols; they replace what the
  store holds for that issuer (`set_issuer_tickers`);
- company_tickers.json: the SEC's whole table, read at most once a day; it fills every
  issuer the store already knows (`fill_from_company_tickers`). Issuers it does not list
  (delisted, or never traded) keep the symbols they had, so old timelines stay reachable.

A symbol names one issuer at a time; when EDGAR moves a symbol to another CIK, the old
issuer loses it here too, so a lookup is never ambiguous for symbols EDGAR still lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from ..edgar.submissions import normalize_ticker
from .models import Issuer, IssuerTicker
from .timeline import UnknownIssuer
from .values import table_of

issuers_t = table_of(Issuer)
tickers_t = table_of(IssuerTicker)

_TICKER_LIMIT = 16          # issuer_tickers.ticker is VARCHAR(16)
_CHUNK = 500
_CIK = re.compile(r"^(?:cik)?\s*0*(\d{1,10})$", re.IGNORECASE)


def _clean(tickers: Iterable[str]) -> list[str]:
    out = {normalize_ticker(t) for t in tickers if t and str(t).strip()}
    return sorted(t for t in out if len(t) <= _TICKER_LIMIT)


def _chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def set_issuer_tickers(session: Session, cik: int, tickers: Iterable[str]) -> bool:
    """Make `tickers` the issuer's symbols (the submissions JSON lists the current ones).

    The issuer must be stored already (the pipeline records it with its filings). An empty
    list leaves the stored symbols alone: EDGAR drops symbols of delisted issuers, and the
    old symbol is still how people look them up. Returns whether anything changed."""
    wanted = set(_clean(tickers))
    if not wanted or session.get(Issuer, int(cik)) is None:
        return False
    return _apply(session, {int(cik): wanted})


def fill_from_company_tickers(session: Session, table: Mapping[str, int]) -> int:
    """Give every stored issuer the symbols company_tickers.json lists for it ({TICKER:
    CIK}, as edgar.submissions.parse_company_tickers reads it). Returns how many issuers
    changed."""
    by_cik: dict[int, set[str]] = {}
    for ticker, cik in table.items():
        by_cik.setdefault(int(cik), set()).update(_clean([ticker]))
    known: set[int] = set()
    for chunk in _chunks(sorted(by_cik)):
        known.update(session.execute(select(issuers_t.c.cik).where(issuers_t.c.cik.in_(chunk))).scalars())
    wanted = {cik: by_cik[cik] for cik in known if by_cik[cik]}
    changed = 0
    for chunk in _chunks(sorted(wanted)):
        changed += _apply(session, {cik: wanted[cik] for cik in chunk}, count=True)
    return changed


def _apply(session: Session, wanted: dict[int, set[str]], *, count: bool = False):
    """Replace the symbols of the issuers in `wanted` and take those symbols away from any
    other issuer that still holds them."""
    ciks = list(wanted)
    have: dict[int, set[str]] = {cik: set() for cik in ciks}
    for cik, ticker in session.execute(select(tickers_t.c.cik, tickers_t.c.ticker).where(tickers_t.c.cik.in_(ciks))):
        have[cik].add(ticker)
    symbols = sorted({t for ts in wanted.values() for t in ts})
    moved = [(cik, t) for cik, t in session.execute(
        select(tickers_t.c.cik, tickers_t.c.ticker)
        .where(tickers_t.c.ticker.in_(symbols), tickers_t.c.cik.not_in(ciks)))] if symbols else []
    stale = [(cik, t) for cik in ciks for t in have[cik] - wanted[cik]]
    new = [{"cik": cik, "ticker": t} for cik in ciks for t in sorted(wanted[cik] - have[cik])]
    gone = moved + stale
    for chunk in _chunks(gone):
        session.execute(delete(tickers_t).where(tuple_(tickers_t.c.cik, tickers_t.c.ticker).in_(chunk)))
    if new:
        session.execute(tickers_t.insert(), new)
    changed = {cik for cik, _ in stale} | {row["cik"] for row in new}
    return len(changed) if count else bool(changed or moved)


def resolve_cik(session: Session, text: str, table: Mapping[str, int] | None = None) -> int:
    """The CIK for what a person typed: a CIK ('1279704', '0001279704', 'CIK1279704') as is,
    else a ticker ('CLRB', 'brk.b'), looked up in issuer_tickers, then in `table` (a cached
    company_tickers.json, for an issuer whose symbols the store has not recorded).

    UnknownIssuer when the ticker is nowhere, or names several stored issuers."""
    value = str(text).strip()
    match = _CIK.match(value)
    if match:
        return int(match.group(1))
    ticker = normalize_ticker(value)
    if not ticker:
        raise UnknownIssuer("give a CIK or a ticker")
    ciks = sorted(set(session.execute(select(tickers_t.c.cik).where(tickers_t.c.ticker == ticker)).scalars()))
    if len(ciks) > 1:
        raise UnknownIssuer(f"ticker {ticker!r} belongs to several issuers (CIKs "
                            f"{', '.join(map(str, ciks))}); give the CIK")
    if ciks:
        return ciks[0]
    if table is not None and ticker in table:
        return int(table[ticker])
    raise UnknownIssuer(f"no issuer with ticker {ticker!r} is stored (tickers come from EDGAR's "
                        "company_tickers.json and submissions; run nightly or backfill, or give the CIK)")


__all__ = ["set_issuer_tickers", "fill_from_company_tickers", "resolve_cik", "UnknownIssuer"]
