"""Map a request path to an answer: status, headers and body, in EDGAR's real formats.

Every host is on one origin with the real paths (EDGAR_BASE_URL semantics): Archives
(filings, daily-index, full-index), data.sec.gov (/submissions/...) and /files/.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from importlib import resources
from typing import Callable

from .indexes import index_rows, render_company_idx, render_form_idx, render_master_idx
from .site import Site, quarter_bounds, quarter_of
from .submissions import TICKERS_PATH, build_company_tickers, build_submissions

_DATA = resources.files(__package__) / "data"


@functools.cache
def real_body(name: str) -> bytes:
    """A real EDGAR error body shipped with the package (copied from the SEC's answers)."""
    return (_DATA / name).read_bytes()


BLOCK_PAGE = "request-rate-threshold-exceeded.html"
UNDECLARED_PAGE = "undeclared-automated-tool.html"
ACCESS_DENIED = "access-denied.xml"
NO_SUCH_KEY = "no-such-key.xml"

# Headers every www.sec.gov answer carries (docs §0, http/observed-response-headers.json).
_SEC_HEADERS = [
    ("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains ; preload"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "SAMEORIGIN"),
    ("X-XSS-Protection", "1; mode=block"),
]
_S3_HEADERS = [("x-amz-server-side-encryption", "AES256"), ("x-amz-meta-mode", "33188"),
               ("x-amz-replication-status", "COMPLETED")]

_FILING = re.compile(r"^/Archives/edgar/data/(\d+)/(?:(\d{18})/)?(\d{10}-\d{2}-\d{6})\.txt$")
_DAILY = re.compile(r"^/Archives/edgar/daily-index/(\d{4})/QTR([1-4])/(form|master|company)\.(\d{8})\.idx$")
_FULL = re.compile(r"^/Archives/edgar/full-index/(\d{4})/QTR([1-4])/(form|master|company)\.(idx|gz)$")
_SUBMISSIONS = re.compile(r"^/submissions/CIK(\d{10})\.json$")
_SUBMISSIONS_PAGE = re.compile(r"^/submissions/(CIK(\d{10})-submissions-\d{3}\.json)$")


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    # May be sent with Content-Encoding: gzip when the client accepts it.
    compressible: bool = False
    # Gives the gzip form of body when it is kept elsewhere (a filing's, made once).
    gzip_body: Callable[[], bytes] | None = None
    last_modified: datetime | None = None
    etag_md5: str | None = None


def http_date(when: datetime) -> str:
    return format_datetime(when.astimezone(timezone.utc).replace(microsecond=0), usegmt=True)


@functools.lru_cache(maxsize=48)
def gzipped(body: bytes) -> bytes:
    # mtime=0 keeps the bytes (and so the ETag) stable across calls.
    return gzip.compress(body, compresslevel=6, mtime=0)


def access_denied() -> Answer:
    return Answer(403, real_body(ACCESS_DENIED), [("Content-Type", "application/xml")])


def no_such_key(path: str) -> Answer:
    body = re.sub(rb"<Key>[^<]*</Key>", b"<Key>" + path.lstrip("/").encode("latin-1", "replace") + b"</Key>",
                  real_body(NO_SUCH_KEY))
    return Answer(404, body, [("Content-Type", "application/xml")])


def block_page(status: int) -> Answer:
    # The SEC sends no Retry-After with this page (docs §5): none here either.
    return Answer(status, real_body(BLOCK_PAGE), [("Content-Type", "text/html")])


def undeclared_page() -> Answer:
    return Answer(403, real_body(UNDECLARED_PAGE), [("Content-Type", "text/html")])


class Router:
    def __init__(self, site: Site, *, form_column_width: int = 12):
        self.site = site
        self.form_column_width = form_column_width

    def answer(self, path: str) -> Answer:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path == TICKERS_PATH:
            return self._tickers()
        static = self.site.file(path)
        if static is not None:
            return self._static(path, static.body, static.content_type)
        for pattern, handler in ((_FILING, self._filing), (_DAILY, self._daily), (_FULL, self._full),
                                 (_SUBMISSIONS, self._submissions), (_SUBMISSIONS_PAGE, self._submissions_page)):
            m = pattern.match(path)
            if m:
                return handler(path, m)
        if path.startswith("/submissions/") or path.startswith("/api/"):
            return no_such_key(path)
        return access_denied()

    # -- www.sec.gov/Archives -------------------------------------------------------------

    def _archive(self, body: bytes, content_type: str, last_modified: datetime, *,
                 compressible: bool = True) -> Answer:
        headers = [("Content-Type", content_type), ("Vary", "Accept-Encoding")] + _SEC_HEADERS + _S3_HEADERS
        return Answer(200, body, headers, compressible=compressible, last_modified=last_modified,
                      etag_md5=hashlib.md5(body).hexdigest())

    def _filing(self, path: str, m: re.Match) -> Answer:
        cik, folder, accession = int(m.group(1)), m.group(2), m.group(3)
        filing = self.site.get(accession)
        if filing is None or cik not in filing.ciks or (folder and folder != filing.accession_nodash):
            return access_denied()
        answer = self._archive(filing.txt, "text/plain", filing.last_modified)
        answer.etag_md5 = filing.md5
        answer.gzip_body = lambda: filing.gzipped
        return answer

    def _modified(self) -> datetime:
        return datetime.fromtimestamp(int(self.site.modified_at), timezone.utc)

    def _daily(self, path: str, m: re.Match) -> Answer:
        year, quarter, kind = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            day = datetime.strptime(m.group(4), "%Y%m%d").date()
        except ValueError:
            return access_denied()
        if day.year != year or quarter_of(day) != quarter or not self.site.has_daily_index(day):
            return access_denied()
        rows = index_rows(self.site.filings_on(day))
        body = self._render(kind, rows, daily=True, last_data=day)
        return self._archive(body, "text/plain", self._modified())

    def _render(self, kind: str, rows, *, daily: bool, last_data: date) -> bytes:
        if kind == "form":
            return render_form_idx(rows, daily=daily, last_data=last_data, form_width=self.form_column_width)
        if kind == "company":
            return render_company_idx(rows, daily=daily, last_data=last_data, form_width=self.form_column_width)
        return render_master_idx(rows, daily=daily, last_data=last_data)

    def _full(self, path: str, m: re.Match) -> Answer:
        year, quarter, kind, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        filings = self.site.quarter_filings(year, quarter)
        if filings is None:
            return access_denied()
        start, end = quarter_bounds(year, quarter)
        days = [d for d in self.site.index_days() if start <= d <= end and self.site.is_published(d)]
        # The quarterly file is built the morning after its last day of data and stamped
        # with that build day (the real 2024Q1 file "as of" Saturday February 3 holds data
        # through Friday February 2), so clients read it as complete through the day before.
        built = max(days) + timedelta(days=1)
        body = self._render(kind, index_rows(filings), daily=False, last_data=built)
        if ext == "gz":
            # .gz index files are opaque gzip bytes: binary/octet-stream, no Content-Encoding.
            return self._archive(gzipped(body), "binary/octet-stream", self._modified(), compressible=False)
        return self._archive(body, "text/plain", self._modified())

    def _static(self, path: str, body: bytes, content_type: str) -> Answer:
        if path.startswith("/submissions/"):
            return self._json(body)
        return self._archive(body, content_type, self._modified(),
                             compressible=not path.endswith((".gz", ".zip", ".Z")))

    # -- data.sec.gov ---------------------------------------------------------------------

    def _json(self, body: bytes) -> Answer:
        now = http_date(datetime.now(timezone.utc))
        headers = [("Content-Type", "application/json"), ("Cache-Control", "max-age=0, no-cache, no-store"),
                   ("Pragma", "no-cache"), ("Expires", now), ("Access-Control-Allow-Origin", "*"),
                   ("Vary", "Accept-Encoding")]
        # data.sec.gov sends neither Last-Modified nor ETag (docs §0).
        return Answer(200, body, headers, compressible=True)

    def _submissions(self, path: str, m: re.Match) -> Answer:
        built = build_submissions(self.site, int(m.group(1)))
        return no_such_key(path) if built is None else self._json(built[0])

    def _submissions_page(self, path: str, m: re.Match) -> Answer:
        built = build_submissions(self.site, int(m.group(2)))
        if built is None or m.group(1) not in built[1]:
            return no_such_key(path)
        return self._json(built[1][m.group(1)])

    def _tickers(self) -> Answer:
        base = self.site.file(TICKERS_PATH)
        body = build_company_tickers(self.site, base.body if base else None)
        return self._archive(body, "application/json", self._modified())


def not_modified(answer: Answer, if_modified_since: str | None) -> bool:
    if not if_modified_since or answer.status != 200 or answer.last_modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    return answer.last_modified.replace(microsecond=0) <= since
