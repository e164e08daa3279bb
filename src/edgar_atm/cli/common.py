"""What every command shares: settings from the environment, logging, and the one error path.

The error path: whatever stops a command (a library error, a database gone mid-run, a full
disk, a signal, a bad argument) ends as ONE line on stderr (a JSON object under --log-json)
and the exit status of the table below and in the README. `describe_failure` is the single
place that maps exceptions to (status, line); `main` applies it around the whole command,
`handle_errors` around each command for in-process callers (click's CliRunner). Lines are
masked (no credentials) and stripped of terminal control sequences (edgar_atm.redact).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from typing import IO, Any, Callable, TypeVar

import click

from ..config import Settings
from ..errors import (ConfigError, EdgarAtmError, FetchError, ParseError, StaleData, StoreError, UsageError)
from ..redact import RedactingFilter, for_terminal, safe

EXIT_OK = 0
EXIT_FAILURES = 1          # the run finished, but some filings or files failed
EXIT_USAGE = 2             # bad arguments (click's own status)
EXIT_CONFIG = 3            # settings missing or wrong (e.g. EDGAR_USER_AGENT)
EXIT_UNAVAILABLE = 4       # database, disk or EDGAR unavailable, or the schema out of date
EXIT_STALE = 5             # nightly --max-lag: the newest published index is too old
EXIT_INTERNAL = 70         # a bug (EX_SOFTWARE): the line says so; -vv shows the traceback
EXIT_BUSY = 75             # another run holds the lock (EX_TEMPFAIL: cron may simply retry)
# A signal ends a run with 128 + its number, as the shell reports it.
SIGNAL_EXITS = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}


class _State:
    json = False
    verbose = 0
    signal: int | None = None
    database_url: str | None = None


STATE = _State()


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
        if record.exc_text:
            payload["exc"] = record.exc_text
        elif record.exc_info:
            payload["exc"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


def setup_logging(*, verbose: int, json_logs: bool) -> None:
    """One handler for edgar-atm's loggers and every library's (SQLAlchemy's pool, Alembic,
    warnings): masked, control characters dropped, tracebacks only with -vv."""
    STATE.json, STATE.verbose = json_logs, verbose
    # Quiet unless something is wrong when nobody watches (cron); chattier on a terminal or -v.
    if verbose >= 2:
        level = logging.DEBUG
    elif verbose == 1 or sys.stderr.isatty():
        level = logging.INFO
    else:
        level = logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if json_logs else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter(keep_tracebacks=verbose >= 2))
    root = logging.getLogger("edgar_atm")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    handler.set_name("edgar-atm")
    top = logging.getLogger()
    # Replace an earlier edgar-atm handler only (in-process callers may have their own).
    top.handlers[:] = [h for h in top.handlers if h.get_name() != "edgar-atm"] + [handler]
    top.setLevel(logging.DEBUG if verbose >= 3 else logging.WARNING)
    # The pool reports every connection lost mid-run with a traceback of its own; the run's
    # one line says it already (-vv shows them).
    logging.getLogger("sqlalchemy.pool").setLevel(logging.DEBUG if verbose >= 2 else logging.CRITICAL)
    logging.captureWarnings(True)


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
    EDGAR_ATM_DATA_DIR (raw filings, default ./edgar-atm-data), EDGAR_ATM_DB_RETRY_SECONDS
    (how long a run waits out a database outage, default 30).

    Exit status: 0 done, 1 some filings failed, 2 bad arguments, 3 bad settings, 4 database,
    disk or EDGAR unavailable, 5 stale data (nightly --max-lag), 70 internal error, 75 another
    run holds the lock, 129/130/143 stopped by a signal. Failures are one line on stderr.
    """
    settings = Settings.from_env()  # never raises: each command checks what it uses
    if log_json:
        settings = settings.with_(log_json=True)
    setup_logging(verbose=verbose, json_logs=settings.log_json)
    STATE.database_url = settings.database_url
    ctx.obj = settings


F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Any failure of the command: one line on stderr and its exit status."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except BaseException as exc:  # noqa: BLE001 - the one place that turns them into a status
            fail(exc)

    return wrapper  # type: ignore[return-value]


