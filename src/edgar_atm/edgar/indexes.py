"""Readers for EDGAR's daily and quarterly index files (form, company and master .idx).

Parsing is pure (text in, FilingRef out); the discover_* functions take a
`fetch(path) -> bytes` callable (EdgarClient.get) so they run without HTTP in tests.

The fixed-width files (form.idx, company.idx) changed shape over the years: the form column
is 12 or 17 characters wide and the column header takes one or two lines. So rows are read
by anchoring on the right-hand fields (CIK, date, edgar/data/...txt), which never moved, and
only the left remainder (form type and company name) is split.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ..config import DEFAULT_MAX_INDEX_BYTES
from ..errors import NotFound, ParseError, TooLarge
from ..records import FORM_TYPES_424B, FilingRef
from .paths import (
    daily_form_index_path,
    normalize_accession,
    quarter_of,
    quarterly_form_index_path,
)
from .structured_notes import NoteDecision, StructuredNoteFilter

log = logging.getLogger(__name__)

Fetch = Callable[[str], bytes]

# Right-anchored. The CIK column must equal the CIK in the path, which also finds it when a
# name filling its whole column (62 characters, truncated) runs straight into the CIK, and
# keeps digits inside names ("3456 Devils Lake Investment, LLC") out of the CIK. The
# look-behind lets `left` end only where a blank run starts, so a row with long runs of
# blanks is matched in linear time (otherwise every blank would start a scan of its run).
_FIXED_ROW = re.compile(
    r"^(?P<left>.*?)(?<!\s)\s*(?P<cik>\d{1,10})\s+(?P<date>\d{8}|\d{4}-\d{2}-\d{2})\s+"
    r"(?P<path>edgar/data/(?P=cik)/[\d-]+\.txt)\s*$"
)
# Fallback for a row whose CIK column and path disagree: the last number before the date.
_FIXED_ROW_LOOSE = re.compile(
    r"^(?P<left>.*\S)\s+(?P<cik>\d{1,10})\s+(?P<date>\d{8}|\d{4}-\d{2}-\d{2})\s+"
    r"(?P<path>edgar/data/\d{1,10}/[\d-]+\.txt)\s*$"
)
_DASHES = re.compile(r"^-{20,}\s*$")
_TWO_SPACES = re.compile(r"\s{2,}")
# company.idx: Company Name occupies columns 0-61 in every known layout.
_COMPANY_WIDTH = 62
# form.idx: the company column starts at 12 (to 2024) or 17 (2025-, SCHEDULE 13G/A et al.).
_FORM_WIDTHS = (12, 17)
# The header block is about ten lines; a file without dashes by then has no header.
_MAX_HEADER_LINES = 50
# Index rows are under 200 characters; a longer "line" is not an index (a bomb of zeros
# is one endless line), and the row patterns are never run on one.
MAX_INDEX_LINE = 64 * 1024
# A quarterly form.idx has about 400,000 rows; a stream of far more (tiny) lines is a
# bomb whose per-line work would take minutes before reaching the byte limit.
MAX_INDEX_LINES = 4_000_000
_BLANK_RUN = re.compile(rb"\n{18,}")
# A row longer than this is unreadable (real ones are under 200 characters).
_MAX_ROW = 1024
# Bytes one decompress step may produce, so a bomb never inflates far past the limit.
_INFLATE_STEP = 1024 * 1024


def decode_index(data: bytes | str) -> str:
    """Index files are ASCII in every sample; latin-1 keeps any stray byte instead of failing."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def gunzip_index(data: bytes, *, max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> str:
    """full-index *.gz is gzip served as opaque bytes (binary/octet-stream, no
    Content-Encoding), so it is unpacked here (never past `max_bytes`: TooLarge); bytes that
    are already plain pass through."""
    if data[:2] == b"\x1f\x8b":
        return "".join(_gzip_lines(data, max_bytes))
    return decode_index(data)


