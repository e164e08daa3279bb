"""`edgar-atm events`: what is new in the store (events written since a time, or by the last
run), for a morning look or a script that forwards them.

"New" means when the event row was written, not when the filing was filed: a backfill of
2019 that ran last night is new this morning. The atm_timeline view carries that time
(`recorded_at`) and the run that wrote it (`run_id`); on a schema without those columns the
filing's parse time and the runs' time windows stand in.
"""

from __future__ import annotations

import sys
from typing import Any
from datetime import date, datetime, time, timezone

import click
from sqlalchemy import BigInteger, Column, Date, Integer, MetaData, Numeric, Table, Text, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.types import TypeEngine

from ..records import EVENT_TYPES
from ..store import db as store_db
from ..store.base import UTCDateTime
from ..store.models import Filing, IngestionRun
from ..store.timeline import UnknownIssuer
from .common import EXIT_FAILURES, cli_group, handle_errors
from .issuers import resolve_issuer_cik
from .output import emit, money, output_format, output_options, text_width, wrap, wrap_items

COLUMNS = ("recorded_at", "run_id", "cik", "company", "event_date", "event_type", "form_type", "filed_date",
           "accession_number", "agreement_type", "agreement_date", "amendment_date", "agents", "security",
           "max_amount", "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds",
           "as_of", "remaining_amount", "effective_date", "program_id", "source_url")

_money = Numeric(20, 2)
_TYPES: dict[str, TypeEngine[Any] | type[TypeEngine[Any]]] = {
    "cik": BigInteger, "filed_date": Date, "event_date": Date, "agreement_date": Date,
    "amendment_date": Date, "as_of": Date, "effective_date": Date, "max_amount": _money,
    "offered_amount": _money, "gross_proceeds": _money, "net_proceeds": _money,
    "remaining_amount": _money, "max_shares": BigInteger, "shares_sold": BigInteger,
    "program_id": Integer, "run_id": Integer, "recorded_at": UTCDateTime(), "event_seq": Integer,
}


def _when(ctx, param, value):
    if value is None:
        return None
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), time.min)
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC), got {value!r}") from None
    # The store keeps UTC; a time without a zone is read as UTC.
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _types(values: tuple[str, ...]) -> tuple[str, ...]:
    unknown = [v for v in values if v not in EVENT_TYPES]
    if unknown:
        raise click.BadParameter(f"unknown event type {', '.join(unknown)} (one of {', '.join(EVENT_TYPES)})",
                                 param_hint="--type")
    return values


@cli_group.command("events")
@click.option("--since", callback=_when, default=None, metavar="DATE",
              help="Events written on or after DATE (YYYY-MM-DD, or YYYY-MM-DDTHH:MM, UTC).")
@click.option("--last-run", is_flag=True, default=False,
              help="Events written by the most recent nightly, backfill, work or reparse run "
                   "(the default when --since is not given).")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help=f"Only this event type (repeatable): {', '.join(EVENT_TYPES)}.")
@click.option("--issuer", default=None, metavar="CIK-OR-TICKER", help="Only this issuer.")
@output_options
@click.pass_obj
@handle_errors
def events_command(settings, since: datetime | None, last_run: bool, types: tuple[str, ...],
                   issuer: str | None, as_json: bool, as_csv: bool, width: int | None) -> None:
    """List what is new: the ATM events stored since a date, or by the last run.

    One row per event, oldest write first, with when it was written (recorded_at, UTC) and
    by which run (run_id). A cron job can mail `edgar-atm events --last-run --csv`.
    """
    if since is not None and last_run:
        raise click.UsageError("give either --since or --last-run, not both")
    fmt = output_format(as_json, as_csv)
    types = _types(types)
    engine = store_db.make_engine(settings.database_url, must_exist=True)
    try:
        store_db.check_schema(engine)
        with store_db.session_factory(engine)() as session:
            cik = None
            if issuer is not None:
                try:
                    cik = resolve_issuer_cik(session, settings, issuer)
                except UnknownIssuer as exc:
                    click.echo(f"edgar-atm: {exc}", err=True)
                    sys.exit(EXIT_FAILURES)
            rows, scope = load_events(session, since=since, types=types, cik=cik)
    except SQLAlchemyError as exc:
        raise store_db.unavailable(settings.database_url, exc) from exc
    finally:
        engine.dispose()
    emit(fmt, rows, COLUMNS, lambda: render(rows, scope, width=text_width(width)))


