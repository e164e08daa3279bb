"""`edgar-atm programs`: ATM programs as they stood on a date (owned by the store).

The programs are computed by the same fold the store runs on every save
(edgar_atm.programs.fold), over the stored events of filings filed on or before the date:
nothing filed later is seen (no lookahead). Without --as-of, every stored filing counts and
the result equals the atm_programs view.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from typing import Any

import click
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..programs import STATUSES, Program, fold
from ..records import _jsonable
from ..store import db as store_db
from ..store.models import Issuer
from ..store.recompute import load_events_by_issuer
from ..store.timeline import UnknownIssuer, resolve_issuer
from .common import EXIT_FAILURES, cli_group, handle_errors
from .output import money, text_width, wrap, wrap_items

FIELDS = (
    "cik", "company", "agreement_type", "agreement_date", "security", "agents", "status", "status_date",
    "current_cap", "max_shares", "offered_amount", "shares_sold", "gross_proceeds", "net_proceeds",
    "sales_as_of", "remaining_capacity", "event_count", "first_accession_number", "first_filed_date",
    "last_accession_number", "last_filed_date",
)


def program_record(cik: int, company: str | None, p: Program) -> dict[str, Any]:
    """One program as `programs --json` prints it (the atm_programs columns, agents a list)."""
    first, last = p.first_event, p.last_event
    return {
        "cik": cik, "company": company, "agreement_type": p.agreement_type, "agreement_date": p.agreement_date,
        "security": p.security, "agents": list(p.agents), "status": p.status, "status_date": p.status_date,
        "current_cap": p.current_cap, "max_shares": p.max_shares, "offered_amount": p.offered_amount,
        "shares_sold": p.shares_sold, "gross_proceeds": p.gross_proceeds, "net_proceeds": p.net_proceeds,
        "sales_as_of": p.sales_as_of, "remaining_capacity": p.remaining_capacity, "event_count": len(p.events),
        "first_accession_number": first.accession_number, "first_filed_date": first.filed_date,
        "last_accession_number": last.accession_number, "last_filed_date": last.filed_date,
    }


def programs_as_of(session, cik: int | None, as_of: date | None, status: str | None) -> list[dict[str, Any]]:
    """The programs of one issuer (or all) from filings filed on or before `as_of`."""
    events = load_events_by_issuer(session, cik, filed_until=as_of)
    names = dict(session.execute(select(Issuer.cik, Issuer.name).where(Issuer.cik.in_(list(events)))).all()) \
        if events else {}
    out = []
    for issuer_cik in sorted(events):
        for p in fold(events[issuer_cik], as_of=as_of):
            if status is None or p.status == status:
                out.append(program_record(issuer_cik, names.get(issuer_cik), p))
    return out


@cli_group.command("programs")
@click.argument("issuer", metavar="[CIK-OR-TICKER]", required=False)
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Programs as they stood on this date (YYYY-MM-DD), from filings filed on or before it.")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only programs with this status.")
@click.option("--json", "fmt", flag_value="json", help="One JSON object: {as_of, programs: [...]}.")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row (agents joined with '; ').")
@click.pass_obj
@handle_errors
def programs_command(settings, issuer: str | None, as_of, status: str | None, fmt: str | None) -> None:
    """Show ATM programs (one issuer's, or every issuer's) as they stood on a date.

    \b
    Examples:
      edgar-atm programs PRTA --as-of 2021-12-01
      edgar-atm programs --status active --csv > active.csv

    The programs are derived from the stored events of filings filed on or before --as-of
    (default: all), by the same rules as the atm_programs view.
    """
    day = as_of.date() if as_of is not None else None
    engine = store_db.make_engine(settings.database_url, must_exist=True)
    try:
        store_db.check_schema(engine)
        with store_db.session_factory(engine)() as session:
            cik = None
            if issuer is not None:
                try:
                    cik = resolve_issuer(session, issuer).cik
                except UnknownIssuer as exc:
                    click.echo(f"edgar-atm: {exc}", err=True)
                    sys.exit(EXIT_FAILURES)
            rows = programs_as_of(session, cik, day, status)
    except SQLAlchemyError as exc:
        raise store_db.unavailable(settings.database_url, exc) from exc
    finally:
        engine.dispose()
    if fmt == "json":
        click.echo(json.dumps({"as_of": _jsonable(day), "programs": [_jsonable(r) for r in rows]},
                              ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    else:
        click.echo(render(rows, day))


def to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for r in rows:
        writer.writerow(["; ".join(r[k]) if k == "agents" else ("" if r[k] is None else _jsonable(r[k]))
                         for k in FIELDS])
    return buffer.getvalue()


def render(rows: list[dict[str, Any]], day: date | None, width: int | None = None) -> str:
    """One block per program: a head line (status, since, issuer), then its agreement,
    figures and agents wrapped to the width (at most 100 columns; no agent is cut)."""
    width = text_width(width)
    when = f"as of {day}" if day else "from every stored filing"
    if not rows:
        return f"no ATM programs {when}"
    lines = [f"{len(rows)} ATM program(s) {when}"]
    for r in rows:
        lines.append("")
        since = f"since {r['status_date']}  " if r["status_date"] else ""
        lines += wrap("", f"{r['status']:<10}  {since}{r['company'] or ''} (CIK {r['cik']})",
                      width, 0)
        agreement = " ".join(x for x in (r["agreement_type"] or "agreement",
                                         f"of {r['agreement_date']}" if r["agreement_date"] else "") if x)
        lines += wrap("", agreement, width, 12)
        figures = [f"{k} {v}" for k, v in (("cap", money(r["current_cap"])), ("sold", money(r["gross_proceeds"])),
                                           ("as of", str(r["sales_as_of"] or "")),
                                           ("remaining", money(r["remaining_capacity"])),
                                           ("last filing", r["last_accession_number"] or "")) if v]
        lines += wrap_items("", figures, width, 12, sep="", gap="  ")
        lines += wrap_items("agents:", list(r["agents"]), width, 12)
    return "\n".join(lines)
