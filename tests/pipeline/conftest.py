"""Fixtures of the pipeline tests (helpers are in pipeline_helpers.py)."""

from __future__ import annotations

import secrets

import pytest

from pipeline_helpers import subprocess_env


@pytest.fixture
def child_env():
    return subprocess_env


@pytest.fixture
def second_db_url(db_url, request, tmp_path):
    """Another empty database on the same backend as db_url (for 'same result as' checks)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.sqlite'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(request.getfixturevalue("pg_database_url"))
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
