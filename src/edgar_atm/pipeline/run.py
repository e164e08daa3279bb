"""The pipeline: discover -> fetch -> store raw -> parse -> store events.

Each command is a short wiring of the same pieces:

- nightly: walk daily indexes from the bookmark (see checkpoints), record each day's filings,
  fetch and parse what is new, move the bookmark; then retry earlier failures.
- backfill: read the indexes of a bounded range (quarterly where that saves requests), record
  the filings, fetch and parse what is missing. Never touches the nightly bookmark.
- reparse: run the current parser over the raw store, no network.

Fetching and parsing overlap: a producer thread claims filings in batches (see workers) and
streams their paths through the client's concurrent fetch_many, while the calling thread
parses and saves each result as it arrives, so the fetcher stays at the rate limit.

Crash safety, filing by filing: the raw bytes are written before the database marks the
filing fetched, and marking it fetched, saving its events (or its parse error) happen in one
transaction. A run killed at any point therefore leaves every filing either untouched
(fetched again next time) or complete.

Faults: every transaction is retried through a brief database outage (store.db.with_retry,
bounded by PipelineOptions.db_retry_seconds), then the run stops with DatabaseUnavailable. A
run's record always ends: `failed` (with the error, masked) or `interrupted` (a signal); one
that could not say so (kill -9, the database gone for good) is closed as `failed` by the next
run on the same host. Errors stored with filings are masked (no credentials). A raw file
found damaged or missing is marked for fetching again, by this run or the next.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import queue
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence, TypeVar

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..config import DEFAULT_MAX_INDEX_BYTES, DEFAULT_PARSE_DEADLINE
from ..errors import Blocked, ConfigError, NotFound, ParseError, StoreError, StoreUnavailable, TooLarge
from ..redact import mask
from ..records import FORM_TYPES_424B, FilingRef, ParsedFiling
from .checkpoints import NIGHTLY_CHECKPOINT, DayWalk, business_days, nightly_start, parse_checkpoint
from .parsing import ParserPool, describe as _describe_raw, timed_out
from .summary import RunStats
from .workers import Scope, WorkQueue, holder_gone

log = logging.getLogger(__name__)

DEFAULT_MAX_ATTEMPTS = 5
BACKFILL_INDEX_CHECKPOINT = "backfill.index:"  # + span + selection digest
T = TypeVar("T")


def _describe(exc: BaseException) -> str:
    """An error as stored with a filing or a run: one line's worth, credentials masked."""
    return mask(_describe_raw(exc))


class Progress(Protocol):
    """What the pipeline reports to a progress display (the CLI passes a tqdm bar)."""

    def start(self, total: int, desc: str) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def close(self) -> None: ...


class NoProgress:
    def start(self, total: int, desc: str) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class PipelineOptions:
    forms: tuple[str, ...] = FORM_TYPES_424B
    skip_notes: bool = True
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    # Filings claimed per batch: big enough that claiming is a negligible share of the time,
    # small enough that several workers share a short range fairly.
    batch_size: int = 64
    # Fetched submissions waiting to be parsed; bounds memory when parsing falls behind.
    max_buffered: int = 32
    # Parser processes (None: one per CPU, at most 4; 1 without a deadline parses in this process).
    parse_workers: int | None = None
    # Where company_tickers.json is kept for a day (None: fetched once per run).
    ticker_cache: Path | None = None
    # Seconds one filing may take to parse before it is recorded as failed (None: no limit).
    parse_deadline: float | None = DEFAULT_PARSE_DEADLINE
    # Decompressed bytes one index may hold (a bomb is a per-index error).
    max_index_bytes: int = DEFAULT_MAX_INDEX_BYTES
    # How long a transaction is retried through a database outage before the run stops.
    db_retry_seconds: float = 30.0


class IndexesStage(Protocol):
    """What the pipeline uses of edgar_atm.edgar.indexes (a module satisfies it)."""

    @property
    def QuarterlyIndex(self) -> type[Any]: ...
    def plan_index_requests(self, *args: Any, **kwargs: Any) -> Iterable[Any]: ...
    def discover_day_detailed(self, *args: Any, **kwargs: Any) -> Any: ...
    def discover_quarter_detailed(self, *args: Any, **kwargs: Any) -> Any: ...


