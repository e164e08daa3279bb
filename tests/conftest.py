"""Shared test setup.

Network guard: tests never reach beyond 127.0.0.1. Any socket connect to another address
fails loudly, so a test that would hit the real EDGAR cannot pass by accident.

Database fixtures (any test may use them; the store's own tests are in tests/store/):

- `db_url`: the URL of an EMPTY database (no schema), parametrized over
  'sqlite' (a file in the test's tmp_path) and 'postgresql' (a schema of its own, inside a
  throw-away database created once per test session; the URL carries the schema as its
  search_path, so subprocesses given the URL, e.g. as DATABASE_URL, see the same data).
  A test using it runs twice; the PostgreSQL run is marked `postgres`
  (`-m "not postgres"` runs SQLite only).
- `migrated_url`: `db_url` after `alembic upgrade head` (never create_all).
- `migrated_engine`: an engine on `migrated_url` (store.db.make_engine), disposed afterwards.
- `session`: a Session on `migrated_engine`; the test commits what it wants to keep.

PostgreSQL comes from EDGAR_ATM_TEST_PG_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test): the session database, named
edgar_atm_test_<pid>_<random>, is created through that URL's server and dropped at the end;
the database named in the URL itself is never written to. When the server does not answer,
the PostgreSQL runs are SKIPPED with the reason, unless EDGAR_ATM_REQUIRE_PG=1 (set by
.ci/run), where they FAIL.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from pathlib import Path

import pytest

from pg_schemas import pg_schema_url

DATA = Path(__file__).parent / "data"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path (PostgreSQL socket)
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self, address):
    if not _is_loopback(address):
        raise RuntimeError(f"tests may only connect to 127.0.0.1, not {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_loopback(address):
        raise RuntimeError(f"tests may only connect to 127.0.0.1, not {address!r}")
    return _real_connect_ex(self, address)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]


@pytest.fixture
def data_dir() -> Path:
    return DATA


# ---------------------------------------------------------------- database fixtures

DEFAULT_TEST_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_database_url():
    """URL of a PostgreSQL database created for this test session (dropped at the end)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    admin_url = make_url(os.environ.get("EDGAR_ATM_TEST_PG_URL", DEFAULT_TEST_PG_URL))
    shown = admin_url.render_as_string(hide_password=True)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    name = f"edgar_atm_test_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:
        admin.dispose()
        reason = f"PostgreSQL not reachable at {shown}: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}"
        if os.environ.get("EDGAR_ATM_REQUIRE_PG") == "1":
            pytest.fail(reason + " (EDGAR_ATM_REQUIRE_PG=1)")
        pytest.skip(reason)
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty database on each backend (see the module docstring)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'edgar-atm.sqlite'}"
        return
    with pg_schema_url(request.getfixturevalue("pg_database_url")) as url:
        yield url




@pytest.fixture
def migrated_url(db_url):
    from edgar_atm.store.db import upgrade

    upgrade(db_url)
    return db_url


@pytest.fixture
def migrated_engine(migrated_url):
    from edgar_atm.store.db import make_engine

    engine = make_engine(migrated_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(migrated_engine):
    from edgar_atm.store.db import session_factory

    with session_factory(migrated_engine)() as s:
        yield s
        s.rollback()
