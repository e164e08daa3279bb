"""`edgar-atm nightly | backfill | reparse | work`: the pipeline commands (owned by pipeline)."""

from __future__ import annotations

import logging
import sys
from contextlib import ExitStack
from datetime import date, timedelta
from typing import Any

import click

from ..config import Settings
from ..errors import StaleData
from ..records import FORM_TYPES_424B
from .common import EXIT_FAILURES, EXIT_OK, cli_group, handle_errors
from .issuers import ticker_cache_path

log = logging.getLogger("edgar_atm.pipeline")
EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT
# nightly --max-lag: on a healthy feed the newest index is 1 business day old (the previous
# business day's, read the next morning) and at most 3 around the longest run of closures in
# EDGAR's history (a holiday beside a closure day, e.g. 2018-12-24/25, then the weekend); 4
# leaves a day's slack for a late posting and still tells within a week that the data stopped.
DEFAULT_MAX_LAG = 4


# EDGAR's electronic filings (and its full-index) begin in 1993.
FIRST_EDGAR_DAY = date(1993, 1, 1)


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None
    if day < FIRST_EDGAR_DAY:
        raise click.BadParameter(f"{day} is before EDGAR's first electronic filings ({FIRST_EDGAR_DAY})")
    if day > date.today() + timedelta(days=1):
        raise click.BadParameter(f"{day} is in the future")
    return day


def _forms(values: tuple[str, ...]) -> tuple[str, ...]:
    forms = tuple(v.strip().upper() for v in values if v.strip())
    unknown = [f for f in forms if f not in FORM_TYPES_424B]
    if unknown:
        raise click.BadParameter(f"not a 424B form type: {', '.join(unknown)} "
                                 f"(one of {', '.join(FORM_TYPES_424B)})", param_hint="--form")
    return forms or FORM_TYPES_424B


def _rate_limited(settings: Settings, rate: float | None) -> Settings:
    """--rate-limit can only lower the configured limit, never raise it past the policy."""
    if rate is None:
        return settings
    if rate <= 0:
        raise click.BadParameter("must be above 0", param_hint="--rate-limit")
    if rate > settings.rate_limit:
        raise click.BadParameter(
            f"{rate} is above the configured limit {settings.rate_limit} (EDGAR_RATE_LIMIT); "
            "this option can only lower it", param_hint="--rate-limit")
    return settings.with_(rate_limit=rate)


rate_limit_option = click.option(
    "--rate-limit", type=float, default=None, metavar="REQ/S",
    help="Lower the request rate for this run (never above EDGAR_RATE_LIMIT, default 9/s).")


batch_size_option = click.option(
    "--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True,
    help="Filings claimed at a time (smaller shares a short range more evenly between workers).")


class _Bar:
    """A tqdm bar with rate and ETA, only when a person watches stderr."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, total: int, desc: str) -> None:
        from tqdm import tqdm

        self.close()
        self._bar = tqdm(total=total, desc=desc, unit="filing", file=sys.stderr, dynamic_ncols=True,
                         disable=not sys.stderr.isatty(), leave=False)

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _build(stack: ExitStack, settings: Settings, *, network: bool, skip_notes: bool = True,
           forms: tuple[str, ...] = FORM_TYPES_424B, batch_size: int = 64):
    """Engine, client and raw store for one command; closed when `stack` unwinds."""
    from ..pipeline.run import Pipeline, PipelineOptions
    from ..store.db import check_schema, make_engine
    from ..store.raw import RawStore

    if network:
        settings.require_user_agent()  # and every other network setting (exit status 3)
    engine = make_engine(settings.database_url)
    stack.callback(engine.dispose)
    check_schema(engine)
    client = None
    if network:
        from ..edgar.client import EdgarClient

        client = stack.enter_context(EdgarClient.from_settings(settings))
    pipeline = Pipeline(engine=engine, client=client, raw=RawStore(settings.raw_dir.absolute()),
                        options=PipelineOptions(forms=forms, skip_notes=skip_notes, batch_size=batch_size,
                                                ticker_cache=ticker_cache_path(settings),
                                                parse_deadline=settings.parse_deadline,
                                                max_index_bytes=settings.max_index_bytes,
                                                db_retry_seconds=settings.db_retry_seconds),
                        progress=_Bar())
    return engine, pipeline


def _summary(kind: str, stats) -> None:
    # One summary line; at WARNING when something failed, so cron (quiet logs) mails it.
    level = logging.INFO if stats.ok else logging.WARNING
    log.log(level, stats.line(kind), extra={f"ctx_{k}": v for k, v in stats.as_dict().items()})


def _finish(kind: str, stats) -> None:
    _summary(kind, stats)
    sys.exit(EXIT_OK if stats.ok else EXIT_FAILURES)


def interruptible(func):
    """Ctrl-C, SIGTERM and SIGHUP end a run with one line (the run's record says
    `interrupted`; everything finished so far is kept): handle_errors maps them, with the
    signal's exit status (130, 143, 129)."""
    return func


