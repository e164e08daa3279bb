"""The one exception tree of edgar-atm.

    EdgarAtmError
    +-- ConfigError          bad or missing settings (e.g. no e-mail in EDGAR_USER_AGENT)
    +-- UsageError           a bad argument found past click's own checks (e.g. an unknown revision)
    +-- StaleData            the newest published daily index is older than `nightly --max-lag`
    +-- FetchError           anything that went wrong talking to EDGAR (carries .url)
    |   +-- NotFound         403 S3 AccessDenied / 404 NoSuchKey: "not there (yet)", never retried
    |   +-- Blocked          the SEC's "Request Rate Threshold Exceeded" page (403/429)
    |   +-- RateLimited      429 with Retry-After, or a local refusal to exceed the limit
    |   +-- ServerError      5xx, timeouts, dropped or truncated connections (retried)
    |   +-- TooLarge         an answer (or an index) decompressing past its size limit
    +-- ParseError           a filing could not be read (carries .accession_number when known)
    +-- StoreError           the database or raw store failed (carries .accession_number when known)
    |   +-- DatabaseUnavailable   (store.db) server gone, read-only or full database file
    |   +-- SchemaOutOfDate       (store.db) no schema, or an older revision than the code
    |   +-- StoreUnavailable      the raw store cannot be written at all (disk full, read-only)
    +-- RunBusy              (pipeline.lock) another run of the kind holds the database's lock

HTTP library errors are translated once, inside edgar_atm.edgar; nothing outside that package
imports httpx. Library code raises; only the CLI turns errors into messages and exit codes
(edgar_atm.cli.errors: one line, one exit status per class). Messages may quote URLs: their
credentials are masked when the message is shown or stored (edgar_atm.redact).
"""

from __future__ import annotations


class EdgarAtmError(Exception):
    """Base class of every error edgar-atm raises on purpose."""


class ConfigError(EdgarAtmError):
    pass


class UsageError(EdgarAtmError):
    pass


class StaleData(EdgarAtmError):
    pass


class FetchError(EdgarAtmError):
    def __init__(self, message: str, *, url: str | None = None, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status

    def __str__(self) -> str:
        from .redact import mask

        base = super().__str__()
        return mask(f"{base} ({self.url})" if self.url else base)


class NotFound(FetchError):
    pass


class Blocked(FetchError):
    pass


class RateLimited(FetchError):
    def __init__(self, message: str, *, url: str | None = None, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message, url=url, status=status)
        self.retry_after = retry_after


class ServerError(FetchError):
    def __init__(self, message: str, *, url: str | None = None, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(message, url=url, status=status)
        # Set when a 503 (or other 5xx) carried Retry-After; the retry waits that long.
        self.retry_after = retry_after


class TooLarge(FetchError):
    """The answer's decoded size passed the limit (a decompression bomb, or a file far
    larger than any real one). Not retried within a run: the same bytes would come again."""


class ParseError(EdgarAtmError):
    def __init__(self, message: str, *, accession_number: str | None = None):
        super().__init__(message)
        self.accession_number = accession_number


class StoreError(EdgarAtmError):
    def __init__(self, message: str, *, accession_number: str | None = None):
        super().__init__(message)
        self.accession_number = accession_number


class StoreUnavailable(StoreError):
    """The raw store cannot take any file (disk full, read-only, no permission): no filing of
    the run could succeed, so the run stops instead of failing each filing in turn."""
