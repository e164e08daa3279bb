"""The tables, as SQLAlchemy 2.x typed models.

    issuers ──< issuer_tickers
       │
       ├──< filings ──< filing_filers >── issuers      (co-registrants)
       │       │
       │       └──< events >── programs ──< program_agents
       └──< programs
    ingestion_runs, checkpoints                          (nightly / backfill state)

`filings` is keyed by accession number and carries the whole life of one filing: discovery
(fetch_status 'pending'), fetch (the raw document's sha256 and size), parse (parse_status,
parser_version, atm_related) and the last error. `events` are the parser's output, one row
per EVENT of DESIGN.md, replaced as a whole whenever the filing is saved again. `programs`
are derived from the events of one issuer (the fold of edgar_atm.programs, recomputed on every
save) and carry the derived status, cap, cumulative sales and remaining capacity that the
`atm_programs` view shows.

Money: every amount is stored twice from one Decimal, as dollars (`NUMERIC(20,2)`, what the
views show) and as integer cents (`*_cents`, BIGINT). PostgreSQL keeps both exact; SQLite
keeps dollars with cents as binary floating point, so exact sums there add the cents.

The schema itself is created by Alembic revisions (store/migrations), never by create_all.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..records import EVENT_SCOPES, EVENT_TYPES
from .base import Base, utcnow

FETCH_STATUSES = ("pending", "fetched", "failed", "not_found")
PARSE_STATUSES = ("pending", "parsed", "failed")
PROGRAM_STATUSES = ("active", "suspended", "terminated")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Issuer(Base):
    """A company that files (CIK), with its latest name and SIC code."""

    __tablename__ = "issuers"

    cik: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[Optional[str]]
    sic: Mapped[Optional[int]] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class IssuerTicker(Base):
    """Trading symbols of an issuer (several share classes give several tickers)."""

    __tablename__ = "issuer_tickers"

    cik: Mapped[int] = mapped_column(ForeignKey("issuers.cik", ondelete="CASCADE"), primary_key=True)
    ticker: Mapped[str] = mapped_column(String(16), primary_key=True)

    __table_args__ = (Index(None, "ticker"),)


class Filing(Base):
    """One 424B filing, from discovery to parsed events (keyed by accession number)."""

    __tablename__ = "filings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    accession_number: Mapped[str] = mapped_column(String(20), unique=True)
    # The primary filer; co-registrants are in filing_filers.
    cik: Mapped[int] = mapped_column(ForeignKey("issuers.cik"))
    company: Mapped[Optional[str]]          # the filer's name as of this filing
    form_type: Mapped[str] = mapped_column(String(16))
    filed_date: Mapped[Optional[date]]
    source_url: Mapped[Optional[str]]

    fetch_status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[Optional[datetime]]
    raw_sha256: Mapped[Optional[str]] = mapped_column(String(64))
    raw_size: Mapped[Optional[int]] = mapped_column(BigInteger)

    parse_status: Mapped[str] = mapped_column(String(16), default="pending")
    parser_version: Mapped[Optional[str]] = mapped_column(String(64))
    parsed_at: Mapped[Optional[datetime]]
    atm_related: Mapped[Optional[bool]] = mapped_column(Boolean)
    event_count: Mapped[int] = mapped_column(Integer, default=0)

    error: Mapped[Optional[str]]            # the last fetch or parse error, cleared on success
    # Room for worker claiming (pipeline): who holds the filing and since when.
    claimed_by: Mapped[Optional[str]] = mapped_column(String(128))
    claimed_at: Mapped[Optional[datetime]]

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint(_in("fetch_status", FETCH_STATUSES), name="fetch_status"),
        CheckConstraint(_in("parse_status", PARSE_STATUSES), name="parse_status"),
        CheckConstraint("attempts >= 0", name="attempts"),
        Index(None, "cik", "filed_date"),
        Index(None, "fetch_status", "filed_date"),
        Index(None, "parse_status"),
        Index(None, "filed_date"),
    )


class FilingFiler(Base):
    """Every filer of a filing (the primary filer and each co-registrant)."""

    __tablename__ = "filing_filers"

    filing_id: Mapped[int] = mapped_column(ForeignKey("filings.id", ondelete="CASCADE"), primary_key=True)
    cik: Mapped[int] = mapped_column(ForeignKey("issuers.cik"), primary_key=True)
    file_number: Mapped[Optional[str]] = mapped_column(String(32))

    __table_args__ = (Index(None, "cik"),)


class Program(Base):
    """One ATM program: an issuer's sales agreement for one class of security.

    Rows are derived from the issuer's events by the fold (edgar_atm.programs.fold) each time
    one of its filings is saved; `program_key` (agreement date and security class, or the first
    event for an undated program) keeps the row, and its id, stable across re-saves.
    """

    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cik: Mapped[int] = mapped_column(ForeignKey("issuers.cik"))
    program_key: Mapped[str] = mapped_column(String(200))
    agreement_type: Mapped[Optional[str]]
    agreement_date: Mapped[Optional[date]]
    security: Mapped[Optional[str]]
    agents: Mapped[Optional[str]]           # current agents, "; "-joined
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_date: Mapped[Optional[date]]
    current_cap: Mapped[Optional[Decimal]]
    max_shares: Mapped[Optional[int]] = mapped_column(BigInteger)
    offered_amount: Mapped[Optional[Decimal]]
    shares_sold: Mapped[Optional[int]] = mapped_column(BigInteger)
    gross_proceeds: Mapped[Optional[Decimal]]
    net_proceeds: Mapped[Optional[Decimal]]
    sales_as_of: Mapped[Optional[date]]
    remaining_capacity: Mapped[Optional[Decimal]]
    current_cap_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    offered_amount_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    gross_proceeds_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    net_proceeds_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    remaining_capacity_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    first_filing_id: Mapped[Optional[int]] = mapped_column(ForeignKey("filings.id", ondelete="SET NULL"))
    last_filing_id: Mapped[Optional[int]] = mapped_column(ForeignKey("filings.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The ingestion run whose save last changed the row (null: a save outside any run).
    last_run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ingestion_runs.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("cik", "program_key"),
        CheckConstraint(_in("status", PROGRAM_STATUSES), name="status"),
    )


class ProgramAgent(Base):
    """Every agent ever named for a program (renamed agents appear under each name)."""

    __tablename__ = "program_agents"

    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True)
    agent: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index(None, "agent"),)


class EventRow(Base):
    """One ATM event of one filing: every EVENT field of DESIGN.md, plus where it came from."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    filing_id: Mapped[int] = mapped_column(ForeignKey("filings.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)        # order within the filing, from 0
    program_id: Mapped[Optional[int]] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"))
    event_type: Mapped[str] = mapped_column(String(32))
    # The date the event took effect (effective date, amendment date or as-of date, else the
    # filing date): what the timeline is ordered by.
    event_date: Mapped[Optional[date]]
    agreement_type: Mapped[Optional[str]]
    agreement_date: Mapped[Optional[date]]
    amendment_date: Mapped[Optional[date]]
    agents: Mapped[Optional[str]]           # "; "-joined, in the filing's order
    security: Mapped[Optional[str]]
    max_amount: Mapped[Optional[Decimal]]
    offered_amount: Mapped[Optional[Decimal]]
    max_shares: Mapped[Optional[int]] = mapped_column(BigInteger)
    shares_sold: Mapped[Optional[int]] = mapped_column(BigInteger)
    gross_proceeds: Mapped[Optional[Decimal]]
    net_proceeds: Mapped[Optional[Decimal]]
    as_of: Mapped[Optional[date]]
    remaining_amount: Mapped[Optional[Decimal]]
    effective_date: Mapped[Optional[date]]
    commission_rate: Mapped[Optional[Decimal]] = mapped_column(Numeric(9, 6))
    excerpt: Mapped[Optional[str]]
    # The keys the parser and the fold agree on (records.Event): which agreement the event
    # concerns, a cap increment, agent changes ("; "-joined), evidence spans (JSON text).
    scope: Mapped[str] = mapped_column(String(8), default="this")
    max_amount_increase: Mapped[Optional[Decimal]]
    agents_added: Mapped[Optional[str]]
    agents_removed: Mapped[Optional[str]]
    evidence: Mapped[Optional[str]]
    confidence: Mapped[Optional[Decimal]] = mapped_column(Numeric(5, 4))
    max_amount_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    offered_amount_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    gross_proceeds_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    net_proceeds_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    remaining_amount_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    max_amount_increase_cents: Mapped[Optional[int]] = mapped_column(BigInteger)
    # sha256 of the event's canonical JSON: the same event can be stored once per filing.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # When this row was written, and by which ingestion run (null: a save outside any run).
    # A save that finds the same events leaves the rows, so both keep their first writer.
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    run_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ingestion_runs.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("filing_id", "seq"),
        UniqueConstraint("filing_id", "fingerprint"),
        CheckConstraint(_in("event_type", EVENT_TYPES), name="event_type"),
        CheckConstraint(_in("scope", EVENT_SCOPES), name="scope"),
        Index(None, "program_id"),
        Index(None, "event_type", "event_date"),
        Index(None, "run_id"),
    )


class IngestionRun(Base):
    """One run of nightly / backfill / reparse: when, with what, how it went."""

    __tablename__ = "ingestion_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    params: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="running")
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[Optional[datetime]]
    counts: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    error: Mapped[Optional[str]]

    __table_args__ = (Index(None, "kind", "started_at"),)


class Checkpoint(Base):
    """A named bookmark, e.g. 'nightly' -> the last completed index day."""

    __tablename__ = "checkpoints"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
