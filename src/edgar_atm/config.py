"""Settings, read from the environment once (in the CLI) and passed down explicitly.

Nothing below the CLI reads os.environ: library code takes a Settings (or the few values it
needs) as arguments, so tests can build one without touching the process environment.

Settings are checked where they are used, not all at start: a bad EDGAR_RATE_LIMIT stops the
network commands (`require_user_agent`, which every EDGAR client calls), never `parse`; a
bad DATABASE_URL stops the commands that open the database (`check_database_url`, called by
the store's make_engine). `from_env` therefore never raises: it keeps the default and notes
the problem, which the first use of that setting raises as a ConfigError (exit status 3).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from .errors import ConfigError
from .redact import mask, remember_url

# The SEC blocks clients seen at 9.7-9.9 req/s, so the default stays clearly under 10.
DEFAULT_RATE_LIMIT = 9.0
SEC_MAX_RATE_LIMIT = 10.0
DEFAULT_BLOCK_SECONDS = 600.0
# A request's total time (a trickled body included); each read also has `timeout`.
DEFAULT_REQUEST_DEADLINE = 120.0
# Decoded size of one answer (the largest real 424B submissions are tens of MB).
DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024
# Decompressed size of one index (a quarterly form.idx is 40-60 MB).
DEFAULT_MAX_INDEX_BYTES = 256 * 1024 * 1024
# One filing's parse; a real 424B takes well under a second.
DEFAULT_PARSE_DEADLINE = 60.0
REAL_ARCHIVES_ORIGIN = "https://www.sec.gov"
REAL_DATA_ORIGIN = "https://data.sec.gov"
REAL_EFTS_ORIGIN = "https://efts.sec.gov"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def default_rate_limit_path() -> Path:
    """One file per machine user, so every process on the machine shares one limit."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "edgar-atm" / "ratelimit.sqlite"


NETWORK_SETTINGS = ("user_agent", "base_url", "rate_limit", "rate_limit_store", "block_seconds", "timeout")
ENV_NAMES = {"user_agent": "EDGAR_USER_AGENT", "database_url": "DATABASE_URL", "base_url": "EDGAR_BASE_URL",
             "rate_limit": "EDGAR_RATE_LIMIT", "rate_limit_store": "EDGAR_RATE_LIMIT_STORE",
             "block_seconds": "EDGAR_BLOCK_SECONDS", "data_dir": "EDGAR_ATM_DATA_DIR",
             "db_retry_seconds": "EDGAR_ATM_DB_RETRY_SECONDS"}
# A brief database outage (a restart, a fail-over) is waited out this long mid-run.
DEFAULT_DB_RETRY_SECONDS = 30.0
DATABASE_DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}


