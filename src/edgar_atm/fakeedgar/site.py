"""What the fake EDGAR holds: complete-submission filings keyed by accession, extra files by
path, which index days exist and how far the indexes are published.

Everything served is derived from this model on request, so a test can add filings or move
`published_through` while a server runs. A lock guards the few mutable maps because the
server reads them from many threads.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import itertools
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Sequence
from zoneinfo import ZoneInfo

from .header import Header, HeaderError, read_header, restamp

log = logging.getLogger(__name__)

EASTERN = ZoneInfo("America/New_York")
# A filing's .txt appears about 30 s after acceptance (docs §0); the fake stamps it so.
DISSEMINATION_DELAY = timedelta(seconds=30)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def business_days(start: date, end: date, holidays: Iterable[date] = ()) -> list[date]:
    skip = set(holidays)
    n = (end - start).days + 1
    days = (start + timedelta(days=i) for i in range(max(n, 0)))
    return [d for d in days if d.weekday() < 5 and d not in skip]


@dataclass(frozen=True)
class SiteFiling:
    """One complete submission as EDGAR holds it."""

    accession: str
    form_type: str
    filed_date: date
    filers: tuple[tuple[int, str], ...]  # (cik, conformed name), in header order
    txt: bytes = field(repr=False)
    header: Header = field(repr=False, compare=False)
    md5: str = field(repr=False)

    @classmethod
    def from_bytes(cls, txt: bytes) -> "SiteFiling":
        header = read_header(txt)
        filers: list[tuple[int, str]] = []
        for party in header.parties:
            if party.cik not in [c for c, _ in filers]:
                filers.append((party.cik, party.name))
        return cls(
            accession=header.accession,
            form_type=header.form_type,
            filed_date=header.filed_date,
            filers=tuple(filers),
            txt=txt,
            header=header,
            md5=hashlib.md5(txt).hexdigest(),
        )

    @functools.cached_property
    def gzipped(self) -> bytes:
        """The .txt gzip-compressed, made once per filing. Level 1: half the CPU of level 6
        for a few percent more bytes, so the fake stays far from CPU-bound at the rates it
        stands in for (benchmarks/fakeedgar)."""
        return gzip.compress(self.txt, compresslevel=1, mtime=0)

    @property
    def ciks(self) -> tuple[int, ...]:
        return tuple(c for c, _ in self.filers)

    @property
    def accession_nodash(self) -> str:
        return self.accession.replace("-", "")

    def file_name(self, cik: int) -> str:
        """The index's File Name column: edgar/data/{cik}/{accession}.txt."""
        return f"edgar/data/{cik}/{self.accession}.txt"

    def path(self, cik: int | None = None) -> str:
        return "/Archives/" + self.file_name(self.ciks[0] if cik is None else cik)

    @property
    def accepted_utc(self) -> datetime:
        """Acceptance time in UTC (the header writes US Eastern wall time)."""
        local = self.header.acceptance or datetime.combine(self.filed_date, datetime.min.time()).replace(hour=17)
        return local.replace(tzinfo=EASTERN).astimezone(timezone.utc)

    @property
    def last_modified(self) -> datetime:
        return self.accepted_utc + DISSEMINATION_DELAY


@dataclass(frozen=True)
class StaticFile:
    body: bytes
    content_type: str


