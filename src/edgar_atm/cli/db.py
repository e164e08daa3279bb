"""`edgar-atm db ...`: schema management (owned by the store)."""

from __future__ import annotations

import click

from ..store import db as store_db
from .common import cli_group, handle_errors


@cli_group.group("db")
def db_group() -> None:
    """Create or migrate the database schema at DATABASE_URL."""


def _where(settings) -> str:
    return store_db.display_url(settings.database_url)


@db_group.command("upgrade")
@click.argument("revision", default="head")
@click.pass_obj
@handle_errors
def upgrade_command(settings, revision: str) -> None:
    """Create the schema or migrate it to REVISION (default: the newest, 'head').

    Safe to run again: an up-to-date database is left as it is. The tables, the views
    atm_timeline, atm_programs and atm_program_agents, and Alembic's version table are all
    created here; nothing else ever creates tables.
    """
    store_db.upgrade(settings.database_url, revision)
    engine = store_db.make_engine(settings.database_url)
    try:
        current = store_db.current_revision(engine)
    finally:
        engine.dispose()
    click.echo(f"database {_where(settings)} is at schema revision {current}")


@db_group.command("downgrade")
@click.argument("revision")
@click.pass_obj
@handle_errors
def downgrade_command(settings, revision: str) -> None:
    """Migrate the schema down to REVISION ('base' drops every edgar-atm table and view,
    with their data)."""
    store_db.downgrade(settings.database_url, revision)
    click.echo(f"database {_where(settings)} downgraded to {revision}")


@db_group.command("current")
@click.pass_obj
@handle_errors
def current_command(settings) -> None:
    """Show the schema revision of the database; exit non-zero unless it is up to date."""
    engine = store_db.make_engine(settings.database_url)
    try:
        current = store_db.current_revision(engine)
        head = store_db.head_revision()
        click.echo(f"database {_where(settings)}: revision {current or 'none'}, code expects {head}")
        store_db.check_schema(engine)
    finally:
        engine.dispose()
