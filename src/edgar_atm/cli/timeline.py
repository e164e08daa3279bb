"""`edgar-atm timeline`: one issuer's events in date order (owned by the store)."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

import click
from sqlalchemy.exc import SQLAlchemyError

from ..store import db as store_db
from ..store.timeline import IssuerInfo, ProgramRow, TimelineRow, UnknownIssuer, load_programs, load_timeline, resolve_issuer
from .common import EXIT_FAILURES, cli_group, handle_errors, report


@cli_group.command("timeline")
@click.argument("issuer", metavar="CIK-OR-TICKER")
@click.option("--json", "as_json", is_flag=True, default=False,
              help="One JSON object: the issuer, its events (the EVENT keys of `parse --json` plus "
                   "the filing's) and its programs.")
@click.pass_obj
@handle_errors
def timeline_command(settings, issuer: str, as_json: bool) -> None:
    """Show one issuer's ATM events in date order, and its programs.

    CIK-OR-TICKER is a CIK (1279704, 0001279704) or a ticker (CLRB). Reads DATABASE_URL; the
    database must have been created with `edgar-atm db upgrade` and filled by nightly,
    backfill or reparse.
    """
    engine = store_db.make_engine(settings.database_url, must_exist=True)
    try:
        store_db.check_schema(engine)
        with store_db.session_factory(engine)() as session:
            try:
                info = resolve_issuer(session, issuer)
            except UnknownIssuer as exc:
                report(str(exc), EXIT_FAILURES, exc)
                sys.exit(EXIT_FAILURES)
            rows = load_timeline(session, str(info.cik))
            programs = load_programs(session, info.cik)
    except SQLAlchemyError as exc:  # e.g. the server went away mid-query: still one line
        raise store_db.unavailable(settings.database_url, exc) from exc
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps({
            "cik": info.cik, "company": info.name, "tickers": list(info.tickers),
            "events": [r.to_json() for r in rows], "programs": [p.to_json() for p in programs],
        }, ensure_ascii=False))
    else:
        click.echo(render(info, rows, programs))


def money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"${value:,.0f}" if value == value.to_integral_value() else f"${value:,.2f}"


def _sold(shares: int | None, gross: Decimal | None) -> str:
    parts = []
    if shares is not None:
        parts.append(f"{shares:,} sh")
    if gross is not None:
        parts.append(money(gross))
    return " / ".join(parts)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(header: list[str], rows: list[list[str]], limits: list[int]) -> list[str]:
    rows = [[_cut(cell, limit) for cell, limit in zip(row, limits)] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*header).rstrip(), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*row).rstrip() for row in rows]
    return lines


def render(info: IssuerInfo, rows: list[TimelineRow], programs: list[ProgramRow]) -> str:
    """The readable table of `edgar-atm timeline`."""
    title = f"{info.name or 'CIK ' + str(info.cik)} (CIK {info.cik}"
    title += f", {', '.join(info.tickers)})" if info.tickers else ")"
    lines = [title]
    if not rows:
        lines.append("no ATM events stored for this issuer")
        return "\n".join(lines)
    lines.append(f"{len(rows)} ATM event(s) in {len(programs)} program(s)")
    lines.append("")
    lines += _table(
        ["DATE", "EVENT", "FORM", "ACCESSION", "AGREEMENT", "AGENTS", "CAP", "SOLD", "REMAINING"],
        [[str(r.event_date or ""), r.event_type, r.form_type, r.accession_number,
          " ".join(x for x in (r.agreement_type or "", str(r.agreement_date or "")) if x),
          "; ".join(r.agents), money(r.max_amount), _sold(r.shares_sold, r.gross_proceeds),
          money(r.remaining_amount)] for r in rows],
        [10, 19, 6, 20, 45, 40, 18, 32, 18],
    )
    if programs:
        lines.append("")
        lines += _table(
            ["PROGRAM", "STATUS", "SINCE", "AGREEMENT", "AGENTS", "CAP", "SOLD", "AS OF", "REMAINING"],
            [[str(p.program_id), p.status, str(p.status_date or ""),
              " ".join(x for x in (p.agreement_type or "", str(p.agreement_date or "")) if x),
              "; ".join(p.agents), money(p.current_cap), _sold(p.shares_sold, p.gross_proceeds),
              str(p.sales_as_of or ""), money(p.remaining_capacity)] for p in programs],
            [8, 10, 10, 45, 40, 18, 32, 10, 18],
        )
    return "\n".join(lines)