class SubmissionsStage(Protocol):
    """What the pipeline uses of edgar_atm.edgar.submissions."""

    def discover_issuer(self, *args: Any, **kwargs: Any) -> Any: ...
    def resolve_tickers(self, *args: Any, **kwargs: Any) -> dict[str, int]: ...
    def load_company_tickers(self, *args: Any, **kwargs: Any) -> Any: ...


class RepoStage(Protocol):
    """What the pipeline uses of edgar_atm.store.repository."""

    def get_checkpoint(self, *args: Any, **kwargs: Any) -> str | None: ...
    def set_checkpoint(self, *args: Any, **kwargs: Any) -> None: ...
    def record_discovered(self, *args: Any, **kwargs: Any) -> Any: ...
    def mark_fetched(self, *args: Any, **kwargs: Any) -> None: ...
    def mark_fetch_failed(self, *args: Any, **kwargs: Any) -> None: ...
    def mark_parse_failed(self, *args: Any, **kwargs: Any) -> None: ...
    def save_parsed_filing(self, *args: Any, **kwargs: Any) -> Any: ...
    def filings_to_reparse(self, *args: Any, **kwargs: Any) -> Iterable[Any]: ...
    def start_run(self, *args: Any, **kwargs: Any) -> int: ...
    def finish_run(self, *args: Any, **kwargs: Any) -> None: ...


@dataclass
class Stages:
    """The other parts the pipeline wires together (modules or look-alikes, for tests)."""

    indexes: IndexesStage
    submissions: SubmissionsStage
    parse_filing: Callable[..., ParsedFiling]
    parser_version: str
    repo: RepoStage

    @classmethod
    def default(cls) -> "Stages":
        from ..edgar import indexes, submissions
        from ..extract import PARSER_VERSION, parse_filing
        from ..store import repository

        return cls(indexes=indexes, submissions=submissions, parse_filing=parse_filing,
                   parser_version=PARSER_VERSION, repo=repository)


