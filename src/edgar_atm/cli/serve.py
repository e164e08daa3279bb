"""`edgar-atm serve`: the database in a local web view (Datasette, the optional `web` extra).

Datasette reads SQLite files only, so serving a PostgreSQL database is a clear one-line error.
The database is opened read-only (immutable would hide rows a running nightly job adds).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import ConfigError
from .common import EXIT_CONFIG, cli_group, handle_errors

WEB_DIR = Path(__file__).resolve().parents[1] / "web"


def sqlite_path(database_url: str) -> Path:
    """The file behind an SQLite URL; ConfigError for any other database or a missing file."""
    try:
        url = make_url(database_url)
    except ArgumentError:
        raise ConfigError("serve: DATABASE_URL is not a database URL") from None
    if url.get_backend_name() != "sqlite":
        raise ConfigError(f"serve: Datasette reads SQLite files only, and the database is {url.get_backend_name()}; "
                          "export the views to SQLite or query PostgreSQL directly")
    if not url.database or url.database == ":memory:":
        raise ConfigError("serve: the SQLite URL names no file")
    path = Path(url.database).expanduser().resolve()
    if not path.is_file():
        raise ConfigError(f"serve: no database at {path}; run `edgar-atm db upgrade` and a job first")
    return path


def build_datasette(path: Path):
    """A Datasette app for the file, with the project's metadata, templates and pages plugin."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise ConfigError("serve needs the web extra: pip install 'edgar-atm[web]'") from None
    from ..web.metadata import build_metadata

    return Datasette(
        files=[str(path)],
        metadata=build_metadata(path.stem),
        template_dir=str(WEB_DIR / "templates"),
        plugins_dir=str(WEB_DIR / "plugins"),
        settings={"default_page_size": 50, "sql_time_limit_ms": 5000},
    )


@cli_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.pass_obj
@handle_errors
def serve_command(settings, host: str, port: int) -> None:
    """Browse the database in a web browser: tables and views with facets, the SQL cookbook as
    canned queries, and a page per issuer charting each program's cap, cumulative sales and
    remaining capacity over time (/-/issuer/CIK-OR-TICKER).

    Needs the optional extra: pip install 'edgar-atm[web]'. SQLite databases only.

    \b
    Example:
      edgar-atm --db sqlite:///demo.sqlite serve --port 8001
      # then open http://127.0.0.1:8001/-/issuers
    """
    path = sqlite_path(getattr(settings, "database_url"))
    app = build_datasette(path)
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - uvicorn comes with datasette
        click.echo("edgar-atm: serve needs uvicorn (pip install 'edgar-atm[web]')", err=True)
        sys.exit(EXIT_CONFIG)
    click.echo(f"edgar-atm: serving {path} at http://{host}:{port}/ (issuer charts at /-/issuers); Ctrl-C stops",
               err=True)
    uvicorn.run(app.app(), host=host, port=port, log_level="warning")