def _hold_lock(stack: ExitStack, engine, name: str) -> None:
    from ..pipeline.lock import run_lock

    stack.enter_context(run_lock(engine, name))  # RunBusy: exit status 75 (handle_errors)


@cli_group.command("nightly")
@click.option("--since", callback=_date, default=None, metavar="DATE",
              help="First index day (YYYY-MM-DD) when the database has no bookmark yet "
                   "(default: the previous business day). Ignored once a bookmark exists.")
@click.option("--no-skip-notes", is_flag=True, default=False,
              help="Also fetch 424B2 structured-note pricing supplements (skipped by default).")
@click.option("--max-lag", type=click.IntRange(0, 366), default=DEFAULT_MAX_LAG, show_default=True,
              metavar="DAYS", envvar="EDGAR_ATM_MAX_LAG",
              help="Exit with status 5 and say so when the newest daily index read is more than DAYS "
                   "business days before today (0 turns the check off; env EDGAR_ATM_MAX_LAG).")
@rate_limit_option
@click.option("--notify", "notify_urls", multiple=True, metavar="URL",
              help="POST each new event as JSON to this webhook (repeatable). Failed deliveries are "
                   "retried, recorded, and sent again by the next run; they never fail the ingest.")
@click.option("--on-event", "on_event", multiple=True, metavar="CMD",
              help="Run this command for each new event, the event as JSON on its stdin (repeatable).")
@click.option("--notify-attempts", default=4, show_default=True, type=click.IntRange(1, 10),
              help="Attempts per event and receiver within one run (exponential backoff from 1 s).")
@click.pass_obj
@handle_errors
@interruptible
def nightly(settings: Settings, since: date | None, no_skip_notes: bool, max_lag: int,
            rate_limit: float | None, notify_urls: tuple[str, ...], on_event: tuple[str, ...],
            notify_attempts: int) -> None:
    """Ingest every daily index since the last completed day.

    Re-checks the last completed day for late entries, then reads each newer daily index
    until the newest published one; stops cleanly when today's is not out yet (the SEC posts
    it at about 22:00 US Eastern). One run at a time per database: a second one exits at once
    with status 75. Exit status 0 when everything succeeded, 1 when some filings failed
    (they are retried on later runs).

    With --notify/--on-event, every event stored since the receiver's last delivery is sent
    after the ingest, oldest first (a receiver added today starts with today's events).
    """
    from .. import notify

    try:
        sinks = notify.sinks_from_options(notify_urls, on_event)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    settings = _rate_limited(settings, rate_limit)
    with ExitStack() as stack:
        engine, pipeline = _build(stack, settings, network=True, skip_notes=not no_skip_notes)
        _hold_lock(stack, engine, "nightly")
        if sinks:
            _notify(engine, lambda session: notify.prime(session, sinks))
        stats = pipeline.nightly(since=since)
        if sinks:
            policy = notify.RetryPolicy(attempts=notify_attempts)
            summary = _notify(engine, lambda session: notify.deliver(session, sinks, policy=policy))
            log.log(logging.WARNING if summary.failed else logging.INFO, summary.line(),
                    extra={"ctx_delivered": summary.delivered, "ctx_failed": summary.failed,
                           "ctx_pending": summary.pending})
        stale = pipeline.staleness(max_lag) if max_lag else None
    if stale is not None:
        _summary("nightly", stats)
        raise StaleData(stale)
    _finish("nightly", stats)


def _notify(engine, work):
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        return work(session)


@cli_group.command("backfill")
@click.option("--start", callback=_date, required=True, metavar="DATE", help="First filing date (YYYY-MM-DD).")
@click.option("--end", callback=_date, required=True, metavar="DATE", help="Last filing date (YYYY-MM-DD), inclusive.")
@click.option("--form", "forms", multiple=True, metavar="FORM",
              help="Only this form type (repeatable, e.g. --form 424B5 --form 424B3). Default: 424B1-424B8.")