class Pipeline:
    def __init__(self, *, engine: Engine, client: Any, raw: Any, options: PipelineOptions | None = None,
                 stages: Stages | None = None, progress: Progress | None = None,
                 worker_id: str | None = None,
                 today: Callable[[], date] = lambda: datetime.now(timezone.utc).date()):
        from ..store.db import session_factory

        self.engine = engine
        self.client = client
        self.raw = raw
        self.options = options or PipelineOptions()
        self.stages = stages or Stages.default()
        self.repo = self.stages.repo
        self.progress = progress or NoProgress()
        self.sessions = session_factory(engine)
        self.work = WorkQueue(engine, worker_id=worker_id, max_attempts=self.options.max_attempts)
        self.parsers = ParserPool(self.stages.parse_filing, self.options.parse_workers,
                                  deadline=self.options.parse_deadline)
        if self.parsers.workers > 1:
            _start_resource_tracker_quietly()
        self._parsing: deque = deque()  # (future, ref, size, sha256, newly_fetched), oldest first
        self.today = today
        self._where = engine.url.render_as_string(hide_password=True)
        self._run_id: int | None = None  # the ingestion run under way (set by _start_run)

    # -- database access, riding out brief outages ------------------------------------------

    def _tx(self, work: Callable[[Session], T], what: str = "a transaction") -> T:
        """`work(session)` in one transaction, retried whole through a brief outage."""
        from ..store.db import with_retry

        def once() -> T:
            with self.sessions.begin() as session:
                return work(session)

        return with_retry(once, url=self._where, seconds=self.options.db_retry_seconds, what=what)

    def _db(self, func: Callable[..., T], *args: Any, what: str = "a query", **kwargs: Any) -> T:
        """Any other database call (the work queue's claims and counts), retried the same way."""
        from ..store.db import with_retry

        return with_retry(lambda: func(*args, **kwargs), url=self._where,
                          seconds=self.options.db_retry_seconds, what=what)

    def _get_checkpoint(self, name: str) -> str | None:
        return self._tx(lambda s: self.repo.get_checkpoint(s, name), "reading a bookmark")

    def _set_checkpoint(self, name: str, value: str) -> None:
        self._tx(lambda s: self.repo.set_checkpoint(s, name, value), "moving a bookmark")

    def staleness(self, max_lag: int) -> str | None:
        """None while the newest daily index read is at most `max_lag` business days before
        today; else a line saying how stale the data is."""
        newest = parse_checkpoint(self._get_checkpoint(NIGHTLY_CHECKPOINT))
        today = self.today()
        if newest is None:
            return (f"data is stale: no daily index has been read into this database yet "
                    f"(today is {today}; nightly --max-lag {max_lag})")
        lag = sum(1 for _ in business_days(newest + timedelta(days=1), today))
        if lag <= max_lag:
            return None
        return (f"data is stale: the newest daily index read is {newest}, {lag} business days "
                f"before today ({today}), more than --max-lag {max_lag}; EDGAR has published "
                "nothing newer, or the runs could not read it (see the log)")

    # -- commands ---------------------------------------------------------------------------

    def nightly(self, *, since: date | None = None) -> RunStats:
        stats, started, requests0 = RunStats(), time.monotonic(), self._requests()
        run_id = self._start_run("nightly", {"since": since})
        try:
            checkpoint = parse_checkpoint(self._get_checkpoint(NIGHTLY_CHECKPOINT))
            today = self.today()
            if checkpoint is not None and since is not None and since != checkpoint:
                log.info("bookmark at %s; --since %s only applies to a first run", checkpoint, since)
            walk = DayWalk(start=nightly_start(checkpoint, since, today), today=today,
                           checkpoint=checkpoint)
            for day in walk.days():
                found = self.stages.indexes.discover_day_detailed(
                    self.client.get, day, self.options.forms,
                    skip_structured_notes=self.options.skip_notes,
                    max_index_bytes=self.options.max_index_bytes)
                if found is None:
                    log.info("no daily index for %s (holiday, or not published yet)", day)
                    walk.day_missing(day)
                    continue
                stats.days += 1
                kept = self._record(found.refs, found.skipped_refs, stats)
                accessions = frozenset(r.accession_number for r in kept)
                self._recheck_raw(accessions=accessions)
                self._process(Scope(accessions=accessions), stats, desc=str(day))
                moved = walk.day_completed(day)
                if moved is not None:
                    self._set_checkpoint(NIGHTLY_CHECKPOINT, moved.isoformat())
                log.info("index day %s done (%d filings kept)", day, len(kept))
            if walk.missing and walk.missing[-1] >= (walk.published[-1] if walk.published else walk.start):
                log.info("newest daily index not published yet after %s; stopping", walk.checkpoint)
            # Failures of earlier runs (bounded by max_attempts), never those of this run, and
            # any stored filing whose raw file went missing or was damaged since (a cheap
            # header/trailer check of each file: no decompression).
            self._recheck_raw(forms=self.options.forms)
            self._process(Scope(only_failed=True, forms=self.options.forms), stats, desc="retries")
            self._fill_tickers(stats)
        except BaseException as exc:
            self._end_badly(run_id, exc, stats, started, requests0)
            raise
        self._finish_run(run_id, "ok" if stats.ok else "failed", stats, started, requests0)
        return stats

    def backfill(self, *, start: date, end: date, ciks: Iterable[int] = (),
                 tickers: Iterable[str] = (), fetch: bool = True) -> RunStats:
        """Record the range's filings, then (unless fetch=False, leaving it to `work`
        processes) fetch and parse the ones still missing."""
        stats, started, requests0 = RunStats(), time.monotonic(), self._requests()
        ciks = list(ciks)
        run_id = self._start_run("backfill", {"start": start, "end": end, "ciks": ciks,
                                              "tickers": list(tickers), "forms": self.options.forms})
        try:
            tickers = list(tickers)
            if tickers:
                ciks.extend(self.stages.submissions.resolve_tickers(
                    self.client.get, tickers, cache=self.options.ticker_cache).values())
            if ciks:
                # One issuer's submissions JSON is a request or two; far cheaper than indexes.
                for cik in ciks:
                    try:
                        found = self.stages.submissions.discover_issuer(
                            self.client.get, cik, self.options.forms,
                            skip_structured_notes=self.options.skip_notes)
                    except (ConfigError, Blocked, StoreError):
                        raise  # no other issuer would fare better
                    except Exception as exc:
                        # One issuer's unreadable (or hostile) submissions cost that issuer's
                        # rows, not the run; recorded as an error, so the run exits 1.
                        stats.errors += 1
                        log.warning("submissions of CIK %s unusable: %s", cik, _describe(exc))
                        continue
                    stats.days += 1
                    self._record([r for r in found.refs if start <= r.filed_date <= end],
                                 [d.ref for d in found.skipped if start <= d.ref.filed_date <= end],
                                 stats)
                    self._issuer_tickers(found.issuer)
            else:
                self._discover_range(start, end, stats)
            if fetch:
                scope = Scope(forms=self.options.forms, ciks=frozenset(ciks) or None,
                              since=start, until=end)
                self._recheck_raw(forms=self.options.forms, ciks=ciks, since=start, until=end)
                self._process(scope, stats, desc="backfill")
            self._fill_tickers(stats)
        except BaseException as exc:
            self._end_badly(run_id, exc, stats, started, requests0)
            raise
        self._finish_run(run_id, "ok" if stats.ok else "failed", stats, started, requests0)
        return stats

    def work_pending(self, *, forms: Sequence[str] | None = None, ciks: Iterable[int] = (),
                     since: date | None = None, until: date | None = None) -> RunStats:
        """A worker: fetch and parse recorded filings until none is left to claim. Several of
        these may run at once (on PostgreSQL, on several hosts); each filing goes to one."""
        stats, started, requests0 = RunStats(), time.monotonic(), self._requests()
        run_id = self._start_run("work", {"forms": forms, "since": since, "until": until})
        try:
            forms = tuple(forms) if forms else self.options.forms
            ciks = list(ciks)
            self._recheck_raw(forms=forms, ciks=ciks, since=since, until=until)
            self._process(Scope(forms=forms, ciks=frozenset(ciks) or None, since=since, until=until),
                          stats, desc="work")
        except BaseException as exc:
            self._end_badly(run_id, exc, stats, started, requests0)
            raise
        self._finish_run(run_id, "ok" if stats.ok else "failed", stats, started, requests0)
        return stats

    def reparse(self, *, since: date | None = None, forms: Sequence[str] | None = None,
                retry_timeouts: bool = False) -> RunStats:
        """Re-run the parser over the raw store. Filings whose parse ran past the deadline
        under this parser version are skipped unless `retry_timeouts`."""
        stats, started = RunStats(), time.monotonic()
        self._check_raw_store()  # before anything is written: a wrong folder changes nothing
        run_id = self._start_run("reparse", {"since": since, "forms": forms})
        try:
            todo = list(self._tx(lambda s: list(self.repo.filings_to_reparse(s, since=since, forms=forms))))
            skip = set() if retry_timeouts else self._tx(lambda s: timed_out(s, self.stages.parser_version))
            if skip:
                todo = [item for item in todo if item.accession_number not in skip]
                log.warning("%d filings ran past the parse deadline under parser %s and are skipped; "
                            "`edgar-atm reparse --retry-timeouts` parses them again",
                            len(skip), self.stages.parser_version)
            self.progress.start(len(todo), "reparse")
            for item in todo:
                ref = _as_ref(item)
                try:
                    data = self.raw.get(ref.accession_number)
                except StoreError as exc:  # missing or damaged raw file: fetched again next run
                    stats.errors += 1
                    log.warning("cannot read raw %s (marked to be fetched again): %s", ref.accession_number, exc)
                    self._refetch(ref.accession_number, f"raw store: {_describe(exc)}")
                    self.progress.advance()
                    continue
                self._parse_later(ref, data, sha256=None, stats=stats, newly_fetched=False)
            self._parsed_all(stats)
        except BaseException as exc:
            self.progress.close()
            self._end_badly(run_id, exc, stats, started, None)
            raise
        self.progress.close()
        self._finish_run(run_id, "ok" if stats.ok else "failed", stats, started, None)
        return stats

    # -- discovery --------------------------------------------------------------------------

    def _discover_range(self, start: date, end: date, stats: RunStats) -> None:
        """Read every index of the range once, oldest first. An index whose filings an
        earlier (interrupted) backfill already recorded is not requested again: its
        checkpoint is written in the same transaction as its filings."""
        indexes = self.stages.indexes
        forms, notes = self.options.forms, self.options.skip_notes
        for step in indexes.plan_index_requests(start, end, today=self.today()):
            key = _index_checkpoint(step, forms, notes)
            if self._get_checkpoint(key):
                log.debug("index %s already recorded", key)
                continue
            try:
                if isinstance(step, indexes.QuarterlyIndex):
                    found = indexes.discover_quarter_detailed(
                        self.client.get, step.year, step.quarter, forms, step.start, step.end,
                        skip_structured_notes=notes, max_index_bytes=self.options.max_index_bytes)
                else:
                    found = indexes.discover_day_detailed(self.client.get, step.day, forms,
                                                          skip_structured_notes=notes,
                                                          max_index_bytes=self.options.max_index_bytes)
            except (ParseError, TooLarge) as exc:
                # An index that is no index (or a decompression bomb): an error of this
                # index, never recorded as done; the other indexes of the range go on.
                stats.errors += 1
                log.error("index %s unreadable, not recorded: %s", key, exc)
                continue
            if found is None:  # a holiday, or not published yet: asked again next time
                continue
            stats.days += 1
            self._record([r for r in found.refs if start <= r.filed_date <= end],
                         [r for r in found.skipped_refs if start <= r.filed_date <= end], stats,
                         checkpoint=(key, "done"))

    def _record(self, kept: Sequence[FilingRef], skipped: Sequence[FilingRef], stats: RunStats,
                checkpoint: tuple[str, str] | None = None) -> list[FilingRef]:
        kept = _dedupe(kept)
        stats.seen += len(kept) + len(skipped)
        stats.skipped += len(skipped)

        def record(session: Session) -> None:
            self.repo.record_discovered(session, kept)
            if checkpoint is not None:
                self.repo.set_checkpoint(session, *checkpoint)

        self._tx(record, "recording discovered filings")
        return kept

    # -- fetch, parse, save -----------------------------------------------------------------

    def _process(self, scope: Scope, stats: RunStats, *, desc: str) -> None:
        total = self._db(self.work.count, scope, what="counting filings to fetch")
        if not total:
            return
        self.progress.start(total, desc)
        results: queue.Queue = queue.Queue(maxsize=self.options.max_buffered)
        stop = threading.Event()
        claimed: dict[str, FilingRef] = {}
        done = object()

        def paths() -> Iterator[str]:
            while not stop.is_set():
                batch = self._db(self.work.claim, scope, self.options.batch_size, what="claiming filings")
                if not batch:
                    return
                for ref in batch:
                    held = self._held_raw(ref.accession_number)
                    if held is not None:
                        # Fetched by a run that died before recording it: no request.
                        results.put((ref, held))
                        continue
                    claimed[ref.path] = ref
                    yield ref.path

        def produce() -> None:
            try:
                for path, result in self.client.fetch_many(paths()):
                    if stop.is_set():
                        break
                    results.put((claimed.pop(path), result))
            except BaseException as exc:  # handed to the main thread, which re-raises it
                results.put((None, exc))
            finally:
                results.put(done)

        producer = threading.Thread(target=produce, name="edgar-atm-fetch", daemon=True)
        producer.start()
        try:
            while True:
                item = results.get()
                if item is done:
                    break
                ref, result = item
                if ref is None:
                    raise result
                self._handle(ref, result, stats)
            self._parsed_all(stats)
        finally:
            stop.set()
            # Unblock the producer if it waits on a full queue, then let it wind down.
            while producer.is_alive():
                try:
                    results.get(timeout=0.1)
                except queue.Empty:
                    pass
            self.work.release_unfinished()
            self.progress.close()

    def _held_raw(self, acc: str) -> _HeldRaw | None:
        """The raw store's copy of a filing the database does not yet record as fetched
        (a run killed between writing the raw file and committing), if it is intact."""
        if not self.raw.has(acc):
            return None
        try:
            return _HeldRaw(self.raw.get(acc))
        except Exception as exc:  # damaged: fetch it again, put() replaces the file
            log.warning("raw copy of %s is unusable, fetching it again: %s", acc, exc)
            return None

    def _handle(self, ref: FilingRef, result: bytes | BaseException | _HeldRaw,
                stats: RunStats) -> None:
        acc = ref.accession_number
        if isinstance(result, _HeldRaw):
            stats.reused += 1
            self._parse_later(ref, result.data, sha256=hashlib.sha256(result.data).hexdigest(),
                              stats=stats, newly_fetched=True)
            return
        if isinstance(result, BaseException):
            stats.errors += 1
            self.progress.advance()
            log.warning("fetch failed for %s: %s", acc, result)
            error = _describe(result)

            def failed(session: Session) -> None:
                # "Not found" is recorded as such, yet retried by later runs like any failure
                # (bounded by max_attempts): a filing listed in an index may not be there yet.
                self.repo.mark_fetch_failed(session, acc, error, permanent=isinstance(result, NotFound))
                session.execute(self.work.finished(acc))

            self._tx(failed, "recording a failed fetch")
            return
        try:
            sha256 = self.raw.put(acc, result)
        except Exception as exc:
            from ..store.db import disk_fault

            if disk_fault(exc):
                # Disk full, read-only, no permission: no other filing would fare better.
                raise StoreUnavailable(f"cannot write the raw store at {self.raw.root}: "
                                       f"{_describe(exc.__cause__ or exc)}", accession_number=acc) from exc
            stats.errors += 1
            log.error("could not write raw %s: %s", acc, exc)
            error = f"raw store: {_describe(exc)}"

            def unwritten(session: Session) -> None:
                self.repo.mark_fetch_failed(session, acc, error, permanent=False)
                session.execute(self.work.finished(acc))

            self._tx(unwritten, "recording a raw store failure")
            self.progress.advance()
            return
        stats.fetched += 1
        self._parse_later(ref, result, sha256=sha256, stats=stats, newly_fetched=True)

    def _parse_later(self, ref: FilingRef, data: bytes, *, sha256: str | None, stats: RunStats,
                     newly_fetched: bool) -> None:
        """Hand the bytes to a parser process; save whatever parses have finished, waiting
        for the oldest when enough are outstanding (which bounds memory)."""
        future = self.parsers.submit(data, ref.path)
        self._parsing.append((future, ref, len(data), sha256, newly_fetched))
        while len(self._parsing) >= self.parsers.capacity or (self._parsing and self._parsing[0][0].done()):
            self._save_next(stats)

    def _parsed_all(self, stats: RunStats) -> None:
        while self._parsing:
            self._save_next(stats)

    def _save_next(self, stats: RunStats) -> None:
        future, ref, size, sha256, newly_fetched = self._parsing.popleft()
        parsed, error = self.parsers.result(future)
        if parsed is not None:
            parsed = _complete(parsed, ref)
        self._save(ref, size, sha256, parsed, error, stats=stats, newly_fetched=newly_fetched)
        self.progress.advance()

    def _save(self, ref: FilingRef, size: int, sha256: str | None, parsed: ParsedFiling | None,
              error: str | None, *, stats: RunStats, newly_fetched: bool) -> None:
        """One filing's outcome in one transaction: fetched (+ events, or its parse error)."""
        from ..store.db import DatabaseUnavailable

        acc = ref.accession_number
        version = self.stages.parser_version
        error = mask(error) if error else error

        def save(session: Session) -> None:
            if newly_fetched:
                self.repo.mark_fetched(session, acc, sha256=sha256, size=size)
            if parsed is not None:
                self.repo.save_parsed_filing(session, parsed, source_url=ref.url,
                                             raw_sha256=sha256, parser_version=version, run_id=self._run_id)
            else:
                self.repo.mark_parse_failed(session, acc, error, parser_version=version)
            if newly_fetched:
                session.execute(self.work.finished(acc))

        try:
            self._tx(save, "saving a filing")
        except DatabaseUnavailable:
            raise  # the database is gone: the run stops (its record says why)
        except Exception as exc:
            # The events could not be stored (odd values, a constraint); keep the fetch.
            parsed, error = None, f"store: {_describe(exc)}"

            def keep_fetch(session: Session) -> None:
                if newly_fetched:
                    self.repo.mark_fetched(session, acc, sha256=sha256, size=size)
                    session.execute(self.work.finished(acc))
                self.repo.mark_parse_failed(session, acc, error, parser_version=version)

            self._tx(keep_fetch, "recording a filing that could not be saved")
        if parsed is None:
            stats.errors += 1
            log.warning("parse failed for %s: %s", acc, error)
        else:
            stats.parsed += 1
            stats.events += len(parsed.events)

    # -- the raw store ------------------------------------------------------------------------

    def _refetch(self, acc: str, reason: str) -> None:
        """A fetched filing whose raw file is missing or damaged: 'failed', so the next
        nightly/backfill/work run fetches it again (its stored events are kept meanwhile)."""
        from ..store.models import Filing

        def mark(session: Session) -> None:
            session.execute(update(Filing).where(Filing.accession_number == acc).values(
                fetch_status="failed", error=mask(reason)[:4000], claimed_by=None, claimed_at=None))

        self._tx(mark, "marking a filing to be fetched again")

    def _recheck_raw(self, *, accessions: Iterable[str] | None = None, forms: Sequence[str] | None = None,
                     ciks: Sequence[int] = (), since: date | None = None, until: date | None = None) -> int:
        """Fetched filings of this run's scope whose raw file is missing or visibly damaged
        (header hash or length not the recorded ones) are marked to be fetched in this run."""
        from ..store.models import Filing

        F = Filing
        query = select(F.accession_number, F.raw_sha256, F.raw_size).where(F.fetch_status == "fetched")
        if accessions is not None:
            wanted = sorted(accessions)
            if not wanted:
                return 0
            query = query.where(F.accession_number.in_(wanted))
        if forms:
            query = query.where(F.form_type.in_(list(forms)))
        if ciks:
            query = query.where(F.cik.in_([int(c) for c in ciks]))
        if since:
            query = query.where(F.filed_date >= since)
        if until:
            query = query.where(F.filed_date <= until)
        rows = self._tx(lambda s: s.execute(query).all(), "listing stored filings")
        damaged = 0
        for acc, sha256, size in rows:
            problem = self.raw.problem(acc, sha256=sha256, size=size)
            if problem:
                damaged += 1
                log.warning("raw file of %s %s; fetching it again", acc, problem)
                self._refetch(acc, f"raw store: {problem}")
        return damaged

    def _check_raw_store(self) -> None:
        """reparse needs the raw store the fetching runs wrote: stop (changing nothing) with
        one line naming where it looked when it is not there."""
        root = Path(self.raw.root)
        if root.is_dir():
            return
        from ..store.models import IngestionRun as R

        # Every run records its raw store (absolute) in its params; the newest fetching run's says
        # where the files are.
        last = self._tx(lambda s: s.execute(select(R.params).where(R.kind != "reparse")
                                            .order_by(R.id.desc()).limit(1)).scalar())
        recorded = last.get("raw_store") if isinstance(last, dict) else None
        hint = ""
        if recorded and recorded != str(root):
            hint = (f"; the runs that fetched the filings stored them in {recorded} "
                    f"(set EDGAR_ATM_DATA_DIR={Path(recorded).parent})")
        raise ConfigError(f"reparse: no raw store at {root} (EDGAR_ATM_DATA_DIR={root.parent}){hint}; "
                          "nothing was changed")

    # -- tickers ----------------------------------------------------------------------------

    def _issuer_tickers(self, issuer) -> None:
        """The symbols an issuer's submissions JSON lists (store.tickers)."""
        from ..store.tickers import set_issuer_tickers

        with self.sessions.begin() as session:
            set_issuer_tickers(session, issuer.cik, issuer.tickers)

    def _fill_tickers(self, stats: RunStats) -> None:
        """Symbols for every stored issuer from company_tickers.json (one request a day at
        most), after a run that stored filings (a run with nothing new sends no request).
        Bookkeeping: a failure is noted in the log (-v), never fails the run."""
        from ..store.tickers import fill_from_company_tickers

        if not (stats.fetched or stats.reused or stats.parsed):
            return
        try:
            table = self.stages.submissions.load_company_tickers(self.client.get, self.options.ticker_cache)
            with self.sessions.begin() as session:
                changed = fill_from_company_tickers(session, table)
            log.info("tickers: %d issuer(s) updated from company_tickers.json", changed)
        except Exception as exc:  # INFO, not WARNING: a quiet cron run mails only real failures
            log.info("tickers not updated (company_tickers.json): %s", _describe(exc))

    # -- run records ------------------------------------------------------------------------

    def _requests(self) -> int:
        stats = getattr(self.client, "stats", None)
        return int(getattr(stats, "requests", 0) or 0) if stats is not None else 0

    def _start_run(self, kind: str, params: dict) -> int:
        from ..store.models import IngestionRun

        params = {**params, "raw_store": str(self.raw.root), "worker": self.work.worker_id}

        def start(session: Session) -> int:
            # Runs of this host that died without recording their end (kill -9, the database
            # lost for good) are closed now, so no record says `running` forever.
            R = IngestionRun
            for rid, old in session.execute(select(R.id, R.params).where(R.status == "running")).all():
                holder = (old or {}).get("worker") if isinstance(old, dict) else None
                if holder and holder_gone(holder, self.work.worker_id):
                    session.execute(update(R).where(R.id == rid, R.status == "running").values(
                        status="failed", finished_at=datetime.now(timezone.utc),
                        error="the run ended without recording how (killed, or its database was lost)"))
            return self.repo.start_run(session, kind, _jsonable(params))

        self._run_id = self._tx(start, "starting the run")
        # Kept for the saves of this run: event rows and programs record which run wrote them.
        return self._run_id

    def _end_badly(self, run_id: int, exc: BaseException, stats: RunStats, started: float,
                   requests0: int | None) -> None:
        """The run's record after an exception: `interrupted` for a signal, else `failed`."""
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            self._finish_run(run_id, "interrupted", stats, started, requests0)
        else:
            self._finish_run(run_id, "failed", stats, started, requests0,
                             error=mask(f"{type(exc).__name__}: {exc}")[:4000])

    def _finish_run(self, run_id: int, status: str, stats: RunStats, started: float,
                    requests0: int | None, error: str | None = None) -> None:
        self._parsing.clear()
        self.parsers.close()
        stats.elapsed = time.monotonic() - started
        if requests0 is not None:
            stats.requests = self._requests() - requests0
        try:
            self._tx(lambda s: self.repo.finish_run(s, run_id, status=status, counts=stats.as_dict(),
                                                    error=error), "recording the end of the run")
        except Exception as exc:  # the run's record is bookkeeping; never mask the run's own outcome
            log.info("could not record the end of run %s (the next run closes it): %s", run_id, exc)


