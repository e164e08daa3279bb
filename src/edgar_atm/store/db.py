"""Engines, sessions and the schema's life cycle (Alembic, run programmatically).

Migrations ship inside the package (edgar_atm/store/migrations), so `upgrade()` works from a
repo checkout, an editable install and a regular wheel alike. The repository's top-level
`alembic.ini` and `migrations/` point at the same directory, for people who prefer the
`alembic` command (it reads DATABASE_URL, like the CLI).

SQLite notes: every connection gets WAL, a busy timeout and foreign keys, and transactions
start with BEGIN IMMEDIATE. Taking the write lock up front means two processes writing at
once wait for each other (up to the busy timeout) instead of one failing half-way with
"database is locked"; the price is that a read-only transaction also waits for a writer's
commit, which with short per-filing transactions is milliseconds.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from alembic import command, util as alembic_util
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_delay, wait_exponential, wait_random

from ..config import check_database_url
from ..errors import StoreError, UsageError
from ..redact import mask

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 60_000


class SchemaOutOfDate(StoreError):
    """The database has no schema, or an older (or unknown) revision than this code."""


class DatabaseUnavailable(StoreError):
    """The database cannot be reached (server down, wrong URL, unreadable file)."""


def make_engine(url: str, *, must_exist: bool = False, **kwargs) -> Engine:
    """An engine for `url`, configured so several processes can share the database.

    `must_exist`: for commands that only read, refuse an SQLite file that is not there
    (instead of creating an empty one) with a message saying how to create it.
    Extra keyword arguments go to `sqlalchemy.create_engine`.
    """
    sa_url = make_url(check_database_url(url))  # ConfigError (exit 3) for a URL we cannot use
    if sa_url.get_backend_name() == "sqlite":
        database = sa_url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            if must_exist and not Path(database).expanduser().is_file():
                raise SchemaOutOfDate(f"there is no database at {database}; create it with `edgar-atm db upgrade`")
            try:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailable(f"cannot create the SQLite database {database}: {exc}") from exc
        connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        connect_args.update(kwargs.pop("connect_args", {}))
        engine = create_engine(sa_url, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine)
        return engine
    if sa_url.get_backend_name() == "postgresql":
        kwargs.setdefault("pool_pre_ping", True)
        # An unreachable server is reported in seconds, not after the OS's TCP timeout.
        connect_args = {"connect_timeout": 10, **kwargs.pop("connect_args", {})}
        return create_engine(sa_url, connect_args=connect_args, **kwargs)
    return create_engine(sa_url, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
        # SAVEPOINTs nest properly (see "Serializable isolation / Savepoints" in the
        # SQLAlchemy SQLite docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to `engine`; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config pointing at the packaged migrations, for `url` if given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolation would choke on a '%' in a password.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise StoreError(f"migrations have {len(heads)} heads, expected one: {heads}")
    return heads[0]


def upgrade(url: str, revision: str = "head") -> None:
    """Create or migrate the schema at `url` (Alembic `upgrade`)."""
    _run_alembic(url, command.upgrade, revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the schema at `url` down to `revision` ('base' removes every table)."""
    _run_alembic(url, command.downgrade, revision)


