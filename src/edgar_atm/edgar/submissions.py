"""Readers for data.sec.gov/submissions (one issuer's filings) and company_tickers.json.

Pure parse functions over the JSON bytes, plus thin discover/resolve functions that take a
`fetch(path) -> bytes` callable (EdgarClient.get), so no HTTP is needed to test them.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import NotFound, ParseError
from ..records import FORM_TYPES_424B, FilingRef
from .paths import (
    COMPANY_TICKERS_PATH,
    normalize_accession,
    submission_txt_path,
    submissions_json_path,
    submissions_page_path,
)
from .structured_notes import NoteDecision, StructuredNoteFilter

log = logging.getLogger(__name__)

Fetch = Callable[[str], bytes]

# The columns of filings.recent and of every filings.files page that a FilingRef needs.
_REQUIRED_COLUMNS = ("accessionNumber", "filingDate", "form")


@dataclass(frozen=True)
class Issuer:
    """The company part of a submissions JSON."""

    cik: int
    name: str
    tickers: tuple[str, ...] = ()
    exchanges: tuple[str, ...] = ()
    sic: int | None = None
    sic_description: str | None = None
    entity_type: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None
    former_names: tuple[str, ...] = ()


@dataclass
class Submissions:
    issuer: Issuer
    refs: list[FilingRef] = field(default_factory=list)  # newest first
    pages: list[str] = field(default_factory=list)  # filings.files[].name, older filings
    skipped: list[NoteDecision] = field(default_factory=list)


def parse_submissions(data: bytes | str, forms: Iterable[str] | None = FORM_TYPES_424B) -> Submissions:
    """CIK##########.json -> the issuer, the `forms` filings of filings.recent (None: all) and
    the names of the older pages still to read."""
    doc = _load(data, "submissions JSON")
    if not isinstance(doc, dict) or "filings" not in doc:
        raise ParseError("not a submissions JSON: no 'filings' key")
    try:
        cik = int(str(doc["cik"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ParseError(f"submissions JSON without a usable 'cik': {doc.get('cik')!r}") from exc
    issuer = Issuer(
        cik=cik,
        name=str(doc.get("name") or ""),
        tickers=tuple(str(t) for t in doc.get("tickers") or () if t),
        exchanges=tuple(str(e) for e in doc.get("exchanges") or () if e),
        sic=_int_or_none(doc.get("sic")),
        sic_description=doc.get("sicDescription") or None,
        entity_type=doc.get("entityType") or None,
        state_of_incorporation=doc.get("stateOfIncorporation") or None,
        fiscal_year_end=doc.get("fiscalYearEnd") or None,
        former_names=tuple(str(f.get("name")) for f in doc.get("formerNames") or ()
                           if isinstance(f, dict) and f.get("name")),
    )
    filings = doc["filings"] or {}
    if not isinstance(filings, dict):
        raise ParseError("submissions JSON: 'filings' is not an object")
    refs = _columnar_refs(filings.get("recent") or {}, issuer, forms)
    pages = [str(f["name"]) for f in filings.get("files") or () if isinstance(f, dict) and f.get("name")]
    return Submissions(issuer=issuer, refs=refs, pages=pages)


def parse_submissions_page(
    data: bytes | str, issuer: Issuer, forms: Iterable[str] | None = FORM_TYPES_424B
) -> list[FilingRef]:
    """An older-filings page (CIK##########-submissions-001.json): only the columnar object,
    so the company name comes from the issuer of the main JSON."""
    doc = _load(data, "submissions page")
    if not isinstance(doc, dict):
        raise ParseError("submissions page is not a JSON object")
    return _columnar_refs(doc, issuer, forms)


def discover_issuer(
    fetch: Fetch,
    cik: int,
    forms: Iterable[str] = FORM_TYPES_424B,
    *,
    skip_structured_notes: bool = True,
    note_filter: StructuredNoteFilter | None = None,
) -> Submissions:
    """Every `forms` filing of one issuer: filings.recent and every filings.files page,
    one FilingRef per accession, newest first. Unknown CIK -> NotFound."""
    forms = tuple(forms)
    path = submissions_json_path(cik)
    try:
        found = parse_submissions(fetch(path), forms)
    except NotFound as exc:
        raise NotFound(f"EDGAR has no submissions for CIK {int(cik)}", url=exc.url or path,
                       status=exc.status) from exc
    for name in found.pages:
        try:
            found.refs.extend(parse_submissions_page(fetch(submissions_page_path(name)),
                                                     found.issuer, forms))
        except (ParseError, NotFound) as exc:  # a bad page costs its rows, not the issuer's
            log.warning("submissions page %s skipped: %s", name, exc)
    seen: set[str] = set()
    unique = []
    for ref in found.refs:
        if ref.accession_number not in seen:
            seen.add(ref.accession_number)
            unique.append(ref)
    found.refs = unique
    if skip_structured_notes:
        found.refs, found.skipped = (note_filter or StructuredNoteFilter()).split(found.refs)
    log.info("submissions CIK %s: %d filings (%d pages), %d structured notes skipped",
             found.issuer.cik, len(found.refs), 1 + len(found.pages), len(found.skipped))
    return found


# --- tickers ------------------------------------------------------------------------------


def normalize_ticker(ticker: str) -> str:
    """EDGAR writes class shares with a dash (BRK-B); people also type BRK.B or brk/b."""
    return ticker.strip().upper().replace(".", "-").replace("/", "-")


def parse_company_tickers(data: bytes | str) -> dict[str, int]:
    """company_tickers.json ({"0": {"cik_str": 789019, "ticker": "MSFT", ...}, ...}) ->
    {"MSFT": 789019}. cik_str is an integer despite its name; one CIK may have many tickers."""
    doc = _load(data, "company_tickers.json")
    entries = doc.values() if isinstance(doc, dict) else doc if isinstance(doc, list) else None
    if entries is None:
        raise ParseError("company_tickers.json is neither an object nor a list")
    out: dict[str, int] = {}
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        ticker, cik = entry.get("ticker"), _int_or_none(entry.get("cik_str"))
        if ticker and cik:
            out.setdefault(normalize_ticker(str(ticker)), cik)
    if not out:
        raise ParseError("company_tickers.json holds no ticker")
    return out


# EDGAR regenerates company_tickers.json about daily; one copy a day is plenty.
TICKERS_MAX_AGE = 24 * 3600.0
TICKERS_CACHE_NAME = "company_tickers.json"


def load_company_tickers(fetch: Fetch | None, cache: Path | None = None, *,
                         max_age: float = TICKERS_MAX_AGE, now: Callable[[], float] = time.time) -> dict[str, int]:
    """{TICKER: CIK} from company_tickers.json: the copy in `cache` (a file path) while it is
    younger than `max_age` seconds, else one request, written back to `cache` atomically.

    A stale copy is still used when the request fails (or `fetch` is None: offline readers);
    with no copy at all the request's error (NotFound, ...) is raised, or NotFound offline.
    """
    fresh = None
    if cache is not None and cache.is_file():
        try:
            fresh = now() - cache.stat().st_mtime <= max_age
        except OSError:
            fresh = None
    if fresh and cache is not None:
        try:
            return parse_company_tickers(cache.read_bytes())
        except (OSError, ParseError) as exc:
            log.warning("cached %s unusable, fetching it again: %s", cache, exc)
    if fetch is None:
        if fresh is not None and cache is not None:
            return parse_company_tickers(cache.read_bytes())
        raise NotFound("no copy of EDGAR's company_tickers.json is cached yet", url=COMPANY_TICKERS_PATH)
    try:
        data = fetch(COMPANY_TICKERS_PATH)
        table = parse_company_tickers(data)
    except Exception:
        if fresh is not None and cache is not None:  # a stale copy beats none
            log.info("company_tickers.json could not be fetched; using the copy of %s",
                        time.strftime("%Y-%m-%d %H:%M", time.gmtime(cache.stat().st_mtime)))
            return parse_company_tickers(cache.read_bytes())
        raise
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, cache)
        except OSError as exc:  # a cache is an optimisation; never fail a run for it
            log.warning("could not cache company_tickers.json at %s: %s", cache, exc)
    return table


def lookup_tickers(table: Mapping[str, int], tickers: Iterable[str]) -> dict[str, int]:
    """{ticker as given: CIK} from a parsed company_tickers table; unknown -> NotFound."""
    out = {}
    for ticker in tickers:
        cik = table.get(normalize_ticker(ticker))
        if cik is None:
            raise NotFound(f"ticker {ticker!r} is not in EDGAR's company_tickers.json "
                           "(give the CIK instead)", url=COMPANY_TICKERS_PATH)
        out[ticker] = cik
    return out


def tickers_by_cik(table: Mapping[str, int]) -> dict[int, list[str]]:
    """The inverse of a company_tickers table: {CIK: [TICKER, ...]} in file order."""
    out: dict[int, list[str]] = {}
    for ticker, cik in table.items():
        out.setdefault(cik, []).append(ticker)
    return out


def resolve_tickers(fetch: Fetch, tickers: Iterable[str], cache: Path | None = None) -> dict[str, int]:
    """{ticker as given: CIK}, one request for all of them (none while `cache` is fresh);
    an unknown ticker -> NotFound."""
    return lookup_tickers(load_company_tickers(fetch, cache), tickers)


def resolve_ticker(fetch: Fetch, ticker: str) -> int:
    """The CIK of a ticker, case-insensitive; an unknown ticker -> NotFound."""
    return resolve_tickers(fetch, [ticker])[ticker]


def resolve_cik_or_ticker(fetch: Fetch, value: str | int) -> int:
    """A CIK given as digits is used as is (no request); anything else is a ticker."""
    text = str(value).strip()
    if text.isdigit():
        return int(text)
    return resolve_ticker(fetch, text)


# --- helpers -----------------------------------------------------------------------------


def _load(data: bytes | str, what: str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"{what} is not valid JSON: {exc}") from exc


def _int_or_none(value: Any) -> int | None:
    try:
        return int(str(value).strip()) if value not in (None, "") else None
    except ValueError:
        return None


def _columnar_refs(cols: Mapping[str, Any], issuer: Issuer, forms: Iterable[str] | None) -> list[FilingRef]:
    """filings.recent / a page: parallel arrays, one index per filing."""
    if not cols:
        return []
    if not isinstance(cols, Mapping):
        raise ParseError("submissions columns are not an object")
    columns = [c for c in (cols.get(k) for k in _REQUIRED_COLUMNS) if isinstance(c, list)]
    if len(columns) != len(_REQUIRED_COLUMNS):
        raise ParseError(f"submissions columns missing: need {_REQUIRED_COLUMNS}")
    accessions, dates, form_col = columns
    if not len(accessions) == len(dates) == len(form_col):
        raise ParseError("submissions columns of unequal length "
                         f"({len(accessions)}, {len(dates)}, {len(form_col)})")
    wanted = None if forms is None else frozenset(forms)
    refs = []
    for acc, filed, form in zip(accessions, dates, form_col):
        if wanted is not None and form not in wanted:
            continue
        try:
            accession = normalize_accession(acc)
            refs.append(FilingRef(
                accession_number=accession,
                cik=issuer.cik,
                company=issuer.name,
                form_type=str(form),
                filed_date=date.fromisoformat(str(filed)[:10]),
                path=submission_txt_path(issuer.cik, accession),
            ))
        except (ValueError, TypeError):
            log.warning("unreadable submissions row skipped: %r %r %r", acc, filed, form)
    return refs