@click.option("--cik", "ciks", multiple=True, type=click.IntRange(1, 9_999_999_999), metavar="CIK",
              help="Only this issuer (repeatable); read from its submissions instead of the indexes.")
@click.option("--ticker", "tickers", multiple=True, metavar="TICKER", help="Only this issuer, by ticker (repeatable).")
@click.option("--no-skip-notes", is_flag=True, default=False,
              help="Also fetch 424B2 structured-note pricing supplements (skipped by default).")
@click.option("--no-fetch", is_flag=True, default=False,
              help="Only record what the indexes list; leave fetching to `edgar-atm work` processes.")
@batch_size_option
@rate_limit_option
@click.pass_obj
@handle_errors
@interruptible
def backfill(settings: Settings, start: date, end: date, forms: tuple[str, ...], ciks: tuple[int, ...],
             tickers: tuple[str, ...], no_skip_notes: bool, no_fetch: bool, batch_size: int,
             rate_limit: float | None) -> None:
    """Ingest a bounded date range (quarterly indexes where that saves requests).

    Resumable: stop it any way (Ctrl-C, kill -9, a power cut) and run it again; it fetches
    only what is still missing. It never moves the nightly bookmark, and may run beside the
    nightly job (both share the one rate limit). Several backfills or `work` processes may
    run at once; each filing is claimed by one of them.
    """
    if end < start:
        raise click.BadParameter("--end is before --start", param_hint="--end")
    settings = _rate_limited(settings, rate_limit)
    with ExitStack() as stack:
        _, pipeline = _build(stack, settings, network=True, skip_notes=not no_skip_notes,
                             forms=_forms(forms), batch_size=batch_size)
        stats = pipeline.backfill(start=start, end=end, ciks=ciks, tickers=tickers, fetch=not no_fetch)
    _finish("backfill", stats)


@cli_group.command("work")
@click.option("--form", "forms", multiple=True, metavar="FORM", help="Only this form type (repeatable).")
@click.option("--since", callback=_date, default=None, metavar="DATE", help="Only filings filed on or after DATE.")
@click.option("--until", callback=_date, default=None, metavar="DATE", help="Only filings filed on or before DATE.")
@batch_size_option
@rate_limit_option
@click.pass_obj
@handle_errors
@interruptible
def work(settings: Settings, forms: tuple[str, ...], since: date | None, until: date | None,
         batch_size: int, rate_limit: float | None) -> None:
    """Fetch and parse recorded filings until none is left (an extra worker).

    Start several on PostgreSQL, on one or several hosts, beside a backfill: they claim
    filings with row locks (no filing is processed twice) and share the rate limit when
    EDGAR_RATE_LIMIT_STORE points at the same place (a file on one host, or the PostgreSQL URL).
    """
    settings = _rate_limited(settings, rate_limit)
    with ExitStack() as stack:
        _, pipeline = _build(stack, settings, network=True, forms=_forms(forms), batch_size=batch_size)
        stats = pipeline.work_pending(forms=_forms(forms), since=since, until=until)
    _finish("work", stats)


@cli_group.command("reparse")
@click.option("--since", callback=_date, default=None, metavar="DATE", help="Only filings filed on or after DATE.")
@click.option("--form", "forms", multiple=True, metavar="FORM", help="Only this form type (repeatable).")
@click.option("--retry-timeouts", is_flag=True,
              help="Also filings whose parse ran past the deadline (EDGAR_ATM_PARSE_DEADLINE) "
                   "under the current parser version; skipped otherwise.")
@click.pass_obj
@handle_errors
@interruptible
def reparse(settings: Settings, since: date | None, forms: tuple[str, ...], retry_timeouts: bool) -> None:
    """Re-run the current parser over the stored raw filings (no network).

    Replaces each filing's events in one transaction and records the parser version, so it
    can be run again at any time with the same result.
    """
    with ExitStack() as stack:
        engine, pipeline = _build(stack, settings, network=False)
        _hold_lock(stack, engine, "reparse")
        stats = pipeline.reparse(since=since, forms=_forms(forms) if forms else None,
                                 retry_timeouts=retry_timeouts)
    _finish("reparse", stats)


__all__ = ["nightly", "backfill", "work", "reparse"]
