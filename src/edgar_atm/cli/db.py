"""`edgar-atm db ...`: schema management (owned by the store)."""

from __future__ import annotations

import click

from .common import cli_group


@cli_group.group("db")
def db_group() -> None:
    """Create or migrate the database schema at DATABASE_URL."""
