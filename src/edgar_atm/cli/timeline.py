"""`edgar-atm timeline`: one issuer's events in date order, and its programs."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import click
from sqlalchemy.exc import SQLAlchemyError

from ..store import db as store_db
from ..store.timeline import IssuerInfo, ProgramRow, TimelineRow, UnknownIssuer, load_programs, load_timeline, resolve_issuer
from .common import EXIT_FAILURES, cli_group, handle_errors, report
from .issuers import resolve_issuer_cik
from .output import money, output_format, output_options, text_width, to_csv, wrap, wrap_items

# The columns of `--csv` (one line per event; the filing's and the program's keys included).
CSV_COLUMNS = ("cik", "company", "event_date", "event_type", "form_type", "filed_date", "accession_number",
               "agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount",
               "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
               "remaining_amount", "effective_date", "commission_rate", "program_id", "source_url", "excerpt")


@cli_group.command("timeline")
@click.argument("issuer", metavar="CIK-OR-TICKER")
@output_options(json_help="One JSON object: the issuer, its events and its programs.")
@click.pass_obj
@handle_errors
def timeline_command(settings, issuer: str, as_json: bool, as_csv: bool, width: int | None) -> None:
    """Show one issuer's ATM events in date order, and its programs.

    CIK-OR-TICKER is a CIK (1279704, 0001279704) or a ticker (CLRB, any case). --json prints
    one object (the issuer, its events with the EVENT keys of `parse --json` plus the
    filing's, and its programs); --csv one line per event. Reads the database of --db or
    DATABASE_URL, created with `edgar-atm db upgrade` and filled by nightly or backfill.
    """
    fmt = output_format(as_json, as_csv)
    engine = store_db.make_engine(settings.database_url, must_exist=True)
    try:
        store_db.check_schema(engine)
        with store_db.session_factory(engine)() as session:
            try:
                info = resolve_issuer(session, str(resolve_issuer_cik(session, settings, issuer)))
            except UnknownIssuer as exc:
                report(str(exc), EXIT_FAILURES, exc)
                sys.exit(EXIT_FAILURES)
            rows = load_timeline(session, str(info.cik))
            programs = load_programs(session, info.cik)
    except SQLAlchemyError as exc:  # e.g. the server went away mid-query: still one line
        raise store_db.unavailable(settings.database_url, exc) from exc
    finally:
        engine.dispose()
    if fmt == "json":
        click.echo(json.dumps({
            "cik": info.cik, "company": info.name, "tickers": list(info.tickers),
            "events": [r.to_json() for r in rows], "programs": [p.to_json() for p in programs],
        }, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv([vars_of(r) for r in rows], CSV_COLUMNS), nl=False)
    else:
        click.echo(render(info, rows, programs, width=text_width(width)))


def vars_of(row: TimelineRow) -> dict:
    return {k: getattr(row, k) for k in row.__dataclass_fields__}


def _sold(shares: int | None, gross: Decimal | None, as_of=None) -> str:
    parts = []
    if shares is not None:
        parts.append(f"{shares:,} sh")
    if gross is not None:
        parts.append(money(gross))
    text = " / ".join(parts)
    if text and as_of:
        text += f" as of {as_of}"
    return text


def _agreement(agreement_type, agreement_date, amendment_date=None, security=None) -> str:
    text = agreement_type or "agreement"
    if agreement_date:
        text += f" of {agreement_date}"
    if amendment_date:
        text += f", amended {amendment_date}"
    if security:
        text += f" ({security})"
    return text


def _figures(pairs: list[tuple[str, str]]) -> list[str]:
    return [f"{label} {value}" for label, value in pairs if value]


# Each event is a block: a head line that always fits (date, type, form, accession: 62
# columns), then continuation lines indented under the type, wrapped to the width. Agents
# wrap between names; none is ever cut off.
_DATE_W, _EVENT_W, _FORM_W = 10, 19, 5
_INDENT = _DATE_W + 2


def _event_block(r: TimelineRow, width: int) -> list[str]:
    head = f"{str(r.event_date or ''):<{_DATE_W}}  {r.event_type:<{_EVENT_W}}  {r.form_type:<{_FORM_W}}  {r.accession_number}"
    lines = [head.rstrip()]
    lines += wrap("", _agreement(r.agreement_type, r.agreement_date, r.amendment_date, r.security), width, _INDENT)
    lines += wrap_items("", _figures([
        ("cap", money(r.max_amount)), ("offered", money(r.offered_amount)),
        ("cap", f"{r.max_shares:,} shares" if r.max_shares is not None else ""),
        ("sold", _sold(r.shares_sold, r.gross_proceeds, r.as_of)),
        ("net", money(r.net_proceeds)), ("remaining", money(r.remaining_amount)),
        ("effective", str(r.effective_date or "")),
    ]), width, _INDENT, sep="", gap="  ")
    lines += wrap_items("agents:", list(r.agents), width, _INDENT)
    return lines


def _program_block(p: ProgramRow, width: int) -> list[str]:
    head = f"#{p.program_id:<{_DATE_W - 1}}  {p.status:<{_EVENT_W}}  " + (f"since {p.status_date}" if p.status_date else "")
    lines = [head.rstrip()]
    lines += wrap("", _agreement(p.agreement_type, p.agreement_date, security=p.security), width, _INDENT)
    lines += wrap_items("", _figures([
        ("cap", money(p.current_cap)),
        ("cap", f"{p.max_shares:,} shares" if p.max_shares is not None else ""),
        ("sold", _sold(p.shares_sold, p.gross_proceeds, p.sales_as_of)),
        ("remaining", money(p.remaining_capacity)),
        ("filings", f"{p.first_filed_date} to {p.last_filed_date}" if p.first_filed_date else ""),
    ]), width, _INDENT, sep="", gap="  ")
    lines += wrap_items("agents:", list(p.agents), width, _INDENT)
    return lines


def render(info: IssuerInfo, rows: list[TimelineRow], programs: list[ProgramRow], width: int = 100) -> str:
    """The readable timeline of `edgar-atm timeline`, no line longer than `width`."""
    title = f"{info.name or 'CIK ' + str(info.cik)} (CIK {info.cik}"
    title += f", {', '.join(info.tickers)})" if info.tickers else ")"
    lines = wrap("", title, width, 0)
    if not rows:
        lines.append("no ATM events stored for this issuer")
        return "\n".join(lines)
    lines.append(f"{len(rows)} ATM event(s) in {len(programs)} program(s)")
    lines.append("")
    lines.append(f"{'DATE':<{_DATE_W}}  {'EVENT':<{_EVENT_W}}  {'FORM':<{_FORM_W}}  ACCESSION")
    for r in rows:
        lines += _event_block(r, width)
    if programs:
        lines.append("")
        lines.append(f"{'PROGRAM':<{_DATE_W}}  STATUS")
        for p in programs:
            lines += _program_block(p, width)
    return "\n".join(lines)
