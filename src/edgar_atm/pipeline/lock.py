"""One run of a kind at a time per database.

PostgreSQL: a session-level advisory lock held on a dedicated connection for the whole run;
the server drops it when that connection ends, so a killed run never leaves a stale lock.
SQLite: an OS file lock (flock) on a file beside the database, which the kernel likewise
releases when the process dies. A second run does not wait: it fails at once with RunBusy,
which the CLI turns into its own exit status (EX_TEMPFAIL) so cron can simply try again.
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout
from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..errors import EdgarAtmError

log = logging.getLogger(__name__)


class RunBusy(EdgarAtmError):
    """Another run of the same kind holds the lock on this database."""


def advisory_key(name: str, schema: str = "") -> int:
    """A stable signed 64-bit key for pg_try_advisory_lock, from the lock's name and the
    schema (advisory locks are per database; one database may hold several schemas)."""
    digest = hashlib.blake2b(f"edgar-atm:{schema}:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def sqlite_lock_path(engine: Engine, name: str) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    if database.startswith("file:"):  # an SQLite URI filename (…?mode=ro&uri=true)
        database = database[len("file:"):].split("?", 1)[0]
    return Path(database).with_name(Path(database).name + f".{name}.lock")


@contextmanager
def run_lock(engine: Engine, name: str) -> Iterator[None]:
    """Hold the `name` run lock of this database for the duration of the block."""
    if engine.dialect.name == "postgresql":
        with _pg_lock(engine, name):
            yield
    elif engine.dialect.name == "sqlite":
        with _file_lock(engine, name):
            yield
    else:
        raise EdgarAtmError(f"no run lock for database dialect {engine.dialect.name!r}")


@contextmanager
def _pg_lock(engine: Engine, name: str) -> Iterator[None]:
    conn = engine.connect()
    try:
        key = advisory_key(name, conn.execute(text("SELECT current_schema()")).scalar() or "")
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
        conn.commit()
        if not got:
            holder = conn.execute(
                text("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                     "AND classid::text::bigint = :hi AND objid::text::bigint = :lo LIMIT 1"),
                {"hi": (key >> 32) & 0xFFFFFFFF, "lo": key & 0xFFFFFFFF},
            ).scalar()
            conn.rollback()
            raise RunBusy(
                f"another {name} run is in progress on this database"
                + (f" (PostgreSQL backend pid {holder})" if holder else "")
                + "; this one exits without doing anything"
            )
        log.debug("took the %s advisory lock", name)
        try:
            yield
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
            except Exception:  # the connection may be gone; the server dropped the lock then
                log.debug("could not release the %s advisory lock explicitly", name, exc_info=True)
    finally:
        conn.close()


@contextmanager
def _file_lock(engine: Engine, name: str) -> Iterator[None]:
    path = sqlite_lock_path(engine, name)
    if path is None:  # an in-memory database is private to this process anyway
        yield
        return
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise RunBusy(
            f"another {name} run is in progress on {engine.url.database} (lock file {path}); "
            "this one exits without doing anything"
        ) from None
    try:
        yield
    finally:
        lock.release()
