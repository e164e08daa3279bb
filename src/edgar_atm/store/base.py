"""The declarative base: one MetaData with a naming convention, and the column types.

The naming convention makes every constraint and index name the same on SQLite and
PostgreSQL, so Alembic revisions (and batch mode on SQLite, which recreates tables) can
refer to them by name. Money is `Numeric(20, 2)`, never float; datetimes are stored as UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import BigInteger, Date, DateTime, MetaData, Numeric, Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Dollar amounts up to 10^18 with cents. PostgreSQL keeps them exact; SQLite stores NUMERIC
# as an integer or a double: each value reads back right to the cent (below about $90
# trillion), but sums of doubles are not exact, so every amount is also kept in integer
# cents (`<column>_cents`, see models.py) for exact arithmetic in SQL.
Money = Numeric(20, 2)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on both databases.

    SQLite has no time zones, so values are stored naive in UTC and come back aware;
    PostgreSQL stores `timestamp with time zone`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware UTC datetime")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map = {
        int: BigInteger,
        str: Text,
        Decimal: Money,
        date: Date,
        datetime: UTCDateTime,
    }