def _start_resource_tracker_quietly() -> None:
    """multiprocessing's resource tracker (started with the first parser process) ignores
    SIGINT and SIGTERM but dies of SIGHUP sent to the process group (a closed terminal),
    and is relaunched with warnings and tracebacks. Started here with SIGHUP ignored (an
    ignored signal stays ignored across exec), it outlives the hang-up quietly."""
    import signal

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGHUP"):
        return
    from multiprocessing import resource_tracker

    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        resource_tracker.ensure_running()
    except Exception:  # the tracker is multiprocessing's own business; it starts later then
        log.debug("could not start the resource tracker early", exc_info=True)
    finally:
        signal.signal(signal.SIGHUP, previous)


@dataclasses.dataclass(frozen=True)
class _HeldRaw:
    data: bytes


def _dedupe(refs: Sequence[FilingRef]) -> list[FilingRef]:
    # One filing is listed once per co-registrant; keep the first listing of each accession.
    seen: dict[str, FilingRef] = {}
    for ref in refs:
        seen.setdefault(ref.accession_number, ref)
    return list(seen.values())


def _index_checkpoint(step: Any, forms: Sequence[str], skip_notes: bool) -> str:
    """A short name for one index request of a backfill, with what was selected from it
    (checkpoint names are at most 100 characters)."""
    selection = hashlib.blake2b(f"{','.join(sorted(forms))}|{skip_notes}".encode(),
                                digest_size=4).hexdigest()
    if hasattr(step, "quarter"):
        span = f"{step.year}Q{step.quarter}:{step.start:%Y%m%d}-{step.end:%Y%m%d}"
    else:
        span = f"{step.day:%Y%m%d}"
    return f"{BACKFILL_INDEX_CHECKPOINT}{span}:{selection}"


def _complete(parsed: ParsedFiling, ref: FilingRef) -> ParsedFiling:
    """The index row is the authority on which filing this is; the header may be damaged."""
    return dataclasses.replace(
        parsed,
        accession_number=ref.accession_number,
        cik=parsed.cik or ref.cik,
        company=parsed.company or ref.company,
        form_type=parsed.form_type or ref.form_type,
        filed_date=parsed.filed_date or ref.filed_date,
    )


def _as_ref(item) -> FilingRef:
    if isinstance(item, FilingRef):
        return item
    return FilingRef(accession_number=item.accession_number, cik=item.cik,
                     company=getattr(item, "company", "") or "", form_type=item.form_type,
                     filed_date=item.filed_date, path=getattr(item, "path", None)
                     or f"/Archives/edgar/data/{item.cik}/{item.accession_number}.txt")


def _jsonable(params: dict) -> dict:
    out = {}
    for key, value in params.items():
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, (tuple, frozenset, set)):
            value = list(value)
        out[key] = value
    return out
