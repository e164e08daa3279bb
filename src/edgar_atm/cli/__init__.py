"""The `edgar-atm` command. Each command lives in a module of its own below this package;
this module only assembles the group."""

from __future__ import annotations

import click

from .common import cli_group, run
from . import db as _db, ingest as _ingest, parse as _parse, serve as _serve, timeline as _timeline  # noqa: F401  (register commands)


def main() -> None:
    run(cli_group)  # the one error path: one line and an exit status, whatever happens


__all__ = ["cli_group", "main", "click"]
