"""Alembic environment for edgar-atm.

The database URL comes, in this order, from a connection handed over by
edgar_atm.store.db.upgrade() (config.attributes["connection"]), from `sqlalchemy.url` in the
config, or from the same settings the CLI reads (DATABASE_URL, see edgar_atm.config).
SQLite gets batch mode, since it cannot ALTER most things in place.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from edgar_atm.store.models import Base

config = context.config
if config.config_file_name is not None:  # the `alembic` command; not when run from edgar-atm
    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = Base.metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from edgar_atm.config import Settings

    return Settings.from_env().database_url


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    url = _url()
    _configure(url=url, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        return

    from edgar_atm.store.db import make_engine

    engine = make_engine(_url())
    try:
        with engine.begin() as connection:
            _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
