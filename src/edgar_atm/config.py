"""Settings, read from the environment once (in the CLI) and passed down explicitly.

Nothing below the CLI reads os.environ: library code takes a Settings (or the few values it
needs) as arguments, so tests can build one without touching the process environment.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from .errors import ConfigError

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

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    def require_user_agent(self) -> str:
        """The SEC's fair-access policy: a declared User-Agent with a contact e-mail address."""
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
        return replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        kwargs: dict = {}
        if env.get("EDGAR_USER_AGENT"):
            kwargs["user_agent"] = env["EDGAR_USER_AGENT"]
        if env.get("DATABASE_URL"):
            kwargs["database_url"] = env["DATABASE_URL"]
        if env.get("EDGAR_BASE_URL"):
            kwargs["base_url"] = env["EDGAR_BASE_URL"].rstrip("/")
        if env.get("EDGAR_RATE_LIMIT"):
            try:
                rate = float(env["EDGAR_RATE_LIMIT"])
            except ValueError:
                raise ConfigError(f"EDGAR_RATE_LIMIT must be a number, got {env['EDGAR_RATE_LIMIT']!r}")
            if not 0 < rate <= SEC_MAX_RATE_LIMIT:
                raise ConfigError(
                    f"EDGAR_RATE_LIMIT must be above 0 and at most {SEC_MAX_RATE_LIMIT} "
                    f"(the SEC's fair-access limit), got {rate}"
                )
            kwargs["rate_limit"] = rate
        if env.get("EDGAR_RATE_LIMIT_STORE"):
            kwargs["rate_limit_store"] = env["EDGAR_RATE_LIMIT_STORE"]
        if env.get("EDGAR_BLOCK_SECONDS"):
            kwargs["block_seconds"] = float(env["EDGAR_BLOCK_SECONDS"])
        if env.get("EDGAR_ATM_DATA_DIR"):
            kwargs["data_dir"] = Path(env["EDGAR_ATM_DATA_DIR"])
        for name, key, scale in (("EDGAR_REQUEST_DEADLINE", "request_deadline", None),
                                 ("EDGAR_MAX_RESPONSE_MB", "max_response_bytes", 1024 * 1024),
                                 ("EDGAR_MAX_INDEX_MB", "max_index_bytes", 1024 * 1024),
                                 ("EDGAR_ATM_PARSE_DEADLINE", "parse_deadline", None)):
            if env.get(name):
                try:
                    value = float(env[name])
                except ValueError:
                    raise ConfigError(f"{name} must be a number, got {env[name]!r}")
                if value <= 0:
                    raise ConfigError(f"{name} must be above 0, got {env[name]!r}")
                kwargs[key] = int(value * scale) if scale else value
        if env.get("EDGAR_ATM_LOG_JSON", "").lower() in ("1", "true", "yes"):
            kwargs["log_json"] = True
        return cls(**kwargs)