@dataclass(frozen=True)
class Settings:
    user_agent: str | None = None
    database_url: str = "sqlite:///edgar-atm.sqlite"
    # None means the real hosts; when set, every EDGAR request goes to this one origin.
    base_url: str | None = None
    rate_limit: float = DEFAULT_RATE_LIMIT
    # Where the limiter keeps its shared state: a SQLite file path, or a postgresql:// URL
    # (for workers on several hosts sharing one limit).
    rate_limit_store: str = field(default_factory=lambda: str(default_rate_limit_path()))
    block_seconds: float = DEFAULT_BLOCK_SECONDS
    data_dir: Path = Path("edgar-atm-data")
    timeout: float = 30.0
    # Bounds on one request and on what the tool reads (see README "Limits").
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    max_index_bytes: int = DEFAULT_MAX_INDEX_BYTES
    parse_deadline: float = DEFAULT_PARSE_DEADLINE
    max_in_flight: int = 8
    log_json: bool = False
    db_retry_seconds: float = DEFAULT_DB_RETRY_SECONDS
    # (setting, message) for every value of the environment that could not be used.
    problems: tuple[tuple[str, str], ...] = ()

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    def problem(self, *names: str) -> ConfigError | None:
        """A ConfigError naming every problem among `names` (all settings when none given)."""
        found = [msg for name, msg in self.problems if not names or name in names]
        return ConfigError("; ".join(found)) if found else None

    def check_network(self) -> None:
        """Every setting a command talking to EDGAR needs is usable."""
        error = self.problem(*NETWORK_SETTINGS)
        if error is not None:
            raise error

    def require_user_agent(self) -> str:
        """The SEC's fair-access policy: a declared User-Agent with a contact e-mail address.
        (Every EDGAR client asks for it first, so the other network settings are checked here.)"""
        self.check_network()
        ua = (self.user_agent or "").strip()
        if not ua:
            raise ConfigError(
                "EDGAR_USER_AGENT is not set. The SEC requires a declared User-Agent with a "
                "contact e-mail, e.g. EDGAR_USER_AGENT='Acme Research ops@acme.example'"
            )
        if not _EMAIL.search(ua):
            raise ConfigError(
                f"EDGAR_USER_AGENT {ua!r} has no e-mail address. The SEC requires a contact "
                "e-mail, e.g. 'Acme Research ops@acme.example'"
            )
        return ua

    def with_(self, **changes) -> "Settings":
        """A copy with `changes`; a problem noted for a changed setting goes with its value."""
        problems = tuple(p for p in self.problems if p[0] not in changes)
        if "database_url" in changes:
            remember_url(changes["database_url"])
        return replace(self, **{"problems": problems, **changes})

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        kwargs: dict = {}
        problems: list[tuple[str, str]] = []
        for name in ("DATABASE_URL", "EDGAR_BASE_URL", "EDGAR_RATE_LIMIT_STORE"):
            remember_url(env.get(name))
        if env.get("EDGAR_USER_AGENT"):
            kwargs["user_agent"] = env["EDGAR_USER_AGENT"]
        if env.get("DATABASE_URL"):
            kwargs["database_url"] = env["DATABASE_URL"]
        if env.get("EDGAR_BASE_URL"):
            try:
                kwargs["base_url"] = check_base_url(env["EDGAR_BASE_URL"])
            except ConfigError as exc:
                problems.append(("base_url", str(exc)))
        if env.get("EDGAR_RATE_LIMIT"):
            try:
                kwargs["rate_limit"] = _number(env, "EDGAR_RATE_LIMIT", above=0, at_most=SEC_MAX_RATE_LIMIT,
                                               why=" (the SEC's fair-access limit)")
            except ConfigError as exc:
                problems.append(("rate_limit", str(exc)))
        if env.get("EDGAR_RATE_LIMIT_STORE"):
            store = env["EDGAR_RATE_LIMIT_STORE"]
            if "://" in store and not store.split("://", 1)[0].lower().startswith(("postgres", "sqlite")):
                problems.append(("rate_limit_store", "EDGAR_RATE_LIMIT_STORE must be a file path or a "
                                 f"postgresql:// URL, got {mask(store)!r}"))
            else:
                kwargs["rate_limit_store"] = store
        if env.get("EDGAR_BLOCK_SECONDS"):
            try:
                kwargs["block_seconds"] = _number(env, "EDGAR_BLOCK_SECONDS", above=0, at_most=86400.0)
            except ConfigError as exc:
                problems.append(("block_seconds", str(exc)))
        if env.get("EDGAR_ATM_DB_RETRY_SECONDS"):
            try:
                kwargs["db_retry_seconds"] = _number(env, "EDGAR_ATM_DB_RETRY_SECONDS", above=-1, at_most=3600.0)
            except ConfigError as exc:
                problems.append(("db_retry_seconds", str(exc)))
        # Absolute from the start: a later `reparse` from another folder must find the same
        # raw files (and the path recorded with each run says where they are).
        data_dir = env.get("EDGAR_ATM_DATA_DIR") or "edgar-atm-data"
        try:
            kwargs["data_dir"] = Path(data_dir).expanduser().absolute()
        except (OSError, RuntimeError, ValueError) as exc:
            problems.append(("data_dir", f"EDGAR_ATM_DATA_DIR {data_dir!r} is not a usable path: {exc}"))
        for name, key, scale in (("EDGAR_REQUEST_DEADLINE", "request_deadline", None),
                                 ("EDGAR_MAX_RESPONSE_MB", "max_response_bytes", 1024 * 1024),
                                 ("EDGAR_MAX_INDEX_MB", "max_index_bytes", 1024 * 1024),
                                 ("EDGAR_ATM_PARSE_DEADLINE", "parse_deadline", None)):
            if env.get(name):
                try:
                    value = _number(env, name, above=0, at_most=1e12)
                except ConfigError as exc:
                    problems.append((key, str(exc)))
                    continue
                kwargs[key] = int(value * scale) if scale else value
        if env.get("EDGAR_ATM_LOG_JSON", "").lower() in ("1", "true", "yes"):
            kwargs["log_json"] = True
        return cls(problems=tuple(problems), **kwargs)