def _run_alembic(url: str, func, revision: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            sqlite = engine.dialect.name == "sqlite"
            if sqlite:
                # Batch mode rebuilds tables (copy, drop, rename); with foreign keys on, the
                # drop would cascade into referencing rows. The pragma is a no-op inside a
                # transaction, hence on the raw connection before BEGIN; checked afterwards.
                driver = connection.connection.driver_connection
                assert driver is not None
                driver.execute("PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():
                    cfg = alembic_config(url)
                    cfg.attributes["connection"] = connection
                    func(cfg, revision)
                    if sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise StoreError(f"migration to {revision} broke foreign keys: {broken[:5]}")
            finally:
                if sqlite:
                    driver = connection.connection.driver_connection
                    assert driver is not None
                    driver.execute("PRAGMA foreign_keys=ON")
    except OperationalError as exc:
        raise unavailable(url, exc) from exc
    except alembic_util.CommandError as exc:
        # e.g. `db upgrade nosuchrev`: a bad argument, not a broken database.
        raise UsageError(f"alembic: {str(exc).strip().splitlines()[0]}") from None
    finally:
        engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty one."""
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise unavailable(engine.url.render_as_string(hide_password=True), exc) from exc


def check_schema(engine: Engine) -> None:
    """Raise SchemaOutOfDate unless the database is at this code's head revision."""
    current = current_revision(engine)
    head = head_revision()
    where = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise SchemaOutOfDate(f"the database at {where} has no edgar-atm schema; run `edgar-atm db upgrade`")
    if current != head:
        raise SchemaOutOfDate(
            f"the database at {where} is at schema revision {current}, this version needs {head}; "
            "run `edgar-atm db upgrade`"
        )


def display_url(url: str) -> str:
    """`url` with any password hidden, for messages."""
    try:
        return mask(make_url(url).render_as_string(hide_password=True))
    except Exception:
        return "the configured database"


def unavailable(url: str, exc: BaseException) -> DatabaseUnavailable:
    """A one-line DatabaseUnavailable for a driver error (password masked), saying what kind of
    fault it is: the server gone, a read-only or full database file."""
    where = display_url(url)
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = mask(reason[0] if reason else type(exc).__name__)
    low = first.lower()
    if "readonly database" in low or "read-only" in low:
        return DatabaseUnavailable(f"the database at {where} is read-only: {first}")
    if "disk is full" in low or "no space left" in low:
        return DatabaseUnavailable(f"the disk of the database at {where} is full: {first}")
    return DatabaseUnavailable(f"cannot reach the database at {where}: {first}")


# -- riding out a brief outage ------------------------------------------------------------

T = TypeVar("T")


def is_transient(exc: BaseException) -> bool:
    """A fault that waiting may cure: the connection to PostgreSQL dropped or refused (a
    restart, a fail-over), SQLite's lock held by another writer. Not: a read-only or full
    file, a bad password, a missing table."""
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        orig = exc.orig
        if isinstance(orig, sqlite3.OperationalError):
            text_ = str(orig).lower()
            return "locked" in text_ or "busy" in text_
        sqlstate = getattr(orig, "sqlstate", None)
        if sqlstate is not None:
            # 08: connection exceptions; 57P01-57P03: admin shutdown, crash, cannot connect now.
            return sqlstate.startswith("08") or sqlstate in ("57P01", "57P02", "57P03")
        if isinstance(exc, OperationalError):
            text_ = str(orig).lower()
            return not any(w in text_ for w in ("password", "authentication", "does not exist", "permission"))
    return False


def with_retry(func: Callable[[], T], *, url: str, seconds: float = 30.0,
               what: str = "a database transaction") -> T:
    """Run `func` (one whole transaction), again after a transient fault, for at most
    `seconds` with exponential backoff; then, or at once for any other database error, a
    DatabaseUnavailable (one line, password masked). `func` must be safe to repeat: the
    pipeline's transactions are (idempotent upserts; a failed one was rolled back)."""

    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        log.info("database fault during %s, retrying in %.1fs (attempt %d): %s",
                    what, state.upcoming_sleep, state.attempt_number, mask(_first_line(exc)))

    retrying = Retrying(
        retry=retry_if_exception(is_transient),
        stop=stop_after_delay(max(seconds, 0.0)),
        wait=wait_exponential(multiplier=0.5, max=8.0) + wait_random(0, 0.5),
        before_sleep=before_sleep,
        reraise=True,
        sleep=time.sleep,
    )
    try:
        return retrying(func)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise unavailable(url, exc) from exc


def _first_line(exc: BaseException | None) -> str:
    text_ = str(getattr(exc, "orig", None) or exc or "").strip().splitlines()
    return text_[0] if text_ else type(exc).__name__


def disk_fault(exc: BaseException) -> bool:
    """An OSError no retry or other filing can get past: disk full, read-only, no permission."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES,
                                                       errno.EPERM):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False