class Site:
    """An in-memory EDGAR. Build it with from_directory() and/or add_filing()."""

    def __init__(self, *, submissions_page_size: int = 1000):
        # How many filings data.sec.gov puts in `filings.recent` and in each older page;
        # tests set it small so the paging code is exercised.
        self.submissions_page_size = submissions_page_size
        # None: every index day is published. Otherwise days after it answer 403.
        self.published_through: date | None = None
        self.tickers: dict[int, list[str]] = {}
        self._filings: dict[str, SiteFiling] = {}
        self._files: dict[str, StaticFile] = {}
        self._marked_days: set[date] = set()
        self._serial = itertools.count(1)
        self._lock = threading.RLock()
        self.modified_at = time.time()

    # -- building -------------------------------------------------------------------------

    @classmethod
    def from_directory(cls, root: str | Path, **kwargs) -> "Site":
        """Load every *.txt complete submission under `root` (recursively); files under
        `root/static/` are served as-is at their path relative to static/ (e.g.
        static/files/company_tickers.json -> /files/company_tickers.json)."""
        site = cls(**kwargs)
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(f"no such site directory: {root}")
        static = root / "static"
        for path in sorted(root.rglob("*.txt")):
            if static in path.parents:
                continue
            data = path.read_bytes()
            if not data.lstrip()[:14].upper().startswith(b"<SEC-DOCUMENT>"):
                log.debug("skipping %s: not a complete submission", path)
                continue
            try:
                site.add_filing(data)
            except (HeaderError, ValueError) as exc:
                # One unreadable or duplicate file must not keep the rest of the site offline.
                log.warning("skipping %s: %s", path, exc)
        if static.is_dir():
            for path in sorted(p for p in static.rglob("*") if p.is_file()):
                site.add_file("/" + path.relative_to(static).as_posix(), path.read_bytes())
        return site

    def add_filing(
        self,
        txt: bytes,
        *,
        accession: str | None = None,
        filed_date: date | None = None,
        cik: int | None = None,
        company: str | None = None,
        form_type: str | None = None,
        replace: bool = False,
    ) -> SiteFiling:
        """Add a real-format complete submission, optionally re-stamped with a new accession,
        filing date, first filer (CIK and/or name) or form type; the header is rewritten
        consistently so what the .txt says matches what the indexes list."""
        if any(v is not None for v in (accession, filed_date, cik, company, form_type)):
            txt = restamp(txt, accession=accession, filed_date=filed_date, cik=cik,
                          company=company, form_type=form_type)
        filing = SiteFiling.from_bytes(txt)
        with self._lock:
            if filing.accession in self._filings and not replace:
                raise ValueError(f"accession {filing.accession} is already on the site")
            self._filings[filing.accession] = filing
            self.modified_at = time.time()
        return filing

    def add_file(self, path: str, body: bytes, content_type: str | None = None) -> None:
        """Serve `body` at `path` as-is (it wins over anything generated for that path)."""
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/': {path!r}")
        with self._lock:
            self._files[path] = StaticFile(body, content_type or _guess_type(path))
            self.modified_at = time.time()

    def new_accession(self, filer_id: int = 1999999, year: int = 2025) -> str:
        """A fresh accession number that is not on the site yet (filer agent id, 2-digit
        year, 6-digit serial: the real shape)."""
        while True:
            acc = f"{filer_id:010d}-{year % 100:02d}-{next(self._serial):06d}"
            if acc not in self._filings:
                return acc

    def clone(self, template: SiteFiling | str, *, filed_date: date, cik: int | None = None,
              company: str | None = None, form_type: str | None = None,
              accession: str | None = None) -> SiteFiling:
        """A copy of a filing on the site, re-stamped with a fresh accession and new date."""
        src = self.get(template) if isinstance(template, str) else template
        if src is None:
            raise KeyError(f"no filing {template} on the site")
        agent = int(src.accession[:10])
        return self.add_filing(src.txt, accession=accession or self.new_accession(agent, filed_date.year),
                               filed_date=filed_date, cik=cik, company=company, form_type=form_type)

    def clone_day(self, day: date, count: int, *, templates: Sequence[SiteFiling | str] | None = None,
                  distinct_issuers: bool = False, first_cik: int = 9_000_001) -> list[SiteFiling]:
        """`count` new filings dated `day`, cycling through `templates` (default: the
        site's original filings). With distinct_issuers each clone gets its own CIK
        (from first_cik up) and a name derived from the template's, so submissions and
        indexes see many issuers; otherwise the template's issuer files again."""
        pool = list(templates) if templates is not None else self.originals()
        if not pool:
            raise ValueError("no template filings to clone")
        made = []
        for i in range(count):
            template = pool[i % len(pool)]
            src = self.get(template) if isinstance(template, str) else template
            if src is None:  # as clone() says it
                raise KeyError(f"no filing {template} on the site")
            cik = company = None
            if distinct_issuers:
                cik = first_cik + next(self._serial)
                company = f"{src.filers[0][1][:48]} {cik}"
            made.append(self.clone(src, filed_date=day, cik=cik, company=company))
        self.mark_index_day(day)
        return made

    def populate(self, start: date, end: date, per_day: int, *, holidays: Iterable[date] = (),
                 **kwargs) -> list[SiteFiling]:
        """clone_day() for every business day from start to end (weeks or months of
        real-format filings built from the few real ones)."""
        templates = kwargs.pop("templates", None) or self.originals()
        made: list[SiteFiling] = []
        for day in business_days(start, end, holidays):
            made += self.clone_day(day, per_day, templates=templates, **kwargs)
        return made

    def originals(self) -> list[SiteFiling]:
        """The filings as loaded, in accession order (what clones are made from)."""
        with self._lock:
            return sorted(self._filings.values(), key=lambda f: f.accession)

    def mark_index_day(self, *days: date) -> None:
        """Give these days a daily index even without filings (a business day with no 424B)."""
        with self._lock:
            self._marked_days.update(days)
            self.modified_at = time.time()

    def mark_business_days(self, start: date, end: date, holidays: Iterable[date] = ()) -> None:
        self.mark_index_day(*business_days(start, end, holidays))

    def publish_until(self, day: date | None) -> None:
        """Daily indexes after `day` answer 403 AccessDenied, as before ~10 PM ET on EDGAR;
        the quarterly full-index only includes filings up to `day`. None publishes all."""
        with self._lock:
            self.published_through = day
            self.modified_at = time.time()

    def set_ticker(self, cik: int, *tickers: str) -> None:
        with self._lock:
            self.tickers[cik] = list(tickers)
            self.modified_at = time.time()

    # -- reading --------------------------------------------------------------------------

    def get(self, accession: str) -> SiteFiling | None:
        return self._filings.get(accession)

    def file(self, path: str) -> StaticFile | None:
        return self._files.get(path)

    @property
    def filings(self) -> list[SiteFiling]:
        with self._lock:
            return list(self._filings.values())

    def __len__(self) -> int:
        return len(self._filings)

    def ciks(self) -> set[int]:
        return {cik for f in self.filings for cik in f.ciks}

    def filings_for_cik(self, cik: int) -> list[SiteFiling]:
        """Newest first, as data.sec.gov lists them."""
        mine = [f for f in self.filings if cik in f.ciks]
        return sorted(mine, key=lambda f: (f.filed_date, f.accepted_utc, f.accession), reverse=True)

    def filings_on(self, day: date) -> list[SiteFiling]:
        return [f for f in self.filings if f.filed_date == day]

    def is_published(self, day: date) -> bool:
        return self.published_through is None or day <= self.published_through

    def index_days(self) -> list[date]:
        """Every day that has a daily index (published or not)."""
        with self._lock:
            days = {f.filed_date for f in self._filings.values()} | self._marked_days
        return sorted(days)

    def has_daily_index(self, day: date) -> bool:
        return self.is_published(day) and day in set(self.index_days())

    def quarter_filings(self, year: int, quarter: int) -> list[SiteFiling] | None:
        """Filings of a quarter's full-index, or None when that index does not exist (the
        quarter has nothing published yet)."""
        start, end = quarter_bounds(year, quarter)
        if self.published_through is not None:
            end = min(end, self.published_through)
        days = [d for d in self.index_days() if start <= d <= end]
        if not days:
            return None
        return [f for f in self.filings if start <= f.filed_date <= end]

    def company_name(self, cik: int) -> str:
        newest = self.filings_for_cik(cik)
        for c, name in newest[0].filers if newest else ():
            if c == cik:
                return name
        return ""


_TYPES = {".json": "application/json", ".xml": "application/xml", ".html": "text/html",
          ".htm": "text/html", ".txt": "text/plain", ".idx": "text/plain", ".gz": "binary/octet-stream"}


def _guess_type(path: str) -> str:
    m = re.search(r"\.[A-Za-z0-9]+$", path)
    return _TYPES.get(m.group(0).lower() if m else "", "application/octet-stream")