def _number(env: Mapping[str, str], name: str, *, above: float, at_most: float, why: str = "") -> float:
    raw = env[name]
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {mask(raw)!r}") from None
    if not above < value <= at_most:  # also refuses nan and inf
        raise ConfigError(f"{name} must be above {above:g} and at most {at_most:g}{why}, got {raw.strip()}")
    return value


def check_base_url(value: str) -> str:
    """EDGAR_BASE_URL: an http(s) origin (credentials allowed, e.g. a mirror); no trailing /."""
    from urllib.parse import urlsplit

    url = value.strip().rstrip("/")
    # An invalid URL is not echoed: where it does not parse, no pattern can tell which part
    # of it is a password.
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for a port that is no number or out of range
    except ValueError:
        raise ConfigError("EDGAR_BASE_URL is not a URL (its port is no number or out of range); "
                          "e.g. http://127.0.0.1:8080") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError("EDGAR_BASE_URL must be an http:// or https:// origin such as "
                          "http://127.0.0.1:8080 or https://user:password@mirror.example")
    del port
    return url


def check_database_url(url: str) -> str:
    """A DATABASE_URL this program can use, normalised; ConfigError (one line, password
    masked) otherwise. postgres:// and postgresql:// mean the psycopg 3 driver edgar-atm
    ships with."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    remember_url(url)
    shown = mask(url)
    scheme_end = url.find("://")
    if scheme_end > 0:
        scheme = url[:scheme_end].lower()
        rest = url[scheme_end + 3:].split("?", 1)[0]
        if not scheme.startswith("sqlite") and (
                rest.count("@") > 1 or ("@" in rest and "/" in rest[: rest.rfind("@")])):
            raise ConfigError("DATABASE_URL: the user name or password contains '@' or '/'; "
                              "percent-encode it ('@' as %40, '/' as %2F, ':' as %3A)")
        if scheme in ("postgres", "postgresql"):
            url = "postgresql+psycopg" + url[scheme_end:]
    try:
        sa_url = make_url(url)
    except (ArgumentError, ValueError) as exc:
        # An unparsable URL is not echoed: where it cannot be parsed, no pattern can tell
        # which part of it is a password.
        what = f"DATABASE_URL {shown!r} has a port that is no number" if isinstance(exc, ValueError) \
            else "DATABASE_URL cannot be parsed as a database URL"
        raise ConfigError(f"{what}; e.g. sqlite:///edgar-atm.sqlite or "
                          "postgresql+psycopg://user@host/db") from None
    backend = sa_url.get_backend_name()
    if backend not in DATABASE_DRIVERS:
        raise ConfigError(f"DATABASE_URL {shown!r}: {backend} is not supported; use SQLite "
                          "(sqlite:///path) or PostgreSQL (postgresql+psycopg://user@host/db)")
    if sa_url.get_driver_name() not in DATABASE_DRIVERS[backend]:
        raise ConfigError(f"DATABASE_URL {shown!r}: driver {sa_url.get_driver_name()} is not installed; "
                          f"use {backend}+{DATABASE_DRIVERS[backend][0]}://")
    if backend == "postgresql" and sa_url.port is not None and not 0 < sa_url.port < 65536:
        raise ConfigError(f"DATABASE_URL {shown!r}: port {sa_url.port} is out of range")
    return url