def _view(session) -> Table:
    """atm_timeline as this database has it (recorded_at and run_id only where the schema
    has them), with types, so dates and money come back as dates and Decimals."""
    # The session's own connection: a second one would wait for this one's SQLite write lock.
    names = [c["name"] for c in inspect(session.connection()).get_columns("atm_timeline")]
    return Table("atm_timeline", MetaData(), *(Column(n, _TYPES.get(n, Text)) for n in names))


def _last_run(session):
    runs = IngestionRun.__table__.c
    return session.execute(
        select(runs.id, runs.kind, runs.started_at, runs.finished_at, runs.status)
        .where(runs.kind.in_(("nightly", "backfill", "work", "reparse")))
        .order_by(runs.started_at.desc(), runs.id.desc()).limit(1)).first()


def load_events(session, *, since: datetime | None = None, types=(), cik: int | None = None):
    """(rows as dicts, a sentence saying what they are). Without `since`: the last run's."""
    view = _view(session)
    v = view.c
    filings = Filing.__table__.c
    native = "recorded_at" in v and "run_id" in v
    recorded = v.recorded_at if "recorded_at" in v else filings.parsed_at
    run_id = v.run_id if "run_id" in v else None
    query = select(view, *(() if "recorded_at" in v else (filings.parsed_at.label("recorded_at"),)))
    if "recorded_at" not in v:
        query = query.join_from(view, Filing.__table__, filings.accession_number == v.accession_number)
    if since is not None:
        query = query.where(recorded >= since)
        scope = f"written since {since:%Y-%m-%d %H:%M} UTC"
    else:
        run = _last_run(session)
        if run is None:
            return [], "no run has been recorded yet"
        scope = (f"written by run {run.id} ({run.kind}, {run.status}, started "
                 f"{run.started_at:%Y-%m-%d %H:%M} UTC)")
        if native:
            query = query.where(run_id == run.id)
        else:  # no run_id in this schema: the run's time window
            query = query.where(recorded >= run.started_at)
            if run.finished_at is not None:
                query = query.where(recorded <= run.finished_at)
    if types:
        query = query.where(v.event_type.in_(types))
    if cik is not None:
        query = query.where(v.cik == cik)
    order = [recorded, v.event_date, v.accession_number]
    if "event_seq" in v:
        order.append(v.event_seq)
    rows = []
    for r in session.execute(query.order_by(*order)).mappings():
        row = {c: r.get(c) for c in COLUMNS}
        row["agents"] = r["agents"].split("; ") if r.get("agents") else []
        if run_id is None:
            row["run_id"] = None
        rows.append(row)
    return rows, scope


def render(rows, scope: str, width: int = 100) -> str:
    lines = [f"{len(rows)} event(s) {scope}"]
    for r in rows:
        lines.append("")
        head = f"{str(r['event_date'] or ''):<10}  {r['event_type']:<19}  {r['company'] or ''} (CIK {r['cik']})"
        lines += wrap("", head, width, 0)
        lines += wrap("", f"{r['form_type']} {r['accession_number']} filed {r['filed_date']}", width, 12)
        agreement = " ".join(x for x in (r["agreement_type"] or "", f"of {r['agreement_date']}"
                                         if r["agreement_date"] else "") if x)
        lines += wrap("", agreement, width, 12)
        figures = [("cap", money(r["max_amount"])), ("sold", money(r["gross_proceeds"])),
                   ("shares sold", f"{r['shares_sold']:,}" if r["shares_sold"] is not None else ""),
                   ("remaining", money(r["remaining_amount"])), ("effective", str(r["effective_date"] or ""))]
        lines += wrap_items("", [f"{k} {val}" for k, val in figures if val], width, 12, sep="", gap="  ")
        lines += wrap_items("agents:", r["agents"], width, 12)
    return "\n".join(lines)