def parse_index(data: bytes | str, forms: Iterable[str] | None = None, *,
                max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[FilingRef]:
    """Any of form.idx, company.idx or master.idx, told apart by its column header."""
    layout, body = _split_header(_lines(data, max_bytes))
    if layout == "master":
        return _parse_master_lines(body, _formset(forms))
    return _parse_fixed_lines(body, form_first=(layout != "company"), forms=_formset(forms))


def parse_form_index(data: bytes | str, forms: Iterable[str] | None = None, *,
                     max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[FilingRef]:
    """Rows of a daily form.YYYYMMDD.idx or a quarterly full-index form.idx.

    `forms` keeps only those form types (exact match); None keeps every row. A text without
    the dashes line is read from its first line (an excerpt); an unreadable row is skipped
    with a warning, and a text with neither a header nor one readable row is a ParseError.
    """
    layout, body = _split_header(_lines(data, max_bytes))
    if layout not in ("form", None):
        raise ParseError(f"expected a form.idx, got a {layout}.idx")
    return _parse_fixed_lines(body, form_first=True, forms=_formset(forms),
                              headerless=layout is None)


def parse_company_index(data: bytes | str, forms: Iterable[str] | None = None, *,
                        max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[FilingRef]:
    """Rows of a company.idx (company name first, then form type)."""
    layout, body = _split_header(_lines(data, max_bytes))
    if layout not in ("company", None):
        raise ParseError(f"expected a company.idx, got a {layout}.idx")
    return _parse_fixed_lines(body, form_first=False, forms=_formset(forms),
                              headerless=layout is None)


def parse_master_index(data: bytes | str, forms: Iterable[str] | None = None, *,
                       max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[FilingRef]:
    """Rows of a master.idx: CIK|Company Name|Form Type|Date Filed|File Name."""
    layout, body = _split_header(_lines(data, max_bytes))
    if layout not in ("master", None):
        raise ParseError(f"expected a master.idx, got a {layout}.idx")
    return _parse_master_lines(body, _formset(forms))


class IndexHeader(NamedTuple):
    description: str | None
    last_data_received: date | None


def read_index_header(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> IndexHeader:
    """The key/value block above the column header ("Last Data Received:    Mar 18, 2020",
    or "February  3, 2024" in full-index files). Reads only the first lines, also of gzip."""
    fields: dict[str, str] = {}
    for line in itertools.islice(_lines(data, max_bytes), _MAX_HEADER_LINES):
        if _DASHES.match(line):
            break
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("Description", "Last Data Received"):
            fields[key.strip()] = " ".join(value.split())
    received = None
    if "Last Data Received" in fields:
        for fmt in ("%B %d, %Y", "%b %d, %Y"):
            try:
                received = datetime.strptime(fields["Last Data Received"], fmt).date()
                break
            except ValueError:
                continue
    return IndexHeader(fields.get("Description"), received)


def _daily_rows(fetch: Fetch, day: date, forms: tuple[str, ...],
                max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> list[FilingRef] | None:
    path = daily_form_index_path(day)
    try:
        data = fetch(path)
    except NotFound:
        log.info("no daily index for %s (%s)", day, path)
        return None
    return _read_rows(data, path, forms, max_bytes)


def _read_rows(data: bytes, path: str, forms: tuple[str, ...], max_bytes: int) -> list[FilingRef]:
    try:
        return list(parse_form_index(data, forms=forms, max_bytes=max_bytes))
    except TooLarge as exc:
        raise TooLarge(str(exc), url=path) from None
    except ParseError as exc:
        raise ParseError(f"{path}: {exc}") from None


def only_424b(refs: Iterable[FilingRef], forms: Iterable[str] = FORM_TYPES_424B) -> Iterator[FilingRef]:
    wanted = frozenset(forms)
    return (r for r in refs if r.form_type in wanted)


class Deduped(NamedTuple):
    refs: list[FilingRef]  # first row seen for each accession, in input order
    ciks: dict[str, tuple[int, ...]]  # accession -> every CIK it was listed under, in order


def dedupe_by_accession(refs: Iterable[FilingRef]) -> Deduped:
    """One FilingRef per accession: a multi-filer filing is listed once per co-registrant."""
    first: dict[str, FilingRef] = {}
    ciks: dict[str, list[int]] = {}
    for ref in refs:
        acc = ref.accession_number
        if acc not in first:
            first[acc] = ref
            ciks[acc] = [ref.cik]
        elif ref.cik not in ciks[acc]:
            ciks[acc].append(ref.cik)
    return Deduped(list(first.values()), {a: tuple(c) for a, c in ciks.items()})


# --- discovery over fetch ---------------------------------------------------------------


@dataclass
class Discovery:
    """What one index yielded: the filings to fetch, and what was left out and why."""

    refs: list[FilingRef] = field(default_factory=list)
    ciks: dict[str, tuple[int, ...]] = field(default_factory=dict)
    skipped: list[NoteDecision] = field(default_factory=list)
    rows: int = 0  # matching index rows before deduplication

    @property
    def skipped_refs(self) -> list[FilingRef]:
        return [d.ref for d in self.skipped]


def select(
    rows: Iterable[FilingRef],
    forms: Iterable[str] = FORM_TYPES_424B,
    *,
    skip_structured_notes: bool = True,
    note_filter: StructuredNoteFilter | None = None,
) -> Discovery:
    """Index rows -> the filings worth a request: wanted forms, one per accession, and (unless
    switched off) no bank structured-note pricing supplements."""
    wanted = list(only_424b(rows, forms))
    deduped = dedupe_by_accession(wanted)
    result = Discovery(rows=len(wanted), ciks=deduped.ciks)
    if not skip_structured_notes:
        result.refs = deduped.refs
        return result
    note_filter = note_filter or StructuredNoteFilter()
    result.refs, result.skipped = note_filter.split(deduped.refs, rows=wanted)
    return result


def discover_day_detailed(
    fetch: Fetch,
    day: date,
    forms: Iterable[str] = FORM_TYPES_424B,
    *,
    skip_structured_notes: bool = True,
    note_filter: StructuredNoteFilter | None = None,
    max_index_bytes: int = DEFAULT_MAX_INDEX_BYTES,
) -> Discovery | None:
    """The day's form.idx, selected as in `select`; None when EDGAR has no index for the day
    (a weekend, a holiday, or not published yet: normal, not an error)."""
    forms = tuple(forms)
    rows = _daily_rows(fetch, day, forms, max_index_bytes)
    if rows is None:
        return None
    found = select(rows, forms, skip_structured_notes=skip_structured_notes,
                   note_filter=note_filter)
    log.info("daily index %s: %d rows, %d filings, %d structured notes skipped",
             day, found.rows, len(found.refs), len(found.skipped))
    return found


def discover_day(
    fetch: Fetch,
    day: date,
    forms: Iterable[str] = FORM_TYPES_424B,
    *,
    skip_structured_notes: bool = True,
) -> list[FilingRef] | None:
    found = discover_day_detailed(fetch, day, forms, skip_structured_notes=skip_structured_notes)
    return None if found is None else found.refs


def discover_quarter_detailed(
    fetch: Fetch,
    year: int,
    quarter: int,
    forms: Iterable[str] = FORM_TYPES_424B,
    start: date | None = None,
    end: date | None = None,
    *,
    skip_structured_notes: bool = True,
    note_filter: StructuredNoteFilter | None = None,
    daily_fallback: bool = True,
    max_index_bytes: int = DEFAULT_MAX_INDEX_BYTES,
) -> Discovery | None:
    """full-index/{year}/QTR{quarter}/form.gz, limited to filed dates in [start, end].

    The current quarter's full-index only runs to about the previous business day, so its
    "Last Data Received" header is read: days of the window after the last day it fully
    covers come from the daily indexes instead (with `daily_fallback`), and so does the
    whole window when the quarterly file does not exist yet and a window was given.
    None when neither the quarterly index nor any daily index of the window exists.
    An index that decompresses past `max_index_bytes` raises TooLarge, one that is not an
    index ParseError: never an empty result that would be recorded as done.
    """
    forms = tuple(forms)
    q_first, q_last = quarter_bounds(year, quarter)
    lo, hi = max(start or q_first, q_first), min(end or q_last, q_last)
    path = quarterly_form_index_path(year, quarter, gz=True)
    try:
        data: bytes | None = fetch(path)
    except NotFound:
        log.info("no quarterly index %s", path)
        data = None
    rows: list[FilingRef] = []
    tail: list[date] = []
    if data is None:
        if not (daily_fallback and start is not None and end is not None):
            return None
        tail = weekdays(lo, hi)
    else:
        through = hi
        try:
            received = read_index_header(data, max_bytes=max_index_bytes).last_data_received
        except TooLarge as exc:
            raise TooLarge(str(exc), url=path) from None
        except ParseError as exc:
            raise ParseError(f"{path}: {exc}") from None
        if received is not None:
            # Built during that day: only the days before it are complete.
            covered = received - timedelta(days=1)
            if covered < hi:
                through = covered
                if daily_fallback:
                    tail = weekdays(max(lo, covered + timedelta(days=1)), hi)
                else:
                    log.warning("%s covers filings only through %s, not %s", path, covered, hi)
        rows = [r for r in _read_rows(data, path, forms, max_index_bytes) if lo <= r.filed_date <= through]
    found_any = data is not None
    for day in tail:
        daily = _daily_rows(fetch, day, forms, max_index_bytes)
        if daily is not None:
            found_any = True
            rows.extend(daily)
    if not found_any:
        return None
    found = select(rows, forms, skip_structured_notes=skip_structured_notes,
                   note_filter=note_filter)
    log.info("quarterly index %sQ%s %s..%s (%d days from daily indexes): %d rows, %d filings, "
             "%d structured notes skipped", year, quarter, lo, hi, len(tail), found.rows,
             len(found.refs), len(found.skipped))
    return found


def discover_quarter(
    fetch: Fetch,
    year: int,
    quarter: int,
    forms: Iterable[str] = FORM_TYPES_424B,
    start: date | None = None,
    end: date | None = None,
    *,
    skip_structured_notes: bool = True,
) -> list[FilingRef] | None:
    found = discover_quarter_detailed(fetch, year, quarter, forms, start, end,
                                      skip_structured_notes=skip_structured_notes)
    return None if found is None else found.refs


# --- planning a date range -----------------------------------------------------------------


@dataclass(frozen=True)
class DailyIndex:
    day: date

    @property
    def start(self) -> date:
        return self.day

    @property
    def end(self) -> date:
        return self.day


@dataclass(frozen=True)
class QuarterlyIndex:
    year: int
    quarter: int
    start: date  # filed dates kept from this quarter's index
    end: date


IndexRequest = DailyIndex | QuarterlyIndex


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    nxt = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, nxt - timedelta(days=1)


def previous_weekday(day: date) -> date:
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def weekdays(start: date, end: date) -> list[date]:
    """EDGAR publishes no index on Saturdays and Sundays, so those days cost no request.
    Holidays are not known here: they are asked for and answer "not found"."""
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def plan_index_requests(
    start: date,
    end: date,
    *,
    today: date | None = None,
    min_days_for_quarterly: int = 2,
) -> list[IndexRequest]:
    """The fewest index requests covering [start, end], oldest first.

    Per calendar quarter: the quarterly form.gz is one request, the daily files one per
    weekday; the quarterly index is used when it replaces at least `min_days_for_quarterly`
    daily requests (one big file instead of one small one saves nothing). The current
    quarter's full-index runs only to the previous business day, and when it is rebuilt in
    the night is not documented, so only days up to the business day before that are planned
    from it; later days come from the daily indexes (and discover_quarter_detailed checks the
    file's "Last Data Received" and reads any day it lacks from the daily index anyway).
    `today` defaults to date.today().
    """
    if end < start:
        return []
    today = today or date.today()
    end = min(end, today)
    # The newest day the current quarter's full-index is trusted to hold (see above).
    full_index_through = previous_weekday(previous_weekday(today))
    plan: list[IndexRequest] = []
    year, quarter = start.year, quarter_of(start)
    while True:
        q_first, q_last = quarter_bounds(year, quarter)
        if q_first > end:
            break
        seg_start, seg_end = max(start, q_first), min(end, q_last)
        quarterly_end = min(seg_end, full_index_through) if q_last >= today else seg_end
        days = weekdays(seg_start, seg_end)
        covered = [d for d in days if d <= quarterly_end]
        if len(covered) >= max(min_days_for_quarterly, 2):
            plan.append(QuarterlyIndex(year, quarter, seg_start, quarterly_end))
            plan.extend(DailyIndex(d) for d in days if d > quarterly_end)
        else:
            plan.extend(DailyIndex(d) for d in days)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return plan


def discover_range(
    fetch: Fetch,
    start: date,
    end: date,
    forms: Iterable[str] = FORM_TYPES_424B,
    *,
    today: date | None = None,
    skip_structured_notes: bool = True,
    note_filter: StructuredNoteFilter | None = None,
) -> Iterator[tuple[IndexRequest, Discovery | None]]:
    """Walk plan_index_requests, oldest first, yielding each request with what it found
    (None: that index does not exist), so a caller can checkpoint after each one."""
    forms = tuple(forms)
    for step in plan_index_requests(start, end, today=today):
        if isinstance(step, QuarterlyIndex):
            found = discover_quarter_detailed(
                fetch, step.year, step.quarter, forms, step.start, step.end,
                skip_structured_notes=skip_structured_notes, note_filter=note_filter)
        else:
            found = discover_day_detailed(
                fetch, step.day, forms,
                skip_structured_notes=skip_structured_notes, note_filter=note_filter)
        yield step, found


# --- line-level parsing ------------------------------------------------------------------


def _formset(forms: Iterable[str] | None) -> frozenset[str] | None:
    return None if forms is None else frozenset(f.strip().upper() for f in forms)


def _lines(data: bytes | str, max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[str]:
    """Lines of an index given as text, bytes or gzip bytes. A quarterly form.gz expands to
    ~40 MB: it is streamed line by line rather than held whole in memory."""
    if isinstance(data, str):
        return iter(io.StringIO(data, newline=None))
    if data[:2] == b"\x1f\x8b":
        return _gzip_lines(data, max_bytes)
    return iter(io.StringIO(decode_index(data), newline=None))


def _gzip_lines(data: bytes, max_bytes: int = DEFAULT_MAX_INDEX_BYTES) -> Iterator[str]:
    """Inflate in bounded steps: TooLarge once more than `max_bytes` came out (a bomb stops
    there, holding one step), ParseError for a line longer than MAX_INDEX_LINE (a bomb of
    zeros is one line) or a stream that is corrupt or cut short. Concatenated gzip members
    are read one after the other, as gzip.decompress does."""
    z = zlib.decompressobj(zlib.MAX_WBITS | 16)
    pending = b""
    total = count = 0
    rest = data
    while True:
        try:
            out = z.decompress(rest, _INFLATE_STEP)
        except zlib.error as exc:
            raise ParseError(f"corrupt gzip index: {exc}") from exc
        rest = z.unconsumed_tail
        total += len(out)
        if total > max_bytes:
            raise TooLarge(f"index decompresses to more than {max_bytes} bytes (from {len(data)} "
                           "bytes of gzip): not an EDGAR index, not read further")
        if out:
            # Runs of blank lines (real indexes have a few) count as 16: a stream of
            # newlines is not split into millions of empty lines.
            pending = _BLANK_RUN.sub(b"\n" * 17, pending + out)
            lines = pending.split(b"\n")
            pending = lines.pop()
            if len(pending) > MAX_INDEX_LINE:
                raise ParseError(f"not an EDGAR index: a line longer than {MAX_INDEX_LINE} bytes")
            count += len(lines)
            if count > MAX_INDEX_LINES:
                raise TooLarge(f"index has more than {MAX_INDEX_LINES} lines: not an EDGAR index, "
                               "not read further")
            for line in lines:
                yield line.decode("utf-8", "replace").rstrip("\r") + "\n"
        if z.eof:
            if z.unused_data[:2] == b"\x1f\x8b":
                rest = z.unused_data
                z = zlib.decompressobj(zlib.MAX_WBITS | 16)
                continue
            break
        if not rest and not out:
            raise ParseError("corrupt gzip index: the stream is cut short")
    if pending:
        yield pending.decode("utf-8", "replace").rstrip("\r")


def _split_header(lines: Iterator[str]) -> tuple[str | None, Iterator[str]]:
    """(layout, data lines). The layout comes from the column header above the dashes:
    "master" (pipes), "form" (Form Type first) or "company"; None when there is no dashes
    line near the top (an excerpt without its header), in which case every line is data."""
    seen: list[str] = []
    for line in lines:
        if _DASHES.match(line):
            header = " ".join(l.strip() for l in seen[-2:] if l.strip())
            if "|" in header:
                layout = "master"
            elif "Form Type" in header and (
                "Company Name" not in header
                or header.index("Form Type") < header.index("Company Name")
            ):
                layout = "form"
            elif "Company Name" in header:
                layout = "company"
            else:
                raise ParseError(f"unrecognised index column header: {header!r}")
            return layout, lines
        seen.append(line)
        if len(seen) >= _MAX_HEADER_LINES:
            break
    return None, itertools.chain(seen, lines)


def _parse_date(text: str) -> date:
    if len(text) == 8:  # daily indexes: YYYYMMDD
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return date(int(text[:4]), int(text[5:7]), int(text[8:]))  # full-index: YYYY-MM-DD


def _make_ref(form: str, company: str, cik: str, filed: str, path: str) -> FilingRef:
    accession = normalize_accession(path.rsplit("/", 1)[1][:-4])
    return FilingRef(
        accession_number=accession,
        cik=int(cik),
        company=company,
        form_type=form,
        filed_date=_parse_date(filed),
        path="/Archives/" + path,
    )


def _split_form_first(left: str) -> tuple[str, str]:
    for width in _FORM_WIDTHS:
        if len(left) > width and left[width - 1] == " " and left[width] != " ":
            form = left[:width].strip()
            if form and "  " not in form:
                return form, left[width:].strip()
    parts = _TWO_SPACES.split(left.strip(), maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1]
    form, _, company = left.strip().partition(" ")
    return form, company.strip()


def _split_company_first(left: str) -> tuple[str, str]:
    if len(left) > _COMPANY_WIDTH and left[_COMPANY_WIDTH] != " ":
        form = left[_COMPANY_WIDTH:].strip()
        if form and "  " not in form:
            return form, left[:_COMPANY_WIDTH].strip()
    parts = _TWO_SPACES.split(left.strip())
    if len(parts) >= 2:
        return parts[-1], " ".join(p for p in parts[:-1])
    company, _, form = left.strip().rpartition(" ")
    return form, company.strip()


def _parse_fixed_lines(
    lines: Iterable[str],
    *,
    form_first: bool,
    forms: frozenset[str] | None,
    headerless: bool = False,
) -> Iterator[FilingRef]:
    bad = good = readable = 0
    # form.idx starts every row with its form type: a cheap prefix test skips the ~99% of a
    # 40 MB quarterly file that is not 424B before any regex runs. Not for a text without
    # the header, which must show a readable row to count as an index at all.
    prefixes = tuple(forms) if (forms and form_first and not headerless) else None
    for line in lines:
        if not line.strip():
            continue
        if prefixes is not None and not line.startswith(prefixes):
            continue
        if len(line) > _MAX_ROW:
            bad += 1
            if bad <= 5:
                log.warning("index row longer than %d characters skipped", _MAX_ROW)
            continue
        match = _FIXED_ROW.match(line) or _FIXED_ROW_LOOSE.match(line)
        if match is None or not match.group("left").strip():
            bad += 1
            if bad <= 5:
                log.warning("unreadable index row skipped: %r", line[:160])
            continue
        left = match.group("left")
        form, company = _split_form_first(left) if form_first else _split_company_first(left)
        readable += 1
        if forms is not None and form not in forms:
            continue
        try:
            ref = _make_ref(form, company, match.group("cik"), match.group("date"),
                            match.group("path"))
        except ValueError:
            bad += 1
            log.warning("index row with an impossible date or accession skipped: %r", line[:160])
            continue
        good += 1
        yield ref
    if bad:
        log.warning("%d unreadable index rows skipped", bad)
    if headerless and readable == 0 and bad > 0:
        raise ParseError("not an EDGAR index: no column header and no readable row")


def _parse_master_lines(lines: Iterable[str], forms: frozenset[str] | None) -> Iterator[FilingRef]:
    bad = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if len(line) > _MAX_ROW:
            bad += 1
            continue
        parts = line.split("|")
        if len(parts) < 5:
            bad += 1
            continue
        cik, form, filed, path = parts[0], parts[-3], parts[-2], parts[-1]
        # Names never held "|" in any sample; if one does, it stays in the company field.
        company = "|".join(parts[1:-3])
        if forms is not None and form not in forms:
            continue
        try:
            if not cik.isdigit() or not path.startswith("edgar/data/"):
                raise ValueError(line)
            yield _make_ref(form, company.strip(), cik, filed, path)
        except ValueError:
            bad += 1
            if bad <= 5:
                log.warning("unreadable master index row skipped: %r", line[:160])
    if bad:
        log.warning("%d unreadable master index rows skipped", bad)
