"""The `edgar-atm` command. Each command lives in a module of its own below this package;
this module only assembles the group."""

from __future__ import annotations

import click

from .common import cli_group
from . import db as _db, ingest as _ingest, parse as _parse, programs as _programs, serve as _serve  # noqa: F401  (register commands)
from . import timeline as _timeline  # noqa: F401


def main() -> None:
    cli_group(prog_name="edgar-atm")


__all__ = ["cli_group", "main", "click"]
