"""The `edgar-atm` command. Each command lives in a module of its own below this package;
this module assembles the group: the global options (--db) and an example in every --help."""

from __future__ import annotations

import functools

import click

from .common import cli_group, run
from . import db as _db, events as _events, ingest as _ingest, parse as _parse, programs as _programs  # noqa: F401
from . import serve as _serve, timeline as _timeline  # noqa: F401  (register commands)


def _add_db_option(group: click.Group) -> None:
    """`edgar-atm --db URL COMMAND`: the database for this command (DATABASE_URL otherwise)."""
    inner = group.callback
    assert inner is not None  # cli_group is always defined on a function

    @functools.wraps(inner)
    def callback(*args, db: str | None = None, **kwargs):
        result = inner(*args, **kwargs)
        ctx = click.get_current_context()
        if db:
            ctx.obj = ctx.obj.with_(database_url=db)
        return result

    group.callback = callback
    group.params.insert(0, click.Option(
        ["--db"], metavar="URL", default=None,
        help="Database for this command, e.g. sqlite:///demo.sqlite or "
             "postgresql+psycopg://user@host/db (default: DATABASE_URL, else sqlite:///edgar-atm.sqlite)."))


_add_db_option(cli_group)

# One example per command, shown at the end of its --help (tests/cli/test_help.py checks
# that every command has one).
EXAMPLES = {
    "": ["edgar-atm --db sqlite:///demo.sqlite timeline CLRB",
         "edgar-atm events --last-run --csv > new-events.csv"],
    "db": ["edgar-atm db upgrade && edgar-atm db current"],
    "db upgrade": ["edgar-atm --db sqlite:///edgar-atm.sqlite db upgrade"],
    "db current": ["edgar-atm db current"],
    "db downgrade": ["edgar-atm db downgrade base     # drops every edgar-atm table and view"],
    "nightly": ["EDGAR_USER_AGENT='Acme Research ops@acme.example' edgar-atm nightly --since 2026-03-02"],
    "backfill": ["edgar-atm backfill --start 2024-01-01 --end 2024-12-31 --form 424B5",
                 "edgar-atm backfill --start 2015-01-01 --end 2025-12-31 --ticker WSO"],
    "work": ["edgar-atm work --since 2020-01-01 --until 2020-12-31"],
    "reparse": ["edgar-atm reparse --since 2024-01-01 --form 424B5"],
    "parse": ["edgar-atm parse --json tests/data/corpus/cellectar-424b3-2022-10-20.md"],
    "timeline": ["edgar-atm timeline CLRB",
                 "edgar-atm --db sqlite:///demo.sqlite timeline WSO --csv > watsco.csv"],
    "events": ["edgar-atm events --last-run",
               "edgar-atm events --since 2026-03-01 --type suspended --type terminated --json"],
    "programs": ["edgar-atm programs WSO",
                 "edgar-atm programs --status active --csv > active.csv"],
    "serve": ["edgar-atm --db sqlite:///demo.sqlite serve"],
}


def _add_examples(command: click.Command, path: str = "") -> None:
    example = EXAMPLES.get(path)
    if example and "Example" not in (command.help or "") + (command.epilog or ""):
        label = "Example" if len(example) == 1 else "Examples"
        # "\b" keeps click from re-flowing the command lines.
        command.epilog = "\n\n".join(x for x in (command.epilog, f"{label}:\n\n\b\n" + "\n".join(
            f"  {line}" for line in example)) if x)
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            _add_examples(sub, f"{path} {name}".strip())


_add_examples(cli_group)


def main() -> None:
    run(cli_group)  # the one error path: one line and an exit status, whatever happens


__all__ = ["cli_group", "main", "click"]
