"""Reading one issuer's timeline, from the atm_timeline view.

`load_timeline(session, "CLRB")` or `load_timeline(session, "1279704")` returns the
issuer's events in date order; an issuer the store does not know raises UnknownIssuer (a
StoreError), so callers can tell "no such issuer" from "no ATM events" (an empty list).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Column, Date, Integer, MetaData, Numeric, Text, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Table

from ..errors import StoreError
from ..records import _jsonable
from .base import UTCDateTime
from .models import Issuer, IssuerTicker


class UnknownIssuer(StoreError):
    """No issuer with that CIK or ticker is stored."""


# The view, described for queries only (it is created by migration 0002; this MetaData is
# never used to create anything and is not part of the models' metadata).
_views = MetaData()
_money = Numeric(20, 2)
atm_timeline = Table(
    "atm_timeline", _views,
    Column("cik", BigInteger), Column("company", Text), Column("accession_number", Text),
    Column("form_type", Text), Column("filed_date", Date), Column("event_type", Text),
    Column("event_date", Date), Column("agreement_type", Text), Column("agreement_date", Date),
    Column("amendment_date", Date), Column("agents", Text), Column("security", Text),
    Column("max_amount", _money), Column("offered_amount", _money), Column("max_shares", BigInteger),
    Column("shares_sold", BigInteger), Column("gross_proceeds", _money), Column("net_proceeds", _money),
    Column("as_of", Date), Column("remaining_amount", _money), Column("effective_date", Date),
    Column("commission_rate", Numeric(9, 6)), Column("excerpt", Text), Column("program_id", Integer),
    Column("event_id", Integer), Column("event_seq", Integer), Column("source_url", Text),
    Column("scope", Text), Column("max_amount_increase", _money), Column("agents_added", Text),
    Column("agents_removed", Text), Column("confidence", Numeric(5, 4)), Column("evidence", Text),
    Column("recorded_at", UTCDateTime()), Column("run_id", Integer),
)


atm_programs = Table(
    "atm_programs", _views,
    Column("program_id", Integer), Column("cik", BigInteger), Column("company", Text),
    Column("agreement_type", Text), Column("agreement_date", Date), Column("security", Text),
    Column("agents", Text), Column("status", Text), Column("status_date", Date),
    Column("current_cap", _money), Column("max_shares", BigInteger), Column("offered_amount", _money),
    Column("shares_sold", BigInteger), Column("gross_proceeds", _money), Column("net_proceeds", _money),
    Column("sales_as_of", Date), Column("remaining_capacity", _money), Column("event_count", Integer),
    Column("first_accession_number", Text), Column("first_filed_date", Date),
    Column("last_accession_number", Text), Column("last_filed_date", Date),
)


@dataclass(frozen=True)
class IssuerInfo:
    cik: int
    name: str | None
    tickers: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineRow:
    """One event of the timeline: the EVENT fields of DESIGN.md plus its filing and program."""

    cik: int
    company: str | None
    accession_number: str
    form_type: str
    filed_date: date | None
    event_type: str
    event_date: date | None
    agreement_type: str | None
    agreement_date: date | None
    amendment_date: date | None
    agents: tuple[str, ...]
    security: str | None
    max_amount: Decimal | None
    offered_amount: Decimal | None
    max_shares: int | None
    shares_sold: int | None
    gross_proceeds: Decimal | None
    net_proceeds: Decimal | None
    as_of: date | None
    remaining_amount: Decimal | None
    effective_date: date | None
    commission_rate: Decimal | None
    excerpt: str | None
    program_id: int | None
    source_url: str | None = None
    scope: str = "this"
    max_amount_increase: Decimal | None = None
    agents_added: tuple[str, ...] = ()
    agents_removed: tuple[str, ...] = ()
    evidence: dict[str, Any] | None = None
    confidence: Decimal | None = None
    recorded_at: datetime | None = None
    run_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("agents", "agents_added", "agents_removed"):
            data[key] = list(getattr(self, key))
        data["recorded_at"] = self.recorded_at.isoformat() if self.recorded_at else None
        return {k: _jsonable(v) for k, v in data.items()}


@dataclass(frozen=True)
class ProgramRow:
    """One program of the atm_programs view (agents as a tuple)."""

    program_id: int
    agreement_type: str | None
    agreement_date: date | None
    security: str | None
    agents: tuple[str, ...]
    status: str
    status_date: date | None
    current_cap: Decimal | None
    max_shares: int | None
    offered_amount: Decimal | None
    shares_sold: int | None
    gross_proceeds: Decimal | None
    net_proceeds: Decimal | None
    sales_as_of: date | None
    remaining_capacity: Decimal | None
    event_count: int
    first_accession_number: str | None
    first_filed_date: date | None
    last_accession_number: str | None
    last_filed_date: date | None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["agents"] = list(self.agents)
        return {k: _jsonable(v) for k, v in data.items()}


def resolve_issuer(session: Session, cik_or_ticker: str) -> IssuerInfo:
    """The stored issuer for a CIK ('1279704', '0001279704', 'CIK1279704') or a ticker
    ('CLRB', any case); UnknownIssuer when there is none."""
    from .tickers import resolve_cik  # the one resolver (store.tickers imports this module)

    cik = resolve_cik(session, cik_or_ticker)
    issuer = session.get(Issuer, cik)
    if issuer is None:
        raise UnknownIssuer(f"no issuer with CIK {cik} is stored")
    tickers = tuple(session.execute(
        select(IssuerTicker.ticker).where(IssuerTicker.cik == cik).order_by(IssuerTicker.ticker)).scalars())
    return IssuerInfo(cik=cik, name=issuer.name, tickers=tickers)


def load_timeline(session: Session, cik_or_ticker: str) -> list[TimelineRow]:
    """One issuer's events in date order (event date, then filing date, accession, position).

    Raises UnknownIssuer for an issuer the store does not know; a known issuer without ATM
    events gives an empty list.
    """
    issuer = resolve_issuer(session, cik_or_ticker)
    v = atm_timeline.c
    rows = session.execute(
        select(atm_timeline).where(v.cik == issuer.cik)
        .order_by(v.event_date, v.filed_date, v.accession_number, v.event_seq)
    ).mappings().all()
    return [TimelineRow(
        cik=int(r["cik"]), company=r["company"], accession_number=r["accession_number"],
        form_type=r["form_type"], filed_date=r["filed_date"], event_type=r["event_type"],
        event_date=r["event_date"], agreement_type=r["agreement_type"], agreement_date=r["agreement_date"],
        amendment_date=r["amendment_date"], agents=tuple(r["agents"].split("; ")) if r["agents"] else (),
        security=r["security"], max_amount=r["max_amount"], offered_amount=r["offered_amount"],
        max_shares=r["max_shares"], shares_sold=r["shares_sold"], gross_proceeds=r["gross_proceeds"],
        net_proceeds=r["net_proceeds"], as_of=r["as_of"], remaining_amount=r["remaining_amount"],
        effective_date=r["effective_date"], commission_rate=r["commission_rate"], excerpt=r["excerpt"],
        program_id=r["program_id"], source_url=r["source_url"], scope=r["scope"],
        max_amount_increase=r["max_amount_increase"], agents_added=_split(r["agents_added"]),
        agents_removed=_split(r["agents_removed"]), evidence=json.loads(r["evidence"]) if r["evidence"] else None,
        confidence=r["confidence"], recorded_at=r["recorded_at"], run_id=r["run_id"],
    ) for r in rows]


def _split(agents: str | None) -> tuple[str, ...]:
    return tuple(agents.split("; ")) if agents else ()


def load_programs(session: Session, cik: int) -> list[ProgramRow]:
    """One issuer's programs (atm_programs), oldest agreement first."""
    v = atm_programs.c
    rows = session.execute(
        select(atm_programs).where(v.cik == cik)
        .order_by(v.first_filed_date, v.agreement_date, v.program_id)
    ).mappings().all()
    names = [f.name for f in ProgramRow.__dataclass_fields__.values()]
    programs = []
    for r in rows:
        fields: dict[str, Any] = {k: r[k] for k in names}
        fields["agents"] = _split(r["agents"])
        programs.append(ProgramRow(**fields))
    return programs
