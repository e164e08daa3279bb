"""The one exception tree of edgar-atm.

    EdgarAtmError
    +-- ConfigError          bad or missing settings (e.g. no e-mail in EDGAR_USER_AGENT)
    +-- FetchError           anything that went wrong talking to EDGAR (carries .url)
    |   +-- NotFound         403 S3 AccessDenied / 404 NoSuchKey: "not there (yet)", never retried
    |   +-- Blocked          the SEC's "Request Rate Threshold Exceeded" page (403/429)
    |   +-- RateLimited      429 with Retry-After, or a local refusal to exceed the limit
    |   +-- ServerError      5xx, timeouts, dropped or truncated connections (retried)
    |   +-- TooLarge         an answer (or an index) decompressing past its size limit
    +-- ParseError           a filing could not be read (carries .accession_number when known)
    +-- StoreError           the database or raw store failed (carries .accession_number when known)

HTTP library errors are translated once, inside edgar_atm.edgar; nothing outside that package
imports httpx. Library code raises; only the CLI turns errors into messages and exit codes.
"""

from __future__ import annotations


class EdgarAtmError(Exception):
    """Base class of every error edgar-atm raises on purpose."""


class ConfigError(EdgarAtmError):
    pass


class FetchError(EdgarAtmError):
    def __init__(self, message: str, *, url: str | None = None, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.url})" if self.url else base


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
