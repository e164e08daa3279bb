"""`edgar-atm parse FILE...`: parse local files, no network, no database (owned by extract)."""

from __future__ import annotations

import json
import logging
import sys

import click

from ..errors import EdgarAtmError
from ..extract import parse_filing
from ..records import ParsedFiling
from .common import EXIT_FAILURES, EXIT_OK, cli_group, report

logger = logging.getLogger(__name__)


@cli_group.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--json", "as_json", is_flag=True, default=False,
              help="JSON Lines on stdout: one object per file (the format of docs/contracts.md).")
def parse_command(files: tuple[str, ...], as_json: bool) -> None:
    """Parse local filings into ATM events (no network, no database).

    FILE is a complete submission .txt from EDGAR or a bare .htm/.html/.txt/.md document;
    "-" reads standard input. A file that cannot be read or parsed is reported on stderr,
    the other files are still parsed, and the exit status is then non-zero.
    """
    failures = 0
    for path in files:
        try:
            data = _read(path)
            parsed = parse_filing(data, path=path)
        except (OSError, EdgarAtmError) as exc:
            failures += 1
            report(f"edgar-atm parse: {path}: {exc}", EXIT_FAILURES, exc)
            continue
        except Exception as exc:  # a parser bug must not stop the other files
            failures += 1
            logger.debug("unexpected parser failure on %s", path, exc_info=True)
            report(f"edgar-atm parse: {path}: internal error: {exc.__class__.__name__}: {exc}", EXIT_FAILURES, exc)
            continue
        if as_json:
            click.echo(json.dumps(parsed.to_json(), ensure_ascii=False))
        else:
            click.echo(summary(parsed))
    sys.exit(EXIT_FAILURES if failures else EXIT_OK)


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def summary(parsed: ParsedFiling) -> str:
    """A few readable lines per filing."""
    head = [parsed.path or "-"]
    ident = " ".join(x for x in (parsed.form_type, parsed.accession_number,
                                 parsed.company and f"{parsed.company} (CIK {parsed.cik})",
                                 parsed.filed_date and f"filed {parsed.filed_date.isoformat()}") if x)
    if ident:
        head.append(ident)
    lines = [": ".join(head)]
    if not parsed.events:
        lines.append("  no ATM events" + (" (mentions an ATM program)" if parsed.atm_related else " (not about an ATM)"))
    for ev in parsed.events:
        parts = [ev.type]
        if ev.agreement_type:
            parts.append(ev.agreement_type + (f" of {ev.agreement_date.isoformat()}" if ev.agreement_date else ""))
        if ev.amendment_date:
            parts.append(f"amended {ev.amendment_date.isoformat()}")
        if ev.agents:
            parts.append("agents: " + "; ".join(ev.agents))
        if ev.max_amount is not None:
            parts.append(f"cap ${ev.max_amount:,}")
        if ev.offered_amount is not None:
            parts.append(f"offered ${ev.offered_amount:,}")
        if ev.max_shares is not None:
            parts.append(f"cap {ev.max_shares:,} shares")
        if ev.shares_sold is not None:
            parts.append(f"sold {ev.shares_sold:,} shares")
        if ev.gross_proceeds is not None:
            parts.append(f"gross ${ev.gross_proceeds:,}")
        if ev.net_proceeds is not None:
            parts.append(f"net ${ev.net_proceeds:,}")
        if ev.remaining_amount is not None:
            parts.append(f"remaining ${ev.remaining_amount:,}")
        if ev.as_of:
            parts.append(f"as of {ev.as_of.isoformat()}")
        if ev.effective_date:
            parts.append(f"effective {ev.effective_date.isoformat()}")
        lines.append("  - " + ", ".join(parts))
    return "\n".join(lines)