def describe_failure(exc: BaseException) -> tuple[int, str]:
    """(exit status, one-line message) for anything that ends a command."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..pipeline.lock import RunBusy
    from ..store.db import disk_fault, unavailable

    if isinstance(exc, KeyboardInterrupt):
        signum = signal.Signals(STATE.signal or signal.SIGINT)
        name = signum.name
        return (SIGNAL_EXITS.get(signum, 128 + int(signum)),
                f"interrupted ({name}); what was finished is saved, run the same command again to resume")
    if isinstance(exc, click.UsageError):
        where = exc.ctx.command_path if exc.ctx is not None else "edgar-atm"
        return EXIT_USAGE, f"{exc.format_message()} (see {where} --help)"
    if isinstance(exc, click.ClickException):
        return exc.exit_code, exc.format_message()
    if isinstance(exc, ConfigError):
        return EXIT_CONFIG, str(exc)
    if isinstance(exc, UsageError):
        return EXIT_USAGE, str(exc)
    if isinstance(exc, RunBusy):
        return EXIT_BUSY, str(exc)
    if isinstance(exc, StaleData):
        return EXIT_STALE, str(exc)
    if isinstance(exc, (StoreError, FetchError, ParseError)):
        return EXIT_UNAVAILABLE, str(exc)
    if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
        url = getattr(STATE, "database_url", None) or ""
        return EXIT_UNAVAILABLE, str(unavailable(url, exc))
    if isinstance(exc, OSError):
        if isinstance(exc, BrokenPipeError):
            return 141, ""  # the reader went away (`| head`): nothing to say
        reason = exc.strerror or str(exc)
        where = f" ({exc.filename})" if exc.filename else ""
        kind = "disk full or read-only" if disk_fault(exc) else "input/output error"
        return EXIT_UNAVAILABLE, f"{kind}: {reason}{where}"
    if isinstance(exc, EdgarAtmError):
        return EXIT_UNAVAILABLE, str(exc)
    first = str(exc).strip().splitlines()
    return EXIT_INTERNAL, (f"internal error: {type(exc).__name__}: {first[0] if first else ''} "
                           "(a bug; run again with -vv for the traceback and report it)")


def emit_failure(status: int, message: str, exc: BaseException | None = None) -> None:
    """The one line (or JSON object) on stderr."""
    if not message:
        return
    line = safe(" ".join(message.split("\n")))
    if STATE.json:
        payload: dict[str, Any] = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), "level": "error",
                                   "logger": "edgar_atm", "message": line, "exit_status": status}
        if exc is not None:
            payload["error"] = type(exc).__name__
        text = json.dumps(payload)
    else:
        text = line if line.startswith("edgar-atm") else f"edgar-atm: {line}"
    if exc is not None and STATE.verbose >= 2 and not isinstance(exc, KeyboardInterrupt):
        logging.getLogger("edgar_atm").debug("traceback of the failure", exc_info=exc)
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def report(message: str, status: int = EXIT_FAILURES, exc: BaseException | None = None) -> None:
    """A failure the command goes on after (one file of `parse`, an unknown issuer): the same
    one line as the error path (JSON under --log-json), without exiting."""
    emit_failure(status, message, exc)


def fail(exc: BaseException) -> None:
    status, message = describe_failure(exc)
    emit_failure(status, message, exc)
    sys.exit(status)


# -- the process: signals, standard output, the whole command ------------------------------


def _on_signal(signum: int, _frame: Any) -> None:
    """SIGTERM and SIGHUP end a run as Ctrl-C does (its record says `interrupted`). Later
    signals are ignored while the run records how it ended."""
    STATE.signal = signum
    for sig in SIGNAL_EXITS:
        signal.signal(sig, signal.SIG_IGN)
    raise KeyboardInterrupt


def install_signal_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in SIGNAL_EXITS:
        if signal.getsignal(sig) is signal.SIG_IGN and sig != signal.SIGINT:
            continue  # e.g. started under nohup: keep ignoring SIGHUP
        signal.signal(sig, _on_signal)


class TerminalSafeStream:
    """Standard output without terminal control sequences: text that came from filings (an
    issuer name with ESC in it) cannot drive the reader's terminal. JSON output is unchanged
    (json.dumps escapes control characters itself)."""

    def __init__(self, stream: IO[str]):
        self._stream = stream

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("text only")
        self._stream.write(for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True


def _early_json(argv: list[str]) -> bool:
    return "--log-json" in argv or os.environ.get("EDGAR_ATM_LOG_JSON", "").lower() in ("1", "true", "yes")


def run(group: click.Group, argv: list[str] | None = None) -> None:
    """The console script: the command inside the one error path."""
    args = sys.argv[1:] if argv is None else argv
    STATE.json = _early_json(args)
    install_signal_handlers()
    if not isinstance(sys.stdout, TerminalSafeStream) and sys.stdout is not None:
        sys.stdout = TerminalSafeStream(sys.stdout)
    try:
        with group.make_context("edgar-atm", list(args)) as ctx:
            group.invoke(ctx)
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except click.exceptions.Exit as exc:
        status = exc.exit_code
    except getattr(click.exceptions, "NoArgsIsHelpError", ()) as exc:  # plain `edgar-atm`: the help
        click.echo(exc.ctx.get_help() if exc.ctx is not None else "")
        status = 0
    except BaseException as exc:  # noqa: BLE001 - the one error path
        status, message = describe_failure(exc)
        emit_failure(status, message, exc)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        status = status or 141
    os._exit(status) if status == 141 else sys.exit(status)
