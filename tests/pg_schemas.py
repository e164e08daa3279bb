"""A throw-away PostgreSQL schema per test (shared by tests/conftest.py and the pipeline
tests' second database)."""

from __future__ import annotations

import secrets
from contextlib import contextmanager


@contextmanager
def pg_schema_url(database_url: str):
    """A fresh schema in the session's throw-away database, as a URL whose search_path
    points at it (so subprocesses given the URL see it too); dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(database_url)
    schema = f"t_{secrets.token_hex(6)}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        engine.dispose()
