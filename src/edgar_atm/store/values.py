"""Checking and converting values before they are written, shared by the writing modules.

Every function raises StoreError with the field's name on a value the schema cannot hold, so
one bad event fails its filing with a clear message instead of a database error.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterator, Sequence, cast, overload

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..records import SEC_ARCHIVES_URL
from .base import Base
from .models import EventRow, Filing, FilingFiler, Issuer, IssuerTicker, Program, ProgramAgent

MONEY_LIMIT = Decimal(10) ** 18
_RATE_LIMIT = Decimal(1000)
_BIGINT_LIMIT = 2**63
_CENT = Decimal("0.01")
_RATE_QUANTUM = Decimal("0.000001")
_CONFIDENCE_QUANTUM = Decimal("0.0001")


def table_of(model: type[Base]) -> Table:
    """A model's table, typed as the Table it is.

    DeclarativeBase declares `__table__` as a FromClause (a mapping may target any
    selectable); every model here is mapped to a Table, whose insert() and columns we use.
    """
    return cast(Table, model.__table__)


issuers_t = table_of(Issuer)
tickers_t = table_of(IssuerTicker)
filings_t = table_of(Filing)
filers_t = table_of(FilingFiler)
events_t = table_of(EventRow)
programs_t = table_of(Program)
program_agents_t = table_of(ProgramAgent)


def insert_for(session: Session, table):
    """INSERT with ON CONFLICT support for the session's dialect."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database dialect {name!r} (SQLite and PostgreSQL are)")


@overload
def text_value(value: str, *, limit: int | None = None, what: str = "value") -> str: ...
@overload
def text_value(value: str | None, *, limit: int | None = None, what: str = "value") -> str | None: ...
def text_value(value: str | None, *, limit: int | None = None, what: str = "value") -> str | None:
    """Text as PostgreSQL accepts it (no NUL), within a column's length."""
    if value is None:
        return None
    value = str(value).replace("\x00", "")
    if limit is not None and len(value) > limit:
        raise StoreError(f"{what} {value[:40]!r}... is longer than {limit} characters")
    return value


def money(value, what: str) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = Decimal(str(value)).quantize(_CENT)
    except (InvalidOperation, ValueError) as exc:
        raise StoreError(f"{what} {value!r} is not an amount") from exc
    if not amount.is_finite() or abs(amount) >= MONEY_LIMIT:
        raise StoreError(f"{what} {value!r} is out of range")
    return amount


def rate(value) -> Decimal | None:
    if value is None:
        return None
    try:
        rate = Decimal(str(value)).quantize(_RATE_QUANTUM)
    except (InvalidOperation, ValueError) as exc:
        raise StoreError(f"commission_rate {value!r} is not a number") from exc
    if not rate.is_finite() or abs(rate) >= _RATE_LIMIT:
        raise StoreError(f"commission_rate {value!r} is out of range")
    return rate


def count(value, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or int(value) != value:
        raise StoreError(f"{what} {value!r} is not a whole number")
    if not -_BIGINT_LIMIT <= int(value) < _BIGINT_LIMIT:
        raise StoreError(f"{what} {value!r} is out of range")
    return int(value)


def date_value(value, what: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise StoreError(f"{what} {value!r} is not a date") from exc


def path_of(source_url: str | None, cik: int, accession: str) -> str:
    if source_url and source_url.startswith(SEC_ARCHIVES_URL + "/"):
        return source_url[len(SEC_ARCHIVES_URL):]
    return f"/Archives/edgar/data/{cik}/{accession}.txt"



def cents(amount: Decimal | None) -> int | None:
    """A checked dollar amount (two decimals) as integer cents."""
    return None if amount is None else int(amount * 100)


def confidence(value) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value)).quantize(_CONFIDENCE_QUANTUM)
    except (InvalidOperation, ValueError) as exc:
        raise StoreError(f"confidence {value!r} is not a number") from exc
    if not number.is_finite() or not 0 <= number <= 1:
        raise StoreError(f"confidence {value!r} is not between 0 and 1")
    return number


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
