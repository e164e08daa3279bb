"""What every command shares: settings from the environment, logging, and turning
edgar-atm errors into a one-line message and a non-zero exit status (never a traceback)."""

from __future__ import annotations

import functools
import json
import logging
import sys

import click

from ..config import Settings
from ..errors import ConfigError, EdgarAtmError

EXIT_OK = 0
EXIT_FAILURES = 1          # the run finished, but some filings or files failed
EXIT_USAGE = 2             # click's own status for bad arguments
EXIT_CONFIG = 3            # settings missing or wrong (e.g. EDGAR_USER_AGENT)
EXIT_UNAVAILABLE = 4       # database or EDGAR unreachable
EXIT_BUSY = 75             # another run holds the lock (EX_TEMPFAIL: cron may simply retry)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key.startswith("ctx_"):
                payload[key[4:]] = value
        if record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


def setup_logging(*, verbose: int, json_logs: bool) -> None:
    # Quiet unless something is wrong when nobody watches (cron); chattier on a terminal or -v.
    if verbose >= 2:
        level = logging.DEBUG
    elif verbose == 1 or sys.stderr.isatty():
        level = logging.INFO
    else:
        level = logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if json_logs else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("edgar_atm")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("--log-json", is_flag=True, default=False, help="Structured (JSON) log lines on stderr.")
@click.version_option(package_name="edgar-atm")
@click.pass_context
def cli_group(ctx: click.Context, verbose: int, log_json: bool) -> None:
    """Track at-the-market (ATM) equity programs from SEC EDGAR 424B filings.

    Settings come from the environment: EDGAR_USER_AGENT (required for network commands;
    must contain a contact e-mail), DATABASE_URL (default: sqlite:///edgar-atm.sqlite),
    EDGAR_BASE_URL (send every EDGAR request to one origin, e.g. a mirror or the fake
    server), EDGAR_RATE_LIMIT (requests per second, default 9, at most 10),
    EDGAR_ATM_DATA_DIR (raw filings, default ./edgar-atm-data).
    """
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if log_json:
        settings = settings.with_(log_json=True)
    setup_logging(verbose=verbose, json_logs=settings.log_json)
    ctx.obj = settings


def handle_errors(func):
    """Turn library errors into a message on stderr and an exit status."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"edgar-atm: {exc}", err=True)
            sys.exit(EXIT_CONFIG)
        except EdgarAtmError as exc:
            click.echo(f"edgar-atm: {exc}", err=True)
            sys.exit(EXIT_UNAVAILABLE)

    return wrapper
